package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.auth.Tokens;
import id.cakupan.cli.Main;
import id.cakupan.config.Config;
import id.cakupan.store.PostgresCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored tokens, the audit log and activities with the server on a real PostGIS. */
class PostgisAuthTest {
  @TempDir static Path unused;
  static PostgresCluster cluster;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    cluster = PostgresCluster.start();
    // No admin token: only stored tokens may write.
    server = new ServerFixture(new Config(0, unused, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, cluster.url(),
        null, null));
  }

  @AfterAll
  static void stop() {
    if (server != null) server.close();
    if (cluster != null) cluster.close();
  }

  static AuthHttp.Response send(String method, String path, String token, String type, String body) throws Exception {
    return AuthHttp.send(server.server.port(), method, path, token, type,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCliTokenWritesUntilTheCliRevokesIt() throws Exception {
    Tokens.Issued koja = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", Principal.operator("cli:test"));
    Tokens.Issued admin = server.app.accounts().create("Admin", Role.ADMIN, null, Principal.operator("cli:test"));
    String activity = "{\"type\":\"pelatihan\",\"status\":\"rencana\",\"date\":\"2026-12-10\","
        + "\"organiser\":\"Kecamatan Koja\",\"code\":\"31.72.03.1002\",\"lon\":106.91236,\"lat\":-6.12490}";
    AuthHttp.Response created = send("POST", "/api/activities", koja.secret(), "application/json", activity);
    assertEquals(201, created.status(), created.body());
    assertEquals(403, send("POST", "/api/imports/coverage", koja.secret(), "text/csv",
        "kode_wilayah,periode,sektor,peserta_aktif\n31.72.03.1001,2026-10,BPU,5\n").status());

    assertEquals(0, Main.run("token", "revoke", koja.token().id(), "--db", cluster.url()));
    assertEquals(401, send("POST", "/api/activities", koja.secret(), "application/json", activity).status());

    JsonNode audit = ServerFixture.parse(send("GET", "/api/audit?limit=10", admin.secret(), null, null).body());
    assertEquals("token.revoke", audit.get("rows").get(0).get("action").asText());
    assertEquals("activity.create", audit.get("rows").get(1).get("action").asText());
    assertEquals("Camat Koja", audit.get("rows").get(1).get("actor").asText());
    assertTrue(server.json("/api/activities?kecamatan=31.72.03").get("rows").size() >= 1);
  }
}
