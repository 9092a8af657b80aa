package id.cakupan.api;

import id.cakupan.analysis.HotspotLayer;
import id.cakupan.analysis.HotspotQuery;
import id.cakupan.analysis.Hotspots;
import id.cakupan.coverage.Metric;
import id.cakupan.map.Depends;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.tiles.TileLevels;
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
    LayerRequest r = new LayerRequest(ctx, PARAMS, layers);
    Level level = r.level(Level.KELURAHAN);
    if (level != Level.KELURAHAN) {
      throw Problem.badParameter("level", "hot spots are computed for level=kelurahan only: neighbours come from kelurahan boundaries");
    }
    HotspotQuery d = HotspotQuery.DEFAULT;
    HotspotQuery q = new HotspotQuery(
        r.sector(d.sector()),
        r.period(),
        r.params().get("metric", HotspotHandlers::metric, d.metric()));
    Layers.Snapshot snapshot = r.snapshot();
    if (TileLevels.national(snapshot.atlas().geography())) {
      // Every kelurahan of the country with its full geometry, and a contiguity of 83,800 polygons,
      // on one request: the national map page has no hot-spot mode either.
      throw Problem.badParameter("level", "hot spots are analysed for a city region; a national region's kelurahan are"
          + " too many for one GeoJSON layer: ask /api/choropleth with geometry=none or the vector tiles");
    }
    HotspotQuery resolved = q.withPeriod(LayerQuery.resolvePeriod(snapshot.atlas(), q.period()));
    CachedResponses.send(ctx, snapshot.cached(Depends.COVERAGE, resolved.cacheKey(),
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
