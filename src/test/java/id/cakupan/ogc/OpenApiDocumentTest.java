package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /api/openapi: the OpenAPI 3.0 definition of the whole service; /ogc/api: the OGC API alone,
 * rooted at /ogc (its server URL is the landing page, its paths relative to it).
 */
class OpenApiDocumentTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();
  static JsonNode doc;
  static JsonNode ogc;

  @BeforeAll
  static void start() throws Exception {
    HttpResponse<String> r = server.get("/api/openapi");
    assertEquals(200, r.statusCode());
    assertEquals("application/vnd.oai.openapi+json;version=3.0", r.headers().firstValue("content-type").orElse(""));
    doc = ServerFixture.parse(r.body());
    HttpResponse<String> o = server.get("/ogc/api");
    assertEquals(200, o.statusCode());
    assertEquals("application/vnd.oai.openapi+json;version=3.0", o.headers().firstValue("content-type").orElse(""));
    ogc = ServerFixture.parse(o.body());
  }

  @Test
  void isOpenApi30WithThisServer() {
    assertTrue(doc.get("openapi").asText().matches("3\\.0\\.\\d+"), doc.get("openapi").asText());
    assertEquals(server.base, doc.get("servers").get(0).get("url").asText());
    assertNotNull(doc.get("info").get("title"));
  }

  @Test
  void documentsEveryRouteOfTheServer() {
    Set<String> documented = new TreeSet<>();
    doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
        .forEachRemaining(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
    Set<String> routed = new TreeSet<>();
    for (ParsedEndpoint e : server.server.unsafeConfig().pvt.internalRouter.allHttpHandlers()) {
      HandlerType method = e.getEndpoint().getMethod();
      String path = e.getEndpoint().getPath();
      if (path.equals("/") || path.equals("/<path>")) continue; // the map page's static files, not the API
      if (method == HandlerType.GET || method == HandlerType.POST || method == HandlerType.PUT
          || method == HandlerType.DELETE) {
        routed.add(method + " " + path);
      }
    }
    assertTrue(routed.contains("GET /api/choropleth") && routed.contains("POST /api/imports/coverage"), routed.toString());
    assertEquals(routed, documented, "every route is in the OpenAPI document, and nothing else");
  }

  @Test
  void everyReferenceResolves() {
    Set<String> broken = new TreeSet<>();
    walk(doc, doc, broken);
    walk(ogc, ogc, broken);
    assertTrue(broken.isEmpty(), broken.toString());
  }

  @Test
  void theOgcDefinitionIsRootedAtTheLandingPage() {
    assertEquals(server.base + "/ogc", ogc.get("servers").get(0).get("url").asText());
    Set<String> paths = new TreeSet<>();
    ogc.get("paths").fieldNames().forEachRemaining(paths::add);
    Set<String> expected = new TreeSet<>();
    doc.get("paths").fieldNames().forEachRemaining(p -> {
      if (p.equals("/ogc")) expected.add("/");
      else if (p.startsWith("/ogc/")) expected.add(p.substring("/ogc".length()));
    });
    assertTrue(paths.containsAll(Set.of("/", "/conformance", "/api", "/collections", "/collections/{collectionId}",
        "/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}")), paths.toString());
    assertEquals(expected, paths, "every /ogc path of the service, relative, and nothing else");
    assertEquals(doc.get("paths").get("/ogc/collections/{collectionId}/items"),
        ogc.get("paths").get("/collections/{collectionId}/items"), "the same operation as in the whole definition");
    assertTrue(ogc.get("components").get("schemas").has("FeatureCollection"));
    assertFalse(ogc.get("components").get("schemas").has("ImportReport"), "nothing the OGC paths do not use");
  }

  /**
   * What a client does with the definition: each path resolved against the server URL answers
   * 200, whether the client was given the landing page with or without a trailing slash.
   */
  @Test
  void pathsResolvedAgainstTheServerUrlAnswerWithAndWithoutTrailingSlash() throws Exception {
    for (String given : List.of("/ogc", "/ogc/")) {
      JsonNode landing = server.json(given);
      assertEquals(server.base + "/ogc", OgcApiTest.link(landing, "self").get("href").asText(), given);
      JsonNode definition = ServerFixture.parse(server.get(given.endsWith("/") ? given + "api" : given + "/api").body());
      String root = definition.get("servers").get(0).get("url").asText();
      Map<String, String> concrete = new LinkedHashMap<>();
      concrete.put("/", "/");
      concrete.put("/conformance", "/conformance");
      concrete.put("/collections", "/collections");
      concrete.put("/collections/{collectionId}", "/collections/kelurahan");
      concrete.put("/collections/{collectionId}/items", "/collections/kelurahan/items");
      concrete.put("/collections/{collectionId}/items/{featureId}", "/collections/kelurahan/items/31.72.03.1004");
      for (Map.Entry<String, String> path : concrete.entrySet()) {
        assertTrue(definition.get("paths").has(path.getKey()), path.getKey());
        String url = root + path.getValue();
        assertTrue(url.startsWith(server.base + "/ogc"), url);
        HttpResponse<String> r = server.get(url.substring(server.base.length()));
        assertEquals(200, r.statusCode(), given + " -> " + url);
      }
      JsonNode conformance = server.json(given.endsWith("/") ? given + "conformance" : given + "/conformance");
      assertTrue(conformance.get("conformsTo").size() >= 3);
    }
  }

  @Test
  void itemsDocumentTheOgcParametersWithTheLimitMaximum() {
    JsonNode items = doc.get("paths").get("/ogc/collections/{collectionId}/items").get("get");
    Set<String> names = new TreeSet<>();
    for (JsonNode p : items.get("parameters")) names.add(resolve(p).get("name").asText());
    assertTrue(names.containsAll(Set.of("collectionId", "limit", "offset", "bbox", "datetime", "sector", "f")), names.toString());
    JsonNode limit = doc.get("components").get("parameters").get("limit").get("schema");
    assertEquals(10, limit.get("default").asInt());
    assertEquals(10_000, limit.get("maximum").asInt());
  }

  private static JsonNode resolve(JsonNode node) {
    if (!node.has("$ref")) return node;
    JsonNode target = doc;
    for (String part : node.get("$ref").asText().substring(2).split("/")) target = target.get(part);
    return target;
  }

  private static void walk(JsonNode root, JsonNode node, Set<String> broken) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        String ref = node.get("$ref").asText();
        JsonNode target = root;
        for (String part : ref.substring(2).split("/")) target = target == null ? null : target.get(part);
        if (target == null) broken.add(ref);
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) walk(root, it.next(), broken);
    } else if (node.isArray()) {
      node.forEach(n -> walk(root, n, broken));
    }
  }
}
