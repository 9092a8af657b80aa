package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.cli.Main;
import id.cakupan.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Targets and progress over HTTP (SPEC §4, §6) on the real Jakarta Utara boundaries, with the BPU
 * coverage of {@link KojaCoverage}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TargetApiTest {
  static final String ADMIN_TOKEN = "target-test-admin-token";
  static final String KOJA = "31.72.03.1001";
  static final String TARGETS = "/api/targets/" + KOJA + "/BPU/2026-12";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static String camatKoja;
  static String camatPenjaringan;
  static String importer;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null,
        ADMIN_TOKEN, null));
    Principal operator = Principal.operator("cli:test");
    camatKoja = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", operator).secret();
    camatPenjaringan = server.app.accounts().create("Camat Penjaringan", Role.CAMAT, "31.72.01", operator).secret();
    importer = server.app.accounts().create("Data officer", Role.IMPORTER, null, operator).secret();
    AuthHttp.Response r = send("POST", "/api/imports/coverage", ADMIN_TOKEN, "text/csv", KojaCoverage.csv());
    assertEquals(200, r.status(), r.body());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static AuthHttp.Response send(String method, String path, String token, String contentType, byte[] body)
      throws Exception {
    return AuthHttp.send(server.server.port(), method, path, token, contentType, body);
  }

  static AuthHttp.Response put(String path, String token, String json) throws Exception {
    return send("PUT", path, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode row(JsonNode rows, String code) {
    for (JsonNode r : rows) if (r.get("code").asText().equals(code)) return r;
    throw new AssertionError("no row " + code + " in " + rows);
  }

  static List<String> codes(JsonNode rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get("code").asText()));
    return out;
  }

  static void assertProblem(AuthHttp.Response r, int status, String parameter) throws Exception {
    assertEquals(status, r.status(), r.body());
    assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/problem+json"), r.headers().toString());
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals(status, p.get("status").asInt(), r.body());
    if (parameter != null) assertEquals(parameter, p.path("parameter").asText(), r.body());
  }

  @Test
  @Order(1)
  void aCamatSetsATargetAndProgressFollowsTheRule() throws Exception {
    AuthHttp.Response r = put(TARGETS, camatKoja, "{\"target\": 1600, \"assignee\": \"Lurah Koja\", \"note\": \"pasar\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals("created", body.get("status").asText());
    assertTrue(body.get("previous").isNull());
    assertEquals("2026-10", body.get("target").get("baseline_period").asText(), "default: the newest month with data");

    JsonNode targets = server.json("/api/targets?kecamatan=31.72.03&sector=BPU").get("rows");
    assertEquals(1, targets.size());
    JsonNode t = targets.get(0);
    assertEquals(KOJA, t.get("code").asText());
    assertEquals("Koja", t.get("name").asText());
    assertEquals("BPU", t.get("sector").asText());
    assertEquals("2026-12", t.get("period").asText());
    assertEquals(1600, t.get("target").asLong());
    assertEquals("2026-10", t.get("baseline_period").asText());
    assertEquals("Lurah Koja", t.get("assignee").asText());
    assertEquals("pasar", t.get("note").asText());
    assertEquals(0, server.json("/api/targets?kecamatan=31.72.01").get("rows").size());
    assertEquals(0, server.json("/api/targets?sector=PU").get("rows").size());
    assertEquals(1, server.json("/api/targets?period=2026-12").get("rows").size());

    // P(Oct) = 1450 = P(B): on the line. Gap 150 over two months: 75 a month; pace (1450 − 1300)/3 = 50,
    // so 150 more take 3 months: January 2027.
    JsonNode p = row(server.json("/api/progress?kecamatan=31.72.03&sector=BPU").get("rows"), KOJA);
    assertEquals(1450, p.get("participants").asLong());
    assertEquals(5000, p.get("workforce").asLong());
    assertEquals(3550, p.get("uncovered").asLong());
    assertEquals(1600, p.get("target").asLong());
    assertEquals("2026-12", p.get("target_period").asText());
    assertEquals("2026-10", p.get("baseline_period").asText());
    assertEquals(150, p.get("gap").asLong());
    assertEquals(0.90625, p.get("progress").asDouble(), 1e-9);
    assertEquals(75, p.get("pace_needed").asLong());
    assertEquals(50.0, p.get("pace").asDouble(), 1e-9);
    assertEquals("2027-01", p.get("projected_period").asText());
    assertEquals("sesuai jalur", p.get("status").asText());
    assertTrue(p.get("complete").asBoolean());
    assertTrue(p.get("hotspot").isBoolean(), "filled from the hot-spot analysis");
    assertEquals("Lurah Koja", p.get("assignee").asText());
    assertEquals("pasar", p.get("note").asText());
    assertEquals("peringkat", p.get("group").asText());
    List<String> fields = new ArrayList<>();
    p.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("code", "bps_code", "name", "participants", "workforce", "uncovered", "target", "target_period",
        "baseline_period", "gap", "progress", "pace_needed", "pace", "projected_period", "status", "complete", "hotspot",
        "assignee", "note", "group", "belum_tersentuh"), fields, "SPEC §6's fields and the group");
    assertEquals("3175040006", p.get("bps_code").asText());
  }

  @Test
  @Order(2)
  void replacingATargetIsAuditedOldToNewAndTheStatusFollowsTheNewLine() throws Exception {
    AuthHttp.Response r = put(TARGETS, ADMIN_TOKEN, "{\"target\": 1600, \"baseline_period\": \"2026-04\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals("replaced", body.get("status").asText());
    assertEquals("Lurah Koja", body.get("previous").get("assignee").asText());
    assertTrue(body.get("target").get("assignee").isNull(), "a PUT replaces the whole target");
    // B = April (1150), T = December: E(October) = 1150 + 450 · 6/8 = 1487.5 > 1450: behind.
    JsonNode p = row(server.json("/api/progress?kecamatan=31.72.03&sector=BPU").get("rows"), KOJA);
    assertEquals("tertinggal", p.get("status").asText());
    assertEquals("2026-04", p.get("baseline_period").asText());
    // In September (1400, E = 1431.25) behind too; in May (1200, E = 1206.25) behind; the same target is measured.
    JsonNode sep = row(server.json("/api/progress?kecamatan=31.72.03&sector=BPU&period=2026-09").get("rows"), KOJA);
    assertEquals("tertinggal", sep.get("status").asText());
    assertEquals(67, sep.get("pace_needed").asLong(), "ceil(200 / 3)");
    // Before the baseline month there is no status.
    JsonNode mar = row(server.json("/api/progress?kecamatan=31.72.03&sector=BPU&period=2026-03").get("rows"), KOJA);
    assertTrue(mar.get("status").isNull());
    assertEquals(500, mar.get("gap").asLong());

    JsonNode audit = ServerFixture.parse(send("GET", "/api/audit?limit=1000", ADMIN_TOKEN, null, null).body()).get("rows");
    List<JsonNode> puts = new ArrayList<>();
    audit.forEach(e -> { if (e.get("action").asText().equals("target.put")) puts.add(e); });
    assertEquals(2, puts.size(), audit.toString());
    JsonNode latest = puts.get(0);
    assertEquals("admin", latest.get("actor").asText());
    assertEquals(KOJA + "/BPU/2026-12", latest.get("subject").asText());
    assertEquals("Lurah Koja", latest.get("old").get("assignee").asText());
    assertEquals("2026-04", latest.get("new").get("baseline_period").asText());
    JsonNode first = puts.get(1);
    assertEquals("Camat Koja", first.get("actor").asText());
    assertEquals("camat", first.get("role").asText());
    assertTrue(first.get("old").isNull());
  }

  @Test
  @Order(3)
  void missingDataIsItsOwnGroupNotTheBottom() throws Exception {
    JsonNode rows = server.json("/api/progress?kecamatan=31.72.03&sector=BPU").get("rows");
    // Complete rows by uncovered (3550, 3110, 891, 820), then Lagoa (workforce unknown) and Tugu Selatan (no October).
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1006", "31.72.03.1004", "31.72.03.1003",
        "31.72.03.1005"), codes(rows));
    JsonNode lagoa = row(rows, "31.72.03.1003");
    assertFalse(lagoa.get("complete").asBoolean());
    assertEquals("periksa_data", lagoa.get("group").asText());
    assertEquals(345, lagoa.get("participants").asLong());
    assertTrue(lagoa.get("uncovered").isNull());
    JsonNode tuguSelatan = row(rows, "31.72.03.1005");
    assertFalse(tuguSelatan.get("complete").asBoolean());
    assertTrue(tuguSelatan.get("participants").isNull());
    assertTrue(tuguSelatan.get("target").isNull(), "no target: the target fields are null");
    // The default sector is ALL, as everywhere: no PU or JAKON record, so nothing is complete.
    JsonNode all = server.json("/api/progress?kecamatan=31.72.03");
    assertEquals("ALL", all.get("sector").asText());
    all.get("rows").forEach(r -> assertFalse(r.get("complete").asBoolean(), r.toString()));
  }

  @Test
  @Order(4)
  void anUnknownWorkforceStillGetsAStatusFromItsParticipants() throws Exception {
    AuthHttp.Response r = put("/api/targets/31.72.03.1003/BPU/2026-12", camatKoja, "{\"target\": 340, \"baseline_period\": \"2026-06\"}");
    assertEquals(200, r.status(), r.body());
    JsonNode lagoa = row(server.json("/api/progress?kecamatan=31.72.03&sector=BPU").get("rows"), "31.72.03.1003");
    assertEquals("tercapai", lagoa.get("status").asText(), "345 ≥ 340");
    assertEquals(0, lagoa.get("gap").asLong());
    assertTrue(lagoa.get("pace_needed").isNull());
    assertFalse(lagoa.get("complete").asBoolean(), "still listed under periksa data");
  }

  @Test
  @Order(5)
  void progressAsCsvInBothDialects() throws Exception {
    String plain = server.get("/api/progress?kecamatan=31.72.03&sector=BPU&format=csv").body();
    String[] lines = plain.split("\n");
    assertTrue(lines[0].startsWith("code,bps_code,name,sector,period,participants,workforce,uncovered,target,"), lines[0]);
    // The hot-spot flag is the region-wide Gi* analysis's, as in the JSON rows.
    boolean hot = server.json("/api/progress?kecamatan=31.72.03&sector=BPU").get("rows").get(0).get("hotspot").asBoolean();
    assertTrue(lines[1].startsWith("31.72.03.1001,3175040006,Koja,BPU,2026-10,1450,5000,3550,1600,2026-12,2026-04,150,"
        + "0.90625,75,50.0,2027-01,tertinggal,true," + hot + ",,,peringkat"), lines[1]);
    assertEquals(7, lines.length);
    String id = server.get("/api/progress?kecamatan=31.72.03&sector=BPU&format=csv&locale=id").body();
    String[] idLines = id.split("\r\n");
    assertTrue(idLines[0].startsWith("\uFEFFkode;kode_bps;nama;sektor;periode;peserta_aktif;tenaga_kerja;"), idLines[0]);
    assertTrue(idLines[0].contains(";capaian (%);"), idLines[0]);
    assertTrue(idLines[1].contains(";90,625;75;50,0;2027-01;tertinggal;ya;"), idLines[1]);
    assertProblem(AuthHttp.send(server.server.port(), "GET", "/api/progress?format=xml", null, null, null), 400, "format");
    assertProblem(AuthHttp.send(server.server.port(), "GET", "/api/progress?locale=id", null, null, null), 400, "locale");
    assertProblem(AuthHttp.send(server.server.port(), "GET", "/api/progress?period=2030-01", null, null, null), 404, "period");
    assertProblem(AuthHttp.send(server.server.port(), "GET", "/api/progress?kecamatan=31.72.09", null, null, null), 404, "kecamatan");
  }

  @Test
  @Order(6)
  void writesAreRefusedWithProblemsNamingTheFieldAndChangeNothing() throws Exception {
    String before = server.json("/api/targets").toString();
    assertProblem(put(TARGETS, null, "{\"target\": 5}"), 401, "Authorization");
    assertProblem(put("/api/targets/nonsense/BPU/2026-12", null, "{\"target\": 5}"), 401, "Authorization");
    assertProblem(put(TARGETS, "ckp_wrong", "{\"target\": 5}"), 401, "Authorization");
    assertProblem(put(TARGETS, importer, "{\"target\": 5}"), 403, "Authorization");
    assertProblem(put(TARGETS, camatPenjaringan, "{\"target\": 5}"), 403, "Authorization");
    assertProblem(put("/api/targets/nonsense/BPU/2026-12", camatKoja, "{\"target\": 5}"), 400, "code");
    assertProblem(put("/api/targets/" + KOJA + "/GIG/2026-12", camatKoja, "{\"target\": 5}"), 400, "sector");
    assertProblem(put("/api/targets/" + KOJA + "/BPU/2026-13", camatKoja, "{\"target\": 5}"), 400, "period");
    assertProblem(put("/api/targets/31.72.03.1999/BPU/2026-12", camatKoja, "{\"target\": 5}"), 404, "code");
    assertProblem(put(TARGETS, camatKoja, null), 400, "body");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": "), 400, "body");
    assertProblem(put(TARGETS, camatKoja, "[1600]"), 400, "body");
    assertProblem(put(TARGETS, camatKoja, "{}"), 400, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": \"1600\"}"), 400, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 16.5}"), 400, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 1e400}"), 400, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 99999999999999999999999}"), 400, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"targte\": 6}"), 400, "targte");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"assignee\": 7}"), 400, "assignee");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"baseline_period\": \"April\"}"), 400, "baseline_period");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 0}"), 422, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": -3}"), 422, "target");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"baseline_period\": \"2026-12\"}"), 422, "baseline_period");
    assertProblem(put("/api/targets/" + KOJA + "/BPU/2026-09", camatKoja, "{\"target\": 5}"), 422, "baseline_period");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"note\": \"" + "x".repeat(2001) + "\"}"), 422, "note");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"note\": \"" + "x".repeat(70_000) + "\"}"), 413, "body");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"note\": \"a\\u0000b\"}"), 422, "note");
    assertProblem(send("PUT", TARGETS, camatKoja, "application/json", new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}),
        400, null);
    assertProblem(put(TARGETS, camatKoja, "[".repeat(5000) + "]".repeat(5000)), 400, "body");
    assertProblem(put(TARGETS, camatKoja, "{\"target\": 5, \"target\": 6}"), 400, null);
    assertEquals(before, server.json("/api/targets").toString(), "nothing stored changed");
  }

  @Test
  @Order(7)
  void aBulkImportIsAllOrNothingAndACamatFileStaysInItsKecamatan() throws Exception {
    String before = server.json("/api/targets").toString();
    byte[] outside = """
        kode_wilayah;sektor;periode;target;penanggung_jawab
        31.72.03.1002;BPU;2026-12;900;Lurah Tugu Utara
        31.72.01.1005;BPU;2026-12;700;
        """.getBytes(StandardCharsets.UTF_8);
    AuthHttp.Response r = send("POST", "/api/imports/targets", camatKoja, "text/csv", outside);
    assertEquals(422, r.status(), r.body());
    JsonNode report = ServerFixture.parse(r.body());
    assertEquals("Import rejected", report.get("title").asText());
    assertEquals(1, report.get("errors").size(), r.body());
    assertEquals(3, report.get("errors").get(0).get("line").asInt());
    assertEquals("kode_wilayah", report.get("errors").get(0).get("column").asText());
    assertTrue(report.get("errors").get(0).get("message").asText().contains("only in kecamatan 31.72.03"), r.body());
    assertEquals(before, server.json("/api/targets").toString(), "a rejected file stores nothing");

    assertProblem(send("POST", "/api/imports/targets", importer, "text/csv", outside), 403, "Authorization");
    assertProblem(send("POST", "/api/imports/targets", null, "text/csv", outside), 401, "Authorization");

    // The admin may import anywhere, here as a multipart upload.
    assertEquals(400, server.postMultipart("/api/imports/targets?x=1", "targets.csv", outside,
        "Authorization", "Bearer " + ADMIN_TOKEN).statusCode(), "unknown parameters are refused");
    var ok = server.postMultipart("/api/imports/targets", "targets.csv", outside, "Authorization", "Bearer " + ADMIN_TOKEN);
    assertEquals(200, ok.statusCode(), ok.body());
    assertEquals(2, ServerFixture.parse(ok.body()).get("rows").asInt());
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1003"),
        codes(server.json("/api/targets?sector=BPU&period=2026-12&kecamatan=31.72.03").get("rows")));
    assertEquals("Lurah Tugu Utara", row(server.json("/api/targets?kecamatan=31.72.03").get("rows"), "31.72.03.1002")
        .get("assignee").asText());
    assertEquals(1, server.json("/api/targets?kecamatan=31.72.01").get("rows").size());
    assertEquals("targets", server.app.store().imports().get(server.app.store().imports().size() - 1).kind());
  }

  @Test
  @Order(8)
  void theCliImportsTargetsIntoTheSameStoreAndTheServerSeesThem() throws Exception {
    Path file = dataDir.resolveSibling(dataDir.getFileName() + "-targets.csv");
    Files.writeString(file, "kelurahan,kecamatan,sektor,periode,target,periode_dasar,catatan\n"
        + "Rawabadak Selatan,Koja,BPU,2027-06,150,2026-06,dari CLI\n");
    try {
      assertEquals(0, Main.run("import-targets", file.toString(), "--data-dir", dataDir.toString()));
      server.app.refresh();
      JsonNode t = row(server.json("/api/targets?kecamatan=31.72.03").get("rows"), "31.72.03.1006");
      assertEquals("dari CLI", t.get("note").asText());
      Files.writeString(file, "kode_wilayah,sektor,periode,target\n31.72.03.1006,BPU,2027-06,abc\n");
      assertEquals(1, Main.run("import-targets", file.toString(), "--data-dir", dataDir.toString()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  @Order(9)
  void aNewMonthOfCoverageIsMeasuredAgainstTheSameTargets() throws Exception {
    byte[] november = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n31.72.03.1001,2026-11,BPU,1610,5000\n"
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(200, send("POST", "/api/imports/coverage", ADMIN_TOKEN, "text/csv", november).status());
    JsonNode progress = server.json("/api/progress?kecamatan=31.72.03&sector=BPU");
    assertEquals("2026-11", progress.get("period").asText(), "the newest month is the default");
    JsonNode koja = row(progress.get("rows"), KOJA);
    assertEquals(1610, koja.get("participants").asLong());
    assertEquals("tercapai", koja.get("status").asText(), "1610 ≥ 1600");
    assertEquals(4, server.json("/api/targets?kecamatan=31.72.03").get("rows").size(), "the targets stay");
  }
}
