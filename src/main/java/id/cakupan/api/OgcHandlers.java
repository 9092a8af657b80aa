package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import id.cakupan.map.Layers;
import id.cakupan.ogc.DateRange;
import id.cakupan.ogc.FeatureQuery;
import id.cakupan.ogc.FilterInStore;
import id.cakupan.ogc.ItemConditions;
import id.cakupan.ogc.MonthRange;
import id.cakupan.ogc.OgcApi;
import id.cakupan.ogc.OgcCollection;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.ogc.OgcCrs;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** OGC API - Features under /ogc: parse the request, ask {@link OgcApi}, send the cached response. */
final class OgcHandlers {
  /**
   * {@code crs} is checked and otherwise ignored on the documents: GDAL before 3.7 sends the query
   * parameters of the URL it was given with every request, landing page included.
   */
  private static final Set<String> DOCUMENT_PARAMS = Set.of("f", "crs");
  private static final Set<String> FEATURE_PARAMS = DOCUMENT_PARAMS;
  private static final Set<String> BOUNDARY_ITEM_PARAMS =
      Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "code");
  private static final Set<String> COVERAGE_ITEM_PARAMS =
      Set.of("f", "limit", "offset", "bbox", "bbox-crs", "crs", "datetime", "code", "sector", "period");
  /** OGC API - Features Part 3 (filtering) and Part 8 (sorting). */
  private static final Set<String> FILTER_PARAMS = Set.of("filter", "filter-lang", "filter-crs", "sortby");
  private static final Pattern CODE = Pattern.compile("\\d{2}(\\.\\d{2}){1,2}(\\.\\d{4})?");

  private final Layers layers;
  private final OgcApi ogc;

  /** @param inStore evaluates filters on the kelurahan collection in the store, or null for in memory */
  OgcHandlers(Layers layers, FilterInStore inStore) {
    this.layers = layers;
    this.ogc = new OgcApi(layers, inStore);
  }

  void landing(Context ctx) {
    String base = RequestUrls.base(ctx);
    send(ctx, document(ctx) == OgcFormat.HTML ? ogc.landingHtml(base) : ogc.landing(base));
  }

  void conformance(Context ctx) {
    String base = RequestUrls.base(ctx);
    send(ctx, document(ctx) == OgcFormat.HTML ? ogc.conformanceHtml(base) : ogc.conformance(base));
  }

  /** The API definition has no HTML form: {@code f=html} is refused, an HTML {@code Accept} gets the JSON. */
  void openApi(Context ctx) {
    QueryParams p = new QueryParams(ctx, DOCUMENT_PARAMS);
    String f = p.get("f", s -> s.trim().toLowerCase(Locale.ROOT), "json");
    if (f.equals("html")) {
      throw new Problem(406, "Not acceptable", "the API definition is OpenAPI 3.0 JSON only; use f=json (the default)", "f");
    }
    if (!f.equals("json")) throw Problem.badParameter("f", "'" + f + "' is not a format here: expected json");
    LayerRequest.crs(p);
    CachedResponses.send(ctx, ogc.openApi(RequestUrls.base(ctx)));
  }

  void serviceOpenApi(Context ctx) {
    new QueryParams(ctx, Set.of());
    CachedResponses.send(ctx, ogc.serviceOpenApi(RequestUrls.base(ctx)));
  }

  void collections(Context ctx) {
    String base = RequestUrls.base(ctx);
    send(ctx, document(ctx) == OgcFormat.HTML ? ogc.collectionsHtml(base) : ogc.collections(base));
  }

  void collection(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    String base = RequestUrls.base(ctx);
    send(ctx, document(ctx) == OgcFormat.HTML ? ogc.collectionHtml(base, c) : ogc.collection(base, c));
  }

  void items(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    if (!c.coverage()) {
      for (String name : new String[] {"sector", "period"}) {
        if (ctx.queryParamMap().containsKey(name)) {
          throw Problem.badParameter(name, "'" + name + "' filters the coverage collections (coverage-kelurahan,"
              + " coverage-kecamatan, coverage-kota); " + c.id() + (c.activities() ? " holds activities"
                  : " holds boundaries only"));
        }
      }
    }
    Set<String> allowed = new HashSet<>(c.coverage() ? COVERAGE_ITEM_PARAMS : BOUNDARY_ITEM_PARAMS);
    allowed.addAll(FILTER_PARAMS);
    allowed.addAll(ItemConditions.parameters(c));
    LayerRequest r = new LayerRequest(ctx, allowed, layers);
    QueryParams p = r.params();
    OgcFormat format = format(ctx, p, true);
    String datetime = r.text("datetime");
    String filterText = r.text("filter");
    Filter.Lang lang = p.get("filter-lang", Filter.Lang::parse, Filter.Lang.CQL2_TEXT);
    TreeMap<String, String> properties = new TreeMap<>();
    for (String name : ItemConditions.parameters(c)) {
      String v = r.text(name);
      if (v != null) properties.put(name, v);
    }
    Filter where = ItemConditions.where(c, filterText, lang, r.text("filter-crs"), properties);
    OgcCrs crs = offered(c, r.crs());
    OgcCrs bboxCrs = r.bboxCrs();
    FeatureQuery q = new FeatureQuery(c,
        r.bbox(bboxCrs), r.text("bbox"),
        // Boundaries hold for every month: a datetime is checked but selects all of them.
        datetime == null || c.activities() ? null : c.coverage() ? p.get("datetime", MonthRange::parse, null) : check(p),
        // Activities are dated by the day.
        datetime == null || !c.activities() ? null : p.get("datetime", DateRange::parse, null),
        datetime,
        r.sector(null),
        r.period(),
        p.get("code", OgcHandlers::code, null),
        where, filterText, lang, properties,
        p.get("sortby", s -> ItemConditions.sortBy(c, s), null),
        crs,
        bboxCrs,
        // Above the page's maximum the maximum is served, as for JSON; next/prev links follow it.
        Math.min(p.get("limit", OgcHandlers::limit, FeatureQuery.DEFAULT_LIMIT),
            format == OgcFormat.HTML ? FeatureQuery.MAX_HTML_LIMIT : FeatureQuery.MAX_LIMIT),
        p.get("offset", OgcHandlers::offset, 0));
    String base = RequestUrls.base(ctx);
    CachedResponse items = format == OgcFormat.HTML ? ogc.itemsHtml(base, q) : ogc.items(base, q);
    // Headers before the body: the body is written straight to the connection.
    contentCrs(ctx, crs);
    send(ctx, items);
  }

  void queryables(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    // The queryables are a JSON Schema only: f and crs are checked, and JSON is sent.
    document(ctx);
    CachedResponses.send(ctx, ogc.queryables(RequestUrls.base(ctx), c));
  }

  void item(Context ctx) {
    OgcCollection c = collection(ctx.pathParam("collectionId"));
    QueryParams p = new QueryParams(ctx, FEATURE_PARAMS);
    OgcFormat format = format(ctx, p, true);
    OgcCrs crs = offered(c, LayerRequest.crs(p));
    String base = RequestUrls.base(ctx);
    String id = ctx.pathParam("featureId");
    CachedResponse item = format == OgcFormat.HTML ? ogc.itemHtml(base, c, id, crs) : ogc.item(base, c, id, crs);
    contentCrs(ctx, crs);
    send(ctx, item);
  }

  /** Part 2: a CRS not in the collection's {@code crs} list is a 400. */
  private static OgcCrs offered(OgcCollection c, OgcCrs crs) {
    if (!c.crs().contains(crs)) {
      throw Problem.badParameter("crs", c.id() + " has no geometry; its only CRS is " + OgcCrs.STORAGE.uri());
    }
    return crs;
  }

  /** OGC API - Features Part 2: every feature response names its CRS, the default one included. */
  private static void contentCrs(Context ctx, OgcCrs crs) {
    ctx.header("Content-Crs", "<" + crs.uri() + ">");
  }

  private static MonthRange check(QueryParams p) {
    p.get("datetime", MonthRange::parse, null);
    return null;
  }

  /** The format of a document (landing page, conformance, collections), its parameters checked. */
  private static OgcFormat document(Context ctx) {
    QueryParams p = new QueryParams(ctx, DOCUMENT_PARAMS);
    OgcFormat format = format(ctx, p, false);
    LayerRequest.crs(p);
    return format;
  }

  private static OgcFormat format(Context ctx, QueryParams p, boolean features) {
    String accept = ctx.header(Header.ACCEPT);
    return p.get("f", s -> OgcFormat.choose(s, accept, features), OgcFormat.choose(null, accept, features));
  }

  /** The response, marked as varying with Accept: the same URL answers JSON or HTML. */
  private static void send(Context ctx, CachedResponse r) {
    ctx.header(Header.VARY, "Accept, Accept-Encoding");
    CachedResponses.send(ctx, r);
  }

  private static OgcCollection collection(String id) {
    return OgcCollection.byId(id).orElseThrow(() -> new Problem(404, "Not found",
        "no collection '" + id + "'; see /ogc/collections", "collectionId"));
  }

  /** 1 or more; above the maximum the maximum is served (OGC API - Features, /req/core/fc-limit-response). */
  static int limit(String s) {
    String t = s.trim();
    if (!t.matches("-?\\d+")) throw new IllegalArgumentException("'" + s + "' is not a whole number");
    BigInteger v = new BigInteger(t);
    if (v.signum() <= 0) throw new IllegalArgumentException(v + " is less than 1");
    return v.min(BigInteger.valueOf(FeatureQuery.MAX_LIMIT)).intValue();
  }

  /** 0 or more; an offset past every feature is an empty page, however large. */
  static int offset(String s) {
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
