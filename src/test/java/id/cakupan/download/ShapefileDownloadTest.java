package id.cakupan.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.GeometryComparison;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import id.cakupan.boundary.BoundaryFeature;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryLayer;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code format=shp}: a zipped Shapefile that GDAL and the project's own importer both read. */
class ShapefileDownloadTest {
  @TempDir Path work;
  @RegisterExtension
  static final ServerFixture server = ServerFixture.perClass(SharedGeodata.file(SharedGeodata.SHAPEFILE));
  static Map<String, MapUnit> kelurahan = new HashMap<>();

  @BeforeAll
  static void indexKelurahan() {
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KELURAHAN)) kelurahan.put(u.code(), u);
  }

  private Path download(String query, String expectedName) throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/api/download?" + query);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("application/zip", r.headers().firstValue("content-type").orElse(""));
    assertEquals("attachment; filename=\"" + expectedName + "\"", r.headers().firstValue("content-disposition").orElse(null));
    return Files.write(work.resolve(expectedName), r.body());
  }

  @Test
  void theZipHoldsTheFiveFilesAndTheFieldMapping() throws Exception {
    Path zip = download("format=shp&sector=BPU", "cakupan-kelurahan-BPU-2026-10.shp.zip");
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
    }
    String base = "cakupan-kelurahan-BPU-2026-10";
    assertEquals(java.util.Set.of(base + ".shp", base + ".shx", base + ".dbf", base + ".prj", base + ".cpg", "fields.csv"),
        entries.keySet());
    assertEquals("UTF-8", new String(entries.get(base + ".cpg"), StandardCharsets.US_ASCII));
    List<String> mapping = new String(entries.get("fields.csv"), StandardCharsets.UTF_8).lines().toList();
    assertEquals("field,property,type,description", mapping.get(0));
    assertTrue(mapping.contains("kec_code,kecamatan_code,String,\"kecamatan code, e.g. 31.72.03 (empty for kota)\""), mapping.toString());
    JsonNode geojson = ServerFixture.parse(server.get("/api/download?format=geojson&sector=BPU").body())
        .get("features").get(0).get("properties");
    java.util.Set<String> names = new java.util.HashSet<>();
    java.util.Set<String> properties = new java.util.HashSet<>();
    for (String line : mapping.subList(1, mapping.size())) {
      String[] cells = line.split(",", 3);
      assertTrue(cells[0].length() <= 10, line);
      assertTrue(names.add(cells[0]), "unique: " + line);
      assertTrue(geojson.has(cells[1]), cells[1] + " is a property of the other downloads");
      properties.add(cells[1]);
    }
    java.util.Set<String> all = new java.util.HashSet<>();
    geojson.fieldNames().forEachRemaining(all::add);
    assertEquals(all, properties, "every property of the GeoJSON download has a field");
  }

  @Test
  void ogrinfoOpensItWith31FeaturesInEpsg4326AndStringCodes() throws Exception {
    Path zip = download("format=shp&sector=BPU&period=2026-10", "cakupan-kelurahan-BPU-2026-10.shp.zip");
    String summary = Gdal.run("ogrinfo", "-ro", "-al", "-so", zip.toString());
    assertEquals(31, Gdal.featureCount(summary), summary);
    assertTrue(summary.contains("Geometry: Polygon"), summary);
    assertTrue(summary.contains("ID[\"EPSG\",4326]"), "GDAL identifies the .prj as EPSG:4326:\n" + summary);
    for (String field : List.of("code: String", "bps_code: String", "kec_code: String", "kota_code: String",
        "particip: Integer64", "workforce: Integer64", "cov_rate: Real", "uncovered: Integer64", "change: Integer64",
        "density: Real", "luas_km2: Real")) {
      assertTrue(summary.contains(field), field + " in\n" + summary);
    }
    assertFalse(summary.contains("Warning"), "no warning from GDAL:\n" + summary);
    String features = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-geom=NO", zip.toString());
    assertTrue(features.contains("code (String) = 31.72.03.1004"), features);
    assertTrue(features.contains("bps_code (String) = 3175040005"), features);
    assertTrue(features.contains("name (String) = Rawa Badak Utara"), features);
  }

  @Test
  void theProjectsOwnImporterReadsItBackWithTheSameGeometryAndFigures() throws Exception {
    Path zip = download("format=shp&sector=BPU", "cakupan-kelurahan-BPU-2026-10.shp.zip");
    BoundaryLayer layer = BoundaryFiles.read(zip);
    assertEquals("EPSG:4326", layer.crs());
    assertEquals(31, layer.features().size());
    Map<String, JsonNode> api = new HashMap<>();
    for (JsonNode f : server.json("/api/choropleth?sector=BPU").get("features")) api.put(f.get("id").asText(), f.get("properties"));
    List<String> codes = new ArrayList<>();
    for (BoundaryFeature f : layer.features()) {
      Map<String, Object> a = f.attributes();
      String code = (String) a.get("code");
      codes.add(code);
      JsonNode p = api.get(code);
      assertEquals(p.get("bps_code").asText(), a.get("bps_code"));
      assertEquals(p.get("name").asText(), a.get("name"));
      assertEquals(p.get("kecamatan_code").asText(), a.get("kec_code"));
      assertEquals(p.get("participants").asLong(), a.get("particip"));
      assertEquals(p.get("coverage_rate").asDouble(), ((Number) a.get("cov_rate")).doubleValue(), 1e-9);
      assertEquals("BPU", a.get("sector"));
      assertTrue(GeometryComparison.hausdorffMetres(kelurahan.get(code).geometry(), f.geometry()) < 0.01, code);
      assertEquals(kelurahan.get(code).geometry().getArea(), f.geometry().getArea(), 1e-12, code);
    }
    assertEquals(kelurahan.keySet(), new java.util.HashSet<>(codes));
  }

  @Test
  void kecamatanAndKotaLevelsAndAKecamatanFilterWork() throws Exception {
    Path zip = download("format=shp&level=kecamatan", "cakupan-kecamatan-ALL-2026-10.shp.zip");
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-geom=NO", zip.toString());
    assertEquals(6, Gdal.count(out, "OGRFeature("), out);
    assertTrue(out.contains("bps_code (String) = 3175040"), out);
    Path kota = download("format=shp&level=kota", "cakupan-kota-ALL-2026-10.shp.zip");
    String one = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-geom=NO", kota.toString());
    assertEquals(1, Gdal.count(one, "OGRFeature("), one);
    assertTrue(one.contains("code (String) = 31.72") && one.contains("bps_code (String) = 3175"), one);
    Path koja = download("format=shapefile&kecamatan=31.72.03", "cakupan-kelurahan-31.72.03-ALL-2026-10.shp.zip");
    assertEquals(6, Gdal.featureCount(Gdal.run("ogrinfo", "-ro", "-al", "-so", koja.toString())));
  }
}
