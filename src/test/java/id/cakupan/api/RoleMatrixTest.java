package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.app.Accounts;
import id.cakupan.app.Outreach;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write endpoint against every kind of caller (SPEC §4, §6, §7): 401 without, with a wrong or
 * with a revoked token; 403 outside the token's role or kecamatan; the endpoint's success status
 * otherwise. A new write endpoint is one line in {@link #ENDPOINTS}.
 */
class RoleMatrixTest {
  static final String ADMIN_TOKEN = "matrix-admin-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static final Map<Caller, String> TOKENS = new EnumMap<>(Caller.class);

  /** Who calls: no token, a wrong or revoked one, or a token of each role (camat of Koja and of another kecamatan). */
  enum Caller { NONE, WRONG, REVOKED, ADMIN_ENV, ADMIN, IMPORTER, CAMAT_KOJA, CAMAT_PENJARINGAN, SUDIN, BRANCH }

  static final Set<Caller> UNAUTHENTICATED = EnumSet.of(Caller.NONE, Caller.WRONG, Caller.REVOKED);
  static final String KOJA = "31.72.03";
  static final String PENJARINGAN = "31.72.01";

  /** A write endpoint, what it is sent, the status it gives when allowed, and who is allowed. */
  record Endpoint(String method, String path, String contentType, byte[] body, int success, Set<Caller> allowed,
      Map<Caller, Integer> otherwise) {
    Endpoint(String method, String path, String contentType, byte[] body, int success, Set<Caller> allowed) {
      this(method, path, contentType, body, success, allowed, Map.of());
    }

    /** The same endpoint where a caller gets another status than 403 (e.g. a 422 report) when not allowed. */
    Endpoint except(Caller caller, int status) {
      Map<Caller, Integer> more = new EnumMap<>(Caller.class);
      more.putAll(otherwise);
      more.put(caller, status);
      return new Endpoint(method, path, contentType, body, success, allowed, more);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Endpoint write(String method, String path, String contentType, String body, int success, Caller... allowed) {
    return new Endpoint(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8), success,
        EnumSet.of(Caller.ADMIN_ENV, allowed));
  }

  static final String ACTIVITY = "{\"type\":\"pembinaan\",\"status\":\"rencana\",\"date\":\"2026-12-03\","
      + "\"organiser\":\"Kecamatan Koja\",\"code\":\"31.72.03.1002\"}";
  static final String TARGETS = "kode_wilayah,sektor,periode,target,periode_dasar\n31.72.03.1004,BPU,2026-12,2000,2026-10\n";
  static final String COVERAGE = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n31.72.03.1004,2026-10,BPU,1300,9100\n";

  static final List<Endpoint> ENDPOINTS = new ArrayList<>(List.of(
      write("POST", "/api/imports/coverage", "text/csv", COVERAGE, 200, Caller.ADMIN, Caller.IMPORTER),
      new Endpoint("POST", "/api/imports/boundaries?dry_run=true&name=kelurahan.gpkg", "application/octet-stream",
          null, 200, EnumSet.of(Caller.ADMIN_ENV, Caller.ADMIN, Caller.IMPORTER)),
      write("GET", "/api/audit?limit=5", null, null, 200, Caller.ADMIN),
      // not a write, but the same 401 rules: any valid token may ask who it is
      write("GET", "/api/whoami", null, null, 200, Caller.ADMIN, Caller.IMPORTER, Caller.CAMAT_KOJA,
          Caller.CAMAT_PENJARINGAN, Caller.SUDIN, Caller.BRANCH),
      // outreach ({fresh}: an activity in Koja made for this case)
      write("POST", "/api/activities", "application/json", ACTIVITY, 201, Caller.ADMIN, Caller.CAMAT_KOJA, Caller.SUDIN,
          Caller.BRANCH),
      write("PUT", "/api/activities/{fresh}", "application/json", ACTIVITY, 200, Caller.ADMIN, Caller.CAMAT_KOJA,
          Caller.SUDIN, Caller.BRANCH),
      write("DELETE", "/api/activities/{fresh}", null, null, 204, Caller.ADMIN, Caller.CAMAT_KOJA, Caller.SUDIN,
          Caller.BRANCH),
      write("POST", "/api/imports/activities", "text/csv", "type,status,date,organiser,code\n"
          + "bazar,rencana,2026-12-04,Kecamatan Koja,31.72.03.1005\n", 200, Caller.ADMIN, Caller.CAMAT_KOJA, Caller.SUDIN,
          Caller.BRANCH),
      // targeting: a target in Koja; a target file with a Koja row, which a camat of another kecamatan may
      // send but which is rejected (422) for naming a kelurahan outside its kecamatan
      write("PUT", "/api/targets/31.72.03.1004/BPU/2026-12", "application/json", "{\"target\":2000}", 200, Caller.ADMIN,
          Caller.CAMAT_KOJA),
      write("POST", "/api/imports/targets", "text/csv", TARGETS, 200, Caller.ADMIN, Caller.CAMAT_KOJA)
          .except(Caller.CAMAT_PENJARINGAN, 422)
  ));

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null,
        ADMIN_TOKEN, null));
    Accounts accounts = server.app.accounts();
    Principal operator = Principal.operator("cli:test");
    TOKENS.put(Caller.WRONG, "ckp_" + "x".repeat(43));
    TOKENS.put(Caller.ADMIN_ENV, ADMIN_TOKEN);
    TOKENS.put(Caller.ADMIN, accounts.create("Admin Pemkot", Role.ADMIN, null, operator).secret());
    TOKENS.put(Caller.IMPORTER, accounts.create("Data officer", Role.IMPORTER, null, operator).secret());
    TOKENS.put(Caller.CAMAT_KOJA, accounts.create("Camat Koja", Role.CAMAT, KOJA, operator).secret());
    TOKENS.put(Caller.CAMAT_PENJARINGAN, accounts.create("Camat Penjaringan", Role.CAMAT, PENJARINGAN, operator).secret());
    TOKENS.put(Caller.SUDIN, accounts.create("Sudin Nakertransgi", Role.SUDIN, null, operator).secret());
    TOKENS.put(Caller.BRANCH, accounts.create("BPJS Tanjung Priok", Role.BRANCH, null, operator).secret());
    var revoked = accounts.create("Former camat", Role.CAMAT, KOJA, operator);
    accounts.revoke(revoked.token().id(), operator);
    TOKENS.put(Caller.REVOKED, revoked.secret());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Endpoint e : ENDPOINTS) {
      for (Caller c : Caller.values()) {
        int expected = UNAUTHENTICATED.contains(c) ? 401 : e.allowed().contains(c) ? e.success()
            : e.otherwise().getOrDefault(c, 403);
        out.add(Arguments.of(e, c, expected));
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0} by {1} -> {2}")
  @MethodSource("cases")
  void eachCallerGetsWhatItsRoleAllows(Endpoint e, Caller caller, int expected) throws Exception {
    byte[] body = e.body() != null ? e.body()
        : e.path().contains("kelurahan.gpkg") ? Files.readAllBytes(SharedGeodata.file(SharedGeodata.GEOPACKAGE)) : null;
    String path = e.path();
    if (path.contains("{fresh}")) {
      var parsed = server.app.outreach().parse(Outreach.newId(), Map.of("type", "bazar", "status", "rencana",
          "date", "2026-12-01", "organiser", "Kecamatan Koja", "code", "31.72.03.1001"));
      path = path.replace("{fresh}", server.app.outreach().create(parsed.activity(), Principal.operator("cli:test")).id());
    }
    AuthHttp.Response r = AuthHttp.send(server.server.port(), e.method(), path, TOKENS.get(caller), e.contentType(),
        body);
    assertEquals(expected, r.status(), r.body());
    if (expected >= 400) {
      assertTrue(r.headers().getOrDefault("content-type", "").startsWith("application/problem+json"), r.headers().toString());
      assertTrue(r.body().contains("\"status\":" + expected), r.body());
    }
    if (expected == 403) {
      assertTrue(r.body().contains(caller.name().startsWith("CAMAT") ? "camat 31.72.0" : "\"detail\""), r.body());
    }
  }
}
