package id.cakupan.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.GeometryComparison;
import id.cakupan.SharedGeodata;
import id.cakupan.TestGeoPackages;
import id.cakupan.api.ServerFixture;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

/** /api/download on the real Jakarta Utara boundaries, read back by GDAL and by independent readers. */
class DownloadTest {
  @TempDir Path work;
  @RegisterExtension
  static final ServerFixture server = ServerFixture.perClass(SharedGeodata.file(SharedGeodata.SHAPEFILE));
  static Map<String, MapUnit> kelurahan = new HashMap<>();

  @BeforeAll
  static void indexKelurahan() {
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KELURAHAN)) kelurahan.put(u.code(), u);
  }

  private Path download(String query, String expectedName) throws Exception {
    return server.download(query, expectedName, work);
  }

  @Test
  void aGeoPackageThatOgrinfoOpensWith31Features() throws Exception {
    Path gpkg = download("format=gpkg&sector=BPU&period=2026-10", "cakupan-kelurahan-BPU-2026-10.gpkg");
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", gpkg.toString());
    assertEquals(31, Gdal.featureCount(out), out);
    assertTrue(out.contains("Layer name: kelurahan"), out);
    assertTrue(out.contains("Geometry: Multi Polygon"), out);
    assertTrue(out.contains("ID[\"EPSG\",4326]"), out);
    for (String field : List.of("code: String", "bps_code: String", "name: String", "kecamatan: String", "participants: Integer64",
        "coverage_rate: Real", "uncovered: Integer64", "density: Real")) {
      assertTrue(out.contains(field), field + " in\n" + out);
    }
    assertTrue(!out.contains("Warning"), "no warning from GDAL:\n" + out);
  }

  @Test
  void theGeoPackageHoldsTheSameFiguresAndGeometryAsTheApi() throws Exception {
    Path gpkg = download("format=gpkg&sector=BPU", "cakupan-kelurahan-BPU-2026-10.gpkg");
    assertEquals(List.of("kelurahan"), TestGeoPackages.featureTables(gpkg));
    List<TestGeoPackages.Row> rows = TestGeoPackages.read(gpkg, "kelurahan");
    assertEquals(31, rows.size());
    Map<String, JsonNode> api = new HashMap<>();
    for (JsonNode f : server.json("/api/choropleth?sector=BPU").get("features")) api.put(f.get("id").asText(), f.get("properties"));
    for (TestGeoPackages.Row row : rows) {
      String code = (String) row.attributes().get("code");
      JsonNode p = api.get(code);
      assertEquals(p.get("name").asText(), row.attributes().get("name"));
      assertEquals(p.get("bps_code").asText(), row.attributes().get("bps_code"));
      assertEquals(p.get("participants").asLong(), ((Number) row.attributes().get("participants")).longValue());
      assertEquals(p.get("coverage_rate").asDouble(), ((Number) row.attributes().get("coverage_rate")).doubleValue(), 1e-9);
      assertEquals("BPU", row.attributes().get("sector"));
      assertEquals("2026-10", row.attributes().get("period"));
      assertEquals("MultiPolygon", row.geometry().getGeometryType());
      assertTrue(GeometryComparison.hausdorffMetres(kelurahan.get(code).geometry(), row.geometry()) < 0.01, code);
    }
  }

  @Test
  void kecamatanAndKotaLayersDownloadToo() throws Exception {
    Path gpkg = download("format=gpkg&level=kecamatan&period=2026-09", "cakupan-kecamatan-ALL-2026-09.gpkg");
    assertEquals(6, Gdal.featureCount(Gdal.run("ogrinfo", "-ro", "-al", "-so", gpkg.toString())));
    Path kota = download("format=geojson&level=kota", "cakupan-kota-ALL-2026-10.geojson");
    assertEquals(1, Gdal.featureCount(Gdal.run("ogrinfo", "-ro", "-al", "-so", kota.toString())));
    Path koja = download("format=csv&kecamatan=31.72.03", "cakupan-kelurahan-31.72.03-ALL-2026-10.csv");
    assertEquals(1 + 6, Files.readAllLines(koja).size());
  }

  @Test
  void geoJsonIsAFeatureCollectionOfTheLayer() throws Exception {
    HttpResponse<String> r = server.get("/api/download?format=geojson&sector=PU");
    assertEquals("application/geo+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode fc = ServerFixture.parse(r.body());
    assertEquals(31, fc.get("features").size());
    assertEquals("kelurahan", fc.get("name").asText());
    JsonNode p = fc.get("features").get(0).get("properties");
    assertEquals("PU", p.get("sector").asText());
    assertTrue(p.has("uncovered") && p.has("density") && !p.has("fill"));
  }

  @Test
  void csvGivesAPointInsideEachKelurahan() throws Exception {
    Path csv = download("format=csv&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csv");
    List<String> lines = Files.readAllLines(csv);
    assertEquals("code,bps_code,name,level,kecamatan,kecamatan_code,kota,kota_code,luas_km2,sector,period,participants,"
        + "workforce,coverage_rate,uncovered,change,density,lon,lat", lines.get(0));
    assertEquals(32, lines.size());
    GeometryFactory gf = new GeometryFactory();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      MapUnit u = kelurahan.get(cells[0]);
      double lon = Double.parseDouble(cells[cells.length - 2]);
      double lat = Double.parseDouble(cells[cells.length - 1]);
      assertTrue(u.geometry().contains(gf.createPoint(new Coordinate(lon, lat))), cells[0] + " " + lon + "," + lat);
    }
    // GDAL reads it as points with its usual column names.
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
        "-oo", "AUTODETECT_TYPE=YES", csv.toString());
    assertEquals(31, Gdal.featureCount(out), out);
    assertTrue(out.contains("Geometry: Point"), out);
  }

  @Test
  void csvWithWktGivesThePolygonsThatGdalReads() throws Exception {
    Path csv = download("format=csv&geometry=wkt&level=kecamatan", "cakupan-kecamatan-ALL-2026-10.csv");
    List<String> lines = Files.readAllLines(csv);
    assertTrue(lines.get(0).endsWith(",density,members,members_with_data,coverage_rate_partial,uncovered_partial,wkt"),
        lines.get(0));
    WKTReader wkt = new WKTReader();
    Map<String, MapUnit> kecamatan = new HashMap<>();
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KECAMATAN)) kecamatan.put(u.code(), u);
    for (String line : lines.subList(1, lines.size())) {
      String code = line.substring(0, line.indexOf(','));
      Geometry g = wkt.read(line.substring(line.indexOf("\"MULTIPOLYGON") + 1, line.length() - 1));
      assertTrue(GeometryComparison.hausdorffMetres(kecamatan.get(code).geometry(), g) < 0.2, code);
      assertTrue(line.matches(".*MULTIPOLYGON \\(\\(\\(\\d+\\.\\d{1,6} -\\d+\\.\\d{1,6},.*"), "6 decimals at most");
    }
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", csv.toString());
    assertEquals(6, Gdal.featureCount(out), out);
    assertTrue(out.contains("Geometry: Unknown (any)") || out.contains("Multi Polygon"), out);
  }

  @Test
  void noTemporaryGeoPackageIsLeftBehind() throws Exception {
    // The server's own scratch directory: no other process writes there, and the file is gone
    // before the response starts, so this needs no waiting.
    for (int i = 0; i < 3; i++) assertEquals(200, server.getBytes("/api/download?format=gpkg").statusCode());
    try (Stream<Path> files = Files.list(server.app.workDir())) {
      // The upload directory is there from the start (ApiServer.uploadDir); nothing else may be.
      assertEquals(List.of(), files.filter(f -> !f.getFileName().toString().equals("uploads")).toList());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "format=kml|400|format",
      "format=gpkg&geometry=wkt|400|geometry",
      "format=csv&geometry=centroid|400|geometry",
      "level=desa|400|level",
      "sector=GIG|400|sector",
      "period=2019-01|404|period",
      "period=last|400|period",
      "level=kota&kecamatan=31.72.03|400|kecamatan",
      "kecamatan=31.72.99|404|kecamatan",
      "bbox=1,2,3,4|400|bbox"})
  void badRequestsAreProblems(String query, int status, String parameter) throws Exception {
    HttpResponse<String> r = server.get("/api/download?" + query);
    assertEquals(status, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    assertEquals(parameter, ServerFixture.parse(r.body()).get("parameter").asText());
    assertTrue(r.headers().firstValue("content-disposition").isEmpty(), "no attachment for an error");
  }
}
