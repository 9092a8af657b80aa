package id.cakupan.activity;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code belum tersentuh} (not reached, SPEC §7): in month m, a kelurahan with no done activity from
 * m−5 to m whose BPU uncovered workers are in the top third of its kota. The top third counts the
 * kota's kelurahan with a known figure: a kelurahan is in it when fewer than a third of them (rounded
 * up) have more uncovered workers, so ties fall on the same side. Unknown uncovered is never read as
 * "few": it gives {@code null} (data belum lengkap), not {@code false}.
 */
public final class Reach {
  /**
   * @param lastDone the date of the newest done activity up to the end of month m, or null
   * @param topThird whether uncovered is in the kota's top third; null when uncovered is unknown
   * @param belumTersentuh null when it depends on an unknown uncovered figure
   */
  public record Row(KelurahanCode code, Long uncovered, LocalDate lastDone, boolean reached, Boolean topThird,
      Boolean belumTersentuh) {}

  private Reach() {}

  /**
   * @param kelurahan every kelurahan of the region (ranks are within each kota)
   * @param uncovered BPU uncovered workers of a kelurahan in month m, or null when unknown
   */
  public static List<Row> evaluate(Period m, Collection<KelurahanCode> kelurahan, Collection<Activity> activities,
      Function<KelurahanCode, Long> uncovered) {
    Period from = m.minusMonths(5);
    Map<KelurahanCode, LocalDate> lastDone = new HashMap<>();
    Map<KelurahanCode, Boolean> reached = new HashMap<>();
    for (Activity a : activities) {
      if (!a.done() || a.month().compareTo(m) > 0) continue;
      lastDone.merge(a.code(), a.date(), (x, y) -> x.isAfter(y) ? x : y);
      if (a.month().compareTo(from) >= 0) reached.put(a.code(), true);
    }
    Map<String, List<Long>> byKota = new TreeMap<>();
    Map<KelurahanCode, Long> values = new HashMap<>();
    for (KelurahanCode k : kelurahan) {
      Long u = uncovered.apply(k);
      values.put(k, u);
      if (u != null) byKota.computeIfAbsent(k.kotaCode(), x -> new ArrayList<>()).add(u);
    }
    List<Row> out = new ArrayList<>();
    for (KelurahanCode k : kelurahan.stream().sorted().toList()) {
      Long u = values.get(k);
      boolean wasReached = reached.getOrDefault(k, false);
      Boolean top = null;
      if (u != null) {
        List<Long> kota = byKota.get(k.kotaCode());
        long more = kota.stream().filter(v -> v > u).count();
        top = more < (kota.size() + 2) / 3;
      }
      Boolean flag = wasReached ? Boolean.FALSE : top;
      out.add(new Row(k, u, lastDone.get(k), wasReached, top, flag));
    }
    return out;
  }
}
