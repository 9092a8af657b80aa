package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** /tiles against a real server on the embedded default (31 surveyed kelurahan, synthetic coverage). */
class TileEndpointTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  /** Every tile of zoom z over the layer's TileJSON bounds, decoded, by feature code. */
  static Map<String, Map<String, Object>> featuresAt(int z, String layer, String query) throws Exception {
    JsonNode tj = server.json("/tiles/" + layer + ".json?" + query);
    JsonNode b = tj.get("bounds");
    int n = 1 << z;
    int x0 = (int) (WebMercator.x(b.get(0).asDouble()) * n);
    int x1 = (int) (WebMercator.x(b.get(2).asDouble()) * n);
    int y0 = (int) (WebMercator.y(b.get(3).asDouble()) * n);
    int y1 = (int) (WebMercator.y(b.get(1).asDouble()) * n);
    Map<String, Map<String, Object>> features = new HashMap<>();
    String template = tj.get("tiles").get(0).asText().replace(server.base, "");
    for (int x = x0; x <= x1; x++) {
      for (int y = y0; y <= y1; y++) {
        String path = template.replace("{z}", "" + z).replace("{x}", "" + x).replace("{y}", "" + y);
        HttpResponse<byte[]> r = server.getBytes(path);
        if (r.statusCode() == 204) continue;
        assertEquals(200, r.statusCode(), path);
        for (MvtDecoder.Layer l : MvtDecoder.decode(r.body())) {
          assertEquals(layer, l.name());
          assertEquals(4096, l.extent());
          for (MvtDecoder.Feature f : l.features()) {
            assertEquals(3, f.type(), "polygon");
            assertFalse(f.rings().isEmpty());
            features.put((String) f.attributes().get("code"), f.attributes());
          }
        }
      }
    }
    return features;
  }

  @ParameterizedTest
  @CsvSource({"kelurahan,31,9", "kecamatan,6,11", "kota,1,14"})
  void theTilesOfALayerCarryEveryUnitWithTheChoroplethsProperties(String layer, int units, int zoom) throws Exception {
    String query = "sector=BPU&metric=uncovered&method=jenks&classes=4";
    Map<String, Map<String, Object>> tiled = featuresAt(zoom, layer, query);
    JsonNode fc = server.json("/api/choropleth?level=" + layer + "&" + query);
    assertEquals(units, tiled.size());
    for (JsonNode f : fc.get("features")) {
      JsonNode p = f.get("properties");
      Map<String, Object> a = tiled.get(p.get("code").asText());
      assertEquals(p.get("name").asText(), a.get("name"));
      assertEquals(p.get("bps_code").asText(), a.get("bps_code"));
      assertEquals(p.get("level").asText(), a.get("level"));
      assertEquals("BPU", a.get("sector"));
      assertEquals("2026-10", a.get("period"));
      assertEquals(p.get("uncovered").asLong(), a.get("uncovered"));
      assertEquals(p.get("participants").asLong(), a.get("participants"));
      assertEquals(p.get("coverage_rate").asDouble(), (Double) a.get("coverage_rate"), 1e-9);
      assertEquals(p.get("class").asLong(), a.get("class"));
      assertEquals(p.get("fill").asText(), a.get("fill"));
    }
  }

  @Test
  void tileJsonDescribesTheTilesAndCarriesTheLegend() throws Exception {
    HttpResponse<String> r = server.get("/tiles/kelurahan.json?sector=informal&metric=coverage_rate");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
    assertEquals("*", r.headers().firstValue("access-control-allow-origin").orElse(null));
    JsonNode tj = ServerFixture.parse(r.body());
    assertEquals("3.0.0", tj.get("tilejson").asText());
    assertEquals("xyz", tj.get("scheme").asText());
    String template = tj.get("tiles").get(0).asText();
    assertTrue(template.startsWith(server.base + "/tiles/kelurahan/{z}/{x}/{y}.mvt?"), template);
    assertTrue(template.contains("sector=BPU") && template.contains("period=2026-10"), template);
    assertEquals("kelurahan", tj.get("vector_layers").get(0).get("id").asText());
    Set<String> fields = new TreeSet<>();
    tj.get("vector_layers").get(0).get("fields").fieldNames().forEachRemaining(fields::add);
    assertTrue(fields.containsAll(List.of("code", "name", "class", "fill", "coverage_rate", "uncovered")), fields.toString());
    JsonNode bounds = tj.get("bounds");
    assertTrue(bounds.get(0).asDouble() > 106.6 && bounds.get(2).asDouble() < 107.1, bounds.toString());
    assertEquals(31, tj.get("feature_count").asInt());
    assertTrue(tj.get("minzoom").asInt() <= tj.get("center").get(2).asInt());
    assertTrue(tj.get("center").get(2).asInt() <= tj.get("maxzoom").asInt());
    JsonNode legend = server.json("/api/choropleth?sector=BPU&metric=coverage_rate").get("legend");
    assertEquals(legend, tj.get("legend"));
  }

  @Test
  void aKecamatanFilterKeepsOnlyItsKelurahan() throws Exception {
    Map<String, Map<String, Object>> tiled = featuresAt(11, "kelurahan", "kecamatan=31.72.03");
    assertEquals(6, tiled.size());
    tiled.keySet().forEach(code -> assertTrue(code.startsWith("31.72.03."), code));
  }

  @Test
  void tilesAreCachedWithETagsAndGzipped() throws Exception {
    String path = tileWithData();
    HttpResponse<byte[]> first = server.getBytes(path, "Accept-Encoding", "gzip");
    assertEquals(200, first.statusCode());
    assertEquals("application/vnd.mapbox-vector-tile", first.headers().firstValue("content-type").orElse(null));
    assertEquals("gzip", first.headers().firstValue("content-encoding").orElse(null));
    byte[] plain = new GZIPInputStream(new ByteArrayInputStream(first.body())).readAllBytes();
    assertFalse(MvtDecoder.decode(plain).isEmpty());
    String etag = first.headers().firstValue("etag").orElseThrow();
    assertEquals(304, server.getBytes(path, "If-None-Match", etag).statusCode());
  }

  @Test
  void switchingTheMetricReusesTheTilesGeometry() throws Exception {
    VectorTiles tiles = VectorTiles.of(server.app.layers().snapshot());
    TileAddress t = address(tileWithData());
    var a = tiles.shapes(id.cakupan.map.Level.KELURAHAN, t);
    server.getBytes("/tiles/kelurahan/" + t + ".mvt?metric=density");
    server.getBytes("/tiles/kelurahan/" + t + ".mvt?metric=change&sector=PU");
    assertTrue(a == tiles.shapes(id.cakupan.map.Level.KELURAHAN, t), "the same cached geometry");
  }

  @Test
  void aTileWithoutDataIsNoContent() throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/tiles/kelurahan/11/0/0.mvt");
    assertEquals(204, r.statusCode());
    assertEquals(0, r.body().length);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/tiles/kelurahan/25/0/0.mvt|400|z",
      "/tiles/kelurahan/3/8/0.mvt|400|x",
      "/tiles/kelurahan/3/0/8.mvt|400|y",
      "/tiles/kelurahan/3/0/-1.mvt|400|y",
      "/tiles/kelurahan/z/0/0.mvt|400|z",
      "/tiles/kelurahan/3/1.5/0.mvt|400|x",
      "/tiles/kelurahan/3/0/99999999999.mvt|400|y",
      "/tiles/desa/3/0/0.mvt|404|layer",
      "/tiles/desa.json|404|layer",
      "/tiles/kelurahan/3/0/0.mvt?level=kota|400|level",
      "/tiles/kelurahan/3/0/0.mvt?metric=nope|400|metric",
      "/tiles/kelurahan/3/0/0.mvt?period=2019-01|404|period",
      "/tiles/kota/3/0/0.mvt?kecamatan=31.72.03|400|kecamatan",
      "/tiles/kelurahan.json?classes=12|400|classes"})
  void badRequestsAreProblems(String path, int status, String parameter) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"));
    assertEquals(parameter, ServerFixture.parse(r.body()).get("parameter").asText());
  }

  private static String tileWithData() throws Exception {
    for (int x = 1630; x <= 1632; x++) {
      for (int y = 1057; y <= 1059; y++) {
        String path = "/tiles/kelurahan/11/" + x + "/" + y + ".mvt";
        if (server.getBytes(path).statusCode() == 200) return path;
      }
    }
    throw new AssertionError("no zoom 11 tile over Jakarta Utara has data");
  }

  private static TileAddress address(String path) {
    String[] p = path.replace(".mvt", "").split("/");
    return new TileAddress(Integer.parseInt(p[3]), Integer.parseInt(p[4]), Integer.parseInt(p[5]));
  }
}
