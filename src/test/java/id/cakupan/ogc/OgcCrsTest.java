package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * OGC API - Features Part 2 on the shipped Jakarta Utara boundaries. Rawa Badak Utara
 * (31.72.03.1004) holds the point 106.89839 E, 6.12257 S (SPEC §2); its positions in the other
 * CRSs below were computed with PROJ ({@code gdaltransform}) and the spherical Mercator formula,
 * not with this service's own proj4j.
 */
class OgcCrsTest {
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String EPSG4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
  static final String EPSG3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";
  static final String EPSG32748 = "http://www.opengis.net/def/crs/EPSG/0/32748";
  static final String RAWA_BADAK_UTARA = "31.72.03.1004";
  static final GeometryFactory JTS = new GeometryFactory();

  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  static String q(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The first axis and the second, in the CRS's own order, of a point inside Rawa Badak Utara. */
  @ParameterizedTest
  @CsvSource({
      CRS84 + ", 106.89839, -6.12257",
      EPSG4326 + ", -6.12257, 106.89839",
      EPSG3857 + ", 11899874.34, -682862.20",
      EPSG32748 + ", 710084.17, 9322874.94",
      "EPSG:32748, 710084.17, 9322874.94",
  })
  void theInteriorPointLiesInsideTheFeatureInEachCrs(String crs, double first, double second) throws Exception {
    HttpResponse<String> r = server.get("/ogc/collections/kelurahan/items/" + RAWA_BADAK_UTARA + "?crs=" + q(crs));
    assertEquals(200, r.statusCode(), r.body());
    String uri = crs.startsWith("EPSG:") ? EPSG32748 : crs;
    assertEquals("<" + uri + ">", r.headers().firstValue("Content-Crs").orElse(""));
    Geometry g = multiPolygon(ServerFixture.parse(r.body()).get("geometry"));
    assertTrue(g.contains(JTS.createPoint(new Coordinate(first, second))), crs + ": " + first + " " + second);
    assertFalse(g.contains(JTS.createPoint(new Coordinate(second, first))), crs + ": the axes swapped lie outside");
  }

  /** GDAL before 3.7 sends the query of the URL it was given with every request, paging links included. */
  @Test
  void aCrsRepeatedIdenticallyAndOnDocumentsIsAccepted() throws Exception {
    String utm = "crs=" + q(EPSG32748);
    for (String path : List.of("/ogc?" + utm, "/ogc/collections?" + utm, "/ogc/api?" + utm,
        "/ogc/collections/kelurahan/items?" + utm + "&" + utm)) {
      assertEquals(200, server.get(path).statusCode(), path);
    }
  }

  @Test
  void theDefaultIsCrs84AndSaidSo() throws Exception {
    HttpResponse<String> items = server.get("/ogc/collections/kelurahan/items?limit=1");
    assertEquals("<" + CRS84 + ">", items.headers().firstValue("Content-Crs").orElse(""));
    HttpResponse<String> one = server.get("/ogc/collections/kelurahan/items/" + RAWA_BADAK_UTARA);
    assertEquals("<" + CRS84 + ">", one.headers().firstValue("Content-Crs").orElse(""));
  }

  @Test
  void utmAreasAreInSquareMetres() throws Exception {
    JsonNode f = server.json("/ogc/collections/kelurahan/items/" + RAWA_BADAK_UTARA + "?crs=" + q(EPSG32748));
    double km2 = multiPolygon(f.get("geometry")).getArea() / 1e6;
    assertEquals(f.get("properties").get("luas_km2").asDouble(), km2, 0.02, "the projected polygon has the kelurahan's area");
    assertEquals(1.27, km2, 0.1, "SPEC §2: Rawa Badak Utara has 1.27 km²");
  }

  @Test
  void collectionsListTheCrsAndTheStorageCrs() throws Exception {
    int spatial = 0;
    for (JsonNode c : server.json("/ogc/collections").get("collections")) {
      if (c.get("id").asText().endsWith("-table")) {
        assertEquals(List.of(CRS84), List.of(c.get("crs").get(0).asText()), "a table has no geometry to project");
        assertEquals(1, c.get("crs").size());
        assertFalse(c.get("extent").has("spatial"), "nor a spatial extent");
        continue;
      }
      spatial++;
      List<String> crs = new ArrayList<>();
      c.get("crs").forEach(n -> crs.add(n.asText()));
      assertEquals(List.of(CRS84, EPSG4326, EPSG3857, EPSG32748), crs, c.get("id").asText());
      assertEquals(CRS84, c.get("storageCrs").asText());
    }
    // kelurahan, kecamatan, coverage per kelurahan, kecamatan, kota and provinsi, and the activities
    assertEquals(7, spatial);
  }

  @Test
  void bboxCrsSelectsTheSameFeaturesInEveryCrs() throws Exception {
    // A box of about 400 m around the interior point, in each CRS.
    Set<String> lonLat = ids("bbox=106.8966,-6.1244,106.9002,-6.1208");
    assertTrue(lonLat.contains(RAWA_BADAK_UTARA), lonLat.toString());
    assertEquals(lonLat, ids("bbox=-6.1244,106.8966,-6.1208,106.9002&bbox-crs=" + q(EPSG4326)));
    assertEquals(lonLat, ids("bbox=106.8966,-6.1244,106.9002,-6.1208&bbox-crs=" + q(EPSG4326)),
        "a box that cannot be latitude first is read longitude first, as axis-blind clients send it");
    assertEquals(lonLat, ids("bbox=709885,9322675,710285,9323075&bbox-crs=" + q(EPSG32748)));
    assertEquals(lonLat, ids("bbox=11899674,-683062,11900074,-682662&bbox-crs=" + q(EPSG3857)));
    assertEquals(Set.of(), ids("bbox=709885,9122675,710285,9123075&bbox-crs=" + q(EPSG32748)), "200 km south: the sea");
  }

  @Test
  void pagingLinksKeepTheCrsParameters() throws Exception {
    JsonNode page = server.json("/ogc/collections/kelurahan/items?limit=2&crs=" + q(EPSG32748)
        + "&bbox=709000,9320000,712000,9325000&bbox-crs=" + q(EPSG32748));
    String next = OgcApiTest.link(page, "next").get("href").asText();
    assertTrue(next.contains("crs=" + q(EPSG32748)) && next.contains("bbox-crs=" + q(EPSG32748)), next);
    assertTrue(next.startsWith(server.base + "/ogc/"), next);
    HttpResponse<String> r = server.get(next.substring(server.base.length()));
    assertEquals("<" + EPSG32748 + ">", r.headers().firstValue("Content-Crs").orElse(""));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/ogc/collections/kelurahan/items?crs=EPSG:23834|crs",
      "/ogc/collections/kelurahan/items?crs=http://www.opengis.net/def/crs/EPSG/0/999999|crs",
      "/ogc/collections/kelurahan/items?crs=nonsense|crs",
      "/ogc/collections/kelurahan/items?crs=EPSG:32748&crs=EPSG:3857|crs",
      "/ogc/collections?crs=EPSG:2154|crs",
      "/ogc/collections/coverage-kelurahan-table/items?crs=EPSG:32748|crs",
      "/ogc/collections/kelurahan/items/31.72.03.1004?crs=EPSG:2154|crs",
      "/ogc/collections/kelurahan/items?bbox=1,2,3,4&bbox-crs=EPSG:2154|bbox-crs",
      "/ogc/collections/kelurahan/items?bbox=1e300,2,3e300,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/32748|bbox",
      "/ogc/collections/kelurahan/items?bbox=3,2,1,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857|bbox",
      "/ogc/collections/kelurahan/items?bbox=-6.1,200,-6.0,201&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326|bbox",
      "/ogc/collections/kelurahan/items?bbox=100,200,101,201&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/4326|bbox",
  })
  void unsupportedCrsAndBadBoxesAreProblems(String path, String parameter) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    assertEquals(parameter, ServerFixture.parse(r.body()).get("parameter").asText());
  }

  private static Set<String> ids(String query) throws Exception {
    HttpResponse<String> r = server.get("/ogc/collections/kelurahan/items?limit=100&" + query);
    assertEquals(200, r.statusCode(), query + ": " + r.body());
    return new TreeSet<>(ServerFixture.parse(r.body()).get("features").findValuesAsText("id"));
  }

  static Geometry multiPolygon(JsonNode geometry) {
    assertEquals("MultiPolygon", geometry.get("type").asText());
    List<Polygon> polygons = new ArrayList<>();
    for (JsonNode polygon : geometry.get("coordinates")) {
      List<LinearRing> rings = new ArrayList<>();
      for (JsonNode ring : polygon) {
        Coordinate[] c = new Coordinate[ring.size()];
        for (int i = 0; i < c.length; i++) c[i] = new Coordinate(ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble());
        rings.add(JTS.createLinearRing(c));
      }
      polygons.add(JTS.createPolygon(rings.get(0), rings.subList(1, rings.size()).toArray(new LinearRing[0])));
    }
    return JTS.createMultiPolygon(polygons.toArray(new Polygon[0]));
  }
}
