package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import id.cakupan.store.ImportRecord;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload's file name comes back in /api/health, the import log and the TileJSON attribution
 * (which map libraries render as HTML): it is stored as a safe name and the attribution is escaped.
 */
class ImportFileNameTest {
  static final String TOKEN = "file-name-test-token";
  static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};
  static final String HOSTILE = "<img src=x onerror=alert(1)>.geojson";
  @TempDir static Path dataDir;
  @TempDir static Path startDataDir;
  @TempDir static Path links;
  static ServerFixture server;
  static byte[] gpkg;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, null, null, null, TOKEN, null));
    gpkg = Files.readAllBytes(SharedGeodata.file(SharedGeodata.GEOPACKAGE));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertSafe(String shown) {
    for (char c : "<>\"'&".toCharArray()) assertFalse(shown.indexOf(c) >= 0, "'" + c + "' in " + shown);
  }

  private static String lastImportedName() {
    List<ImportRecord> imports = server.app.store().imports();
    return imports.get(imports.size() - 1).fileName();
  }

  @Test
  void aMultipartFileNameIsStoredSafeAndTheAttributionIsPlainText() throws Exception {
    HttpResponse<String> r = server.postMultipart("/api/imports/boundaries", HOSTILE, gpkg, AUTH);
    assertEquals(200, r.statusCode(), r.body());
    String health = server.json("/api/health").get("boundaries").asText();
    assertEquals("img src=x onerror=alert(1).geojson", health);
    assertEquals(health, lastImportedName());
    String attribution = server.json("/tiles/kelurahan.json").get("attribution").asText();
    assertEquals("Boundaries: img src=x onerror=alert(1).geojson; codes: Kemendagri", attribution);
  }

  @Test
  void aNameParameterIsStoredSafeToo() throws Exception {
    String name = "C:\\fakepath\\\"><svg onload=alert('x')>&.gpkg";
    HttpResponse<String> r = server.post("/api/imports/boundaries?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
        gpkg, "application/geopackage+sqlite3", AUTH);
    assertEquals(200, r.statusCode(), r.body());
    String health = server.json("/api/health").get("boundaries").asText();
    assertEquals("svg onload=alert(x).gpkg", health);
    assertSafe(server.json("/tiles/kelurahan.json").get("attribution").asText());

    String csv = "kode_wilayah,periode,sektor,peserta_aktif\n31.72.03.1004,2026-10,BPU,5\n";
    HttpResponse<String> coverage = server.post("/api/imports/coverage?name=" + URLEncoder.encode("<b>juli</b>\u0007.csv",
        StandardCharsets.UTF_8), csv.getBytes(StandardCharsets.UTF_8), "text/csv", AUTH);
    assertEquals(200, coverage.statusCode(), coverage.body());
    assertEquals("b.csv", lastImportedName());
  }

  @Test
  void boundariesLoadedAtStartUnderAHostileNameAreEscapedInTheAttribution() throws Exception {
    // A link, not a copy, to the shared file: the name is what matters.
    Path link = Files.createSymbolicLink(links.resolve("<img src=x onerror=alert('b')> & \"W\".gpkg"),
        SharedGeodata.file(SharedGeodata.GEOPACKAGE).toAbsolutePath());
    try (ServerFixture started = new ServerFixture(new Config(0, startDataDir, link, null, null, null, null))) {
      String attribution = started.json("/tiles/kelurahan.json").get("attribution").asText();
      assertEquals("Boundaries: &lt;img src=x onerror=alert(&#39;b&#39;)&gt; &amp; &quot;W&quot;.gpkg; codes: Kemendagri",
          attribution);
    }
  }
}
