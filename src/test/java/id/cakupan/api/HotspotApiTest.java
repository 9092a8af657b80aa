package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.analysis.ClusterData;
import id.cakupan.analysis.GiStar;
import id.cakupan.analysis.Hotspots;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.config.Config;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Sector;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/hotspots on the real Jakarta Utara boundaries (BPS 2020 shapefile) with an imported cluster. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotApiTest {
  private static final String TOKEN = "hotspot-test-token";
  private ServerFixture server;
  private BoundarySet boundaries;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    server = new ServerFixture(new Config(0, dir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, TOKEN, null));
    boundaries = ClusterData.jakartaUtara();
    HttpResponse<String> r = server.post("/api/imports/coverage", ClusterData.csv(boundaries).getBytes(StandardCharsets.UTF_8),
        "text/csv", "Authorization", "Bearer " + TOKEN);
    assertEquals(200, r.statusCode(), r.body());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void everyKelurahanWithItsNeighboursZPAndClass() throws Exception {
    HttpResponse<String> r = server.get("/api/hotspots?level=kelurahan&sector=BPU&period=2026-10&metric=uncovered");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = ServerFixture.parse(r.body());
    assertEquals("FeatureCollection", fc.get("type").asText());
    assertEquals("uncovered", fc.get("metric").asText());
    assertEquals(31, fc.get("features").size());
    assertEquals(30, fc.get("analysis").get("units_with_data").asInt());
    assertEquals(0, fc.get("analysis").get("islands").size());
    assertEquals("Titik panas 99%", fc.get("legend").get("labels").get(0).asText());

    Map<String, JsonNode> byCode = new HashMap<>();
    for (JsonNode f : fc.get("features")) byCode.put(f.get("id").asText(), f.get("properties"));
    Map<String, GiStar> expected = new HashMap<>();
    for (GiStar g : Hotspots.giStar(server.app.layers().atlas(), Sector.BPU, ClusterData.PERIOD, Metric.UNCOVERED)) {
      expected.put(g.code(), g);
    }
    Set<String> hot = new TreeSet<>();
    for (Map.Entry<String, JsonNode> e : byCode.entrySet()) {
      JsonNode p = e.getValue();
      GiStar g = expected.get(e.getKey());
      assertEquals(e.getKey(), p.get("code").asText());
      assertEquals(g.hotspot().key(), p.get("hotspot").asText());
      assertEquals(g.neighbours().size(), p.get("neighbours").size());
      if (g.tested()) {
        assertEquals(g.z(), p.get("gi_z").asDouble(), 1e-12);
        assertEquals(g.p(), p.get("gi_p").asDouble(), 1e-15);
        assertEquals(g.pAdjusted(), p.get("gi_p_adjusted").asDouble(), 1e-15);
      } else {
        assertTrue(p.get("gi_z").isNull());
      }
      if (p.get("hotspot").asText().startsWith("hot_")) hot.add(e.getKey());
    }
    JsonNode rbu = byCode.get("31.72.03.1004");
    assertEquals("3175040005", rbu.get("bps_code").asText());
    assertEquals("Rawa Badak Utara", rbu.get("name").asText());
    assertEquals("31.72.03", rbu.get("kecamatan_code").asText());
    assertEquals(ClusterData.uncovered("31.72.03.1004"), rbu.get("value").asLong());
    assertTrue(rbu.get("hotspot").asText().startsWith("hot_"), rbu.toString());
    assertTrue(rbu.get("gi_z").asDouble() > 0 && rbu.get("gi_p_adjusted").asDouble() < 0.10);
    assertTrue(rbu.get("neighbours").toString().contains("31.72.02.1004"), "Sungai Bambu, across the kecamatan border");
    assertEquals("no_data", byCode.get(ClusterData.UNKNOWN_WORKFORCE).get("hotspot").asText());
    assertTrue(byCode.get(ClusterData.UNKNOWN_WORKFORCE).get("value").isNull());
    assertTrue(hot.stream().anyMatch(c -> c.startsWith("31.72.02.")) && hot.stream().anyMatch(c -> c.startsWith("31.72.03.")),
        "the hot spot spans Tanjung Priok and Koja: " + hot);
  }

  @Test
  void coverageRateShowsTheSameBlockAsAColdSpot() throws Exception {
    JsonNode fc = server.json("/api/hotspots?sector=informal&period=2026-10&metric=coverage_rate");
    JsonNode rbu = null;
    for (JsonNode f : fc.get("features")) if (f.get("id").asText().equals("31.72.03.1004")) rbu = f.get("properties");
    assertTrue(rbu.get("hotspot").asText().startsWith("cold_"), rbu.toString());
    assertEquals(0.4, rbu.get("value").asDouble(), 0.1);
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() throws Exception {
    assertProblem(400, "metric", "/api/hotspots?metric=participants");
    assertProblem(400, "metric", "/api/hotspots?metric=nonsense");
    assertProblem(400, "level", "/api/hotspots?level=kecamatan");
    assertProblem(400, "sector", "/api/hotspots?sector=XYZ");
    assertProblem(400, "period", "/api/hotspots?period=2026-13");
    assertProblem(400, "method", "/api/hotspots?method=jenks");
    assertProblem(404, "period", "/api/hotspots?period=2019-01");
    assertProblem(400, "sector", "/api/hotspots?sector=BPU&sector=PU");
    assertProblem(400, "metric", "/api/hotspots?metric=" + "x".repeat(6000));
    assertProblem(400, "level", "/api/hotspots?level=%00");
    assertProblem(400, "kecamatan", "/api/hotspots?kecamatan=31.72.03");
    // Empty values take the defaults.
    assertEquals(200, server.get("/api/hotspots?metric=&sector=&period=2026-10").statusCode());
  }

  private void assertProblem(int status, String parameter, String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(status, r.statusCode(), path + " " + r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"), path);
    assertTrue(r.body().contains(parameter), path + " " + r.body());
  }

  @Test
  void servedFromTheCacheUntilNewDataArrive() throws Exception {
    String path = "/api/hotspots?sector=BPU&metric=uncovered";
    HttpResponse<String> first = server.get(path);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, server.get(path, "If-None-Match", etag).statusCode());
    // A month more, with the block gone: the new generation answers with new figures.
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    for (var k : boundaries.kelurahan()) csv.append(k.code().value()).append(",2026-11,BPU,9000,10000\n");
    HttpResponse<String> imported = server.post("/api/imports/coverage", csv.toString().getBytes(StandardCharsets.UTF_8),
        "text/csv", "Authorization", "Bearer " + TOKEN);
    assertEquals(200, imported.statusCode(), imported.body());
    HttpResponse<String> after = server.get(path);
    assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    JsonNode fc = ServerFixture.parse(after.body());
    assertEquals("2026-11", fc.get("period").asText());
    for (JsonNode f : fc.get("features")) assertEquals("not_significant", f.get("properties").get("hotspot").asText());
  }
}
