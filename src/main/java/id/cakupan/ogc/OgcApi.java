package id.cakupan.ogc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.Depends;
import id.cakupan.map.Layers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * OGC API - Features, Part 1: Core (conformance classes core, geojson and oas30), Part 2:
 * Coordinate Reference Systems by Reference, Part 3: Filtering (queryables, CQL2-text and
 * CQL2-JSON filters) and Part 8: Sorting. Every
 * response is built from the current atlas and cached with it, per base URL since the links
 * in it are absolute; what describes or lists the activities is built again after an activity
 * write, the rest is kept with the geography and coverage.
 */
public final class OgcApi {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  public static final String OPENAPI_MEDIA_TYPE = OgcJson.OPENAPI;

  private final Layers layers;
  private final FilterInStore inStore;

  public OgcApi(Layers layers) {
    this(layers, null);
  }

  /** @param inStore evaluates filters on the kelurahan collection in the store (PostGIS), or null for in memory */
  public OgcApi(Layers layers, FilterInStore inStore) {
    this.layers = layers;
    this.inStore = inStore;
  }

  public CachedResponse landing(String base) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached(Depends.COVERAGE, "ogc|landing|" + base, () -> OgcDocuments.landing(base, OgcData.of(s)),
        OgcJson.JSON);
  }

  public CachedResponse conformance(String base) {
    return layers.snapshot().cached(Depends.COVERAGE, "ogc|conformance|" + base, () -> OgcDocuments.conformance(base),
        OgcJson.JSON);
  }

  public CachedResponse collections(String base) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached(Depends.ACTIVITIES, "ogc|collections|" + base,
        () -> OgcDocuments.collections(base, OgcData.of(s)), OgcJson.JSON);
  }

  public CachedResponse collection(String base, OgcCollection c) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached(reads(c), "ogc|collection|" + base + "|" + c.id(),
        () -> OgcDocuments.collection(base, OgcData.of(s), c), OgcJson.JSON);
  }

  public CachedResponse items(String base, FeatureQuery q) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached(reads(q.collection()), "ogc|items|" + base + "|" + q.cacheKey(),
        () -> FeatureItems.page(base, OgcData.of(s), q, inStore), OgcJson.GEOJSON);
  }

  public CachedResponse item(String base, OgcCollection c, String featureId, OgcCrs crs) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached(reads(c), "ogc|item|" + base + "|" + c.id() + "|" + crs.name() + "|" + featureId,
        () -> FeatureItems.single(base, OgcData.of(s), c, featureId, crs), OgcJson.GEOJSON);
  }

  /** The JSON Schema of what a filter or sortby may name in the collection (Part 3). */
  public CachedResponse queryables(String base, OgcCollection c) {
    return layers.snapshot().cached(Depends.COVERAGE, "ogc|queryables|" + base + "|" + c.id(),
        () -> OgcQueryables.schema(base, c),
        OgcQueryables.MEDIA_TYPE);
  }

  // The f=html pages, each drawn from the cached JSON of the same request.

  public CachedResponse landingHtml(String base) {
    return html(Depends.COVERAGE, "landing|" + base, () -> OgcHtml.landing(base, json(landing(base))));
  }

  public CachedResponse conformanceHtml(String base) {
    return html(Depends.COVERAGE, "conformance|" + base, () -> OgcHtml.conformance(base, json(conformance(base))));
  }

  public CachedResponse collectionsHtml(String base) {
    return html(Depends.ACTIVITIES, "collections|" + base, () -> OgcHtml.collections(base, json(collections(base))));
  }

  public CachedResponse collectionHtml(String base, OgcCollection c) {
    return html(reads(c), "collection|" + base + "|" + c.id(), () -> OgcHtml.collection(base, json(collection(base, c))));
  }

  public CachedResponse itemsHtml(String base, FeatureQuery q) {
    String items = base + "/ogc/collections/" + q.collection().id() + "/items?";
    return html(reads(q.collection()), "items|" + base + "|" + q.cacheKey(),
        () -> OgcHtml.items(base, json(items(base, q)), q.collection(),
        items + q.queryString(q.offset()), items + q.withCrs(OgcCrs.STORAGE).queryString(q.offset()), q.crs()));
  }

  public CachedResponse itemHtml(String base, OgcCollection c, String featureId, OgcCrs crs) {
    String href = base + "/ogc/collections/" + c.id() + "/items/" + featureId;
    String self = crs == OgcCrs.STORAGE ? href : href + "?crs=" + URLEncoder.encode(crs.uri(), StandardCharsets.UTF_8);
    return html(reads(c), "item|" + base + "|" + c.id() + "|" + crs.name() + "|" + featureId,
        () -> OgcHtml.item(base, json(item(base, c, featureId, crs)), c, self, href));
  }

  private CachedResponse html(Depends reads, String key, java.util.function.Supplier<byte[]> build) {
    return layers.snapshot().cached(reads, "ogc|html|" + key, build, OgcHtml.MEDIA_TYPE);
  }

  /** The activities collection reads the activities; the others the geography and coverage alone. */
  private static Depends reads(OgcCollection c) {
    return c.activities() ? Depends.ACTIVITIES : Depends.COVERAGE;
  }

  private static JsonNode json(CachedResponse r) {
    try {
      return MAPPER.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The OpenAPI 3.0 definition of the OGC API alone, rooted at /ogc: the {@code servers} URL is the
   * landing page and the paths are relative to it, so a client given {@code …/ogc} or
   * {@code …/ogc/} resolves {@code /conformance} and {@code /collections} the same way.
   */
  public CachedResponse openApi(String base) {
    return layers.snapshot().cached(Depends.COVERAGE, "ogc|openapi|" + base, () -> OpenApiDocuments.ogc(base), OgcJson.OPENAPI);
  }

  /** The OpenAPI 3.0 definition of the whole service (/api, /ogc, /tiles), rooted at the host. */
  public CachedResponse serviceOpenApi(String base) {
    return layers.snapshot().cached(Depends.COVERAGE, "openapi|" + base, () -> OpenApiDocuments.service(base), OgcJson.OPENAPI);
  }
}
