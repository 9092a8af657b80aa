package id.cakupan.analysis;

import java.util.List;

/**
 * The Getis-Ord Gi* result of one unit.
 *
 * @param value the metric, null for no data
 * @param neighbours the unit's neighbours from the contiguity (with or without data), sorted
 * @param z the Gi* z-score; null when the unit was not tested
 * @param p its two-sided p-value, null when not tested
 * @param pAdjusted the Benjamini–Hochberg adjusted p-value over all tested units, null when not tested
 */
public record GiStar(
    String code, Double value, List<String> neighbours, Double z, Double p, Double pAdjusted, HotspotClass hotspot) {

  public boolean tested() {
    return z != null;
  }
}
