package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.Gdal;
import id.cakupan.GeometryComparison;
import id.cakupan.SharedGeodata;
import id.cakupan.TestGeoPackages;
import id.cakupan.api.ServerFixture;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GDAL's OAPIF driver, a real OGC API - Features client, against the real Jakarta Utara boundaries. */
class GdalOgcApiTest {
  @TempDir static Path dataDir;
  @TempDir Path work;
  static ServerFixture server;
  static String source;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE));
    source = "OAPIF:" + server.base + "/ogc";
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void ogrinfoListsTheCollections() throws Exception {
    String out = Gdal.run("ogrinfo", "-ro", source);
    for (String c : List.of("kelurahan", "kecamatan", "coverage-kelurahan", "coverage-kecamatan", "coverage-kota")) {
      assertTrue(out.matches("(?s).*\\d+: " + Pattern.quote(c) + " \\(title: .*\\) \\(Multi Polygon\\).*"), c + " in\n" + out);
    }
  }

  @Test
  void ogrinfoSeesTheKelurahanWithTheirAttributes() throws Exception {
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", source, "kelurahan");
    assertEquals(31, Gdal.featureCount(out), out);
    for (String field : List.of("code: String", "name: String", "kecamatan: String", "kecamatan_code: String",
        "kota: String", "luas_km2: Real")) {
      assertTrue(out.contains(field), field + " in\n" + out);
    }
    String features = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-geom=NO", source, "kelurahan");
    assertEquals(31, Gdal.count(features, "OGRFeature(kelurahan)"), features);
    assertTrue(features.contains("name (String) = Rawa Badak Utara"), features);
    assertTrue(features.contains("code (String) = 31.72.03.1004"), features);
    assertTrue(features.contains("kecamatan (String) = Koja"), features);
  }

  @Test
  void ogr2ogrCopiesTheKelurahanToAGeoPackageWithinOneMetre() throws Exception {
    Path out = work.resolve("kelurahan.gpkg");
    Gdal.run("ogr2ogr", "-f", "GPKG", out.toString(), source, "kelurahan");
    List<TestGeoPackages.Row> rows = TestGeoPackages.read(out, "kelurahan");
    assertEquals(31, rows.size());
    Map<String, MapUnit> served = new HashMap<>();
    for (MapUnit u : server.app.layers().atlas().geography().units(Level.KELURAHAN)) served.put(u.code(), u);
    double worst = 0;
    for (TestGeoPackages.Row row : rows) {
      String code = (String) row.attributes().get("code");
      MapUnit u = served.get(code);
      assertEquals(u.name(), row.attributes().get("name"));
      assertEquals(u.kecamatan(), row.attributes().get("kecamatan"));
      double d = GeometryComparison.hausdorffMetres(u.geometry(), row.geometry());
      worst = Math.max(worst, d);
      assertTrue(d < 1.0, code + " moved " + d + " m");
      assertEquals(u.geometry().getArea(), row.geometry().getArea(), u.geometry().getArea() * 1e-4, code);
    }
    assertTrue(worst < 1.0, "worst " + worst + " m");
  }

  @Test
  void ogr2ogrPagesThroughACoverageCollectionWithFilters() throws Exception {
    Path out = work.resolve("coverage.gpkg");
    Gdal.run("ogr2ogr", "-f", "GPKG", out.toString(), source, "coverage-kecamatan");
    List<TestGeoPackages.Row> rows = TestGeoPackages.read(out, "coverage-kecamatan");
    assertEquals(6 * 24 * 4, rows.size(), "every kecamatan x month x sector, fetched page by page");
    long kojaBpu = rows.stream().filter(r -> "31.72.03_2026-10_BPU".equals(r.attributes().get("id"))).count();
    assertEquals(1, kojaBpu);
    // A spatial filter goes to the server as bbox.
    String out2 = Gdal.run("ogrinfo", "-ro", "-al", "-so", "-spat", "106.89", "-6.13", "106.91", "-6.11", source, "kelurahan");
    int inBox = Gdal.featureCount(out2);
    assertTrue(inBox > 0 && inBox < 31, out2);
  }

  /**
   * Part 2 through GDAL: the {@code crs} parameter in the URL reaches every request (GDAL 3.6
   * has no CRS open option; it passes the URL's query on), and the features arrive in UTM 48S
   * with no {@code -t_srs}; {@code -a_srs} only labels the output.
   */
  @Test
  void ogr2ogrExportsUtmThroughTheCrsParameter() throws Exception {
    Path out = work.resolve("kelurahan-utm.gpkg");
    Gdal.run("ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:32748", out.toString(),
        source + "?crs=http://www.opengis.net/def/crs/EPSG/0/32748", "kelurahan");
    List<TestGeoPackages.Row> rows = TestGeoPackages.read(out, "kelurahan");
    assertEquals(31, rows.size());
    for (TestGeoPackages.Row row : rows) {
      double km2 = row.geometry().getArea() / 1e6;
      assertEquals(((Number) row.attributes().get("luas_km2")).doubleValue(), km2, 0.01 + km2 * 0.005,
          row.attributes().get("code") + ": UTM areas are square metres");
      if (row.attributes().get("code").equals("31.72.03.1004")) {
        // Rawa Badak Utara's interior point (SPEC §2) in UTM 48S, as PROJ computes it.
        assertTrue(row.geometry().contains(new GeometryFactory().createPoint(new Coordinate(
            710084.17, 9322874.94))), row.geometry().getEnvelopeInternal().toString());
      }
    }
    String info = Gdal.run("ogrinfo", "-ro", "-so", out.toString(), "kelurahan");
    assertTrue(info.contains("UTM zone 48S"), info);
  }
}
