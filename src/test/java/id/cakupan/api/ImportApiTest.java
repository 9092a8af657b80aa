package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import id.cakupan.store.ImportRecord;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Authenticated imports over HTTP on the embedded store with the real Jakarta Utara boundaries. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportApiTest {
  static final String TOKEN = "s3cret-token-for-tests";
  static final String[] AUTH = {"Authorization", "Bearer " + TOKEN};
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, TOKEN, null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Two months of BPU and PU counts naming places in every accepted way. */
  static final String GOOD = String.join("\n",
      "kode_wilayah,kode_bps,kelurahan,kecamatan,periode,sektor,peserta_aktif,tenaga_kerja",
      "31.72.03.1004,,,,2026-09,BPU,1200,9000",
      "3172031004,,,,2026-10,informal,1300,9100",
      ",3175040005,,,2026-10,PU,5000,6000",
      ",,Tanjung Priuk,Tanjung Priok,2026-10,BPU,800,",
      ",,KALI BARU,cilincing,2026-10,jasa konstruksi,40,100",
      "");

  @Test
  @Order(1)
  void withoutOrWithAWrongTokenWritesAre401() throws Exception {
    byte[] csv = GOOD.getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> none = server.post("/api/imports/coverage", csv, "text/csv");
    assertEquals(401, none.statusCode());
    assertEquals("application/problem+json", none.headers().firstValue("content-type").orElse(""));
    HttpResponse<String> wrong = server.post("/api/imports/coverage", csv, "text/csv", "Authorization", "Bearer nope");
    assertEquals(401, wrong.statusCode());
    assertTrue(server.json("/api/health").get("synthetic").asBoolean(), "nothing imported");
  }

  @Test
  @Order(2)
  void aGoodCsvIsImportedWholeAndReplacesTheSyntheticSeed() throws Exception {
    var geography = server.app.layers().atlas().geography();
    HttpResponse<String> r = server.post("/api/imports/coverage", GOOD.getBytes(StandardCharsets.UTF_8), "text/csv", AUTH);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals("imported", body.get("status").asText());
    assertEquals(5, body.get("rows").asInt());
    assertEquals(0, body.get("errors").size());
    assertFalse(server.json("/api/health").get("synthetic").asBoolean());
    JsonNode periods = server.json("/api/periods").get("periods");
    assertEquals(List.of("2026-10", "2026-09"), List.of(periods.get(0).asText(), periods.get(1).asText()));
    assertEquals(2, periods.size(), "the synthetic months are gone");
    JsonNode rbu = server.json("/api/kelurahan/31.72.03.1004").get("properties").get("series").get("BPU");
    assertEquals(1300, rbu.get(1).get("participants").asLong());
    assertEquals(100, rbu.get(1).get("change").asLong());
    ImportRecord last = server.app.store().imports().get(server.app.store().imports().size() - 1);
    assertEquals(ImportRecord.COVERAGE, last.kind());
    assertEquals(5, last.rows());
    assertEquals(64, last.sha256().length());
    assertEquals("admin", last.by());
    assertSame(geography, server.app.layers().atlas().geography(), "a coverage import keeps the dissolved geography");
  }

  @Test
  @Order(3)
  void reImportingAKeyReplacesItsValueAndMultipartWorksWithSemicolonsAndBom() throws Exception {
    String csv = "\uFEFFKODE_WILAYAH;PERIODE;SEKTOR;PESERTA_AKTIF;TENAGA_KERJA\r\n31.72.03.1004;2026-10;BPU;1500;9100\r\n";
    HttpResponse<String> r = server.postMultipart("/api/imports/coverage", "oktober.csv",
        csv.getBytes(StandardCharsets.UTF_8), AUTH);
    assertEquals(200, r.statusCode(), r.body());
    JsonNode oct = server.json("/api/kelurahan/31.72.03.1004").get("properties").get("series").get("BPU").get(1);
    assertEquals(1500, oct.get("participants").asLong());
    assertEquals(7600, oct.get("uncovered").asLong());
  }

  static Stream<Arguments> badFiles() {
    String h = "kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n";
    return Stream.of(
        Arguments.of("unknown place", h + "31.72.03.1004,2026-10,BPU,1,2\n31.72.09.1001,2026-10,BPU,1,2\n", Map.of(3, "kode_wilayah")),
        Arguments.of("bad month", h + "31.72.03.1004,2026-13,BPU,1,2\n", Map.of(2, "periode")),
        Arguments.of("unknown sector", h + "31.72.03.1004,2026-10,PBI,1,2\n", Map.of(2, "sektor")),
        Arguments.of("negative", h + "31.72.03.1004,2026-10,BPU,-1,2\n", Map.of(2, "peserta_aktif")),
        Arguments.of("decimal", h + "31.72.03.1004,2026-10,BPU,1,2.5\n", Map.of(2, "tenaga_kerja")),
        Arguments.of("thousands", "kode_wilayah;periode;sektor;peserta_aktif\n31.72.03.1004;2026-10;BPU;1.234\n31.72.03.1003;2026-10;BPU;1,234\n",
            Map.of(2, "peserta_aktif", 3, "peserta_aktif")),
        Arguments.of("duplicate", h + "31.72.03.1004,2026-10,BPU,1,2\n3172031004,2026-10,informal,1,2\n", Map.of(3, "")),
        Arguments.of("several bad rows", h + "31.72.03.1004,2026-10,BPU,1,2\nx,2026-10,BPU,1,2\n31.72.03.1004,2026-11,ALL,1,2\n",
            Map.of(3, "kode_wilayah", 4, "sektor")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  @Order(4)
  void aBadFileIs422WithEveryBadLineAndNothingStoredChanges(String name, String csv, Map<Integer, String> expected)
      throws Exception {
    Map<String, byte[]> before = storeFiles();
    String layer = server.get("/api/choropleth?sector=BPU").body();
    HttpResponse<String> r = server.post("/api/imports/coverage", csv.getBytes(StandardCharsets.UTF_8), "text/csv", AUTH);
    assertEquals(422, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals(422, body.get("status").asInt());
    assertEquals("rejected", body.get("outcome").asText());
    assertEquals(0, body.get("rows").asInt());
    Map<Integer, String> found = new TreeMap<>();
    for (JsonNode e : body.get("errors")) {
      found.put(e.get("line").asInt(), e.get("column").isNull() ? "" : e.get("column").asText());
      assertFalse(e.get("message").asText().isBlank());
    }
    assertEquals(new TreeMap<>(expected), found);
    assertStoreUnchanged(before);
    assertEquals(layer, server.get("/api/choropleth?sector=BPU").body());
  }

  @Test
  @Order(5)
  void emptyHeaderOnlyAndBinaryFilesAreRejectedToo() throws Exception {
    Map<String, byte[]> before = storeFiles();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    for (byte[] body : List.of("kode_wilayah,periode,sektor,peserta_aktif\n".getBytes(StandardCharsets.UTF_8), png)) {
      HttpResponse<String> r = server.post("/api/imports/coverage", body, "text/csv", AUTH);
      assertEquals(422, r.statusCode(), r.body());
      assertEquals(1, ServerFixture.parse(r.body()).get("errors").get(0).get("line").asInt());
    }
    HttpResponse<String> empty = server.post("/api/imports/coverage", new byte[0], "text/csv", AUTH);
    assertEquals(400, empty.statusCode(), empty.body());
    assertStoreUnchanged(before);
  }

  @Test
  @Order(6)
  void aZippedShapefileReplacesTheBoundariesAndReportsWhatChanged() throws Exception {
    byte[] zip = zippedShapefile();
    HttpResponse<String> dry = server.post("/api/imports/boundaries?dry_run=true&name=utara.zip", zip, "application/zip", AUTH);
    assertEquals(200, dry.statusCode(), dry.body());
    JsonNode d = ServerFixture.parse(dry.body());
    assertEquals("dry_run", d.get("status").asText());
    assertEquals(31, d.get("unchanged").asInt(), "the same polygons the server started with");
    assertEquals(2, d.get("unmatched").size(), "the two lakes");

    var geography = server.app.layers().atlas().geography();
    HttpResponse<String> geojson = server.postMultipart("/api/imports/boundaries", "dki.geojson",
        Files.readAllBytes(SharedGeodata.file(SharedGeodata.DKI_GEOJSON)), AUTH);
    assertEquals(200, geojson.statusCode(), geojson.body());
    JsonNode g = ServerFixture.parse(geojson.body());
    assertEquals(31, g.get("kelurahan").asInt(), "the built-in gazetteer knows Jakarta Utara only");
    assertEquals(239, g.get("unmatched").size(), "236 kelurahan elsewhere in DKI and 3 water bodies");
    assertNotSame(geography, server.app.layers().atlas().geography(), "new boundaries, new geography");
  }

  @Test
  @Order(7)
  void aFileThatIsNoBoundaryFileIs422AndKeepsTheBoundaries() throws Exception {
    Map<String, byte[]> before = storeFiles();
    HttpResponse<String> r = server.post("/api/imports/boundaries", "{\"type\":\"FeatureCollection\",\"features\":[{}]}"
        .getBytes(StandardCharsets.UTF_8), "application/geo+json", AUTH);
    assertEquals(422, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    assertStoreUnchanged(before);
    assertEquals(31, server.json("/api/choropleth").get("features").size());
  }

  @Test
  void writesAre403WhenNoTokenIsConfigured(@TempDir Path dir) throws Exception {
    try (ServerFixture open = new ServerFixture(dir, null)) {
      HttpResponse<String> r = open.post("/api/imports/coverage", GOOD.getBytes(StandardCharsets.UTF_8), "text/csv", AUTH);
      assertEquals(403, r.statusCode());
      assertTrue(ServerFixture.parse(r.body()).get("detail").asText().contains("CAKUPAN_ADMIN_TOKEN"));
    }
  }

  private static byte[] zippedShapefile() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
        zip.putNextEntry(new ZipEntry("kelurahan." + ext));
        zip.write(Files.readAllBytes(SharedGeodata.file(SharedGeodata.SHAPEFILE.replace(".shp", "." + ext))));
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, byte[]> storeFiles() throws Exception {
    Map<String, byte[]> files = new TreeMap<>();
    // The embedded store keeps its files in generation directories (gen-000042/...).
    try (Stream<Path> s = Files.walk(dataDir)) {
      for (Path p : new ArrayList<>(s.filter(Files::isRegularFile).toList())) {
        files.put(dataDir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  private static void assertStoreUnchanged(Map<String, byte[]> before) throws Exception {
    Map<String, byte[]> after = storeFiles();
    assertEquals(before.keySet(), after.keySet());
    for (String f : before.keySet()) assertArrayEquals(before.get(f), after.get(f), f + " changed");
  }
}
