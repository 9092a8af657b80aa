package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import id.cakupan.config.Config;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OGC API - Features collection "activities": points of outreach activities, read by GDAL too. */
class OgcActivitiesTest {
  private static final String TOKEN = "ogc-activities-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static String atMarket;
  static String noPoint;
  static String penjaringan;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, TOKEN, null));
    atMarket = post("bazar", "selesai", "2026-06-12", "Kecamatan Koja", "31.72.03.1001", ",\"lon\":106.89896,\"lat\":-6.10589");
    noPoint = post("pelatihan", "rencana", "2026-11-20", "Kecamatan Koja", "31.72.03.1002", "");
    penjaringan = post("pembinaan", "selesai", "2026-07-03", "Kecamatan Penjaringan", "31.72.01.1001", ",\"lon\":106.80503,\"lat\":-6.11594");
  }

  private static String post(String type, String status, String date, String organiser, String code, String extra) throws Exception {
    String json = "{\"type\":\"" + type + "\",\"status\":\"" + status + "\",\"date\":\"" + date + "\",\"organiser\":\"" + organiser
        + "\",\"code\":\"" + code + "\",\"registrations\":12" + extra + "}";
    HttpResponse<String> r = server.post("/api/activities", json.getBytes(StandardCharsets.UTF_8), "application/json",
        "Authorization", "Bearer " + TOKEN);
    assertEquals(201, r.statusCode(), r.body());
    return ServerFixture.parse(r.body()).get("id").asText();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> ids(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("features").forEach(f -> out.add(f.get("id").asText()));
    return out;
  }

  @Test
  void theCollectionDocumentHasTheRegionsExtentAndIsNotYetListed() throws Exception {
    JsonNode doc = server.json("/ogc/collections/activities");
    assertEquals("activities", doc.get("id").asText());
    JsonNode bbox = doc.get("extent").get("spatial").get("bbox").get(0);
    assertTrue(bbox.get(0).asDouble() > 106.6 && bbox.get(2).asDouble() < 107.1, bbox.toString());
    // Not in /ogc/collections until it has the other collections' CRS and HTML pages.
    for (JsonNode c : server.json("/ogc/collections").get("collections")) assertFalse(c.get("id").asText().equals("activities"));
    assertEquals(406, server.get("/ogc/collections/activities?f=html").statusCode());
  }

  @Test
  void itemsArePointsRecordedOrAtTheKelurahanInteriorAndFilterByBboxDatetimeAndType() throws Exception {
    HttpResponse<String> r = server.get("/ogc/collections/activities/items?limit=100");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("application/geo+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode page = ServerFixture.parse(r.body());
    assertEquals(3, page.get("numberMatched").asInt());
    for (JsonNode f : page.get("features")) {
      assertEquals("Point", f.get("geometry").get("type").asText());
      String id = f.get("id").asText();
      assertEquals(id.equals(noPoint) ? "kelurahan" : "recorded", f.get("properties").get("point").asText());
      if (id.equals(atMarket)) {
        assertEquals(106.89896, f.get("geometry").get("coordinates").get(0).asDouble(), 1e-9);
        assertEquals("bazar", f.get("properties").get("type").asText());
        assertEquals("Koja", f.get("properties").get("name").asText());
        assertEquals(12, f.get("properties").get("registrations").asInt());
      }
    }
    // Koja's box holds the two of Koja, not Penjaringan's.
    JsonNode koja = server.json("/ogc/collections/activities/items?bbox=106.88,-6.14,106.94,-6.09");
    assertEquals(List.of(atMarket, noPoint).stream().sorted().toList(), ids(koja).stream().sorted().toList());
    assertEquals(List.of(penjaringan), ids(server.json("/ogc/collections/activities/items?datetime=2026-07-01/2026-07-31")));
    assertEquals(2, server.json("/ogc/collections/activities/items?datetime=../2026-07-31").get("numberMatched").asInt());
    assertEquals(List.of(noPoint), ids(server.json("/ogc/collections/activities/items?type=pelatihan")));
    assertEquals(List.of(atMarket), ids(server.json("/ogc/collections/activities/items?datetime=2026-06-12T10:00:00Z")));

    // Paging: next carries the filters on, the last page has none.
    JsonNode first = server.json("/ogc/collections/activities/items?limit=2&status=selesai");
    assertEquals(2, first.get("numberMatched").asInt());
    assertEquals(2, first.get("numberReturned").asInt());
    JsonNode one = server.json("/ogc/collections/activities/items?limit=1&status=selesai");
    String next = null;
    for (JsonNode l : one.get("links")) if (l.get("rel").asText().equals("next")) next = l.get("href").asText();
    assertTrue(next != null && next.contains("offset=1") && next.contains("status=selesai"), one.toString());
    JsonNode second = server.json(next.substring(server.base.length()));
    assertEquals(1, second.get("numberReturned").asInt());
    assertFalse(second.get("links").toString().contains("\"next\""), second.toString());

    JsonNode item = server.json("/ogc/collections/activities/items/" + atMarket);
    assertEquals(atMarket, item.get("id").asText());
    assertEquals(404, server.get("/ogc/collections/activities/items/ffff0000").statusCode());
    for (String bad : List.of("datetime=2026-13-01", "datetime=2026-08-01/2026-07-01", "bbox=1,2,3", "limit=0", "colour=red", "f=xml")) {
      HttpResponse<String> b = server.get("/ogc/collections/activities/items?" + bad);
      assertEquals(400, b.statusCode(), bad + ": " + b.body());
      assertTrue(b.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), bad);
    }
  }

  @Test
  void gdalReadsTheActivitiesAsAPointLayer() throws Exception {
    // GDAL opens one collection by its URL.
    String source = "OAPIF:" + server.base + "/ogc/collections/activities";
    String features = Gdal.run("ogrinfo", "-ro", "-al", "-q", source);
    int n = features.split("OGRFeature\\(activities\\)", -1).length - 1;
    assertEquals(3, n, features);
    assertTrue(features.contains("POINT (106.89896 -6.10589)"), features);
    assertTrue(features.contains("type (String) = bazar"), features);
    assertTrue(features.contains("organiser (String) = Kecamatan Penjaringan"), features);
  }
}
