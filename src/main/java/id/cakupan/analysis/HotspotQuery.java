package id.cakupan.analysis;

import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;

/**
 * A parsed hot-spot request (SPEC §6); the level is always kelurahan.
 *
 * @param period null for the newest month with data
 * @param metric one of {@link Hotspots#METRICS}
 */
public record HotspotQuery(Sector sector, Period period, Metric metric) {
  public static final HotspotQuery DEFAULT = new HotspotQuery(Sector.ALL, null, Metric.UNCOVERED);

  public HotspotQuery {
    if (!Hotspots.METRICS.contains(metric)) {
      throw new IllegalArgumentException("'" + metric.key() + "' has no hot-spot analysis: expected uncovered or coverage_rate");
    }
  }

  public String cacheKey() {
    return "hotspots|" + sector + "|" + period + "|" + metric;
  }

  public HotspotQuery withPeriod(Period p) {
    return new HotspotQuery(sector, p, metric);
  }
}
