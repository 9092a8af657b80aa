package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ClassMethod;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Level;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.PostgisStore;
import id.cakupan.store.PostgresCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several serve instances on one PostGIS: an import, a target or an activity written through one
 * is announced with NOTIFY and the others republish on hearing it (issue 10). Waits are on conditions, with a generous overall
 * limit only as a guard against a hang.
 */
class ImportAnnouncementTest {
  private static final String TOKEN = "announce-token";
  private static final long HANG_GUARD_SECONDS = 120;
  @TempDir static Path dirA;
  @TempDir static Path dirB;
  @TempDir static Path dirC;
  @TempDir static Path dirD;
  static PostgresCluster cluster;

  @BeforeAll
  static void start() {
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) cluster.close();
  }

  @Test
  void aStoreHearsAnImportAnotherProcessCommitted() throws Exception {
    cluster.createDatabase("announce", PostgresCluster.DATABASE);
    try (PostgisStore listening = PostgisStore.open(cluster.url("announce"));
        PostgisStore writing = PostgisStore.open(cluster.url("announce"))) {
      CountDownLatch heard = new CountDownLatch(1);
      listening.onImport(heard::countDown);
      // LISTEN runs on its own thread: announce until it is heard (a first NOTIFY may precede the LISTEN).
      int imports = 0;
      while (!heard.await(200, TimeUnit.MILLISECONDS)) {
        assertTrue(++imports < HANG_GUARD_SECONDS * 5, "no announcement heard");
        writing.acceptCoverage(List.of(new CoverageRecord(KelurahanCode.parse("31.72.03.1001"), Period.parse("2026-10"),
            Sector.PU, imports, 10L)), new ImportRecord(Instant.now(), ImportRecord.COVERAGE, "test", "n.csv", "sha" + imports, 1));
      }
      assertEquals(0, heard.getCount());
    }
  }

  @Test
  void aSecondInstanceServesTheFirstOnesImport() throws Exception {
    Path boundaries = SharedGeodata.file(SharedGeodata.SHAPEFILE);
    try (ServerFixture first = new ServerFixture(new Config(0, dirA, boundaries, null, cluster.url(), TOKEN, null));
        ServerFixture second = new ServerFixture(new Config(0, dirB, boundaries, null, cluster.url(), TOKEN, null))) {
      String csv = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n31.72.03.1001,2026-10,BPU,777,1000\n";
      assertEquals(200, first.post("/api/imports/coverage", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
          "Authorization", "Bearer " + TOKEN).statusCode());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
      JsonNode koja = null;
      while (System.nanoTime() < deadline) {
        var r = second.get("/api/choropleth?sector=BPU&period=2026-10&metric=participants");
        if (r.statusCode() == 200) {
          koja = feature(ServerFixture.parse(r.body()), "31.72.03.1001");
          if (koja != null && koja.get("properties").get("participants").asLong() == 777) break;
        }
        Thread.sleep(50);
      }
      assertTrue(koja != null, "the second instance never served the import");
      assertEquals(777, koja.get("properties").get("participants").asLong());
    }
  }

  /**
   * A camat's target and a bazar written through one instance: the other serves them (told by
   * NOTIFY, else by its poll) in its progress, reach and OGC activities, and keeps what it built
   * from coverage alone: the very choropleth object it served before, not rebuilt.
   */
  @Test
  void aSecondInstanceServesTheFirstOnesTargetAndActivityWithoutRebuildingItsMap() throws Exception {
    cluster.createDatabase("outreach", PostgresCluster.DATABASE);
    Path boundaries = SharedGeodata.file(SharedGeodata.SHAPEFILE);
    String url = cluster.url("outreach");
    try (ServerFixture first = new ServerFixture(new Config(0, dirC, boundaries, null, url, TOKEN, null));
        ServerFixture second = new ServerFixture(new Config(0, dirD, boundaries, null, url, TOKEN, null))) {
      String csv = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n31.72.03.1001,2026-10,BPU,777,1000\n";
      assertEquals(200, first.post("/api/imports/coverage", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
          "Authorization", "Bearer " + TOKEN).statusCode());
      LayerQuery q = new LayerQuery(Level.KELURAHAN, Sector.BPU, Period.parse("2026-10"), Metric.PARTICIPANTS,
          ClassMethod.QUANTILE, 5, null, null);
      awaitServed(second, "/api/choropleth?sector=BPU&period=2026-10&metric=participants",
          body -> body.contains("\"participants\":777"));
      CachedResponse map = second.app.layers().snapshot().choropleth(q);
      String progress = "/api/progress?kecamatan=31.72.03&sector=BPU";
      String reach = "/api/activities/reach?period=2026-10&kecamatan=31.72.03";
      assertTrue(kojaRow(second, progress).get("target").isNull());
      assertTrue(kojaRow(second, reach).get("belum_tersentuh").asBoolean(false), "no activity yet");

      AuthHttp.Response put = AuthHttp.send(first.server.port(), "PUT", "/api/targets/31.72.03.1001/BPU/2026-12", TOKEN,
          "application/json", "{\"target\": 4321}".getBytes(StandardCharsets.UTF_8));
      assertEquals(200, put.status(), put.body());
      awaitServed(second, progress, body -> body.contains("\"target\":4321"));
      assertEquals(4321, kojaRow(second, progress).get("target").asLong());
      assertSame(map, second.app.layers().snapshot().choropleth(q), "the second instance rebuilt its map for a target");

      String bazar = "{\"type\":\"bazar\",\"status\":\"selesai\",\"date\":\"2026-10-03\","
          + "\"organiser\":\"Kecamatan Koja\",\"code\":\"31.72.03.1001\",\"registrations\":9}";
      AuthHttp.Response created = AuthHttp.send(first.server.port(), "POST", "/api/activities", TOKEN,
          "application/json", bazar.getBytes(StandardCharsets.UTF_8));
      assertEquals(201, created.status(), created.body());
      String id = ServerFixture.parse(created.body()).get("id").asText();
      awaitServed(second, "/ogc/collections/activities/items", body -> body.contains(id));
      assertFalse(kojaRow(second, reach).get("belum_tersentuh").asBoolean(true), "the bazar reached Koja");
      assertSame(map, second.app.layers().snapshot().choropleth(q), "the second instance rebuilt its map for a bazar");
    }
  }

  /** Asks {@code path} of the instance until its answer passes {@code served}, within the hang guard. */
  private static void awaitServed(ServerFixture server, String path, java.util.function.Predicate<String> served)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
    String last = null;
    while (System.nanoTime() < deadline) {
      var r = server.get(path);
      last = r.body();
      if (r.statusCode() == 200 && served.test(last)) return;
      Thread.sleep(50);
    }
    throw new AssertionError("the second instance never served it at " + path + ": " + last);
  }

  private static JsonNode kojaRow(ServerFixture server, String path) throws Exception {
    for (JsonNode r : server.json(path).get("rows")) {
      if (r.get("code").asText().equals("31.72.03.1001")) return r;
    }
    throw new AssertionError("no Koja row at " + path);
  }

  private static JsonNode feature(JsonNode fc, String code) {
    for (JsonNode f : fc.get("features")) if (code.equals(f.get("id").asText())) return f;
    return null;
  }
}
