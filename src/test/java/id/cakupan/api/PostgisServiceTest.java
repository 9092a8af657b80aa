package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import id.cakupan.store.PostgresCluster;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The service on a real throwaway PostGIS: same answers as the embedded store, and it survives the database going away. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgisServiceTest {
  static final String TOKEN = "pg-test-token";
  static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};
  @TempDir static Path embeddedDir;
  @TempDir static Path unusedDir;
  static PostgresCluster cluster;
  static ServerFixture postgis;
  static ServerFixture embedded;

  @BeforeAll
  static void start() throws Exception {
    cluster = PostgresCluster.start();
    Path boundaries = SharedGeodata.file(SharedGeodata.SHAPEFILE);
    postgis = new ServerFixture(new Config(0, unusedDir, boundaries, null, cluster.url(), TOKEN, null));
    embedded = new ServerFixture(new Config(0, embeddedDir, boundaries, null, null, TOKEN, null));
  }

  @AfterAll
  static void stop() {
    if (postgis != null) postgis.close();
    if (embedded != null) embedded.close();
    if (cluster != null) cluster.close();
  }

  /** Three months for every kelurahan and sector, with some unknown workforce. */
  static byte[] coverageCsv() {
    StringBuilder sb = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    int i = 0;
    for (String code : ApiTest.specCodes().stream().sorted().toList()) {
      for (String month : List.of("2026-08", "2026-09", "2026-10")) {
        for (String sector : List.of("PU", "BPU", "JAKON")) {
          i++;
          long workforce = 1000 + (i * 7919L) % 9000;
          long participants = workforce * ((i * 31L) % 97) / 100;
          sb.append(code).append(',').append(month).append(',').append(sector).append(',').append(participants)
              .append(',').append(i % 53 == 0 ? "" : Long.toString(workforce)).append('\n');
        }
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void bothStoresGiveByteIdenticalAnswersForTheSameImport() throws Exception {
    assertEquals("postgis", postgis.json("/api/health").get("store").asText());
    for (ServerFixture s : List.of(postgis, embedded)) {
      HttpResponse<String> r = s.post("/api/imports/coverage", coverageCsv(), "text/csv", AUTH);
      assertEquals(200, r.statusCode(), r.body());
      // targeting: a target file and one target set over the API, replacing one of the file's
      HttpResponse<String> file = s.post("/api/imports/targets", ("kode_wilayah,sektor,periode,target,periode_dasar,catatan\n"
          + "31.72.03.1004,BPU,2026-12,5000,2026-08,pasar\n31.72.03.1001,ALL,2027-06,9000,,\n").getBytes(StandardCharsets.UTF_8),
          "text/csv", AUTH);
      assertEquals(200, file.statusCode(), file.body());
      assertEquals(200, AuthHttp.send(s.server.port(), "PUT", "/api/targets/31.72.03.1004/BPU/2026-12", TOKEN,
          "application/json", "{\"target\": 4000, \"assignee\": \"Lurah\"}".getBytes(StandardCharsets.UTF_8)).status());
    }
    List<String> paths = List.of("/api/periods",
        "/api/choropleth", "/api/choropleth?sector=BPU&metric=uncovered&method=jenks",
        "/api/choropleth?level=kecamatan&metric=change&period=2026-09",
        "/api/choropleth?level=kota&sector=JAKON&metric=density",
        "/api/choropleth?kecamatan=31.72.04&method=manual&breaks=0.2,0.4",
        "/api/ranking?sector=BPU", "/api/ranking?sort=coverage_rate&format=csv&kecamatan=31.72.01",
        "/api/kelurahan/31.72.03.1004", "/api/kelurahan/31.72.04.1004",
        "/api/targets", "/api/progress?kecamatan=31.72.03&sector=BPU", "/api/progress?format=csv&locale=id",
        "/api/choropleth?level=kecamatan&metric=uncovered");
    for (String path : paths) {
      HttpResponse<String> a = postgis.get(path);
      HttpResponse<String> b = embedded.get(path);
      assertEquals(200, a.statusCode(), path + " " + a.body());
      assertEquals(b.body(), a.body(), path);
    }
    String progress = postgis.get("/api/progress?kecamatan=31.72.03&sector=BPU").body();
    assertTrue(progress.contains("\"target\":4000,\"target_period\":\"2026-12\",\"baseline_period\":\"2026-10\""), progress);
    assertTrue(progress.contains("\"assignee\":\"Lurah\",\"note\":null"), "the PUT replaced the file's target: " + progress);
  }

  @Test
  @Order(2)
  void whenTheDatabaseStopsReadsGoOnHealthDegradesImportsAre503AndItRecoversWithoutARestart() throws Exception {
    String layer = postgis.get("/api/choropleth?sector=BPU").body();
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
    AtomicInteger sameBody = new AtomicInteger();
    Thread reader = new Thread(() -> {
      for (int i = 0; running.get() && i < 100_000; i++) {
        try {
          HttpResponse<String> r = postgis.get("/api/choropleth?sector=BPU");
          statuses.add(r.statusCode());
          if (r.body().equals(layer)) sameBody.incrementAndGet();
        } catch (Exception e) {
          statuses.add(-1);
        }
      }
    });
    reader.start();
    try {
      cluster.stop();
      HttpResponse<String> imp = postgis.post("/api/imports/coverage", coverageCsv(), "text/csv", AUTH);
      assertEquals(503, imp.statusCode(), imp.body());
      assertEquals("application/problem+json", imp.headers().firstValue("content-type").orElse(""));
      assertTrue(Integer.parseInt(imp.headers().firstValue("retry-after").orElse("0")) > 0, "Retry-After");
      // The failed import already marked the store degraded; health says so without asking the store.
      long asked = System.nanoTime();
      var health = postgis.json("/api/health");
      assertTrue(System.nanoTime() - asked < 1_000_000_000L, "health answered without waiting for the store");
      assertEquals("degraded", health.get("status").asText());
      assertTrue(health.get("reason").asText().contains("127.0.0.1:" + cluster.port()), health.toString());
      assertEquals(200, postgis.get("/api/ranking?sector=BPU").statusCode());
      assertEquals(200, postgis.get("/api/kelurahan/31.72.03.1004").statusCode());

      cluster.restart();
      String status = "";
      for (int i = 0; i < 30 && !status.equals("ok"); i++) {
        status = postgis.json("/api/health").get("status").asText();
        if (!status.equals("ok")) Thread.sleep(500);
      }
      assertEquals("ok", status, "recovers by itself");
    } finally {
      running.set(false);
      reader.join();
    }
    List<Integer> seen = new ArrayList<>(statuses);
    assertTrue(seen.size() > 10, "requests flowed: " + seen.size());
    assertTrue(seen.stream().allMatch(s -> s == 200), "every read answered: " + seen.stream().distinct().toList());
    assertEquals(seen.size(), sameBody.get(), "the last good layer was served");

    String csv = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n31.72.03.1004,2026-10,BPU,4242,9999\n";
    HttpResponse<String> again = postgis.post("/api/imports/coverage", csv.getBytes(StandardCharsets.UTF_8), "text/csv", AUTH);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(4242, postgis.json("/api/kelurahan/31.72.03.1004").get("properties").get("series").get("BPU")
        .get(2).get("participants").asLong());
  }

  @Test
  @Order(3)
  void whenTheDatabaseHangsHealthAnswersAtOnceAndSaysDegraded() throws Exception {
    // A frozen server accepts connections and never answers: a health check that asked the store
    // would hang for the 5 s connect timeout or longer. Health must answer from its own status.
    assertEquals("ok", postgis.json("/api/health").get("status").asText());
    cluster.freeze();
    try {
      String status = "ok";
      for (int i = 0; i < 40 && !status.equals("degraded"); i++) {
        long asked = System.nanoTime();
        var health = postgis.json("/api/health");
        assertTrue(System.nanoTime() - asked < 1_000_000_000L, "health answered without waiting for the store");
        status = health.get("status").asText();
        if (!status.equals("degraded")) Thread.sleep(500);
      }
      assertEquals("degraded", status, "a store that hangs is reported");
      assertEquals(200, postgis.get("/api/choropleth?sector=BPU").statusCode(), "reads go on from memory");
    } finally {
      cluster.thaw();
    }
    String status = "";
    for (int i = 0; i < 40 && !status.equals("ok"); i++) {
      status = postgis.json("/api/health").get("status").asText();
      if (!status.equals("ok")) Thread.sleep(500);
    }
    assertEquals("ok", status, "recovers by itself once the server answers again");
  }
}
