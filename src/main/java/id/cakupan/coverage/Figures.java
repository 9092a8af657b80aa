package id.cakupan.coverage;

/**
 * Every metric of SPEC §3 for one place, sector and month. Null fields mean "no data" for that
 * metric; a place with no record at all has every field null.
 */
public record Figures(
    Long participants, Long workforce, Double coverageRate, Long uncovered, Long change, Double density) {

  public static final Figures NO_DATA = new Figures(null, null, null, null, null, null);

  /**
   * Derives the rates from summed counts (ratio of sums, never a mean of ratios).
   *
   * @param current the counts of the month, null for no data
   * @param previous the counts of the month before, null when there is none
   */
  public static Figures of(Counts current, Counts previous, double areaKm2) {
    if (current == null) return NO_DATA;
    long p = current.participants();
    Long w = current.workforce();
    Double rate = w == null || w == 0 ? null : (double) p / w;
    Long uncovered = w == null ? null : Math.max(w - p, 0);
    Long change = previous == null ? null : p - previous.participants();
    Double density = areaKm2 > 0 ? p / areaKm2 : null;
    return new Figures(p, w, rate, uncovered, change, density);
  }

  public boolean hasData() {
    return participants != null;
  }
}
