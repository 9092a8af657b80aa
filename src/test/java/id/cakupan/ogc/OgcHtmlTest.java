package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.api.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The f=html pages: negotiation, the links between each JSON document and its page, escaping. */
class OgcHtmlTest {
  static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
  static final Pattern JSON_ALTERNATE =
      Pattern.compile("<link rel=\"alternate\" type=\"application/json\" href=\"([^\"]+)\">");

  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  @ParameterizedTest
  @ValueSource(strings = {"/ogc", "/ogc/conformance", "/ogc/collections", "/ogc/collections/coverage-kelurahan",
      "/ogc/collections/kelurahan/items?limit=5", "/ogc/collections/coverage-kota/items?limit=3&sector=BPU",
      "/ogc/collections/kelurahan/items/31.72.03.1004"})
  void eachDocumentAndItsPageLinkToEachOther(String path) throws Exception {
    JsonNode doc = server.json(path);
    JsonNode alternate = null;
    for (JsonNode l : doc.get("links")) {
      if (l.get("rel").asText().equals("alternate") && l.get("type").asText().equals("text/html")) alternate = l;
    }
    assertNotNull(alternate, path + " links to its HTML page");
    HttpResponse<String> page = server.get(local(alternate.get("href").asText()));
    assertEquals(200, page.statusCode());
    assertEquals("text/html;charset=utf-8", page.headers().firstValue("content-type").orElse("").replace(" ", ""));
    assertTrue(page.body().startsWith("<!doctype html>"), page.body());
    assertTrue(page.body().contains("<html lang=\"id\">"));
    assertTrue(page.body().contains("href=\"/app.css\""), "the map page's look");

    Matcher back = JSON_ALTERNATE.matcher(page.body());
    assertTrue(back.find(), path + ": the page links back to its JSON");
    HttpResponse<String> json = server.get(local(back.group(1).replace("&amp;", "&")));
    assertEquals(200, json.statusCode());
    JsonNode again = ServerFixture.parse(json.body());
    assertEquals(without(doc, "timeStamp"), without(again, "timeStamp"), "the same document");
  }

  @Test
  void browsersGetHtmlAndGisClientsJson() throws Exception {
    for (String path : List.of("/ogc", "/ogc/collections", "/ogc/collections/kelurahan/items",
        "/ogc/collections/kelurahan/items/31.72.03.1004")) {
      assertTrue(type(path, "Accept", BROWSER_ACCEPT).startsWith("text/html"), path);
      assertTrue(type(path, "Accept", "text/html").startsWith("text/html"), path);
      assertTrue(type(path).startsWith("application/"), path + " without Accept");
      assertTrue(type(path, "Accept", "*/*").startsWith("application/"), path);
      assertTrue(type(path, "Accept", "application/geo+json, application/json").startsWith("application/"), path);
      assertTrue(type(path, "Accept", "application/json, text/html;q=0.5").startsWith("application/"), path);
      assertTrue(type(path + "?f=json", "Accept", BROWSER_ACCEPT).startsWith("application/"), "f wins over Accept");
      assertTrue(server.get(path, "Accept", BROWSER_ACCEPT).headers().firstValue("vary").orElse("").contains("Accept"));
    }
    assertTrue(type("/ogc/api", "Accept", BROWSER_ACCEPT).startsWith("application/vnd.oai.openapi+json"));
  }

  @Test
  void theItemsPageHasAMapOfThePageAndATableWithPaging() throws Exception {
    String body = server.get("/ogc/collections/kelurahan/items?limit=5&offset=5&f=html").body();
    assertEquals(5, count(body, "<tr><td><a href="), body);
    assertTrue(body.contains("id=\"ogc-map\""));
    assertTrue(body.contains("data-geojson=\"" + server.base + "/ogc/collections/kelurahan/items?limit=5&amp;offset=5\""), body);
    assertTrue(body.contains("<script src=\"/ogc-map.js\"></script>"));
    assertTrue(body.contains("offset=10&amp;f=html\" rel=\"next\""), body);
    assertTrue(body.contains("offset=0&amp;f=html\" rel=\"prev\""), body);
    assertTrue(body.contains("5 dari 31 fitur"), body);
    // A page in UTM says so, and its map still reads CRS84.
    String utm = server.get("/ogc/collections/kelurahan/items?limit=5&f=html&crs=EPSG:32748").body();
    assertTrue(utm.contains("koordinat dalam EPSG:32748"), utm);
    assertTrue(utm.contains("data-geojson=\"" + server.base + "/ogc/collections/kelurahan/items?limit=5&amp;offset=0\""), utm);
  }

  @Test
  void anHtmlPageHoldsAtMost500FeaturesWhateverTheLimitAndPagesOnFromThere() throws Exception {
    String body = server.get("/ogc/collections/coverage-kelurahan-table/items?limit=10000&f=html").body();
    assertEquals(500, count(body, "<tr><td><a href="), body.substring(0, Math.min(body.length(), 2000)));
    assertTrue(body.contains("items?limit=500&amp;offset=500&amp;f=html\" rel=\"next\""), "next page from 500");
    assertTrue(body.contains("500 dari "), "500 of the matches shown");
    // The JSON keeps its own maximum.
    assertEquals(2000, server.json("/ogc/collections/coverage-kelurahan-table/items?limit=2000").get("numberReturned").asInt());
  }

  @Test
  void theFeaturePageListsItsProperties() throws Exception {
    String body = server.get("/ogc/collections/kelurahan/items/31.72.03.1004?f=html").body();
    assertTrue(body.contains("<h2>Rawa Badak Utara</h2>"), body);
    assertTrue(body.contains("<dt>kecamatan</dt><dd>Koja</dd>"), body);
    assertTrue(body.contains("data-geojson=\"" + server.base + "/ogc/collections/kelurahan/items/31.72.03.1004\""), body);
    HttpResponse<String> missing = server.get("/ogc/collections/kelurahan/items/31.72.99.9999?f=html");
    assertEquals(404, missing.statusCode());
    assertEquals("application/problem+json", missing.headers().firstValue("content-type").orElse(""));
  }

  /** Names and codes come from uploaded files: nothing of them reaches a page as markup. */
  @Test
  void everyValueIsEscaped() throws Exception {
    String evil = "<img src=x onerror=alert(1)>\"'&";
    JsonNode feature = new ObjectMapper().readTree("{\"type\":\"Feature\",\"id\":" + quote(evil)
        + ",\"properties\":{\"name\":" + quote(evil) + "," + quote(evil) + ":" + quote(evil) + "}}");
    String page = new String(OgcHtml.item("http://h", feature, OgcCollection.KELURAHAN, "http://h/x", "http://h/x"),
        StandardCharsets.UTF_8);
    assertFalse(page.contains("<img"), page);
    assertFalse(page.contains("alert(1)>\""), page);
    assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"), page);

    JsonNode items = new ObjectMapper().readTree("{\"type\":\"FeatureCollection\",\"numberMatched\":1,\"numberReturned\":1,"
        + "\"links\":[],\"features\":[" + feature + "]}");
    String table = new String(OgcHtml.items("http://h", items, OgcCollection.KELURAHAN, "http://h/x", "http://h/y",
        OgcCrs.CRS84), StandardCharsets.UTF_8);
    assertFalse(table.contains("<img"), table);
    assertTrue(table.contains("<th>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</th>"), table);
    assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;amp;&#39;", Html.escape("<a href=\"x\">&amp;'"));
  }

  private static String quote(String s) throws Exception {
    return new ObjectMapper().writeValueAsString(s);
  }

  private static String type(String path, String... headers) throws Exception {
    HttpResponse<String> r = server.get(path, headers);
    assertEquals(200, r.statusCode(), path);
    return r.headers().firstValue("content-type").orElse("");
  }

  private static String local(String href) {
    assertTrue(href.startsWith(server.base + "/"), href);
    return href.substring(server.base.length());
  }

  private static JsonNode without(JsonNode doc, String field) {
    JsonNode copy = doc.deepCopy();
    if (copy.isObject()) ((com.fasterxml.jackson.databind.node.ObjectNode) copy).remove(field);
    return copy;
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
    return n;
  }
}
