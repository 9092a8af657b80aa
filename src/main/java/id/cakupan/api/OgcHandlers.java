package id.cakupan.api;

import id.cakupan.map.Layers;
import id.cakupan.ogc.FeatureQuery;
import id.cakupan.ogc.MonthRange;
import id.cakupan.ogc.OgcApi;
import id.cakupan.ogc.OgcCollection;
import io.javalin.http.Context;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** OGC API - Features under /ogc: parse the request, ask {@link OgcApi}, send the cached response. */
final class OgcHandlers {
  private static final Set<String> DOCUMENT_PARAMS = Set.of("f");
  private static final Set<String> BOUNDARY_ITEM_PARAMS = Set.of("f", "limit", "offset", "bbox", "datetime", "code");
  private static final Set<String> COVERAGE_ITEM_PARAMS =
      Set.of("f", "limit", "offset", "bbox", "datetime", "code", "sector", "period");
  private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{2}){1,2}(\\.\\d{4})?");

  private final Layers layers;
  private final OgcApi ogc;

  OgcHandlers(Layers layers) {
    this.layers = layers;
    this.ogc = new OgcApi(layers);
  }

  void landing(Context ctx) {
    json(ctx);
    CachedResponses.send(ctx, ogc.landing(RequestUrls.base(ctx)));
  }

  void conformance(Context ctx) {
    json(ctx);
    CachedResponses.send(ctx, ogc.conformance());
  }

  void openApi(Context ctx) {
    json(ctx);
    CachedResponses.send(ctx, ogc.openApi(RequestUrls.base(ctx)));
  }

  void collections(Context ctx) {
    json(ctx);
    CachedResponses.send(ctx, ogc.collections(RequestUrls.base(ctx)));
  }

  void collection(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    json(ctx);
    CachedResponses.send(ctx, ogc.collection(RequestUrls.base(ctx), c));
  }

  void items(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    if (!c.coverage()) {
      for (String name : new String[] {"sector", "period"}) {
        if (ctx.queryParamMap().containsKey(name)) {
          throw Problem.badParameter(name, "'" + name + "' filters the coverage collections (coverage-kelurahan,"
              + " coverage-kecamatan, coverage-kota); " + c.id() + " holds boundaries only");
        }
      }
    }
    LayerRequest r = new LayerRequest(ctx, c.coverage() ? COVERAGE_ITEM_PARAMS : BOUNDARY_ITEM_PARAMS, layers);
    QueryParams p = r.params();
    format(p, true);
    String datetime = r.text("datetime");
    FeatureQuery q = new FeatureQuery(c,
        r.bbox(), r.text("bbox"),
        // Boundaries hold for every month: a datetime is checked but selects all of them.
        datetime == null ? null : c.coverage() ? p.get("datetime", MonthRange::parse, null) : check(p), datetime,
        r.sector(null),
        r.period(),
        p.get("code", OgcHandlers::code, null),
        p.get("limit", OgcHandlers::limit, FeatureQuery.DEFAULT_LIMIT),
        p.get("offset", OgcHandlers::offset, 0));
    CachedResponses.send(ctx, ogc.items(RequestUrls.base(ctx), q));
  }

  void item(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    QueryParams p = new QueryParams(ctx, DOCUMENT_PARAMS);
    format(p, true);
    CachedResponses.send(ctx, ogc.item(RequestUrls.base(ctx), c, ctx.pathParam("featureId")));
  }

  private static MonthRange check(QueryParams p) {
    p.get("datetime", MonthRange::parse, null);
    return null;
  }

  private static void json(Context ctx) {
    format(new QueryParams(ctx, DOCUMENT_PARAMS), false);
  }

  /** {@code f=json} (and {@code geojson} for features) is what is served; there is no HTML. */
  private static void format(QueryParams p, boolean features) {
    String f = p.get("f", s -> s.trim().toLowerCase(Locale.ROOT), "json");
    if (f.equals("json") || (features && f.equals("geojson"))) return;
    if (f.equals("html")) {
      throw new Problem(406, "Not acceptable", "this service has no HTML pages; use f=json (the default)", "f");
    }
    throw Problem.badParameter("f", "'" + f + "' is not a format here: expected json" + (features ? " or geojson" : ""));
  }

  private static OgcCollection collection(String id) {
    return OgcCollection.byId(id).orElseThrow(() -> new Problem(404, "Not found",
        "no collection '" + id + "'; see /ogc/collections", "collectionId"));
  }

  /** 1 or more; above the maximum the maximum is served (OGC API - Features, /req/core/fc-limit-response). */
  private static int limit(String s) {
    String t = s.trim();
    if (!t.matches("-?\\d+")) throw new IllegalArgumentException("'" + s + "' is not a whole number");
    BigInteger v = new BigInteger(t);
    if (v.signum() <= 0) throw new IllegalArgumentException(v + " is less than 1");
    return v.min(BigInteger.valueOf(FeatureQuery.MAX_LIMIT)).intValue();
  }

  /** 0 or more; an offset past every feature is an empty page, however large. */
  private static int offset(String s) {
    String t = s.trim();
    if (!t.matches("\\d+")) throw new IllegalArgumentException("'" + s + "' is not a whole number >= 0");
    return new BigInteger(t).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValue();
  }

  private static String code(String s) {
    String t = s.trim();
    if (t.matches("\\d{10}")) t = t.substring(0, 2) + "." + t.substring(2, 4) + "." + t.substring(4, 6) + "." + t.substring(6);
    if (!CODE.matcher(t).matches()) {
      throw new IllegalArgumentException("'" + s + "' is not a Kemendagri code: expected e.g. 31.72.03.1004, 31.72.03 or 31.72");
    }
    return t;
  }
}
