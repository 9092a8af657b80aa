package id.cakupan.ogc;

import id.cakupan.map.CachedResponse;
import id.cakupan.map.Layers;

/**
 * OGC API - Features, Part 1: Core (conformance classes core, geojson and oas30) and Part 2:
 * Coordinate Reference Systems by Reference. Every
 * response is built from the current atlas and cached with it, per base URL since the links
 * in it are absolute.
 */
public final class OgcApi {
  public static final String OPENAPI_MEDIA_TYPE = OgcJson.OPENAPI;

  private final Layers layers;

  public OgcApi(Layers layers) {
    this.layers = layers;
  }

  public CachedResponse landing(String base) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|landing|" + base, () -> OgcDocuments.landing(base, OgcData.of(s)), OgcJson.JSON);
  }

  public CachedResponse conformance() {
    return layers.snapshot().cached("ogc|conformance", OgcDocuments::conformance, OgcJson.JSON);
  }

  public CachedResponse collections(String base) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|collections|" + base, () -> OgcDocuments.collections(base, OgcData.of(s)), OgcJson.JSON);
  }

  public CachedResponse collection(String base, OgcCollection c) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|collection|" + base + "|" + c.id(),
        () -> OgcDocuments.collection(base, OgcData.of(s), c), OgcJson.JSON);
  }

  public CachedResponse items(String base, FeatureQuery q) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|items|" + base + "|" + q.cacheKey(),
        () -> FeatureItems.page(base, OgcData.of(s), q), OgcJson.GEOJSON);
  }

  public CachedResponse item(String base, OgcCollection c, String featureId, OgcCrs crs) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|item|" + base + "|" + c.id() + "|" + crs.name() + "|" + featureId,
        () -> FeatureItems.single(base, OgcData.of(s), c, featureId, crs), OgcJson.GEOJSON);
  }

  /**
   * The OpenAPI 3.0 definition of the OGC API alone, rooted at /ogc: the {@code servers} URL is the
   * landing page and the paths are relative to it, so a client given {@code …/ogc} or
   * {@code …/ogc/} resolves {@code /conformance} and {@code /collections} the same way.
   */
  public CachedResponse openApi(String base) {
    return layers.snapshot().cached("ogc|openapi|" + base, () -> OpenApiDocuments.ogc(base), OgcJson.OPENAPI);
  }

  /** The OpenAPI 3.0 definition of the whole service (/api, /ogc, /tiles), rooted at the host. */
  public CachedResponse serviceOpenApi(String base) {
    return layers.snapshot().cached("openapi|" + base, () -> OpenApiDocuments.service(base), OgcJson.OPENAPI);
  }
}
