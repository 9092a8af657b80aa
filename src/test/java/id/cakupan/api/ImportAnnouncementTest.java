package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
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
 * Several serve instances on one PostGIS: an import through one is announced with NOTIFY and the
 * others republish on hearing it (issue 10). Waits are on conditions, with a generous overall
 * limit only as a guard against a hang.
 */
class ImportAnnouncementTest {
  private static final String TOKEN = "announce-token";
  private static final long HANG_GUARD_SECONDS = 120;
  @TempDir static Path dirA;
  @TempDir static Path dirB;
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

  private static JsonNode feature(JsonNode fc, String code) {
    for (JsonNode f : fc.get("features")) if (code.equals(f.get("id").asText())) return f;
    return null;
  }
}
