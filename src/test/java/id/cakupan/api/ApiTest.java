package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.boundary.Gazetteer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every SPEC §4 read endpoint against a real server on the embedded default (bundled borders + synthetic). */
class ApiTest {
  @TempDir static Path dataDir;
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  static Set<String> specCodes() {
    return Gazetteer.builtIn().entries().stream().map(e -> e.code().value()).collect(Collectors.toSet());
  }

  @Test
  void healthSaysEmbeddedSurveyedAndSynthetic() throws Exception {
    JsonNode h = server.json("/api/health");
    assertEquals("ok", h.get("status").asText());
    assertEquals("embedded", h.get("store").asText());
    assertFalse(h.get("schematic").asBoolean());
    assertTrue(h.get("synthetic").asBoolean());
    assertEquals(31, h.get("kelurahan").asInt());
  }

  @Test
  void periodsAreTheLast24MonthsNewestFirst() throws Exception {
    JsonNode p = server.json("/api/periods").get("periods");
    assertEquals(24, p.size());
    assertEquals("2026-10", p.get(0).asText());
    assertEquals("2024-11", p.get(23).asText());
  }

  @Test
  void defaultChoroplethHasThe31KemendagriCodesWithEveryProperty() throws Exception {
    HttpResponse<String> r = server.get("/api/choropleth");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = ServerFixture.parse(r.body());
    assertEquals("FeatureCollection", fc.get("type").asText());
    assertFalse(fc.get("schematic").asBoolean());
    assertTrue(fc.get("synthetic").asBoolean());
    Set<String> ids = new TreeSet<>();
    for (JsonNode f : fc.get("features")) {
      ids.add(f.get("id").asText());
      JsonNode p = f.get("properties");
      for (String key : List.of("code", "name", "level", "kecamatan", "kecamatan_code", "sector", "period",
          "participants", "workforce", "coverage_rate", "uncovered", "change", "density", "class", "fill")) {
        assertTrue(p.has(key), "property " + key);
      }
      assertEquals(f.get("id").asText(), p.get("code").asText());
      assertEquals("ALL", p.get("sector").asText());
      assertEquals("2026-10", p.get("period").asText());
      assertTrue(p.get("fill").asText().matches("#[0-9a-f]{6}"));
      assertEquals("MultiPolygon", f.get("geometry").get("type").asText());
      double rate = p.get("coverage_rate").asDouble();
      assertEquals((double) p.get("participants").asLong() / p.get("workforce").asLong(), rate, 1e-6);
    }
    assertEquals(new TreeSet<>(specCodes()), ids);
    JsonNode legend = fc.get("legend");
    assertEquals("coverage_rate", legend.get("metric").asText());
    assertEquals("quantile", legend.get("method").asText());
    assertEquals(legend.get("colors").size() + 1, legend.get("breaks").size());
    assertEquals(legend.get("colors").size(), legend.get("labels").size());
    assertTrue(legend.get("no_data").asText().matches("#[0-9a-f]{6}"));
  }

  @Test
  void fillMatchesTheLegendColourOfTheClass() throws Exception {
    JsonNode fc = server.json("/api/choropleth?metric=uncovered&method=equal_interval&classes=4");
    JsonNode colors = fc.get("legend").get("colors");
    assertEquals(4, colors.size());
    for (JsonNode f : fc.get("features")) {
      int cls = f.get("properties").get("class").asInt();
      assertEquals(colors.get(cls).asText(), f.get("properties").get("fill").asText());
    }
  }

  @ParameterizedTest
  @CsvSource({"kelurahan,31", "kecamatan,6", "kota,1"})
  void everyLevelIsServed(String level, int count) throws Exception {
    JsonNode fc = server.json("/api/choropleth?level=" + level);
    assertEquals(count, fc.get("features").size());
    assertEquals(level, fc.get("features").get(0).get("properties").get("level").asText());
  }

  @Test
  void kotaIsTheRatioOfSumsOfItsKelurahan() throws Exception {
    JsonNode kota = server.json("/api/choropleth?level=kota&sector=BPU").get("features").get(0).get("properties");
    long p = 0;
    long w = 0;
    for (JsonNode f : server.json("/api/choropleth?sector=BPU").get("features")) {
      p += f.get("properties").get("participants").asLong();
      w += f.get("properties").get("workforce").asLong();
    }
    assertEquals("31.72", kota.get("code").asText());
    assertEquals(p, kota.get("participants").asLong());
    assertEquals(w, kota.get("workforce").asLong());
    assertEquals((double) p / w, kota.get("coverage_rate").asDouble(), 1e-6);
  }

  @Test
  void kecamatanFilterAndEverySectorMetricAndMethod() throws Exception {
    assertEquals(6, server.json("/api/choropleth?kecamatan=31.72.03").get("features").size());
    assertEquals(1, server.json("/api/choropleth?level=kecamatan&kecamatan=31.72.03").get("features").size());
    for (String sector : List.of("PU", "BPU", "JAKON", "ALL", "informal")) {
      for (String metric : List.of("participants", "workforce", "coverage_rate", "uncovered", "change", "density")) {
        for (String method : List.of("quantile", "equal_interval", "jenks")) {
          JsonNode fc = server.json("/api/choropleth?sector=" + sector + "&metric=" + metric + "&method=" + method
              + "&period=2025-06");
          assertEquals(31, fc.get("features").size());
          assertEquals(metric, fc.get("legend").get("metric").asText());
        }
      }
    }
    JsonNode manual = server.json("/api/choropleth?method=manual&breaks=0.3,0.5,0.6");
    assertEquals(4, manual.get("legend").get("colors").size());
    assertEquals(0.3, manual.get("legend").get("breaks").get(1).asDouble(), 1e-12);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/choropleth?level=desa|level",
      "/api/choropleth?sector=PBI|sector",
      "/api/choropleth?metric=rate|metric",
      "/api/choropleth?method=natural|method",
      "/api/choropleth?classes=2|classes",
      "/api/choropleth?classes=10|classes",
      "/api/choropleth?classes=lima|classes",
      "/api/choropleth?period=2026-13|period",
      "/api/choropleth?period=Oktober|period",
      "/api/choropleth?method=manual|breaks",
      "/api/choropleth?method=manual&breaks=0.5,0.2|breaks",
      "/api/choropleth?method=manual&breaks=a,b|breaks",
      "/api/choropleth?breaks=0.5|breaks",
      "/api/choropleth?kecamatan=31.72|kecamatan",
      "/api/choropleth?level=kota&kecamatan=31.72.03|kecamatan",
      "/api/choropleth?colour=red|colour",
      "/api/ranking?sort=name|sort",
      "/api/ranking?limit=0|limit",
      "/api/ranking?format=xml|format",
      "/api/kelurahan/31-72|code",
      "/api/periods?x=1|x"})
  void badInputIs400ProblemJsonNamingTheParameter(String path, String parameter) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals(400, p.get("status").asInt());
    assertEquals(parameter, p.get("parameter").asText());
    assertTrue(p.get("detail").asText().length() > 10);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/choropleth?period=1999-01|period",
      "/api/choropleth?kecamatan=31.72.09|kecamatan",
      "/api/ranking?period=1999-01|period",
      "/api/kelurahan/31.72.09.1001|code"})
  void wellFormedButAbsentIs404ProblemJson(String path, String parameter) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(404, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    assertEquals(parameter, ServerFixture.parse(r.body()).get("parameter").asText());
  }

  @Test
  void unknownRouteIsProblemJson() throws Exception {
    HttpResponse<String> r = server.get("/api/nothing-here");
    assertEquals(404, r.statusCode());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
  }

  @Test
  void rankingPutsTheMostUncoveredFirstWithTiesByCode() throws Exception {
    JsonNode rows = server.json("/api/ranking?sector=BPU").get("rows");
    assertEquals(31, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode r = rows.get(i);
      assertEquals(i + 1, r.get("rank").asInt());
      for (String key : List.of("code", "name", "kecamatan", "kecamatan_code", "participants", "workforce",
          "coverage_rate", "uncovered", "change", "density")) {
        assertTrue(r.has(key), key);
      }
      if (i > 0) {
        JsonNode prev = rows.get(i - 1);
        long a = prev.get("uncovered").asLong();
        long b = r.get("uncovered").asLong();
        assertTrue(a > b || (a == b && prev.get("code").asText().compareTo(r.get("code").asText()) < 0));
      }
    }
    JsonNode byRate = server.json("/api/ranking?sort=coverage_rate&kecamatan=31.72.04&limit=3").get("rows");
    assertEquals(3, byRate.size());
    assertTrue(byRate.get(0).get("coverage_rate").asDouble() <= byRate.get(1).get("coverage_rate").asDouble());
    byRate.forEach(r -> assertEquals("31.72.04", r.get("kecamatan_code").asText()));
  }

  @Test
  void rankingAsCsvHasAHeaderAndOneLinePerKelurahan() throws Exception {
    HttpResponse<String> r = server.get("/api/ranking?format=csv&kecamatan=31.72.06");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
    String[] lines = r.body().split("\n");
    assertTrue(lines[0].startsWith("rank,code,bps_code,name,kecamatan,kecamatan_code"));
    assertEquals(4, lines.length);
    assertTrue(lines[1].startsWith("1,31.72.06."));
  }

  @Test
  void kelurahanDetailHasAMonthlySeriesPerSector() throws Exception {
    JsonNode f = server.json("/api/kelurahan/3172031004");
    assertEquals("31.72.03.1004", f.get("id").asText());
    JsonNode p = f.get("properties");
    assertEquals("Rawa Badak Utara", p.get("name").asText());
    assertEquals("Koja", p.get("kecamatan").asText());
    for (String s : List.of("PU", "BPU", "JAKON", "ALL")) {
      assertEquals(24, p.get("series").get(s).size(), s);
    }
    JsonNode first = p.get("series").get("PU").get(0);
    assertEquals("2024-11", first.get("period").asText());
    assertTrue(first.get("change").isNull(), "no month before the first");
    assertFalse(p.get("series").get("PU").get(1).get("change").isNull());
  }

  @Test
  void repeatedConditionalRequestGets304AndGzipIsOffered() throws Exception {
    HttpResponse<String> first = server.get("/api/choropleth?sector=PU");
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<String> again = server.get("/api/choropleth?sector=PU", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    HttpResponse<byte[]> gz = server.getBytes("/api/choropleth?sector=PU", "Accept-Encoding", "gzip");
    assertEquals("gzip", gz.headers().firstValue("content-encoding").orElse(""));
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
    assertArrayEquals(first.body().getBytes(StandardCharsets.UTF_8), plain);
    assertTrue(gz.body().length < plain.length / 2);
  }

  @Test
  void theMapPageAndLeafletAreServedFromTheJar() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("Cakupan BPJS Ketenagakerjaan"));
    assertEquals(200, server.get("/webjars/leaflet/1.9.4/dist/leaflet.js").statusCode());
    assertEquals(200, server.get("/app.js").statusCode());
    assertNull(server.json("/api/config").get("basemap_url").textValue());
  }

  @Test
  void dataSurvivesARestart() throws Exception {
    List<String> before = new ArrayList<>();
    server.json("/api/periods").get("periods").forEach(p -> before.add(p.asText()));
    String body = server.get("/api/choropleth?sector=BPU&metric=uncovered").body();
    try (ServerFixture again = new ServerFixture(dataDir, null)) {
      List<String> after = new ArrayList<>();
      again.json("/api/periods").get("periods").forEach(p -> after.add(p.asText()));
      assertEquals(before, after);
      assertEquals(body, again.get("/api/choropleth?sector=BPU&metric=uncovered").body());
    }
    assertNotNull(body);
  }
}
