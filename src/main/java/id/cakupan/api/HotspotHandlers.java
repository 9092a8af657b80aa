package id.cakupan.api;

import id.cakupan.analysis.HotspotLayer;
import id.cakupan.analysis.HotspotQuery;
import id.cakupan.analysis.Hotspots;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import io.javalin.http.Context;
import java.util.Set;

/** {@code GET /api/hotspots}: Getis-Ord Gi* per kelurahan as GeoJSON, cached per atlas generation. */
final class HotspotHandlers {
  private static final Set<String> PARAMS = Set.of("level", "sector", "period", "metric");

  private final Layers layers;

  HotspotHandlers(Layers layers) {
    this.layers = layers;
  }

  void hotspots(Context ctx) {
    QueryParams p = new QueryParams(ctx, PARAMS);
    Level level = p.get("level", Level::parse, Level.KELURAHAN);
    if (level != Level.KELURAHAN) {
      throw Problem.badParameter("level", "hot spots are computed for level=kelurahan only: neighbours come from kelurahan boundaries");
    }
    HotspotQuery d = HotspotQuery.DEFAULT;
    HotspotQuery q = new HotspotQuery(
        p.get("sector", Sector::parse, d.sector()),
        p.get("period", Period::parse, null),
        p.get("metric", HotspotHandlers::metric, d.metric()));
    Layers.Snapshot snapshot = layers.snapshot();
    HotspotQuery resolved = q.withPeriod(ChoroplethLayer.resolvePeriod(snapshot.atlas(), q.period()));
    CachedResponses.send(ctx, snapshot.cached(resolved.cacheKey(),
        () -> HotspotLayer.build(snapshot.atlas(), resolved), Layers.GEOJSON));
  }

  private static Metric metric(String text) {
    Metric m = Metric.parse(text);
    if (!Hotspots.METRICS.contains(m)) {
      throw new IllegalArgumentException("'" + text + "' has no hot-spot analysis: expected uncovered or coverage_rate");
    }
    return m;
  }
}
