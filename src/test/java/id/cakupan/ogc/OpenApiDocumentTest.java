package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /ogc/api: the OpenAPI 3.0 definition of the whole service, not only of /ogc. */
class OpenApiDocumentTest {
  @TempDir static Path dataDir;
  static ServerFixture server;
  static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    HttpResponse<String> r = server.get("/ogc/api");
    assertEquals(200, r.statusCode());
    assertEquals("application/vnd.oai.openapi+json;version=3.0", r.headers().firstValue("content-type").orElse(""));
    doc = ServerFixture.parse(r.body());
  }

  @AfterAll
  static void stop() {
    server.close();
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
      if (method == HandlerType.GET || method == HandlerType.POST) routed.add(method + " " + path);
    }
    assertTrue(routed.contains("GET /api/choropleth") && routed.contains("POST /api/imports/coverage"), routed.toString());
    assertEquals(routed, documented, "every route is in the OpenAPI document, and nothing else");
  }

  @Test
  void everyReferenceResolves() {
    Set<String> broken = new TreeSet<>();
    walk(doc, broken);
    assertTrue(broken.isEmpty(), broken.toString());
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

  private static void walk(JsonNode node, Set<String> broken) {
    if (node.isObject()) {
      if (node.has("$ref")) {
        String ref = node.get("$ref").asText();
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) target = target == null ? null : target.get(part);
        if (target == null) broken.add(ref);
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) walk(it.next(), broken);
    } else if (node.isArray()) {
      node.forEach(n -> walk(n, broken));
    }
  }
}
