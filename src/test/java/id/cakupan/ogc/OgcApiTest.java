package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Envelope;

/**
 * OGC API - Features under /ogc on the embedded default: 31 surveyed kelurahan, 6 kecamatan,
 * 1 kota, 24 months (2024-11 to 2026-10) of synthetic coverage, 4 sectors.
 */
class OgcApiTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();
  static final int MONTHS = 24;
  static final int SECTORS = 4;

  static JsonNode link(JsonNode doc, String rel) {
    for (JsonNode l : doc.get("links")) {
      if (l.get("rel").asText().equals(rel)) return l;
    }
    return null;
  }

  /** The path and query of an absolute link of this server. */
  static String path(JsonNode link) {
    String href = link.get("href").asText();
    assertTrue(href.startsWith(server.base + "/"), href);
    return href.substring(server.base.length());
  }

  @Test
  void landingPageLinksToTheApiConformanceAndData() throws Exception {
    HttpResponse<String> r = server.get("/ogc");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
    JsonNode landing = ServerFixture.parse(r.body());
    assertEquals("/ogc", path(link(landing, "self")));
    JsonNode desc = link(landing, "service-desc");
    assertEquals("/ogc/api", path(desc));
    assertEquals("application/vnd.oai.openapi+json;version=3.0", desc.get("type").asText());
    assertEquals("/ogc/conformance", path(link(landing, "conformance")));
    assertEquals("/ogc/collections", path(link(landing, "data")));
    assertTrue(landing.get("title").asText().contains("cakupan"));
  }

  @Test
  void linksFollowTheHostTheClientUsed() throws Exception {
    JsonNode landing = ServerFixture.parse(server.get("/ogc", "X-Forwarded-Proto", "https",
        "X-Forwarded-Host", "gis.example.go.id").body());
    assertEquals("https://gis.example.go.id/ogc", link(landing, "self").get("href").asText());
    JsonNode spoofed = ServerFixture.parse(server.get("/ogc", "X-Forwarded-Host", "evil\"/><x").body());
    assertEquals(server.base + "/ogc", link(spoofed, "self").get("href").asText());
  }

  @Test
  void conformanceDeclaresCoreGeoJsonHtmlOpenApiAndCrs() throws Exception {
    Set<String> classes = new TreeSet<>();
    server.json("/ogc/conformance").get("conformsTo").forEach(c -> classes.add(c.asText()));
    // Part 3's classes are checked in OgcFilterApiTest.
    assertTrue(classes.containsAll(Set.of(
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs")), classes.toString());
  }

  @Test
  void collectionsHaveSpatialAndTemporalExtentsAndItemLinks() throws Exception {
    JsonNode doc = server.json("/ogc/collections");
    assertEquals("/ogc/collections", path(link(doc, "self")));
    List<String> ids = new ArrayList<>();
    for (JsonNode c : doc.get("collections")) {
      String id = c.get("id").asText();
      ids.add(id);
      if (id.endsWith("-table")) {
        assertNull(c.get("extent").get("spatial"), "a table has no geometry, so no spatial extent");
      } else {
        JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
        assertEquals(4, bbox.size());
        assertTrue(bbox.get(0).asDouble() > 106.6 && bbox.get(2).asDouble() < 107.1, bbox.toString());
        assertTrue(bbox.get(1).asDouble() > -6.3 && bbox.get(3).asDouble() < -6.0, bbox.toString());
        assertEquals("http://www.opengis.net/def/crs/OGC/1.3/CRS84", c.get("extent").get("spatial").get("crs").asText());
      }
      JsonNode items = link(c, "items");
      assertEquals("/ogc/collections/" + id + "/items", path(items));
      assertEquals("application/geo+json", items.get("type").asText());
      assertEquals(c, server.json("/ogc/collections/" + id), "the collection document equals its entry");
      JsonNode temporal = c.get("extent").get("temporal");
      if (id.startsWith("coverage-")) {
        assertEquals("2024-11-01T00:00:00Z", temporal.get("interval").get(0).get(0).asText());
        assertEquals("2026-10-31T23:59:59Z", temporal.get("interval").get(0).get(1).asText());
      } else {
        assertNull(temporal, "boundaries hold for every month; this server has no activities to date");
      }
    }
    assertEquals(List.of("kelurahan", "kecamatan", "coverage-kelurahan", "coverage-kecamatan", "coverage-kota",
        "coverage-provinsi", "coverage-kelurahan-table", "activities"), ids);
  }

  @ParameterizedTest
  @CsvSource({"kelurahan,31", "kecamatan,6", "coverage-kelurahan,2976", "coverage-kecamatan,576", "coverage-kota,96",
      "coverage-provinsi,96"})
  void everyCollectionCountsItsFeatures(String id, int matched) throws Exception {
    HttpResponse<String> r = server.get("/ogc/collections/" + id + "/items");
    assertEquals(200, r.statusCode());
    assertEquals("application/geo+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode page = ServerFixture.parse(r.body());
    assertEquals("FeatureCollection", page.get("type").asText());
    assertEquals(matched, page.get("numberMatched").asInt());
    int returned = Math.min(10, matched); // the default limit is 10
    assertEquals(returned, page.get("numberReturned").asInt());
    assertEquals(returned, page.get("features").size());
    assertTrue(page.get("timeStamp").asText().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
    assertEquals(matched > 10, link(page, "next") != null);
    assertNull(link(page, "prev"), "the first page has no previous one");
    assertEquals("MultiPolygon", page.get("features").get(0).get("geometry").get("type").asText());
  }

  @Test
  void followingNextLinksVisitsEveryFeatureOnceThenStops() throws Exception {
    Set<String> seen = new HashSet<>();
    String next = "/ogc/collections/coverage-kota/items?limit=7";
    int pages = 0;
    while (next != null) {
      JsonNode page = server.json(next);
      pages++;
      for (JsonNode f : page.get("features")) assertTrue(seen.add(f.get("id").asText()), "twice: " + f.get("id"));
      assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
      JsonNode n = link(page, "next");
      next = n == null ? null : path(n);
    }
    assertEquals(MONTHS * SECTORS, seen.size());
    assertEquals(14, pages); // 96 / 7 rounded up
    assertTrue(seen.contains("31.72_2026-10_BPU"));
    assertTrue(seen.contains("31.72_2024-11_ALL"));
  }

  @Test
  void offsetPagesAndPrevLinks() throws Exception {
    JsonNode all = server.json("/ogc/collections/kelurahan/items?limit=100");
    assertEquals(31, all.get("numberReturned").asInt());
    assertNull(link(all, "next"));
    List<String> ids = new ArrayList<>();
    all.get("features").forEach(f -> ids.add(f.get("id").asText()));
    assertEquals(new ArrayList<>(new TreeSet<>(ids)), ids, "ordered by code");

    JsonNode page = server.json("/ogc/collections/kelurahan/items?limit=5&offset=12");
    assertEquals(31, page.get("numberMatched").asInt());
    assertEquals(ids.subList(12, 17), List.of(page.get("features").findValuesAsText("id").toArray(new String[0])).subList(0, 5));
    assertTrue(path(link(page, "self")).endsWith("limit=5&offset=12"));
    assertTrue(path(link(page, "next")).endsWith("limit=5&offset=17"));
    assertTrue(path(link(page, "prev")).endsWith("limit=5&offset=7"));

    JsonNode last = server.json("/ogc/collections/kelurahan/items?limit=5&offset=30");
    assertEquals(1, last.get("numberReturned").asInt());
    assertNull(link(last, "next"));
    assertEquals(0, server.json("/ogc/collections/kelurahan/items?offset=99999999999999999999").get("numberReturned").asInt());
    JsonNode beyond = server.json("/ogc/collections/kelurahan/items?limit=5&offset=1000");
    assertEquals(0, beyond.get("numberReturned").asInt());
    assertEquals(31, beyond.get("numberMatched").asInt());
    assertTrue(path(link(beyond, "prev")).endsWith("offset=26"));
  }

  @Test
  void aLimitAboveTheMaximumIsLoweredToIt() throws Exception {
    assertEquals(31, server.json("/ogc/collections/kelurahan/items?limit=99999999999999999999999").get("numberReturned").asInt());
    JsonNode page = server.json("/ogc/collections/coverage-kelurahan/items?limit=50000");
    assertTrue(path(link(page, "self")).contains("limit=10000"));
    // 2,976 features each with its kelurahan's polygon pass the page's geometry bound (about 16 MB):
    // the page stops short of the limit and the next one carries the rest.
    int first = page.get("numberReturned").asInt();
    assertTrue(first > 1000 && first < 2976, "first page: " + first);
    assertTrue(path(link(page, "next")).contains("offset=" + first), link(page, "next").toString());
    JsonNode rest = server.json("/ogc/collections/coverage-kelurahan/items?limit=10000&offset=" + first);
    assertEquals(2976 - first, rest.get("numberReturned").asInt());
    assertNull(link(rest, "next"));
  }

  @Test
  void bboxKeepsTheFeaturesWhosePolygonsIntersectIt() throws Exception {
    double[] box = {106.89, -6.13, 106.91, -6.11};
    JsonNode page = server.json("/ogc/collections/kelurahan/items?limit=100&bbox=106.89,-6.13,106.91,-6.11");
    Set<String> got = new TreeSet<>(page.get("features").findValuesAsText("id"));
    Set<String> expected = new TreeSet<>();
    var rect = new GeometryFactory().toGeometry(new Envelope(box[0], box[2], box[1], box[3]));
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KELURAHAN)) {
      if (u.geometry().intersects(rect)) expected.add(u.code());
    }
    assertFalse(expected.isEmpty());
    assertTrue(expected.size() < 31);
    assertEquals(expected, got);
    assertEquals(expected.size(), page.get("numberMatched").asInt());
    assertTrue(path(link(page, "self")).contains("bbox=106.89,-6.13,106.91,-6.11"));
    // The coverage collection multiplies the same units by months and sectors.
    JsonNode coverage = server.json("/ogc/collections/coverage-kelurahan/items?bbox=106.89,-6.13,106.91,-6.11");
    assertEquals(expected.size() * MONTHS * SECTORS, coverage.get("numberMatched").asInt());
    assertEquals(0, server.json("/ogc/collections/kelurahan/items?bbox=100,0,101,1").get("numberMatched").asInt());
    assertEquals(31, server.json("/ogc/collections/kelurahan/items?bbox=100,-10,-100,110,0,100")
        .get("numberMatched").asInt(), "six numbers: heights ignored");
    assertEquals(31, server.json("/ogc/collections/kelurahan/items?bbox=100,-10,-170,0")
        .get("numberMatched").asInt(), "west > east crosses the antimeridian");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-10|1",
      "2026-10-15|1",
      "2026-10-15T08:30:00Z|1",
      "2026-10-31T23:30:00-02:00|0", // 2026-11-01 01:30 UTC: a month without data
      "2026-01/2026-06|6",
      "2026-01-15/2026-02-01T00:00:00Z|2",
      "../2025-02|4",
      "2026-07/..|4",
      "2026-07/|4",
      "2020-01/2020-12|0"})
  void datetimeSelectsTheMonthsItTouches(String datetime, int months) throws Exception {
    JsonNode page = server.json("/ogc/collections/coverage-kota/items?limit=1000&datetime=" + datetime.replace("+", "%2B"));
    assertEquals(months * SECTORS, page.get("numberMatched").asInt(), datetime);
    Set<String> periods = new TreeSet<>(page.get("features").findValuesAsText("period"));
    assertEquals(months, periods.size());
  }

  @Test
  void datetimeOnBoundariesIsAcceptedAndSelectsThemAll() throws Exception {
    assertEquals(31, server.json("/ogc/collections/kelurahan/items?datetime=2026-10").get("numberMatched").asInt());
  }

  @Test
  void sectorAndPeriodFilterCoverageFeatures() throws Exception {
    JsonNode page = server.json("/ogc/collections/coverage-kelurahan/items?sector=informal&period=2026-10&limit=100");
    assertEquals(31, page.get("numberMatched").asInt());
    for (JsonNode f : page.get("features")) {
      JsonNode p = f.get("properties");
      assertEquals("BPU", p.get("sector").asText());
      assertEquals("2026-10", p.get("period").asText());
      assertEquals(p.get("code").asText() + "_2026-10_BPU", f.get("id").asText());
      for (String key : List.of("participants", "workforce", "coverage_rate", "uncovered", "change", "density",
          "name", "kecamatan", "kecamatan_code", "luas_km2", "period_start", "period_end")) {
        assertTrue(p.has(key), key);
      }
    }
    assertTrue(path(link(page, "self")).contains("sector=BPU"));
    JsonNode all = server.json("/ogc/collections/coverage-kelurahan/items?sector=ALL&datetime=2026-10&limit=1&code=31.72.03.1004");
    assertEquals(1, all.get("numberMatched").asInt());
    JsonNode choropleth = server.json("/api/choropleth?sector=ALL&period=2026-10");
    for (JsonNode f : choropleth.get("features")) {
      if (f.get("id").asText().equals("31.72.03.1004")) {
        JsonNode p = all.get("features").get(0).get("properties");
        for (String key : List.of("participants", "workforce", "coverage_rate", "uncovered", "change", "density")) {
          assertEquals(f.get("properties").get(key), p.get(key), key);
        }
      }
    }
  }

  @Test
  void oneFeatureById() throws Exception {
    HttpResponse<String> r = server.get("/ogc/collections/coverage-kecamatan/items/31.72.03_2026-10_BPU");
    assertEquals(200, r.statusCode());
    assertEquals("application/geo+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode f = ServerFixture.parse(r.body());
    assertEquals("Feature", f.get("type").asText());
    assertEquals("31.72.03_2026-10_BPU", f.get("id").asText());
    assertEquals("Koja", f.get("properties").get("name").asText());
    assertEquals("/ogc/collections/coverage-kecamatan/items/31.72.03_2026-10_BPU", path(link(f, "self")));
    assertEquals("/ogc/collections/coverage-kecamatan", path(link(f, "collection")));
    JsonNode k = server.json("/ogc/collections/kelurahan/items/31.72.03.1004");
    assertEquals("Rawa Badak Utara", k.get("properties").get("name").asText());
    assertFalse(k.get("properties").has("sector"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/ogc/collections/kelurahan/items/31.72.03.9999|404|featureId",
      "/ogc/collections/kelurahan/items/nonsense|404|featureId",
      "/ogc/collections/coverage-kelurahan/items/31.72.03.1004_2019-01_BPU|404|featureId",
      "/ogc/collections/coverage-kelurahan/items/31.72.03.1004_2026-10_XYZ|404|featureId",
      "/ogc/collections/coverage-kelurahan/items/31.72.03.1004|404|featureId",
      "/ogc/collections/desa|404|collectionId",
      "/ogc/collections/desa/items|404|collectionId",
      "/ogc/collections/kelurahan/items?foo=1|400|foo",
      "/ogc/collections/kelurahan/items?crs=EPSG:2154|400|crs",
      "/ogc/collections/kelurahan/items?limit=0|400|limit",
      "/ogc/collections/kelurahan/items?limit=ten|400|limit",
      "/ogc/collections/kelurahan/items?offset=-1|400|offset",
      "/ogc/collections/kelurahan/items?offset=1.5|400|offset",
      "/ogc/collections/kelurahan/items?bbox=1,2,3|400|bbox",
      "/ogc/collections/kelurahan/items?bbox=1,2,3,x|400|bbox",
      "/ogc/collections/kelurahan/items?bbox=0,10,1,5|400|bbox",
      "/ogc/collections/kelurahan/items?bbox=0,-95,1,5|400|bbox",
      "/ogc/collections/kelurahan/items?datetime=yesterday|400|datetime",
      "/ogc/collections/coverage-kota/items?datetime=2026-06/2026-01|400|datetime",
      "/ogc/collections/coverage-kota/items?datetime=../..|400|datetime",
      "/ogc/collections/coverage-kota/items?datetime=2026-13|400|datetime",
      "/ogc/collections/coverage-kota/items?sector=GIG|400|sector",
      "/ogc/collections/coverage-kota/items?period=2026-10-01|400|period",
      "/ogc/collections/coverage-kota/items?code=Koja|400|code",
      "/ogc/collections/kelurahan/items?sector=BPU|400|sector",
      "/ogc/collections/kelurahan/items?limit=5&limit=6|400|limit",
      "/ogc/collections?f=xml|400|f",
      "/ogc/api?f=html|406|f",
      "/ogc/collections/kelurahan/items?f=xml|400|f",
      "/ogc/conformance?bbox=1,2,3,4|400|bbox"})
  void clientMistakesAreProblemsNamingTheParameter(String path, int status, String parameter) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode problem = ServerFixture.parse(r.body());
    assertEquals(status, problem.get("status").asInt());
    assertEquals(parameter, problem.get("parameter").asText());
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null), "CORS on errors too");
  }

  @Test
  void fJsonIsAcceptedEverywhere() throws Exception {
    for (String path : List.of("/ogc?f=json", "/ogc/conformance?f=json", "/ogc/api?f=json", "/ogc/collections?f=json",
        "/ogc/collections/kelurahan?f=json", "/ogc/collections/kelurahan/items?f=json",
        "/ogc/collections/kelurahan/items?f=geojson", "/ogc/collections/kelurahan/items/31.72.03.1004?f=json")) {
      assertEquals(200, server.get(path).statusCode(), path);
    }
  }

  @Test
  void readsAreOpenToOtherOrigins() throws Exception {
    for (String path : List.of("/ogc", "/ogc/collections/kelurahan/items", "/api/choropleth", "/api/download")) {
      HttpResponse<String> r = server.get(path, "Origin", "https://qgis.example");
      assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null), path);
    }
    HttpResponse<String> preflight = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(URI.create(server.base + "/ogc/collections"))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Origin", "https://map.example").header("Access-Control-Request-Method", "GET")
        .header("Access-Control-Request-Headers", "if-none-match").build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(204, preflight.statusCode());
    assertEquals("*", preflight.headers().firstValue("access-control-allow-origin").orElse(null));
    assertTrue(preflight.headers().firstValue("access-control-allow-methods").orElse("").contains("GET"));
    assertFalse(preflight.headers().firstValue("access-control-allow-methods").orElse("").contains("POST"));
  }

  @Test
  void itemsAreCachedWithETags() throws Exception {
    HttpResponse<String> first = server.get("/ogc/collections/kecamatan/items");
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertEquals(304, server.get("/ogc/collections/kecamatan/items", "If-None-Match", etag).statusCode());
  }
}
