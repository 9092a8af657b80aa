package id.cakupan.activity;

import java.time.LocalDate;

/**
 * Which activities a list asks for; null fields do not filter.
 *
 * @param kecamatan a kecamatan code {@code PP.KK.DD}
 * @param from the first date, inclusive
 * @param to the last date, inclusive
 */
public record ActivityFilter(String kecamatan, LocalDate from, LocalDate to, ActivityType type, ActivityStatus status) {
  public static final ActivityFilter ALL = new ActivityFilter(null, null, null, null, null);

  public ActivityFilter {
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("from " + from + " is after to " + to);
    }
  }

  public boolean test(Activity a) {
    return (kecamatan == null || a.kecamatanCode().equals(kecamatan))
        && (from == null || !a.date().isBefore(from))
        && (to == null || !a.date().isAfter(to))
        && (type == null || a.type() == type)
        && (status == null || a.status() == status);
  }
}
