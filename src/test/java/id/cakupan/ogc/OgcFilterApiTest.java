package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OGC API - Features Part 3 (queryables, CQL2 filter) and sortby over the embedded default. */
class OgcFilterApiTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode items(String collection, String query) throws Exception {
    return server.json("/ogc/collections/" + collection + "/items?" + query);
  }

  static List<String> ids(JsonNode fc) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : fc.get("features")) out.add(f.get("id").asText());
    return out;
  }

  static JsonNode problem(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(400, r.statusCode(), path + " -> " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), r.body());
    return ServerFixture.parse(r.body());
  }

  @Test
  void conformanceDeclaresFilteringAndSorting() throws Exception {
    String conf = server.json("/ogc/conformance").toString();
    for (String c : List.of("ogcapi-features-3/1.0/conf/filter", "ogcapi-features-3/1.0/conf/features-filter",
        "ogcapi-features-3/1.0/conf/queryables", "ogcapi-features-3/1.0/conf/queryables-query-parameters",
        "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json", "cql2/1.0/conf/basic-cql2",
        "cql2/1.0/conf/advanced-comparison-operators", "cql2/1.0/conf/basic-spatial-functions",
        "cql2/1.0/conf/basic-spatial-functions-plus", "cql2/1.0/conf/case-insensitive-comparison",
        "ogcapi-features-8/1.0/conf/sorting")) {
      assertTrue(conf.contains("http://www.opengis.net/spec/" + c + "\""), c);
    }
  }

  @Test
  void theApiDefinitionDescribesFilterSortbyAndQueryables() throws Exception {
    JsonNode api = server.json("/ogc/api");
    JsonNode lang = api.at("/components/parameters/filter-lang/schema/enum");
    assertTrue(lang.toString().contains("cql2-text") && lang.toString().contains("cql2-json"), lang.toString());
    String items = null;
    for (var it = api.get("paths").fieldNames(); it.hasNext(); ) {
      String path = it.next();
      if (path.endsWith("/collections/{collectionId}/items")) items = api.get("paths").get(path).toString();
      if (path.endsWith("/collections/{collectionId}/queryables")) assertNotNull(api.get("paths").get(path).get("get"));
    }
    assertNotNull(items);
    for (String p : List.of("parameters/filter\"", "parameters/filter-lang", "parameters/sortby", "\"kecamatan_code\"")) {
      assertTrue(items.contains(p), p);
    }
  }

  @Test
  void queryablesAreAJsonSchemaLinkedFromTheCollection() throws Exception {
    JsonNode collection = server.json("/ogc/collections/coverage-kelurahan");
    String href = null;
    for (JsonNode l : collection.get("links")) {
      if (l.get("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/queryables")) href = l.get("href").asText();
    }
    assertEquals(server.base + "/ogc/collections/coverage-kelurahan/queryables", href);
    HttpResponse<String> r = server.get("/ogc/collections/coverage-kelurahan/queryables");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/schema+json"));
    JsonNode schema = ServerFixture.parse(r.body());
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertEquals(href, schema.get("$id").asText());
    assertEquals("object", schema.get("type").asText());
    JsonNode p = schema.get("properties");
    assertEquals("string", p.get("kecamatan_code").get("type").asText());
    assertEquals("integer", p.get("participants").get("type").asText());
    assertEquals("primary-geometry", p.get("geometry").get("x-ogc-role").asText());
    assertEquals("primary-interval-start", p.get("period_start").get("x-ogc-role").asText());
    assertEquals("date", p.get("period_start").get("format").asText());
    assertEquals(4, p.get("sector").get("enum").size());
    JsonNode boundaries = server.json("/ogc/collections/kelurahan/queryables").get("properties");
    assertEquals("id", boundaries.get("code").get("x-ogc-role").asText());
    assertTrue(boundaries.get("participants") == null);
    assertEquals(404, server.get("/ogc/collections/nope/queryables").statusCode());
    JsonNode table = server.json("/ogc/collections/coverage-kelurahan-table/queryables").get("properties");
    assertTrue(table.get("geometry") == null && table.get("participants") != null, "a table has no geometry to filter on");
    assertEquals(2, items("coverage-kelurahan-table", "filter=" + enc("code = '31.72.03.1004' AND sector = 'BPU'"
        + " AND period >= '2026-09'")).get("numberMatched").asInt());
  }

  @Test
  void cql2TextFiltersTheKelurahanOfOneKecamatan() throws Exception {
    JsonNode fc = items("kelurahan", "filter=" + enc("kecamatan_code = '31.72.03'") + "&limit=100");
    assertEquals(6, fc.get("numberMatched").asInt());
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1003", "31.72.03.1004", "31.72.03.1005",
        "31.72.03.1006"), ids(fc));
    JsonNode like = items("kelurahan", "filter=" + enc("name LIKE 'Rawa Badak%' AND luas_km2 > 1") + "&limit=100");
    assertEquals(List.of("31.72.03.1004", "31.72.03.1006"), ids(like));
    JsonNode in = items("kelurahan", "filter=" + enc("code IN ('31.72.01.1005', '31.72.06.1001') OR CASEI(name) = CASEI('KOJA')"));
    assertEquals(List.of("31.72.01.1005", "31.72.03.1001", "31.72.06.1001"), ids(in));
    // Koja's interior point (SPEC §2) lies in Koja only.
    JsonNode point = items("kelurahan", "filter=" + enc("S_INTERSECTS(geometry, POINT(106.89896 -6.10589))"));
    assertEquals(List.of("31.72.03.1001"), ids(point));
    JsonNode box = items("kelurahan", "filter=" + enc("S_INTERSECTS(geometry, BBOX(106.89, -6.13, 106.91, -6.11))") + "&limit=100");
    JsonNode bboxParam = items("kelurahan", "bbox=106.89,-6.13,106.91,-6.11&limit=100");
    assertEquals(ids(bboxParam), ids(box), "S_INTERSECTS with a BBOX selects what the bbox parameter does");
  }

  @Test
  void cql2JsonAndQueryableParametersGiveTheSameAnswer() throws Exception {
    String json = "{\"op\":\"=\",\"args\":[{\"property\":\"kecamatan_code\"},\"31.72.03\"]}";
    JsonNode a = items("kelurahan", "filter-lang=cql2-json&filter=" + enc(json) + "&limit=100");
    JsonNode b = items("kelurahan", "kecamatan_code=31.72.03&limit=100");
    JsonNode c = items("kelurahan", "filter-lang=cql-text&filter=" + enc("kecamatan_code = '31.72.03'") + "&limit=100");
    assertEquals(6, ids(a).size());
    assertEquals(ids(a), ids(b));
    assertEquals(ids(a), ids(c));
  }

  @Test
  void coverageFiltersOnMetricsAndDates() throws Exception {
    JsonNode fc = items("coverage-kelurahan", "filter=" + enc("sector = 'BPU' AND period = '2026-10' AND coverage_rate < 0.5")
        + "&limit=100");
    assertTrue(fc.get("numberMatched").asInt() > 0);
    for (JsonNode f : fc.get("features")) {
      assertEquals("BPU", f.get("properties").get("sector").asText());
      assertTrue(f.get("properties").get("coverage_rate").asDouble() < 0.5);
    }
    JsonNode dates = items("coverage-kota", "filter=" + enc("period_start >= DATE('2026-09-01') AND sector = 'ALL'"));
    assertEquals(2, dates.get("numberMatched").asInt(), "2026-09 and 2026-10");
    JsonNode between = items("coverage-kecamatan", "filter=" + enc("period_start BETWEEN DATE('2026-01-01') AND DATE('2026-03-01')")
        + "&sector=PU&kecamatan_code=31.72.03");
    assertEquals(3, between.get("numberMatched").asInt());
  }

  @Test
  void sortbyOrdersAndPagingLinksKeepFilterAndSortby() throws Exception {
    String q = "filter=" + enc("sector = 'BPU' AND period = '2026-10'") + "&sortby=" + enc("-uncovered,code") + "&limit=5";
    JsonNode first = items("coverage-kelurahan", q);
    assertEquals(31, first.get("numberMatched").asInt());
    long last = Long.MAX_VALUE;
    List<String> seen = new ArrayList<>(ids(first));
    for (JsonNode f : first.get("features")) {
      long u = f.get("properties").get("uncovered").asLong();
      assertTrue(u <= last);
      last = u;
    }
    JsonNode next = null;
    for (JsonNode l : first.get("links")) if (l.get("rel").asText().equals("next")) next = l;
    assertNotNull(next);
    String href = next.get("href").asText();
    assertTrue(href.contains("filter=") && href.contains("filter-lang=cql2-text") && href.contains("sortby="), href);
    JsonNode second = server.json(href.substring(server.base.length()));
    for (JsonNode f : second.get("features")) {
      assertTrue(f.get("properties").get("uncovered").asLong() <= last);
      seen.add(f.get("id").asText());
    }
    assertEquals(10, seen.stream().distinct().count());
    JsonNode ties = items("coverage-kota", "filter=" + enc("period = '2026-10'") + "&sortby=period");
    assertEquals(List.of("31.72_2026-10_ALL", "31.72_2026-10_BPU", "31.72_2026-10_JAKON", "31.72_2026-10_PU"), ids(ties),
        "ties by feature id");
    JsonNode byName = items("kelurahan", "sortby=name&limit=3");
    assertEquals("Ancol", byName.get("features").get(0).get("properties").get("name").asText());
    JsonNode desc = items("kelurahan", "sortby=-luas_km2&limit=1");
    assertEquals("Kamal Muara", desc.get("features").get(0).get("properties").get("name").asText());
  }

  @Test
  void badFiltersAre400NamingParameterAndPosition() throws Exception {
    JsonNode unknown = problem("/ogc/collections/kelurahan/items?filter=" + enc("nama = 'Koja'"));
    assertEquals("filter", unknown.get("parameter").asText());
    assertTrue(unknown.get("detail").asText().contains("at character 1") && unknown.get("detail").asText().contains("nama"));
    JsonNode syntax = problem("/ogc/collections/kelurahan/items?filter=" + enc("name = 'Koja' AND"));
    assertTrue(syntax.get("detail").asText().contains("at character 18"), syntax.toString());
    JsonNode type = problem("/ogc/collections/kelurahan/items?filter=" + enc("luas_km2 > 'big'"));
    assertTrue(type.get("detail").asText().contains("at character 12"), type.toString());
    JsonNode json = problem("/ogc/collections/kelurahan/items?filter-lang=cql2-json&filter="
        + enc("{\"op\":\"=\",\"args\":[{\"property\":\"kecamatan_code\"},5]}"));
    assertTrue(json.get("detail").asText().contains("at /args/1"), json.toString());
    assertEquals("filter", json.get("parameter").asText());
    assertEquals("filter-lang", problem("/ogc/collections/kelurahan/items?filter-lang=ecql&filter=x").get("parameter").asText());
    assertEquals("filter-crs", problem("/ogc/collections/kelurahan/items?filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/32748")
        + "&filter=" + enc("name = 'Koja'")).get("parameter").asText());
    assertEquals("sortby", problem("/ogc/collections/kelurahan/items?sortby=geometry").get("parameter").asText());
    assertEquals("participants", problem("/ogc/collections/kelurahan/items?participants=5").get("parameter").asText());
    assertEquals("luas_km2", problem("/ogc/collections/kelurahan/items?luas_km2=big").get("parameter").asText());
    StringBuilder in = new StringBuilder("participants IN (0");
    for (int i = 1; i <= 1000; i++) in.append(',').append(i);
    JsonNode tooMany = problem("/ogc/collections/coverage-kota/items?filter=" + enc(in + ")"));
    assertTrue(tooMany.get("detail").asText().contains("at most 1000"), tooMany.toString());
    assertEquals("offset", problem("/ogc/collections/kelurahan/items?sortby=name&offset=200000").get("parameter").asText());
    assertEquals("filter", problem("/ogc/collections/kelurahan/items?filter=name%20%3D%20%27a%00b%27").get("parameter").asText());
    assertEquals("name", problem("/ogc/collections/kelurahan/items?name=a%00b").get("parameter").asText());
    assertEquals("filter", problem("/ogc/collections/kelurahan/items?filter="
        + enc("S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))")).get("parameter").asText());
    // Accepted CRS84 filter-crs.
    assertEquals(1, items("kelurahan", "filter-crs=" + enc("http://www.opengis.net/def/crs/OGC/1.3/CRS84")
        + "&filter=" + enc("name = 'Koja'")).get("numberMatched").asInt());
  }
}
