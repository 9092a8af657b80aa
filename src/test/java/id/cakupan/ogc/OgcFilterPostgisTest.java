package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import id.cakupan.config.Config;
import id.cakupan.store.PostgresCluster;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On PostGIS, filters on the kelurahan collection run in the database as SQL with bound parameters. */
class OgcFilterPostgisTest {
  static final String TOKEN = "filter-test-token";
  @TempDir static Path unusedDir;
  static PostgresCluster cluster;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    cluster = PostgresCluster.start();
    server = new ServerFixture(new Config(0, unusedDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, cluster.url(),
        TOKEN, null));
    String csv = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n"
        + "31.72.03.1004,2026-09,PU,100,200\n31.72.03.1004,2026-10,PU,120,200\n31.72.03.1004,2026-10,BPU,30,\n"
        + "31.72.03.1001,2026-10,PU,50,100\n";
    HttpResponse<String> r = server.post("/api/imports/coverage", csv.getBytes(StandardCharsets.UTF_8), "text/csv",
        "Authorization", "Bearer " + TOKEN);
    assertEquals(200, r.statusCode(), r.body());
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (cluster != null) cluster.close();
  }

  static JsonNode kelurahan(String filter) throws Exception {
    return server.json("/ogc/collections/kelurahan/items?limit=100&filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
  }

  static List<String> ids(JsonNode fc) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : fc.get("features")) out.add(f.get("id").asText());
    return out;
  }

  static long count(String sql) throws Exception {
    try (Connection c = cluster.connect(PostgresCluster.DATABASE); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void theFilterRunsInTheDatabase() throws Exception {
    assertEquals("postgis", server.json("/api/health").get("store").asText());
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1003", "31.72.03.1004", "31.72.03.1005",
        "31.72.03.1006"), ids(kelurahan("kecamatan_code = '31.72.03'")));
    // A name changed behind the service's back (no import, so the served atlas keeps the old one) is found
    // by a filter: only the database knows it.
    cluster.sql(PostgresCluster.DATABASE, "UPDATE kelurahan SET name = 'Diubah di PostGIS' WHERE code = '31.72.03.1004'");
    JsonNode changed = kelurahan("name = 'Diubah di PostGIS' AND S_INTERSECTS(geometry, POINT(106.89839 -6.12257))");
    assertEquals(List.of("31.72.03.1004"), ids(changed));
    assertEquals("Rawa Badak Utara", changed.get("features").get(0).get("properties").get("name").asText());
  }

  @Test
  void coverageFiltersRunInTheDatabaseWithTheMetricsDerivedThere() throws Exception {
    String q = "/ogc/collections/coverage-kelurahan/items?limit=100&filter=";
    JsonNode change = server.json(q + URLEncoder.encode("change > 0 OR (sector = 'ALL' AND workforce IS NULL"
        + " AND participants IS NOT NULL)", StandardCharsets.UTF_8));
    // 31.72.03.1001 has no September: its ALL of September has no data at all.
    assertEquals(List.of("31.72.03.1001_2026-10_ALL", "31.72.03.1004_2026-09_ALL", "31.72.03.1004_2026-10_ALL",
        "31.72.03.1004_2026-10_PU"), ids(change).stream().sorted().toList());
    JsonNode rate = server.json("/ogc/collections/coverage-kelurahan-table/items?filter="
        + URLEncoder.encode("coverage_rate = 0.5", StandardCharsets.UTF_8));
    assertEquals(List.of("31.72.03.1001_2026-10_PU", "31.72.03.1004_2026-09_PU"), ids(rate).stream().sorted().toList());
    // Counts changed behind the service's back: only the database knows them.
    cluster.sql(PostgresCluster.DATABASE, "UPDATE coverage SET participants = 4242 WHERE code = '31.72.03.1001'");
    JsonNode changed = server.json(q + URLEncoder.encode("participants = 4242", StandardCharsets.UTF_8));
    assertEquals(List.of("31.72.03.1001_2026-10_PU", "31.72.03.1001_2026-10_ALL"), ids(changed));
    assertEquals(50, changed.get("features").get(0).get("properties").get("participants").asInt(), "the served atlas");
  }

  @Test
  void aFilterTheDatabaseCannotFinishIsA400AndTheStoreStaysHealthy() throws Exception {
    // Another session holds the table, so the filter waits until its statement timeout ends it.
    try (Connection blocker = cluster.connect(PostgresCluster.DATABASE); Statement st = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      st.execute("LOCK TABLE kelurahan IN ACCESS EXCLUSIVE MODE");
      HttpResponse<String> r = server.get("/ogc/collections/kelurahan/items?filter="
          + URLEncoder.encode("name = 'Pluit' AND luas_km2 > 0", StandardCharsets.UTF_8));
      blocker.rollback();
      assertEquals(400, r.statusCode(), r.body());
      assertTrue(r.body().contains("\"parameter\":\"filter\"") && r.body().contains("narrow it"), r.body());
    }
    assertEquals("ok", server.json("/api/health").get("status").asText());
  }

  @Test
  void injectionAttemptsOverHttpMatchNothingOrAre400AndLeaveTheTablesIntact() throws Exception {
    long coverage = count("SELECT count(*) FROM coverage");
    for (String attempt : List.of("name = 'x'' OR 1=1 --'", "name = 'x''); DROP TABLE kelurahan; --'",
        "name LIKE '%''; DELETE FROM coverage; --'", "name = 'Koja\u2019 OR \u20191\u2019=\u20191'")) {
      assertEquals(0, kelurahan(attempt).get("numberMatched").asInt(), attempt);
    }
    for (String rejected : List.of("name = 'x'; DROP TABLE kelurahan", "\"code; DROP TABLE kelurahan\" = 'x'",
        "name = \u2018x\u2019")) {
      HttpResponse<String> r = server.get("/ogc/collections/kelurahan/items?filter="
          + URLEncoder.encode(rejected, StandardCharsets.UTF_8));
      assertEquals(400, r.statusCode(), rejected + " -> " + r.body());
      assertTrue(r.body().contains("\"parameter\":\"filter\""), r.body());
    }
    assertEquals(31, count("SELECT count(*) FROM kelurahan"));
    assertEquals(coverage, count("SELECT count(*) FROM coverage"));
    assertTrue(coverage > 0);
  }
}
