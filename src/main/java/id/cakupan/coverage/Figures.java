package id.cakupan.coverage;

/**
 * Every metric of SPEC §3 for one place, sector and month. Null fields mean "no data" for that
 * metric; a place with no record at all has every field null.
 *
 * @param partial for an aggregate (kecamatan, kota), what is known over its complete members; null
 *     for a kelurahan
 */
public record Figures(
    Long participants, Long workforce, Double coverageRate, Long uncovered, Long change, Double density,
    Partial partial) {

  public static final Figures NO_DATA = new Figures(null, null, null, null, null, null, null);

  /**
   * An aggregate's members and the figures over those with the month's record and a known
   * workforce (SPEC §6: "5 dari 6 kelurahan"), so that one kelurahan without data does not turn the
   * whole kecamatan into no data. The aggregate's own coverage rate and uncovered stay null then
   * (SPEC §3); these say what is known.
   *
   * @param coverageRatePartial participants / workforce summed over the complete members; null
   *     without any, or when their workforce is 0
   * @param uncoveredPartial max(workforce − participants, 0) of the same sums; null without any
   */
  public record Partial(int members, int membersWithData, Double coverageRatePartial, Long uncoveredPartial) {
    /** Some members have data and some do not: drawn hatched, not as no data. */
    public boolean isPartial() {
      return membersWithData > 0 && membersWithData < members;
    }
  }

  public Figures withPartial(Partial p) {
    return new Figures(participants, workforce, coverageRate, uncovered, change, density, p);
  }

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
    return new Figures(p, w, rate, uncovered, change, density, null);
  }

  public boolean hasData() {
    return participants != null;
  }
}
