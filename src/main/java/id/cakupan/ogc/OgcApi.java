package id.cakupan.ogc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.Layers;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * OGC API - Features, Part 1: Core (conformance classes core, geojson and oas30), Part 3:
 * Filtering (queryables, CQL2-text and CQL2-JSON filters) and Part 8: Sorting. Every
 * response is built from the current atlas and cached with it, per base URL since the links
 * in it are absolute.
 */
public final class OgcApi {
  public static final String OPENAPI_MEDIA_TYPE = OgcJson.OPENAPI;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OPENAPI_RESOURCE = "openapi.json";

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

  /** The collection document of {@link ActivityFeatures}: its extent is the region's, so it keeps with the atlas. */
  public CachedResponse activityCollection(String base) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|collection|" + base + "|" + ActivityFeatures.ID,
        () -> ActivityFeatures.collection(base, OgcData.of(s).extent(id.cakupan.map.Level.KELURAHAN)), OgcJson.JSON);
  }

  public CachedResponse items(String base, FeatureQuery q) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|items|" + base + "|" + q.cacheKey(),
        () -> FeatureItems.page(base, OgcData.of(s), q, inStore), OgcJson.GEOJSON);
  }

  public CachedResponse item(String base, OgcCollection c, String featureId) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached("ogc|item|" + base + "|" + c.id() + "|" + featureId,
        () -> FeatureItems.single(base, OgcData.of(s), c, featureId), OgcJson.GEOJSON);
  }

  /** The JSON Schema of what a filter or sortby may name in the collection (Part 3). */
  public CachedResponse queryables(String base, OgcCollection c) {
    return layers.snapshot().cached("ogc|queryables|" + base + "|" + c.id(), () -> OgcQueryables.schema(base, c),
        OgcQueryables.MEDIA_TYPE);
  }

  /** The OpenAPI 3.0 definition of the whole service, with this server's URL filled in. */
  public CachedResponse openApi(String base) {
    return layers.snapshot().cached("ogc|openapi|" + base, () -> openApiDocument(base), OgcJson.OPENAPI);
  }

  static byte[] openApiDocument(String base) {
    try (InputStream in = OgcApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing from the jar");
      ObjectNode doc = (ObjectNode) MAPPER.readTree(in);
      doc.putArray("servers").addObject().put("url", base).put("description", "this server");
      return MAPPER.writeValueAsBytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
