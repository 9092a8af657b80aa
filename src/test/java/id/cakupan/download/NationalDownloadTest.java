package id.cakupan.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.TwoProvinsi;
import id.cakupan.api.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads of a whole national layer (two provinsi, {@link TwoProvinsi}): the formats with polygons
 * are written to a file and streamed, and arrive whole (every kelurahan, the length announced, a
 * document GDAL reads to the end); the Shapefile, which is built in memory, is refused for the
 * whole country with a problem naming the formats that are not, and served for one kecamatan.
 */
class NationalDownloadTest {
  @TempDir static Path dir;
  static ServerFixture nation;
  static Set<String> kelurahan = new HashSet<>();

  @BeforeAll
  static void start() throws Exception {
    nation = TwoProvinsi.server(dir);
    for (JsonNode f : nation.json("/api/choropleth?level=kelurahan&geometry=none&sector=BPU").get("features")) {
      kelurahan.add(f.get("id").asText());
    }
  }

  @AfterAll
  static void stop() {
    if (nation != null) nation.close();
  }

  private static HttpResponse<byte[]> download(String query, String name) throws Exception {
    HttpResponse<byte[]> r = nation.getBytes("/api/download?" + query);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("attachment; filename=\"" + name + "\"", r.headers().firstValue("content-disposition").orElse(null));
    assertEquals(r.body().length, Long.parseLong(r.headers().firstValue("content-length").orElseThrow()), "length announced");
    return r;
  }

  @Test
  void theNationalGeoJsonArrivesWholeWithEveryKelurahanAndItsPolygon() throws Exception {
    assertTrue(kelurahan.size() > 300, "two provinsi of kelurahan: " + kelurahan.size());
    HttpResponse<byte[]> r = download("format=geojson&sector=BPU", "cakupan-kelurahan-BPU-2026-10.geojson");
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/geo+json"));
    JsonNode fc = ServerFixture.parse(new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("kelurahan", fc.get("name").asText());
    Set<String> codes = new HashSet<>();
    for (JsonNode f : fc.get("features")) {
      codes.add(f.get("id").asText());
      assertEquals("MultiPolygon", f.get("geometry").get("type").asText(), f.get("id").asText());
      assertEquals("BPU", f.get("properties").get("sector").asText());
    }
    assertEquals(kelurahan, codes);
    Path file = Files.write(dir.resolve("nation.geojson"), r.body());
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", file.toString());
    assertEquals(kelurahan.size(), Gdal.featureCount(out), out);
  }

  @Test
  void theNationalCsvWithPolygonsHasARowForEveryKelurahanToTheLastLine() throws Exception {
    HttpResponse<byte[]> r = download("format=csv&geometry=wkt&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csv");
    assertRows(new String(r.body(), StandardCharsets.UTF_8));
    HttpResponse<byte[]> zip = download("format=csv.zip&geometry=wkt&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csv.zip");
    Set<String> names = new HashSet<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
        if (e.getName().endsWith(".csv")) {
          ByteArrayOutputStream csv = new ByteArrayOutputStream();
          in.transferTo(csv);
          assertEquals(new String(r.body(), StandardCharsets.UTF_8), csv.toString(StandardCharsets.UTF_8), "the same CSV");
        }
      }
    }
    assertEquals(Set.of("cakupan-kelurahan-BPU-2026-10.csv", "cakupan-kelurahan-BPU-2026-10.csvt",
        "cakupan-kelurahan-BPU-2026-10.prj"), names);
  }

  private static void assertRows(String csv) {
    assertTrue(csv.endsWith("\n"), "ends with a whole row");
    String[] lines = csv.split("\n");
    assertTrue(lines[0].startsWith("code,"), lines[0]);
    assertTrue(lines[0].endsWith(",wkt"), lines[0]);
    Set<String> codes = new HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      codes.add(lines[i].substring(0, lines[i].indexOf(',')));
      assertTrue(lines[i].contains("\"MULTIPOLYGON ((("), lines[i].substring(0, 40));
      assertTrue(lines[i].endsWith(")))\""), "row " + i + " whole");
    }
    assertEquals(kelurahan, codes);
  }

  @Test
  void theNationalGeoPackageHoldsEveryKelurahan() throws Exception {
    HttpResponse<byte[]> r = download("format=gpkg&sector=BPU", "cakupan-kelurahan-BPU-2026-10.gpkg");
    Path gpkg = Files.write(dir.resolve("nation.gpkg"), r.body());
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", gpkg.toString());
    assertEquals(kelurahan.size(), Gdal.featureCount(out), out);
  }

  @Test
  void noFileIsLeftInTheScratchDirectory() throws Exception {
    download("format=geojson&sector=PU", "cakupan-kelurahan-PU-2026-10.geojson");
    download("format=csv.zip&geometry=wkt&sector=PU", "cakupan-kelurahan-PU-2026-10.csv.zip");
    try (var files = Files.list(nation.app.workDir())) {
      assertEquals(List.of(), files.filter(f -> !f.getFileName().toString().equals("uploads")).toList());
    }
  }

  @Test
  void aNationalShapefileIsAProblemNamingGeoPackageButOneKecamatanIsServed() throws Exception {
    HttpResponse<String> r = nation.get("/api/download?format=shp&sector=BPU");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    assertTrue(r.headers().firstValue("content-disposition").isEmpty(), "a problem is no attachment");
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals("format", p.get("parameter").asText());
    assertTrue(p.get("detail").asText().contains("format=gpkg"), r.body());
    assertTrue(p.get("detail").asText().contains("kecamatan="), r.body());
    download("format=shp&sector=BPU&kecamatan=32.72.03", "cakupan-kelurahan-32.72.03-BPU-2026-10.shp.zip");
  }

  @Test
  void thePointCsvOfTheNationStaysACachedDownloadAndACoarserLevelStreamsWhole() throws Exception {
    HttpResponse<byte[]> r = download("format=csv&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csv");
    assertTrue(r.headers().firstValue("etag").isPresent(), "cached, with an ETag");
    assertEquals(kelurahan.size() + 1, new String(r.body(), StandardCharsets.UTF_8).split("\n").length);
    HttpResponse<byte[]> kota = download("format=geojson&level=kota&sector=BPU", "cakupan-kota-BPU-2026-10.geojson");
    assertTrue(ServerFixture.parse(new String(kota.body(), StandardCharsets.UTF_8)).get("features").size() > 1);
  }
}
