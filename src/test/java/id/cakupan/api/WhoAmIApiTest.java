package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.auth.Tokens;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.config.Config;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GET /api/whoami: what a token stands for, never the token; 401 problem+json without a valid one. */
class WhoAmIApiTest {
  static final String ADMIN_TOKEN = "whoami-admin-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static Tokens.Issued camat;
  static Tokens.Issued sudin;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null,
        ADMIN_TOKEN, null));
    camat = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", Principal.operator("cli:test"));
    sudin = server.app.accounts().create("Sudin Nakertransgi", Role.SUDIN, null, Principal.operator("cli:test"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static AuthHttp.Response whoami(String token) throws Exception {
    return AuthHttp.send(server.server.port(), "GET", "/api/whoami", token, null, null);
  }

  @Test
  void aCamatTokenSaysItsRoleNameAndKecamatan() throws Exception {
    AuthHttp.Response r = whoami(camat.secret());
    assertEquals(200, r.status(), r.body());
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals("camat", body.get("role").asText());
    assertEquals("Camat Koja", body.get("name").asText());
    assertEquals("31.72.03", body.get("kecamatan").asText());
    assertEquals("Koja", body.get("kecamatan_name").asText());
    assertEquals(List.of("role", "name", "kecamatan", "kecamatan_name"), fieldNames(body));
    assertFalse(r.body().contains(camat.secret()) || r.body().contains(camat.token().id()), "never the token nor its id");
    assertEquals("no-store", r.headers().get("cache-control"));
  }

  @Test
  void otherRolesHaveNoKecamatan() throws Exception {
    JsonNode s = ServerFixture.parse(whoami(sudin.secret()).body());
    assertEquals("sudin", s.get("role").asText());
    assertTrue(s.get("kecamatan").isNull() && s.get("kecamatan_name").isNull(), s.toString());
    AuthHttp.Response admin = whoami(ADMIN_TOKEN);
    assertEquals(200, admin.status());
    JsonNode a = ServerFixture.parse(admin.body());
    assertEquals("admin", a.get("role").asText());
    assertEquals(Principal.ADMIN_TOKEN_NAME, a.get("name").asText());
    assertFalse(admin.body().contains(ADMIN_TOKEN), admin.body());
  }

  @Test
  void withoutAValidTokenIt401sAsProblemJson() throws Exception {
    for (String token : new String[] {null, "ckp_" + "x".repeat(43), ""}) {
      AuthHttp.Response r = whoami(token);
      assertEquals(401, r.status(), token + ": " + r.body());
      assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/problem+json"), r.headers().toString());
      assertTrue(r.headers().getOrDefault("www-authenticate", "").startsWith("Bearer"), r.headers().toString());
    }
    assertEquals(400, AuthHttp.send(server.server.port(), "GET", "/api/whoami?role=admin", camat.secret(), null, null)
        .status(), "no parameters");
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> out = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
