package id.cakupan.map;

import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.Arrays;
import java.util.List;

/**
 * The one typed query of every layer-shaped request (choropleth, vector tiles, ranking, downloads):
 * which units, which sector and month, which metric, and how its values are cut into classes
 * (SPEC §4). The API parses it once per request and resolves its month against the atlas once
 * ({@link #resolve}); everything that builds a layer takes the resolved query and re-parses nothing.
 *
 * @param period null for "the newest month with data" until {@link #resolve resolved}
 * @param breaks inner thresholds for the manual method, else null
 * @param kecamatan kecamatan filter, or null for all
 */
public record LayerQuery(
    Level level, Sector sector, Period period, Metric metric, ClassMethod method, int classes, double[] breaks,
    KecamatanCode kecamatan) {

  public static final LayerQuery DEFAULT = new LayerQuery(
      Level.KELURAHAN, Sector.ALL, null, Metric.COVERAGE_RATE, ClassMethod.QUANTILE, 5, null, null);

  /**
   * The same query with its month settled (the newest when none was asked for) and its kecamatan
   * filter checked against the loaded boundaries: a month or kecamatan without data is a
   * {@link NoDataException}, a filter that does not fit the level an {@link InvalidQueryException}.
   */
  public LayerQuery resolve(Atlas atlas) {
    Period resolved = resolvePeriod(atlas, period);
    checkKecamatan(atlas);
    return resolved.equals(period) ? this : withPeriod(resolved);
  }

  /** The month of a resolved query. */
  public Period resolvedPeriod() {
    if (period == null) throw new IllegalStateException("the query's month was not resolved: " + cacheKey());
    return period;
  }

  /** The units of the query's level, narrowed to its kecamatan filter. */
  public List<MapUnit> units(Atlas atlas) {
    List<MapUnit> all = atlas.geography().units(level);
    if (kecamatan == null) return all;
    checkKecamatan(atlas);
    return all.stream().filter(u -> kecamatan.is(u.kecamatanCode())).toList();
  }

  /** A stable text form used as the cache key. */
  public String cacheKey() {
    return "choropleth|" + level + "|" + sector + "|" + period + "|" + metric + "|" + method + "|" + classes + "|"
        + (breaks == null ? "" : Arrays.toString(breaks)) + "|" + kecamatan;
  }

  public LayerQuery withPeriod(Period p) {
    return new LayerQuery(level, sector, p, metric, method, classes, breaks, kecamatan);
  }

  public LayerQuery withLevel(Level l) {
    return new LayerQuery(l, sector, period, metric, method, classes, breaks, kecamatan);
  }

  private void checkKecamatan(Atlas atlas) {
    if (kecamatan == null) return;
    if (level == Level.KOTA || level == Level.PROVINSI) {
      throw new InvalidQueryException("kecamatan",
          "the kecamatan filter applies to level kelurahan or kecamatan, not " + level.key());
    }
    if (!atlas.geography().hasKecamatan(kecamatan.value())) {
      throw new NoDataException("kecamatan", "no kecamatan " + kecamatan + " in the loaded boundaries");
    }
  }

  /** The month asked for, or the newest; a month without data is not served. */
  public static Period resolvePeriod(Atlas atlas, Period requested) {
    if (atlas.coverage().periods().isEmpty()) {
      throw new NoDataException("period", "no coverage data has been imported yet");
    }
    if (requested == null) return atlas.coverage().newest();
    if (!atlas.coverage().periods().contains(requested)) {
      throw new NoDataException("period", "no coverage data for " + requested + "; months with data run from "
          + atlas.coverage().periods().first() + " to " + atlas.coverage().newest());
    }
    return requested;
  }
}
