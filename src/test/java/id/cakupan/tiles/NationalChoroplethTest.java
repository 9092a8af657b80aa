package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.TwoProvinsi;
import id.cakupan.api.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The national map's API on a national-shaped region (two provinsi, {@link TwoProvinsi}): polygons
 * come as vector tiles, figures as the choropleth without geometry, and the two agree class for
 * class at every zoom band; GeoJSON with geometry of a national layer is refused with a problem
 * that names the tiles, while a city region keeps its GeoJSON.
 */
class NationalChoroplethTest {
  private static final double LON = 106.88;
  private static final double LAT = -6.15;
  @TempDir static Path dir;
  static ServerFixture nation;
  static ServerFixture city;

  @BeforeAll
  static void start() throws Exception {
    nation = TwoProvinsi.server(dir);
    city = new ServerFixture(Files.createDirectories(dir.resolve("city")), null);
  }

  @AfterAll
  static void stop() {
    if (nation != null) nation.close();
    if (city != null) city.close();
  }

  @Test
  void aNationalLayerWithGeometryIsAProblemNamingTheTiles() throws Exception {
    assertTrue(nation.json("/api/config").get("region").get("national").asBoolean());
    for (String q : List.of("", "?level=provinsi&zoom=4", "?level=kecamatan&zoom=8", "?level=kota&zoom=12")) {
      HttpResponse<String> r = nation.get("/api/choropleth" + q);
      assertEquals(400, r.statusCode(), q + ": " + r.body());
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), q);
      JsonNode p = ServerFixture.parse(r.body());
      assertEquals("geometry", p.get("parameter").asText(), r.body());
      assertTrue(p.get("detail").asText().contains("/tiles/"), r.body());
      assertTrue(p.get("detail").asText().contains("geometry=none"), r.body());
    }
  }

  @Test
  void nationalHotSpotsAreAProblemNotTheWholeCountrysGeometry() throws Exception {
    HttpResponse<String> r = nation.get("/api/hotspots?level=kelurahan");
    assertEquals(400, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    assertTrue(ServerFixture.parse(r.body()).get("detail").asText().contains("geometry=none"), r.body());
  }

  @Test
  void oneKecamatanComesWithGeometrySimplifiedAsACoverageOfItsOwn() throws Exception {
    JsonNode fc = nation.json("/api/choropleth?level=kelurahan&kecamatan=31.72.03&metric=uncovered");
    assertEquals(6, fc.get("features").size(), "Koja's six kelurahan");
    assertTrue(fc.get("zoom").asInt() >= 12, "drawn for the zoom the kecamatan fits, not the country's: " + fc.get("zoom"));
    for (JsonNode f : fc.get("features")) {
      assertTrue(f.get("id").asText().startsWith("31.72.03."), f.get("id").asText());
      assertEquals("MultiPolygon", f.get("geometry").get("type").asText());
    }
    JsonNode one = nation.json("/api/choropleth?level=kecamatan&kecamatan=32.72.03&zoom=10");
    assertEquals(1, one.get("features").size());
    assertEquals(10, one.get("zoom").asInt());
    assertEquals("MultiPolygon", one.get("features").get(0).get("geometry").get("type").asText());
  }

  @Test
  void withoutGeometryEveryUnitComesWithItsExtentAndTheLegend() throws Exception {
    JsonNode fc = nation.json("/api/choropleth?level=provinsi&geometry=none");
    assertEquals("none", fc.get("geometry").asText());
    assertEquals("provinsi", fc.get("level").asText());
    assertEquals(2, fc.get("features").size());
    assertTrue(fc.get("legend").get("colors").size() > 0, fc.get("legend").toString());
    for (JsonNode f : fc.get("features")) {
      assertTrue(f.get("geometry").isNull(), f.toString());
      JsonNode bbox = f.get("bbox");
      assertEquals(4, bbox.size(), f.toString());
      assertTrue(bbox.get(0).asDouble() < bbox.get(2).asDouble() && bbox.get(1).asDouble() < bbox.get(3).asDouble(), bbox.toString());
      assertTrue(f.get("properties").has("fill") && f.get("properties").has("coverage_rate"), f.toString());
    }
  }

  @Test
  void tileFillsAndTheFiguresWithoutGeometryComeFromOneClassificationAtEveryZoomBand() throws Exception {
    String style = "sector=BPU&metric=uncovered&method=jenks&classes=4";
    Map<Integer, String> levels = Map.of(3, "provinsi", 6, "kota", 9, "kecamatan", 12, "kelurahan");
    for (var e : levels.entrySet()) {
      int z = e.getKey();
      int n = 1 << z;
      int x = (int) (WebMercator.x(LON) * n);
      int y = (int) (WebMercator.y(LAT) * n);
      HttpResponse<byte[]> tile = nation.getBytes("/tiles/kelurahan/" + z + "/" + x + "/" + y + ".mvt?" + style);
      assertEquals(200, tile.statusCode(), "zoom " + z);
      List<MvtDecoder.Layer> layers = MvtDecoder.decode(tile.body());
      assertEquals(1, layers.size());
      assertEquals(e.getValue(), layers.get(0).name(), "zoom " + z);
      JsonNode fc = nation.json("/api/choropleth?level=" + e.getValue() + "&geometry=none&" + style);
      Map<String, JsonNode> byCode = new HashMap<>();
      for (JsonNode f : fc.get("features")) byCode.put(f.get("id").asText(), f.get("properties"));
      assertFalse(layers.get(0).features().isEmpty());
      for (MvtDecoder.Feature f : layers.get(0).features()) {
        JsonNode p = byCode.get((String) f.attributes().get("code"));
        assertTrue(p != null, "zoom " + z + ": " + f.attributes().get("code") + " is in the figures");
        assertEquals(p.get("fill").asText(), f.attributes().get("fill"), "zoom " + z + " " + p.get("code"));
        Object cls = f.attributes().get("class");
        assertEquals(p.get("class").isNull() ? null : p.get("class").asLong(), cls == null ? null : ((Number) cls).longValue());
      }
    }
  }

  @Test
  void bboxListsTheUnitsInViewUnderTheWholeLevelsLegend() throws Exception {
    JsonNode all = nation.json("/api/choropleth?level=kelurahan&geometry=none");
    double[] box = {106.85, -6.17, 106.92, -6.10};
    JsonNode some = nation.json("/api/choropleth?level=kelurahan&geometry=none&bbox=106.85,-6.17,106.92,-6.10");
    int n = some.get("features").size();
    assertTrue(n > 0 && n < all.get("features").size() / 4, n + " of " + all.get("features").size());
    assertEquals(all.get("legend"), some.get("legend"), "the legend describes the whole level");
    Set<String> codes = new HashSet<>();
    for (JsonNode f : some.get("features")) {
      JsonNode b = f.get("bbox");
      assertTrue(b.get(0).asDouble() <= box[2] && b.get(2).asDouble() >= box[0]
          && b.get(1).asDouble() <= box[3] && b.get(3).asDouble() >= box[1], f.get("id") + " " + b);
      codes.add(f.get("id").asText());
    }
    for (JsonNode f : all.get("features")) {
      if (codes.contains(f.get("id").asText())) continue;
      JsonNode b = f.get("bbox");
      boolean meets = b.get(0).asDouble() <= box[2] && b.get(2).asDouble() >= box[0]
          && b.get(1).asDouble() <= box[3] && b.get(3).asDouble() >= box[1];
      assertFalse(meets, f.get("id") + " meets the box but is missing");
    }
  }

  @Test
  void malformedGeometryRequestsAreClientErrors() throws Exception {
    assertProblem(nation.get("/api/choropleth?geometry=outline"), "geometry");
    assertProblem(nation.get("/api/choropleth?geometry=none&zoom=8"), "zoom");
    assertProblem(city.get("/api/choropleth?bbox=106.8,-6.2,106.9,-6.1"), "bbox");
    assertProblem(nation.get("/api/choropleth?geometry=none&bbox=106.8,-6.2"), "bbox");
  }

  @Test
  void aCityKeepsItsGeoJsonAndMayAskForTheFiguresAlone() throws Exception {
    assertFalse(city.json("/api/config").get("region").get("national").asBoolean());
    JsonNode fc = city.json("/api/choropleth?zoom=12");
    assertEquals(31, fc.get("features").size());
    assertEquals("MultiPolygon", fc.get("features").get(0).get("geometry").get("type").asText());
    JsonNode figures = city.json("/api/choropleth?geometry=none");
    assertEquals(31, figures.get("features").size());
    assertEquals(fc.get("legend"), figures.get("legend"));
    for (int i = 0; i < 31; i++) {
      assertEquals(fc.get("features").get(i).get("properties").get("fill"), figures.get("features").get(i).get("properties").get("fill"));
    }
  }

  private static void assertProblem(HttpResponse<String> r, String parameter) throws Exception {
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, ServerFixture.parse(r.body()).get("parameter").asText(), r.body());
  }
}
