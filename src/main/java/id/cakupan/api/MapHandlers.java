package id.cakupan.api;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Sector;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapZoom;
import id.cakupan.map.RankOrder;
import id.cakupan.map.RankingQuery;
import id.cakupan.tiles.TileLevels;
import id.cakupan.tiles.VectorTiles;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/** Read endpoints: parse the request into a query, ask {@link Layers}, send the cached response. */
final class MapHandlers {
  private static final Set<String> CHOROPLETH_PARAMS =
      Set.of("level", "sector", "period", "metric", "method", "classes", "breaks", "kecamatan", "zoom", "geometry", "bbox");
  private static final Set<String> RANKING_PARAMS = Set.of("sector", "period", "kecamatan", "sort", "limit", "format", "locale");

  private final Layers layers;

  MapHandlers(Layers layers) {
    this.layers = layers;
  }

  void periods(Context ctx) {
    new QueryParams(ctx, Set.of());
    CachedResponses.send(ctx, layers.periods());
  }

  void choropleth(Context ctx) {
    // The hot path: a repeat of this request text on the same data is answered by FrontHandler.
    Layers.Snapshot snapshot = layers.snapshot();
    LayerRequest r = new LayerRequest(ctx, CHOROPLETH_PARAMS, snapshot);
    boolean geometry = r.params().get("geometry", MapHandlers::geometry, true);
    // Parsed before the query is resolved: a malformed zoom is a 400 even for a month without data.
    Integer zoom = r.params().get("zoom", QueryParams.intBetween(0, MapZoom.MAX_REQUESTED), null);
    List<Envelope> bbox = r.bbox();
    if (!geometry && zoom != null) throw Problem.badParameter("zoom", "zoom sets the detail of the geometry; geometry=none has none");
    if (geometry && bbox != null) throw Problem.badParameter("bbox", "bbox narrows the features of geometry=none only");
    Level level = r.level(LayerQuery.DEFAULT.level());
    LayerQuery q = r.layer(level);
    MapZoom mapZoom = zoom == null ? null : MapZoom.requested(zoom);
    CachedResponse response;
    if (!geometry) {
      response = VectorTiles.of(snapshot).figures(q, bbox);
    } else if (!TileLevels.national(snapshot.atlas().geography())) {
      response = snapshot.choropleth(q, mapZoom);
    } else if (q.kecamatan() != null && (level == Level.KELURAHAN || level == Level.KECAMATAN)) {
      response = snapshot.choroplethOfFew(q, mapZoom); // one kecamatan: a few polygons, cheap at any scale
    } else {
      throw nationalGeometry(level);
    }
    snapshot.rememberExact(FrontHandler.requestText(ctx.req()), response);
    CachedResponses.send(ctx, response);
  }

  /**
   * A national layer's GeoJSON would simplify a whole country's polygons as one coverage on the
   * request thread (minutes for the first provinsi view of 83,800 kelurahan): its polygons are
   * served as vector tiles, its figures without geometry.
   */
  private static Problem nationalGeometry(Level level) {
    return Problem.badParameter("geometry", "a national region's polygons are served as vector tiles, not as GeoJSON: "
        + "draw /tiles/" + level.key() + "/{z}/{x}/{y}.mvt (same styling parameters) and ask /api/choropleth with "
        + "geometry=none (and bbox) for the legend and figures; with kecamatan=… the kelurahan (or the kecamatan) of one "
        + "kecamatan come with geometry; /api/download has the full layer as a file");
  }

  /** {@code geometry}: {@code simplified} (the default) or {@code none}. */
  private static boolean geometry(String s) {
    String g = s.trim().toLowerCase(Locale.ROOT);
    if (g.equals("simplified")) return true;
    if (g.equals("none")) return false;
    throw new IllegalArgumentException("'" + s + "' is not a geometry: expected simplified or none");
  }

  void ranking(Context ctx) {
    LayerRequest r = new LayerRequest(ctx, RANKING_PARAMS, layers);
    QueryParams p = r.params();
    String format = p.get("format", MapHandlers::format, "json");
    LayerQuery layer = r.requestedLayer(Level.KELURAHAN);
    RankOrder order = p.get("sort", RankOrder::parse, RankOrder.UNCOVERED);
    Integer limit = p.get("limit", QueryParams.intBetween(1, 100_000), null);
    CsvWriter.Dialect dialect = p.get("locale", CsvWriter.Dialect::parse, CsvWriter.Dialect.PLAIN);
    if (p.has("locale") && !format.equals("csv")) throw Problem.badParameter("locale", "locale applies to format=csv only");
    RankingQuery q = new RankingQuery(r.resolve(layer), order, limit);
    if (format.equals("xlsx")) {
      CachedResponse sheet = r.snapshot().rankingXlsx(q);
      String kecamatan = layer.kecamatan() == null ? null : layer.kecamatan().toString();
      ctx.header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + sheetName("peringkat", kecamatan, layer.sector()) + "\"");
      CachedResponses.send(ctx, sheet);
      return;
    }
    CachedResponses.send(ctx, r.snapshot().ranking(q, format.equals("csv") ? dialect : null));
  }

  void kelurahan(Context ctx) {
    new QueryParams(ctx, Set.of());
    String raw = ctx.pathParam("code");
    String code;
    try {
      code = KelurahanCode.parse(raw).value();
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("code", e.getMessage());
    }
    CachedResponses.send(ctx, layers.kelurahan(code));
  }

  private static String format(String s) {
    String f = s.trim().toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
      throw new IllegalArgumentException("'" + s + "' is not a format: expected json, csv or xlsx");
    }
    return f;
  }

  /** "peringkat-31.72.03-BPU.xlsx": parsed codes and enum names only, so nothing from the client reaches the header raw. */
  static String sheetName(String what, String kecamatan, Sector sector) {
    return what + (kecamatan == null ? "" : "-" + kecamatan) + "-" + sector.name() + ".xlsx";
  }
}
