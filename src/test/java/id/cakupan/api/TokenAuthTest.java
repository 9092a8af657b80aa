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
import id.cakupan.store.ImportRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored tokens in a running server: who imported is logged and audited; a revocation counts at once. */
class TokenAuthTest {
  static final String ADMIN_TOKEN = "auth-test-admin-token";
  static final byte[] CSV = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n31.72.03.1004,2026-10,BPU,1300,9100\n"
      .getBytes(StandardCharsets.UTF_8);
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null,
        ADMIN_TOKEN, null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static AuthHttp.Response send(String method, String path, String token, byte[] body) throws Exception {
    return AuthHttp.send(server.server.port(), method, path, token, body == null ? null : "text/csv", body);
  }

  static Tokens.Issued create(String name, Role role, String kecamatan) {
    return server.app.accounts().create(name, role, kecamatan, Principal.operator("cli:test"));
  }

  @Test
  void anImportIsLoggedAndAuditedUnderTheTokensName() throws Exception {
    Tokens.Issued importer = create("Data officer Priok", Role.IMPORTER, null);
    AuthHttp.Response r = send("POST", "/api/imports/coverage?name=oktober.csv", importer.secret(), CSV);
    assertEquals(200, r.status(), r.body());
    List<ImportRecord> log = server.app.store().imports();
    assertEquals("Data officer Priok", log.get(log.size() - 1).by());

    JsonNode audit = ServerFixture.parse(send("GET", "/api/audit?limit=1000", ADMIN_TOKEN, null).body());
    JsonNode entry = null;
    for (JsonNode row : audit.get("rows")) {
      if (row.get("action").asText().equals("import.coverage") && row.get("subject").asText().equals("oktober.csv")) entry = row;
    }
    assertTrue(entry != null, audit.toString());
    assertEquals("Data officer Priok", entry.get("actor").asText());
    assertEquals("importer", entry.get("role").asText());
    assertEquals(1, entry.get("new").get("rows").asInt());
    assertTrue(entry.get("old").isNull());
    assertTrue(audit.toString().contains("\"action\":\"token.create\""), "token creation is audited too");
  }

  @Test
  void aTokenRevokedByTheCliInAnotherStoreInstanceStopsAtOnce() throws Exception {
    Tokens.Issued importer = create("Short-lived", Role.IMPORTER, null);
    assertEquals(200, send("POST", "/api/imports/coverage", importer.secret(), CSV).status());
    assertEquals(0, Main.run("token", "revoke", importer.token().id(), "--data-dir", dataDir.toString()));
    AuthHttp.Response after = send("POST", "/api/imports/coverage", importer.secret(), CSV);
    assertEquals(401, after.status(), after.body());
    assertTrue(after.body().contains("revoked"), after.body());
  }

  @Test
  void aTokenCreatedByTheCliWorksWithoutARestart() throws Exception {
    var created = server.app.accounts().list().size();
    assertEquals(0, Main.run("token", "create", "--role", "importer", "--name", "From CLI", "--data-dir", dataDir.toString()));
    assertEquals(created + 1, server.app.accounts().list().size());
  }

  @Test
  void wrongRoleOrKecamatanIs403NamingWhatIsNeeded() throws Exception {
    Tokens.Issued koja = create("Camat Koja", Role.CAMAT, "31.72.03");
    AuthHttp.Response r = send("POST", "/api/imports/coverage", koja.secret(), CSV);
    assertEquals(403, r.status());
    JsonNode problem = ServerFixture.parse(r.body());
    assertEquals("role admin or importer", problem.get("detail").asText().replaceAll("this write needs (.*); .*", "$1"));
    assertTrue(problem.get("detail").asText().contains("camat 31.72.03 \"Camat Koja\""), r.body());
    assertEquals(403, send("GET", "/api/audit", koja.secret(), null).status());
    assertEquals(401, send("GET", "/api/audit", null, null).status());
    assertEquals(401, send("GET", "/api/audit", "ckp_nope", null).status());
  }

  @Test
  void theAuditLimitIsBounded() throws Exception {
    assertEquals(400, send("GET", "/api/audit?limit=0", ADMIN_TOKEN, null).status());
    assertEquals(400, send("GET", "/api/audit?limit=100000", ADMIN_TOKEN, null).status());
    assertEquals(400, send("GET", "/api/audit?offset=-1", ADMIN_TOKEN, null).status());
    assertEquals(400, send("GET", "/api/audit?page=2", ADMIN_TOKEN, null).status());
    JsonNode page = ServerFixture.parse(send("GET", "/api/audit?limit=1&offset=0", ADMIN_TOKEN, null).body());
    assertEquals(1, page.get("rows").size());
    assertEquals(1, page.get("limit").asInt());
  }
}
