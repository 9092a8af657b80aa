package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.activity.ActivityEffect;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.config.Config;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outreach activities over HTTP on the real Jakarta Utara boundaries with the synthetic series up to 2026-10. */
class ActivityApiTest {
  static final String ADMIN = "activity-admin-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static String koja;
  static String sudin;
  static String importer;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, ADMIN, null));
    Principal op = Principal.operator("cli:test");
    koja = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", op).secret();
    sudin = server.app.accounts().create("Sudin PPKUKM", Role.SUDIN, null, op).secret();
    importer = server.app.accounts().create("Data officer", Role.IMPORTER, null, op).secret();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static AuthHttp.Response send(String method, String path, String token, String json) throws Exception {
    return AuthHttp.send(server.server.port(), method, path, token, json == null ? null : "application/json",
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  static String body(String code, String extra) {
    return "{\"type\":\"bazar\",\"status\":\"selesai\",\"date\":\"2026-05-12\",\"organiser\":\"kecamatan  koja\","
        + "\"code\":\"" + code + "\",\"target_group\":\"pedagang pasar\",\"attendees\":80,\"registrations\":25" + extra + "}";
  }

  @Test
  void aCamatRecordsAnActivityInItsKecamatanWithAPointInsideTheKelurahan() throws Exception {
    AuthHttp.Response r = send("POST", "/api/activities", koja, body("31.72.03.1001", ",\"lon\":106.89896,\"lat\":-6.10589"));
    assertEquals(201, r.status(), r.body());
    JsonNode a = ServerFixture.parse(r.body());
    String id = a.get("id").asText();
    assertEquals("/api/activities/" + id, r.headers().get("location"));
    assertEquals("Kecamatan Koja", a.get("organiser").asText(), "the list's spelling is stored");
    assertEquals("Koja", a.get("name").asText());
    assertEquals("31.72.03", a.get("kecamatan_code").asText());
    assertEquals(25, a.get("registrations").asInt());

    JsonNode listed = server.json("/api/activities?kecamatan=31.72.03&type=bazar&from=2026-05-01&to=2026-05-31");
    assertTrue(listed.get("rows").findValuesAsText("id").contains(id), listed.toString());
    assertEquals(0, server.json("/api/activities?kecamatan=31.72.01").get("rows").size());

    JsonNode audit = ServerFixture.parse(send("GET", "/api/audit?limit=1000", ADMIN, null).body());
    boolean found = false;
    for (JsonNode e : audit.get("rows")) {
      if (e.get("action").asText().equals("activity.create") && e.get("subject").asText().equals(id)) {
        assertEquals("Camat Koja", e.get("actor").asText());
        assertEquals("camat", e.get("role").asText());
        assertEquals(25, e.get("new").get("registrations").asInt());
        found = true;
      }
    }
    assertTrue(found, audit.toString());
  }

  @Test
  void aPointOutsideItsKelurahanIs422NamingWhereItLies() throws Exception {
    // Penjaringan's point, given for Koja.
    AuthHttp.Response r = send("POST", "/api/activities", ADMIN, body("31.72.03.1001", ",\"lon\":106.80503,\"lat\":-6.11594"));
    assertEquals(422, r.status(), r.body());
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals("lon", p.get("errors").get(0).get("field").asText());
    assertTrue(p.get("errors").get(0).get("message").asText().contains("in kelurahan 31.72.01.1001 Penjaringan"), r.body());
    AuthHttp.Response sea = send("POST", "/api/activities", ADMIN, body("31.72.03.1001", ",\"lon\":106.9,\"lat\":-5.9"));
    assertEquals(422, sea.status());
    assertTrue(sea.body().contains("outside every kelurahan"), sea.body());
  }

  @Test
  void everyBadFieldIsListedAndNothingIsStored() throws Exception {
    int before = server.json("/api/activities").get("rows").size();
    AuthHttp.Response r = send("POST", "/api/activities", ADMIN, "{\"type\":\"pesta\",\"status\":\"selesai\","
        + "\"date\":\"2026-13-01\",\"organiser\":\"Pak RT\",\"code\":\"31.71.01.1001\",\"attendees\":-3,"
        + "\"registrations\":2.5,\"lon\":106.9,\"colour\":\"red\"}");
    assertEquals(422, r.status(), r.body());
    assertTrue(r.headers().get("content-type").startsWith("application/problem+json"));
    List<String> fields = ServerFixture.parse(r.body()).get("errors").findValuesAsText("field");
    for (String f : List.of("type", "date", "organiser", "code", "attendees", "registrations", "lat", "colour")) {
      assertTrue(fields.contains(f), f + " missing in " + r.body());
    }
    assertEquals(before, server.json("/api/activities").get("rows").size());
    assertEquals(400, send("POST", "/api/activities", ADMIN, "[1,2]").status());
    assertEquals(400, send("POST", "/api/activities", ADMIN, "{not json").status());
    assertEquals(422, send("POST", "/api/activities", ADMIN, "{\"note\":{\"a\":1}}").status());
    StringBuilder many = new StringBuilder("{");
    for (int i = 0; i < 3000; i++) many.append("\"x").append(i).append("\":1,");
    many.append("\"y\":1}");
    AuthHttp.Response flood = send("POST", "/api/activities", ADMIN, many.toString());
    assertEquals(422, flood.status());
    assertEquals(ActivityHandlers.MAX_LISTED_ERRORS, ServerFixture.parse(flood.body()).get("errors").size());
    assertTrue(flood.body().length() < 20_000, "the report stays small: " + flood.body().length());
    AuthHttp.Response future = send("POST", "/api/activities", ADMIN, body("31.72.03.1001", "").replace("2026-05-12", "2027-01-01"));
    assertEquals(422, future.status(), "a done activity after today (2026-11-15 in the fixture)");
  }

  @Test
  void rolesDecideWhereOneMayWrite() throws Exception {
    assertEquals(403, send("POST", "/api/activities", koja, body("31.72.01.1001", "")).status(), "camat of another kecamatan");
    assertEquals(403, send("POST", "/api/activities", importer, body("31.72.03.1001", "")).status());
    assertEquals(401, send("POST", "/api/activities", null, body("31.72.03.1001", "")).status());
    AuthHttp.Response bySudin = send("POST", "/api/activities", sudin, body("31.72.01.1001", ""));
    assertEquals(201, bySudin.status(), "sudin anywhere in the region");
    String id = ServerFixture.parse(bySudin.body()).get("id").asText();

    // A camat may neither edit Penjaringan's activity nor move one of its own there.
    assertEquals(403, send("PUT", "/api/activities/" + id, koja, body("31.72.03.1001", "")).status());
    String own = ServerFixture.parse(send("POST", "/api/activities", koja, body("31.72.03.1002", "")).body()).get("id").asText();
    assertEquals(403, send("PUT", "/api/activities/" + own, koja, body("31.72.01.1001", "")).status());
    AuthHttp.Response edited = send("PUT", "/api/activities/" + own, koja,
        body("31.72.03.1003", "").replace("\"selesai\"", "\"batal\""));
    assertEquals(200, edited.status(), edited.body());
    assertEquals("batal", ServerFixture.parse(edited.body()).get("status").asText());
    assertEquals(404, send("PUT", "/api/activities/ffffffffffff", ADMIN, body("31.72.03.1001", "")).status());
    assertEquals(403, send("DELETE", "/api/activities/" + id, koja, null).status());
    assertEquals(204, send("DELETE", "/api/activities/" + own, koja, null).status());
    assertEquals(404, send("DELETE", "/api/activities/" + own, koja, null).status());
  }

  @Test
  void csvAndGeoJsonCarryThePointOrTheKelurahansInteriorPoint() throws Exception {
    String withPoint = ServerFixture.parse(send("POST", "/api/activities", ADMIN,
        body("31.72.03.1004", ",\"lon\":106.89839,\"lat\":-6.12257,\"note\":\"=HYPERLINK()\"")).body()).get("id").asText();
    String without = ServerFixture.parse(send("POST", "/api/activities", ADMIN, body("31.72.03.1005", "")).body())
        .get("id").asText();
    JsonNode fc = ServerFixture.parse(server.get("/api/activities?format=geojson&kecamatan=31.72.03").body());
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode f : fc.get("features")) byId.put(f.get("id").asText(), f);
    assertEquals("recorded", byId.get(withPoint).get("properties").get("point").asText());
    assertEquals(106.89839, byId.get(withPoint).get("geometry").get("coordinates").get(0).asDouble(), 1e-9);
    JsonNode inside = byId.get(without);
    assertEquals("kelurahan", inside.get("properties").get("point").asText());
    JsonNode c = inside.get("geometry").get("coordinates");
    assertEquals("31.72.03.1005", server.app.store().locate(new double[] {c.get(0).asDouble()},
        new double[] {c.get(1).asDouble()}).get(0).value(), "the interior point lies in the kelurahan");

    String csv = server.get("/api/activities?format=csv&kecamatan=31.72.03").body();
    assertTrue(csv.startsWith("id,type,status,date,organiser,code,name,kecamatan_code,lon,lat,target_group,"), csv);
    assertTrue(csv.contains(withPoint + ",bazar,selesai,2026-05-12,Kecamatan Koja,31.72.03.1004,Rawa Badak Utara,"
        + "31.72.03,106.89839,-6.12257,pedagang pasar,80,25,'=HYPERLINK()"), csv);
    assertEquals(400, server.get("/api/activities?format=xml").statusCode());
    assertEquals(400, server.get("/api/activities?from=2026-06-01&to=2026-05-01").statusCode());
    assertEquals(400, server.get("/api/activities?kecamatan=koja").statusCode());
  }

  @Test
  void theEffectEndpointComputesSpec7FromTheBpuSeriesWithTheCaveat() throws Exception {
    String id = ServerFixture.parse(send("POST", "/api/activities", ADMIN, body("31.72.03.1006", "")).body())
        .get("id").asText();
    JsonNode effect = server.json("/api/activities/effect?kecamatan=31.72.03");
    assertEquals(ActivityEffect.CAVEAT, effect.get("caveat").asText());
    JsonNode row = null;
    for (JsonNode r : effect.get("rows")) if (r.get("id").asText().equals(id)) row = r;
    assertNotNull(row, effect.toString());
    Map<String, Long> bpu = new HashMap<>();
    for (JsonNode m : server.json("/api/kelurahan/31.72.03.1006").get("properties").get("series").get("BPU")) {
      bpu.put(m.get("period").asText(), m.get("participants").asLong());
    }
    long change = (bpu.get("2026-08") - bpu.get("2026-05")) - (bpu.get("2026-04") - bpu.get("2026-01"));
    assertEquals(change, row.get("change").asLong());
    assertEquals("2026-05", row.get("month").asText());
    assertTrue(row.get("comparison_kelurahan").asInt() > 0, row.toString());
    assertEquals(row.get("change").asDouble() - row.get("comparison").asDouble(), row.get("excess").asDouble(), 0.002);
    assertTrue(effect.get("by_type").size() >= 1 && effect.get("by_organiser").size() >= 1, effect.toString());
    assertEquals(400, server.get("/api/activities/effect?status=selesai").statusCode());
  }

  @Test
  void reachFlagsEveryKelurahanOfTheRegion() throws Exception {
    JsonNode reach = server.json("/api/activities/reach?period=2026-10");
    assertEquals(31, reach.get("rows").size());
    long flagged = 0;
    for (JsonNode r : reach.get("rows")) {
      assertTrue(r.has("belum_tersentuh") && r.has("last_done") && r.has("uncovered"), r.toString());
      if (r.get("belum_tersentuh").asBoolean(false)) flagged++;
    }
    assertTrue(flagged > 0 && flagged <= 31, reach.toString());
    assertEquals(6, server.json("/api/activities/reach?period=2026-10&kecamatan=31.72.03").get("rows").size());
    assertEquals(400, server.get("/api/activities/reach?period=2026").statusCode());
  }

  /** The reach answer is kept with the published snapshot (gzipped once, with an ETag): a recorded activity is a new snapshot, so a new answer. */
  @Test
  void theKeptReachAnswerChangesWithARecordedActivity() throws Exception {
    String path = "/api/activities/reach?period=2026-10";
    HttpResponse<String> before = server.get(path);
    String etag = before.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, server.get(path, "If-None-Match", etag).statusCode(), "the same snapshot, the same answer");
    String flagged = null;
    for (JsonNode r : ServerFixture.parse(before.body()).get("rows")) {
      if (r.get("belum_tersentuh").asBoolean(false)) flagged = r.get("code").asText();
    }
    assertNotNull(flagged, before.body());
    AuthHttp.Response created = send("POST", "/api/activities", sudin, body(flagged, ""));
    assertEquals(201, created.status(), created.body());

    HttpResponse<String> after = server.get(path, "If-None-Match", etag);
    assertEquals(200, after.statusCode(), "a new snapshot answers anew");
    assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    for (JsonNode r : ServerFixture.parse(after.body()).get("rows")) {
      if (!r.get("code").asText().equals(flagged)) continue;
      assertFalse(r.get("belum_tersentuh").asBoolean(true), r.toString());
      assertEquals("2026-05-12", r.get("last_done").asText(), r.toString());
    }
  }

  @Test
  void optionsListTheFixedValuesAndSuggestions() throws Exception {
    JsonNode o = server.json("/api/activities/options");
    assertEquals(5, o.get("types").size());
    assertEquals("[\"rencana\",\"selesai\",\"batal\"]", o.get("statuses").toString());
    List<String> organisers = new java.util.ArrayList<>();
    o.get("organisers").forEach(n -> organisers.add(n.asText()));
    assertTrue(organisers.contains("Sudin Nakertransgi Jakarta Utara") && organisers.contains("Kecamatan Koja")
        && organisers.contains("Kelurahan Rawa Badak Utara")
        && organisers.contains("BPJS Ketenagakerjaan Cabang Jakarta Tanjung Priok"), organisers.toString());
    assertTrue(o.get("target_groups").toString().contains("nelayan"));
    assertFalse(organisers.isEmpty());
  }
}
