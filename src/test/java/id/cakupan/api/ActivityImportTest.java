package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk activity files: all or nothing, every bad row listed, rows outside the token's kecamatan a 403. */
class ActivityImportTest {
  static final String ADMIN = "activity-import-admin";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static String koja;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, ADMIN, null));
    koja = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", Principal.operator("cli:test")).secret();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static AuthHttp.Response post(String token, String csv) throws Exception {
    return AuthHttp.send(server.server.port(), "POST", "/api/imports/activities", token, "text/csv",
        csv.getBytes(StandardCharsets.UTF_8));
  }

  static int stored() {
    return server.app.store().activities().size();
  }

  @Test
  void aGoodFileIsStoredWholeAndItsExportReimportsAsReplacements() throws Exception {
    int before = stored();
    String csv = "\uFEFFjenis;status;tanggal;penyelenggara;kode_wilayah;bujur;lintang;sasaran;peserta_hadir;pendaftaran;catatan\n"
        + "bazar;selesai;2026-09-14;Kecamatan Koja;31.72.03.1001;106.89896;-6.10589;pedagang pasar;120;31;\"Pasar Koja; lantai 2\"\n"
        + "pelatihan;rencana;2026-12-02;Sudin PPKUKM Jakarta Utara;31.72.03.1003;;;UMKM binaan;;;\n";
    AuthHttp.Response r = post(koja, csv);
    assertEquals(200, r.status(), r.body());
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals(2, body.get("created").asInt());
    assertEquals(before + 2, stored());

    // The export, edited and sent back, replaces by id instead of adding.
    String export = server.get("/api/activities?format=csv&kecamatan=31.72.03&type=pelatihan").body();
    AuthHttp.Response again = post(koja, export.replace(",rencana,", ",batal,"));
    assertEquals(200, again.status(), again.body());
    assertEquals(1, ServerFixture.parse(again.body()).get("updated").asInt());
    assertEquals(before + 2, stored());
    assertTrue(server.json("/api/activities?type=pelatihan&status=batal&kecamatan=31.72.03").get("rows").size() >= 1);
  }

  @Test
  void everyBadRowIsListedAndNothingIsStored() throws Exception {
    int before = stored();
    String csv = "type,status,date,organiser,code,lon,lat,attendees\n"
        + "bazar,selesai,2026-09-14,Kecamatan Koja,31.72.03.1001,,,10\n" // good
        + "pesta,selesai,2026-09-14,Kecamatan Koja,31.72.03.1001,,,10\n" // type
        + "bazar,selesai,2026-09-14,Kecamatan Koja,31.72.03.1001,106.80503,-6.11594,10\n" // point in Penjaringan
        + "bazar,selesai,2026-09-14,Kecamatan Koja,31.72.03.1001,,,-1\n" // attendees
        + "bazar,selesai,2026-09-14\n"; // cells
    AuthHttp.Response r = post(ADMIN, csv);
    assertEquals(422, r.status(), r.body());
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals("rejected", body.get("outcome").asText());
    assertEquals(422, body.get("status").asInt());
    List<Integer> lines = body.get("errors").findValuesAsText("line").stream().map(Integer::parseInt).toList();
    assertEquals(List.of(3, 4, 5, 6), lines, r.body());
    assertEquals("lon", body.get("errors").get(1).get("column").asText());
    assertEquals(before, stored());

    AuthHttp.Response header = post(ADMIN, "type,status,when,code\nbazar,selesai,2026-09-14,31.72.03.1001\n");
    assertEquals(422, header.status());
    assertTrue(header.body().contains("unknown column 'when'") && header.body().contains("'organiser' is missing"),
        header.body());
    assertEquals(400, post(ADMIN, "").status(), "an empty body, as for every import");
    assertEquals(422, post(ADMIN, "type,status,date,organiser,code\n\"bazar,selesai\n").status());
  }

  @Test
  void rowsOutsideTheCamatsKecamatanMakeTheWholeFileA403() throws Exception {
    int before = stored();
    String csv = "type,status,date,organiser,code\n"
        + "bazar,selesai,2026-09-14,Kecamatan Koja,31.72.03.1001\n"
        + "bazar,selesai,2026-09-14,Kecamatan Koja,31.72.01.1001\n";
    AuthHttp.Response r = post(koja, csv);
    assertEquals(403, r.status(), r.body());
    JsonNode e = ServerFixture.parse(r.body()).get("errors").get(0);
    assertEquals(3, e.get("line").asInt());
    assertTrue(e.get("message").asText().contains("kecamatan 31.72.01"), r.body());
    assertEquals(before, stored());
    String importer = server.app.accounts().create("Data", Role.IMPORTER, null, Principal.operator("cli:test")).secret();
    assertEquals(403, post(importer, csv).status());
    assertEquals(401, post(null, csv).status());
  }

  @Test
  void theCliImportsAFileAndExitsOneOnRejection(@TempDir Path dir) throws Exception {
    Path good = dir.resolve("kegiatan.csv");
    Files.writeString(good, "type,status,date,organiser,code\nsosialisasi,selesai,2026-08-01,Kecamatan Cilincing,31.72.04.1001\n");
    Path bad = dir.resolve("salah.csv");
    Files.writeString(bad, "type,status,date,organiser,code\nsosialisasi,selesai,2026-08-01,Pak RT,31.72.04.1001\n");
    Path cliDir = dir.resolve("data");
    String boundaries = SharedGeodata.file(SharedGeodata.SHAPEFILE).toString();
    assertEquals(0, Main.run("import-activities", good.toString(), "--data-dir", cliDir.toString(), "--boundaries", boundaries));
    assertEquals(1, Main.run("import-activities", bad.toString(), "--data-dir", cliDir.toString(), "--boundaries", boundaries));
    try (var store = new id.cakupan.store.EmbeddedStore(cliDir)) {
      assertEquals(1, store.activities().size());
      assertEquals("Kecamatan Cilincing", store.activities().get(0).organiser());
    }
  }
}
