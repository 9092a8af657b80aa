package id.cakupan.api;

import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.RegionCodes;
import id.cakupan.coverage.Sector;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ChoroplethQuery;
import id.cakupan.map.ClassMethod;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.RankOrder;
import id.cakupan.map.RankingQuery;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.util.Set;

/** Read endpoints: parse the request into a query, ask {@link Layers}, send the cached response. */
final class MapHandlers {
  private static final Set<String> CHOROPLETH_PARAMS =
      Set.of("level", "sector", "period", "metric", "method", "classes", "breaks", "kecamatan");
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
    QueryParams p = new QueryParams(ctx, CHOROPLETH_PARAMS);
    ChoroplethQuery q = choroplethQuery(p, p.get("level", Level::parse, ChoroplethQuery.DEFAULT.level()));
    CachedResponses.send(ctx, layers.choropleth(q));
  }

  /** The styling parameters shared by the choropleth, its vector tiles and their TileJSON. */
  static ChoroplethQuery choroplethQuery(QueryParams p, Level level) {
    ChoroplethQuery d = ChoroplethQuery.DEFAULT;
    ClassMethod method = p.get("method", ClassMethod::parse, d.method());
    double[] breaks = p.get("breaks", QueryParams::numberList, null);
    if (method == ClassMethod.MANUAL && breaks == null) {
      throw Problem.badParameter("breaks", "method=manual needs breaks, e.g. breaks=0.1,0.2,0.5");
    }
    if (method != ClassMethod.MANUAL && breaks != null) {
      throw Problem.badParameter("breaks", "breaks are only used with method=manual");
    }
    if (breaks != null) {
      for (int i = 1; i < breaks.length; i++) {
        if (breaks[i] <= breaks[i - 1]) throw Problem.badParameter("breaks", "breaks must be strictly ascending");
      }
      if (breaks.length > 8) throw Problem.badParameter("breaks", "at most 8 breaks (9 classes)");
    }
    int classes = breaks != null ? breaks.length + 1 : p.get("classes", QueryParams.intBetween(3, 9), d.classes());
    return new ChoroplethQuery(
        level,
        p.get("sector", Sector::parse, d.sector()),
        p.get("period", Period::parse, null),
        p.get("metric", Metric::parse, d.metric()),
        method, classes, breaks,
        p.get("kecamatan", RegionCodes::parseKecamatan, null));
  }

  void ranking(Context ctx) {
    QueryParams p = new QueryParams(ctx, RANKING_PARAMS);
    String format = p.get("format", MapHandlers::format, "json");
    RankingQuery q = new RankingQuery(
        p.get("sector", Sector::parse, Sector.ALL),
        p.get("period", Period::parse, null),
        p.get("kecamatan", RegionCodes::parseKecamatan, null),
        p.get("sort", RankOrder::parse, RankOrder.UNCOVERED),
        p.get("limit", QueryParams.intBetween(1, 100_000), null));
    CsvWriter.Dialect dialect = p.get("locale", CsvWriter.Dialect::parse, CsvWriter.Dialect.PLAIN);
    if (p.has("locale") && !format.equals("csv")) throw Problem.badParameter("locale", "locale applies to format=csv only");
    if (format.equals("xlsx")) {
      CachedResponse sheet = layers.rankingXlsx(q);
      ctx.header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + sheetName("peringkat", q.kecamatan(), q.sector()) + "\"");
      CachedResponses.send(ctx, sheet);
      return;
    }
    CachedResponses.send(ctx, layers.ranking(q, format.equals("csv") ? dialect : null));
  }

  void kelurahan(Context ctx) {
    new QueryParams(ctx, Set.of());
    String raw = ctx.pathParam("code");
    String code;
    try {
      code = id.cakupan.coverage.KelurahanCode.parse(raw).value();
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("code", e.getMessage());
    }
    CachedResponses.send(ctx, layers.kelurahan(code));
  }

  private static String format(String s) {
    String f = s.trim().toLowerCase(java.util.Locale.ROOT);
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
