package id.cakupan.map;

import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.Arrays;

/**
 * A parsed choropleth request (SPEC §4).
 *
 * @param period null for the newest month with data
 * @param breaks inner thresholds for the manual method, else null
 * @param kecamatan kecamatan code filter, or null for all
 */
public record ChoroplethQuery(
    Level level, Sector sector, Period period, Metric metric, ClassMethod method, int classes, double[] breaks,
    String kecamatan) {

  public static final ChoroplethQuery DEFAULT = new ChoroplethQuery(
      Level.KELURAHAN, Sector.ALL, null, Metric.COVERAGE_RATE, ClassMethod.QUANTILE, 5, null, null);

  /** A stable text form used as the cache key. */
  public String cacheKey() {
    return "choropleth|" + level + "|" + sector + "|" + period + "|" + metric + "|" + method + "|" + classes + "|"
        + (breaks == null ? "" : Arrays.toString(breaks)) + "|" + kecamatan;
  }

  public ChoroplethQuery withPeriod(Period p) {
    return new ChoroplethQuery(level, sector, p, metric, method, classes, breaks, kecamatan);
  }
}
