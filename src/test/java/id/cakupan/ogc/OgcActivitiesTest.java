package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
  void itIsListedLikeTheOtherCollectionsWithCrsExtentAndLinks() throws Exception {
    JsonNode listed = null;
    for (JsonNode c : server.json("/ogc/collections").get("collections")) {
      if (c.get("id").asText().equals("activities")) listed = c;
    }
    assertNotNull(listed, "activities is in /ogc/collections: GET /api/activities is public, so this is too");
    JsonNode doc = server.json("/ogc/collections/activities");
    assertEquals(listed, doc, "the collection document equals its entry");
    assertEquals("feature", doc.get("itemType").asText());
    List<String> crs = new ArrayList<>();
    doc.get("crs").forEach(c -> crs.add(c.asText()));
    assertEquals(List.of(OgcCrsTest.CRS84, OgcCrsTest.EPSG4326, OgcCrsTest.EPSG3857, OgcCrsTest.EPSG32748), crs);
    assertEquals(OgcCrsTest.CRS84, doc.get("storageCrs").asText());
    JsonNode bbox = doc.get("extent").get("spatial").get("bbox").get(0);
    assertTrue(bbox.get(0).asDouble() > 106.6 && bbox.get(2).asDouble() < 107.1, bbox.toString());
    JsonNode interval = doc.get("extent").get("temporal").get("interval").get(0);
    assertEquals("2026-06-12T00:00:00Z", interval.get(0).asText(), "the first activity's day");
    assertEquals("2026-11-20T23:59:59Z", interval.get(1).asText(), "the last activity's day");
    assertEquals("/ogc/collections/activities", path(OgcApiTest.link(doc, "self")));
    assertEquals("/ogc/collections/activities/items", path(OgcApiTest.link(doc, "items")));
    assertEquals("text/html", OgcApiTest.link(doc, "alternate").get("type").asText());
    assertEquals("/ogc/collections/activities/queryables",
        path(OgcApiTest.link(doc, "http://www.opengis.net/def/rel/ogc/1.0/queryables")));
  }

  private static String path(JsonNode link) {
    return link.get("href").asText().substring(server.base.length());
  }

  @Test
  void itExposesNoMoreThanTheAnonymousActivityListing() throws Exception {
    // Reads are public (api/Access): GET /api/activities answers without a token, and so does the collection.
    JsonNode rows = server.json("/api/activities");
    JsonNode page = server.json("/ogc/collections/activities/items?limit=100");
    java.util.Set<String> listed = new java.util.HashSet<>();
    rows.get("rows").forEach(r -> r.fieldNames().forEachRemaining(listed::add));
    for (JsonNode f : page.get("features")) {
      f.get("properties").fieldNames().forEachRemaining(name -> assertTrue(listed.contains(name) || name.equals("point"),
          name + " is not in GET /api/activities"));
    }
    assertFalse(page.toString().contains(TOKEN) || page.toString().contains("admin"), page.toString());
  }

  @Test
  void crsAndBboxCrsProjectThePointsAndContentCrsNamesTheCrs() throws Exception {
    HttpResponse<String> plain = server.get("/ogc/collections/activities/items/" + atMarket);
    assertEquals("<" + OgcCrsTest.CRS84 + ">", plain.headers().firstValue("Content-Crs").orElse(""));
    HttpResponse<String> utm = server.get("/ogc/collections/activities/items/" + atMarket + "?crs=" + OgcCrsTest.q(OgcCrsTest.EPSG32748));
    assertEquals(200, utm.statusCode(), utm.body());
    assertEquals("<" + OgcCrsTest.EPSG32748 + ">", utm.headers().firstValue("Content-Crs").orElse(""));
    JsonNode xy = ServerFixture.parse(utm.body()).get("geometry").get("coordinates");
    double[] expected = OgcCrs.EPSG_32748.fromLonLat(106.89896, -6.10589);
    assertEquals(expected[0], xy.get(0).asDouble(), 0.006);
    assertEquals(expected[1], xy.get(1).asDouble(), 0.006);
    assertTrue(xy.get(0).asDouble() > 700_000 && xy.get(1).asDouble() > 9_300_000, xy.toString());
    // EPSG:4326 is latitude first.
    HttpResponse<String> latLon = server.get("/ogc/collections/activities/items?limit=100&crs=" + OgcCrsTest.q(OgcCrsTest.EPSG4326));
    assertEquals("<" + OgcCrsTest.EPSG4326 + ">", latLon.headers().firstValue("Content-Crs").orElse(""));
    for (JsonNode f : ServerFixture.parse(latLon.body()).get("features")) {
      JsonNode c = f.get("geometry").get("coordinates");
      assertTrue(c.get(0).asDouble() < -6 && c.get(1).asDouble() > 106, c.toString());
      if (f.get("id").asText().equals(atMarket)) assertEquals(-6.10589, c.get(0).asDouble(), 1e-9);
    }
    // Koja's box in lat/lon and in UTM metres selects the same two activities.
    List<String> koja = List.of(atMarket, noPoint).stream().sorted().toList();
    assertEquals(koja, ids(server.json("/ogc/collections/activities/items?bbox=-6.14,106.88,-6.09,106.94&bbox-crs="
        + OgcCrsTest.q(OgcCrsTest.EPSG4326))));
    double[] sw = OgcCrs.EPSG_32748.fromLonLat(106.88, -6.14);
    double[] ne = OgcCrs.EPSG_32748.fromLonLat(106.94, -6.09);
    assertEquals(koja, ids(server.json("/ogc/collections/activities/items?bbox=" + sw[0] + "," + sw[1] + "," + ne[0] + ","
        + ne[1] + "&bbox-crs=" + OgcCrsTest.q(OgcCrsTest.EPSG32748))));
    for (String bad : List.of("crs=EPSG:9999", "bbox-crs=EPSG:9999&bbox=1,2,3,4")) {
      assertEquals(400, server.get("/ogc/collections/activities/items?" + bad).statusCode(), bad);
    }
  }

  @Test
  void queryablesFilterAndSortby() throws Exception {
    JsonNode schema = server.json("/ogc/collections/activities/queryables");
    JsonNode props = schema.get("properties");
    assertEquals("[\"bazar\",\"pelatihan\",\"pembinaan\",\"sosialisasi\",\"lainnya\"]", props.get("type").get("enum").toString());
    assertEquals("date", props.get("date").get("format").asText());
    assertEquals("https://geojson.org/schema/Point.json", props.get("geometry").get("$ref").asText());
    assertEquals("[\"integer\",\"null\"]", props.get("registrations").get("type").toString());

    assertEquals(List.of(penjaringan), ids(server.json("/ogc/collections/activities/items?filter="
        + OgcCrsTest.q("type = 'pembinaan' AND date >= DATE('2026-07-01')"))));
    assertEquals(List.of(atMarket, noPoint).stream().sorted().toList(), ids(server.json("/ogc/collections/activities/items?filter="
        + OgcCrsTest.q("S_INTERSECTS(geometry, BBOX(106.88,-6.14,106.94,-6.09))"))));
    assertEquals(List.of(noPoint), ids(server.json("/ogc/collections/activities/items?filter-lang=cql2-json&filter="
        + OgcCrsTest.q("{\"op\":\"=\",\"args\":[{\"property\":\"point\"},\"kelurahan\"]}"))));
    // A queryable as a parameter is ANDed with the filter.
    assertEquals(List.of(penjaringan), ids(server.json("/ogc/collections/activities/items?kecamatan_code=31.72.01&filter="
        + OgcCrsTest.q("status = 'selesai'"))));
    assertEquals(List.of(), ids(server.json("/ogc/collections/activities/items?kecamatan_code=31.72.01&filter="
        + OgcCrsTest.q("status = 'rencana'"))));
    // Newest first, then oldest first.
    assertEquals(List.of(noPoint, penjaringan, atMarket), ids(server.json("/ogc/collections/activities/items?sortby=-date")));
    assertEquals(List.of(atMarket, penjaringan, noPoint), ids(server.json("/ogc/collections/activities/items?sortby=date")));
    for (String bad : List.of("filter=" + OgcCrsTest.q("colour = 'red'"), "filter=" + OgcCrsTest.q("type = "),
        "sortby=colour", "sector=BPU", "attendees=many")) {
      HttpResponse<String> r = server.get("/ogc/collections/activities/items?" + bad);
      assertEquals(400, r.statusCode(), bad + ": " + r.body());
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), bad);
    }
  }

  @Test
  void htmlPagesForTheCollectionItsItemsAndEachActivity() throws Exception {
    HttpResponse<String> collection = server.get("/ogc/collections/activities?f=html");
    assertEquals(200, collection.statusCode(), collection.body());
    assertTrue(collection.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(collection.body().contains("Outreach activities") && collection.body().contains("2026-06-12T00:00:00Z"),
        collection.body());
    HttpResponse<String> browsed = server.get("/ogc/collections/activities/items?limit=2", "Accept", "text/html,*/*;q=0.8");
    assertTrue(browsed.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertTrue(browsed.body().contains("2 dari 3 fitur") && browsed.body().contains("id=\"ogc-map\""), browsed.body());
    assertTrue(browsed.body().contains("rel=\"next\""), "a link to the next page");
    String item = server.get("/ogc/collections/activities/items/" + atMarket + "?f=html").body();
    assertTrue(item.contains("bazar · Koja · 2026-06-12"), item);
    assertTrue(item.contains("Kecamatan Koja"), item);
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
    assertEquals(List.of(penjaringan), ids(server.json("/ogc/collections/activities/items?datetime=2026-07")), "a month");
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
    assertTrue(second.get("links").toString().contains("\"prev\""), second.toString());
    JsonNode firstOfTwo = server.json("/ogc/collections/activities/items?limit=2&offset=0&sortby=date");
    JsonNode rest = server.json(OgcApiTest.link(firstOfTwo, "next").get("href").asText().substring(server.base.length()));
    assertEquals(List.of(noPoint), ids(rest), "the next link carries sortby on");

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
  void ogrinfoListsTheActivitiesAmongTheCollectionsOfTheLandingPage() throws Exception {
    String out = Gdal.run("ogrinfo", "-ro", "OAPIF:" + server.base + "/ogc");
    assertTrue(out.matches("(?s).*\\d+: activities \\(title: Outreach activities\\) \\(Point\\).*"), out);
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
