package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.config.Config;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ClassMethod;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Level;
import id.cakupan.map.RankOrder;
import id.cakupan.map.RankingQuery;
import id.cakupan.tiles.TileAddress;
import id.cakupan.tiles.VectorTiles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target or activity write publishes an atlas with the same geography and coverage: what was
 * built from those alone (choropleth, tiles, WMS map, downloads, OGC kelurahan) is the very object
 * served before, not rebuilt, and so is what reads only the part not written (the ranking after a
 * target, the target list after an activity), while every response that reads what was written
 * (targets, progress, ranking, reach, the OGC activities) shows the write at once. A coverage
 * import still rebuilds everything. On the real Jakarta Utara boundaries with the synthetic series up to 2026-10.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutreachWritesKeepLayersTest {
  static final String ADMIN = "outreach-writes-admin";
  static final String KOJA = "31.72.03.1001";
  static final String OCT = "2026-10";
  static final LayerQuery BPU_OCT = new LayerQuery(Level.KELURAHAN, Sector.BPU, Period.parse(OCT), Metric.PARTICIPANTS,
      ClassMethod.QUANTILE, 5, null, null);
  /** A z12 tile over Koja. */
  static final TileAddress KOJA_TILE = new TileAddress(12, 3264, 2117);
  static final String LAYER = "sector=BPU&period=" + OCT + "&metric=participants";
  /** Responses built from geography and coverage alone, as a browser or GIS client asks for them. */
  static final List<String> COVERAGE_PATHS = List.of(
      "/api/choropleth?" + LAYER,
      "/tiles/kelurahan/12/3264/2117.mvt?" + LAYER,
      "/wms?service=WMS&version=1.3.0&request=GetMap&format=image/png&layers=kelurahan.BPU.participants&styles="
          + "&crs=CRS:84&bbox=106.85,-6.15,106.95,-6.08&width=128&height=96&time=" + OCT,
      "/api/download?format=geojson&sector=BPU&period=" + OCT,
      "/api/download?format=csv&layout=wide&kecamatan=31.72.03",
      "/ogc/collections/kelurahan/items?limit=3");
  @TempDir static Path dataDir;
  static ServerFixture server;
  static String camatKoja;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, ADMIN,
        null));
    camatKoja = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", Principal.operator("cli:test"))
        .secret();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @Order(1)
  void aTargetWriteKeepsTheCoverageResponsesAndShowsInTargetsAndProgress() throws Exception {
    Map<String, String> etags = etags(COVERAGE_PATHS);
    Map<String, String> activityEtags = etags(List.of("/api/ranking?sector=BPU", "/api/activities/reach?period=" + OCT,
        "/ogc/collections/activities/items"));
    CachedResponse choropleth = choropleth();
    CachedResponse tile = tile();
    CachedResponse ranking = ranking();
    String progress = "/api/progress?kecamatan=31.72.03&sector=BPU";
    HttpResponse<String> progressBefore = server.get(progress);
    assertTrue(row(ServerFixture.parse(progressBefore.body()), KOJA).get("target").isNull(), progressBefore.body());
    assertEquals(0, server.json("/api/targets?kecamatan=31.72.03").get("rows").size());

    AuthHttp.Response put = AuthHttp.send(server.server.port(), "PUT", "/api/targets/" + KOJA + "/BPU/2026-12",
        camatKoja, "application/json", "{\"target\": 4321}".getBytes(StandardCharsets.UTF_8));
    assertEquals(200, put.status(), put.body());

    assertSame(choropleth, choropleth(), "the choropleth was rebuilt after a target write");
    assertSame(tile, tile(), "the tile was rebuilt after a target write");
    assertSame(ranking, ranking(), "the ranking reads coverage and activities, no targets");
    assertStillFresh(etags);
    assertStillFresh(activityEtags);
    HttpResponse<String> progressAfter = server.get(progress);
    assertNotEquals(etag(progressBefore), etag(progressAfter));
    assertEquals(4321, row(ServerFixture.parse(progressAfter.body()), KOJA).get("target").asLong(), progressAfter.body());
    assertTrue(server.get(progress + "&format=csv").body().contains("4321"), "the worklist CSV shows the target");
    JsonNode targets = server.json("/api/targets?kecamatan=31.72.03").get("rows");
    assertEquals(1, targets.size(), targets.toString());
    assertEquals(4321, targets.get(0).get("target").asLong());
  }

  @Test
  @Order(2)
  void anActivityWriteKeepsTheCoverageResponsesAndShowsInRankingReachProgressAndOgc() throws Exception {
    Map<String, String> etags = etags(COVERAGE_PATHS);
    Map<String, String> targetEtags = etags(List.of("/api/targets?kecamatan=31.72.03"));
    CachedResponse choropleth = choropleth();
    CachedResponse tile = tile();
    CachedResponse targets = targets();
    JsonNode ranking = server.json("/api/ranking?sector=BPU");
    String flagged = null;
    String kecamatan = null;
    for (JsonNode r : ranking.get("rows")) {
      if (r.get("belum_tersentuh").asBoolean(false)) {
        flagged = r.get("code").asText();
        kecamatan = r.get("kecamatan_code").asText();
        break;
      }
    }
    assertNotNull(flagged, "no activity yet: some kelurahan are belum tersentuh: " + ranking);
    String progress = "/api/progress?kecamatan=" + kecamatan + "&sector=BPU";
    String reach = "/api/activities/reach?period=" + OCT;
    String ogc = "/ogc/collections/activities/items";
    assertTrue(row(server.json(progress), flagged).get("belum_tersentuh").asBoolean(false));
    assertTrue(row(server.json(reach), flagged).get("belum_tersentuh").asBoolean(false));
    int ogcBefore = server.json(ogc).get("features").size();

    String activity = "{\"type\":\"bazar\",\"status\":\"selesai\",\"date\":\"" + OCT + "-03\","
        + "\"organiser\":\"Sudin Nakertransgi Jakarta Utara\",\"code\":\"" + flagged + "\",\"registrations\":9}";
    AuthHttp.Response created = AuthHttp.send(server.server.port(), "POST", "/api/activities", ADMIN,
        "application/json", activity.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, created.status(), created.body());
    String id = ServerFixture.parse(created.body()).get("id").asText();

    assertSame(choropleth, choropleth(), "the choropleth was rebuilt after an activity write");
    assertSame(tile, tile(), "the tile was rebuilt after an activity write");
    assertSame(targets, targets(), "the target list reads no activities");
    assertStillFresh(etags);
    assertStillFresh(targetEtags);
    assertEquals(false, row(server.json("/api/ranking?sector=BPU"), flagged).get("belum_tersentuh").asBoolean(true));
    assertEquals(false, row(server.json(progress), flagged).get("belum_tersentuh").asBoolean(true));
    assertEquals(false, row(server.json(reach), flagged).get("belum_tersentuh").asBoolean(true));
    JsonNode features = server.json(ogc).get("features");
    assertEquals(ogcBefore + 1, features.size(), features.toString());
    assertTrue(features.findValuesAsText("id").contains(id), features.toString());
    assertTrue(server.json("/ogc/collections/activities/items/" + id).has("geometry"));
  }

  @Test
  @Order(3)
  void aCoverageImportStillRebuildsTheCoverageResponses() throws Exception {
    CachedResponse choropleth = choropleth();
    String csv = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n" + KOJA + "," + OCT + ",BPU,777,1000\n";
    HttpResponse<String> r = server.post("/api/imports/coverage", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
        "Authorization", "Bearer " + ADMIN);
    assertEquals(200, r.statusCode(), r.body());
    CachedResponse after = choropleth();
    assertNotSame(choropleth, after);
    assertTrue(new String(after.body(), StandardCharsets.UTF_8).contains("\"participants\":777"));
  }

  private static CachedResponse choropleth() {
    return server.app.layers().snapshot().choropleth(BPU_OCT);
  }

  private static CachedResponse ranking() {
    return server.app.layers().snapshot().ranking(
        new RankingQuery(BPU_OCT.resolve(server.app.layers().atlas()), RankOrder.UNCOVERED, null), null);
  }

  private static CachedResponse targets() {
    return server.app.layers().snapshot().targets(null, null, null);
  }

  private static CachedResponse tile() {
    CachedResponse tile = VectorTiles.of(server.app.layers().snapshot()).tile(BPU_OCT, KOJA_TILE);
    assertNotNull(tile, "the tile over Koja is empty");
    return tile;
  }

  private static Map<String, String> etags(List<String> paths) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    for (String path : paths) {
      HttpResponse<byte[]> r = server.getBytes(path);
      assertEquals(200, r.statusCode(), path + ": " + new String(r.body(), StandardCharsets.UTF_8));
      out.put(path, r.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag on " + path)));
    }
    return out;
  }

  /** Each coverage response still answers 304 to the ETag it had before the write. */
  private static void assertStillFresh(Map<String, String> etags) throws Exception {
    for (Map.Entry<String, String> e : etags.entrySet()) {
      assertEquals(304, server.getBytes(e.getKey(), "If-None-Match", e.getValue()).statusCode(), e.getKey());
    }
  }

  private static String etag(HttpResponse<?> r) {
    return r.headers().firstValue("ETag").orElseThrow();
  }

  private static JsonNode row(JsonNode doc, String code) {
    for (JsonNode r : doc.get("rows")) {
      if (r.get("code").asText().equals(code)) return r;
    }
    throw new AssertionError(code + " not in " + doc);
  }
}
