package id.cakupan.analysis;

/** What Gi* says of one unit (SPEC §6), with the key the API uses. */
public enum HotspotClass {
  HOT_99("hot_99"),
  HOT_95("hot_95"),
  HOT_90("hot_90"),
  COLD_99("cold_99"),
  COLD_95("cold_95"),
  COLD_90("cold_90"),
  NOT_SIGNIFICANT("not_significant"),
  /** No neighbour with data: the unit is reported but not tested. */
  NO_NEIGHBOURS("no_neighbours"),
  /** No value of the metric for the unit. */
  NO_DATA("no_data");

  private final String key;

  HotspotClass(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public boolean hot() {
    return this == HOT_99 || this == HOT_95 || this == HOT_90;
  }

  public boolean cold() {
    return this == COLD_99 || this == COLD_95 || this == COLD_90;
  }

  /** The class of a tested unit from its z-score and its FDR-adjusted p-value: 99 / 95 / 90 % at 0.01 / 0.05 / 0.10. */
  public static HotspotClass of(double z, double pAdjusted) {
    if (z == 0 || pAdjusted >= 0.10) return NOT_SIGNIFICANT;
    if (pAdjusted < 0.01) return z > 0 ? HOT_99 : COLD_99;
    if (pAdjusted < 0.05) return z > 0 ? HOT_95 : COLD_95;
    return z > 0 ? HOT_90 : COLD_90;
  }
}
