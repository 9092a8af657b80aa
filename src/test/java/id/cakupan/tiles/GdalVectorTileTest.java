package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.Gdal;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GDAL's MVT driver, a real vector tile client, decodes tiles of the real Jakarta Utara boundaries. */
class GdalVectorTileTest {
  @TempDir Path tiles;
  @RegisterExtension
  static final ServerFixture server = ServerFixture.perClass(SharedGeodata.file(SharedGeodata.SHAPEFILE));
  private static final double HALF_WORLD = 20037508.342789244;

  @Test
  void ogrinfoReadsATileSavedInAZxyDirectory() throws Exception {
    // Koja, Jakarta Utara, at zoom 12.
    TileAddress t = tileAt(12, 106.905, -6.12);
    Path file = save(t, tiles.resolve(t.z() + "/" + t.x() + "/" + t.y() + ".mvt"), "?sector=BPU&metric=uncovered");
    String out = Gdal.run("ogrinfo", "-ro", "-al", "MVT:" + file);
    assertTrue(out.contains("Layer name: kelurahan"), out);
    for (String field : List.of("code: String", "name: String", "kecamatan: String", "uncovered: Integer",
        "coverage_rate: Real", "class: Integer", "fill: String")) {
      assertTrue(out.contains(field), field + " in\n" + head(out));
    }
    assertTrue(out.contains("name (String) = Rawa Badak Utara"), head(out));
    assertTrue(out.contains("code (String) = 31.72.03.1004"), head(out));
    assertTrue(out.contains("sector (String) = BPU"), head(out));
    assertTrue(featureCount(out) >= 5, "Koja's kelurahan in the tile:\n" + head(out));
    assertExtentInsideTheTile(out, t);
  }

  @Test
  void ogrinfoReadsATileNamedZxyWithOpenOptions() throws Exception {
    TileAddress t = tileAt(14, 106.898, -6.1226); // Rawa Badak Utara
    Path file = save(t, tiles.resolve(t.z() + "-" + t.x() + "-" + t.y() + ".mvt"), "");
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-oo", "X=" + t.x(), "-oo", "Y=" + t.y(), "-oo", "Z=" + t.z(),
        file.toString());
    assertTrue(out.contains("using driver `MVT' successful"), head(out));
    assertTrue(out.contains("code (String) = 31.72.03.1004"), head(out));
    assertTrue(out.contains("POLYGON"), head(out));
    assertExtentInsideTheTile(out, t);
  }

  @Test
  void aLowZoomTileHoldsTheWholeCity() throws Exception {
    TileAddress t = tileAt(5, 106.85, -6.13); // zooms 6 to 8 split the city at 106.875°E
    Path file = save(t, tiles.resolve(t.z() + "/" + t.x() + "/" + t.y() + ".mvt"), "");
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", "MVT:" + file);
    assertEquals(31, featureCount(out), head(out));
  }

  private static TileAddress tileAt(int z, double lon, double lat) {
    return new TileAddress(z, (int) (WebMercator.x(lon) * (1 << z)), (int) (WebMercator.y(lat) * (1 << z)));
  }

  private static Path save(TileAddress t, Path file, String query) throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/tiles/kelurahan/" + t + ".mvt" + query);
    assertEquals(200, r.statusCode(), "tile " + t);
    Files.createDirectories(file.getParent());
    return Files.write(file, r.body());
  }

  private static int featureCount(String ogrinfo) {
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
    assertTrue(m.find(), head(ogrinfo));
    return Integer.parseInt(m.group(1));
  }

  /** GDAL puts the features back in EPSG:3857; they must lie in the tile and its buffer. */
  private static void assertExtentInsideTheTile(String ogrinfo, TileAddress t) {
    Matcher m = Pattern.compile("Extent: \\(([-\\d.]+), ([-\\d.]+)\\) - \\(([-\\d.]+), ([-\\d.]+)\\)").matcher(ogrinfo);
    assertTrue(m.find(), head(ogrinfo));
    double size = 2 * HALF_WORLD / (1 << t.z());
    double slack = size * (VectorTiles.BUFFER + 1.0) / VectorTiles.EXTENT;
    double minX = -HALF_WORLD + t.x() * size - slack;
    double maxX = -HALF_WORLD + (t.x() + 1) * size + slack;
    double maxY = HALF_WORLD - t.y() * size + slack;
    double minY = HALF_WORLD - (t.y() + 1) * size - slack;
    assertTrue(Double.parseDouble(m.group(1)) >= minX && Double.parseDouble(m.group(3)) <= maxX, m.group());
    assertTrue(Double.parseDouble(m.group(2)) >= minY && Double.parseDouble(m.group(4)) <= maxY, m.group());
  }

  private static String head(String s) {
    return s.length() > 4000 ? s.substring(0, 4000) + "…" : s;
  }
}
