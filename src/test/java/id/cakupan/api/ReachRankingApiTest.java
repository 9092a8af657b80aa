package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code belum tersentuh} flag (SPEC §7) in the ranking and progress rows: the cached responses
 * follow an activity write, as they follow a target.
 */
class ReachRankingApiTest {
  static final String ADMIN = "reach-admin-token";
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, ADMIN, null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static JsonNode row(JsonNode doc, String code) {
    for (JsonNode r : doc.get("rows")) {
      if (r.get("code").asText().equals(code)) return r;
    }
    throw new AssertionError(code + " not in " + doc);
  }

  @Test
  void aDoneActivityInATopThirdKelurahanClearsItsFlagInRankingAndProgress() throws Exception {
    JsonNode ranking = server.json("/api/ranking?sector=BPU");
    String period = ranking.get("period").asText();
    JsonNode found = null;
    for (JsonNode r : ranking.get("rows")) {
      assertTrue(r.has("belum_tersentuh"), r.toString());
      if (found == null && r.get("belum_tersentuh").asBoolean(false)) found = r;
    }
    assertNotNull(found, "no activity yet: the top third of Jakarta Utara's kelurahan are not reached: " + ranking);
    assertEquals(1, found.get("rank").asInt(), "the most uncovered kelurahan is in its kota's top third");
    String flagged = found.get("code").asText();
    String kecamatan = found.get("kecamatan_code").asText();
    String progressPath = "/api/progress?kecamatan=" + kecamatan + "&sector=BPU&period=" + period;
    assertTrue(row(server.json(progressPath), flagged).get("belum_tersentuh").asBoolean(false));
    String csv = server.get("/api/ranking?sector=BPU&format=csv").body();
    assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",belum_tersentuh"), csv);
    assertTrue(csv.lines().filter(l -> l.contains(flagged)).findFirst().orElseThrow().endsWith(",true"), csv);

    String activity = "{\"type\":\"sosialisasi\",\"status\":\"selesai\",\"date\":\"" + period + "-02\","
        + "\"organiser\":\"Sudin Nakertransgi Jakarta Utara\",\"code\":\"" + flagged + "\",\"registrations\":4}";
    AuthHttp.Response r = AuthHttp.send(server.server.port(), "POST", "/api/activities", ADMIN, "application/json",
        activity.getBytes(StandardCharsets.UTF_8));
    assertEquals(201, r.status(), r.body());

    JsonNode after = server.json("/api/ranking?sector=BPU");
    assertEquals(false, row(after, flagged).get("belum_tersentuh").asBoolean(true), after.toString());
    assertEquals(false, row(server.json(progressPath), flagged).get("belum_tersentuh").asBoolean(true));
    String csvAfter = server.get("/api/ranking?sector=BPU&format=csv").body();
    assertTrue(csvAfter.lines().filter(l -> l.contains(flagged)).findFirst().orElseThrow().endsWith(",false"), csvAfter);
  }
}
