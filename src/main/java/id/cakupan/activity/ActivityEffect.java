package id.cakupan.activity;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whether BPU participation moved more after done activities than elsewhere (SPEC §7). For an
 * activity in kelurahan k, month a: before = P(a−1) − P(a−4), after = P(a+3) − P(a), change =
 * after − before; the comparison is the mean change over the same months of the kelurahan of the
 * same kota with no done activity from a−4 to a+3 (those with every month known); excess = change −
 * comparison. Any missing month makes the value null. This is an association, not proof of effect:
 * {@link #CAVEAT} goes with every answer.
 */
public final class ActivityEffect {
  public static final String CAVEAT = "Ini hubungan (asosiasi), bukan bukti sebab-akibat: kelurahan yang didatangi"
      + " bisa berbeda dari pembandingnya, dan kepesertaan juga berubah karena hal lain. / This is an association,"
      + " not proof of effect: visited kelurahan may differ from their comparison, and participation changes for"
      + " other reasons too.";

  /** BPU participants of a kelurahan in a month, or null when not known. */
  @FunctionalInterface
  public interface Participants {
    Long at(KelurahanCode code, Period month);
  }

  /**
   * One done activity's numbers.
   *
   * @param comparisonKelurahan how many kelurahan the comparison is the mean of (0: no comparison)
   */
  public record Row(Activity activity, Long before, Long after, Long change, Double comparison,
      int comparisonKelurahan, Double excess) {}

  /** Per activity type or organiser. */
  public record Summary(String key, int activities, long registrations, Double registrationsPerActivity,
      Double meanExcess, int activitiesWithExcess) {}

  public record Result(List<Row> rows, List<Summary> byType, List<Summary> byOrganiser) {}

  private ActivityEffect() {}

  /**
   * @param activities all activities (planned and cancelled ones are ignored)
   * @param kelurahan every kelurahan of the region, the pool the comparisons come from
   */
  public static Result compute(Collection<Activity> activities, Collection<KelurahanCode> kelurahan,
      Participants participants) {
    return compute(activities, activities, kelurahan, participants);
  }

  /**
   * Rows and summaries for the done activities among {@code subjects} only (e.g. one kecamatan's),
   * with comparisons that still leave out every kelurahan any done activity reached.
   */
  public static Result compute(Collection<Activity> subjects, Collection<Activity> all,
      Collection<KelurahanCode> kelurahan, Participants participants) {
    // Done activity months per kelurahan, to find who had none in a window.
    Map<KelurahanCode, List<Period>> doneMonths = new TreeMap<>();
    for (Activity a : all) {
      if (a.done()) doneMonths.computeIfAbsent(a.code(), k -> new ArrayList<>()).add(a.month());
    }
    // Comparisons come from the same kota: index once, not a scan of the country per activity.
    Map<String, List<KelurahanCode>> byKota = new TreeMap<>();
    for (KelurahanCode k : kelurahan) byKota.computeIfAbsent(k.kotaCode(), x -> new ArrayList<>()).add(k);
    List<Activity> done = subjects.stream().filter(Activity::done)
        .sorted(Comparator.comparing(Activity::date).thenComparing(Activity::id)).toList();
    List<Row> rows = new ArrayList<>();
    for (Activity a : done) {
      Period m = a.month();
      Long change = change(a.code(), m, participants);
      double sum = 0;
      int n = 0;
      for (KelurahanCode other : byKota.getOrDefault(a.code().kotaCode(), List.of())) {
        if (other.equals(a.code())) continue;
        if (touched(doneMonths.get(other), m.minusMonths(4), m.minusMonths(-3))) continue;
        Long c = change(other, m, participants);
        if (c == null) continue;
        sum += c;
        n++;
      }
      Double comparison = n == 0 ? null : sum / n;
      Double excess = change == null || comparison == null ? null : change - comparison;
      Long before = difference(participants.at(a.code(), m.minusMonths(1)), participants.at(a.code(), m.minusMonths(4)));
      Long after = difference(participants.at(a.code(), m.minusMonths(-3)), participants.at(a.code(), m));
      rows.add(new Row(a, before, after, change, comparison, n, excess));
    }
    return new Result(rows, summarise(rows, r -> r.activity().type().key()),
        summarise(rows, r -> r.activity().organiser()));
  }

  /** after − before for kelurahan k around month m; null when a month is missing. */
  static Long change(KelurahanCode k, Period m, Participants p) {
    Long before = difference(p.at(k, m.minusMonths(1)), p.at(k, m.minusMonths(4)));
    Long after = difference(p.at(k, m.minusMonths(-3)), p.at(k, m));
    return before == null || after == null ? null : after - before;
  }

  private static Long difference(Long later, Long earlier) {
    return later == null || earlier == null ? null : later - earlier;
  }

  private static boolean touched(List<Period> months, Period from, Period to) {
    if (months == null) return false;
    for (Period p : months) {
      if (p.compareTo(from) >= 0 && p.compareTo(to) <= 0) return true;
    }
    return false;
  }

  private static List<Summary> summarise(List<Row> rows, Function<Row, String> key) {
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row r : rows) groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
    List<Summary> out = new ArrayList<>();
    groups.forEach((k, group) -> {
      long registrations = 0;
      double excess = 0;
      int withExcess = 0;
      for (Row r : group) {
        if (r.activity().registrations() != null) registrations += r.activity().registrations();
        if (r.excess() != null) {
          excess += r.excess();
          withExcess++;
        }
      }
      out.add(new Summary(k, group.size(), registrations, (double) registrations / group.size(),
          withExcess == 0 ? null : excess / withExcess, withExcess));
    });
    return out;
  }
}
