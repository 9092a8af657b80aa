package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The legend is one object on the page, in the PNG export and in the print view; the page's CSV
 * suits an Indonesian spreadsheet; errors speak the page's language; the map has a scale bar.
 */
class LegendAndExportsPageTest {
  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;
  static String newest;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    newest = server.json("/api/periods").get("periods").get(0).asText();
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @BeforeEach
  void desktop() {
    browser.viewport(1280, 800, false);
  }

  @Test
  void thePageThePngAndThePrintViewShowTheSameLegend() throws Exception {
    // Change on fixed breaks: a diverging scale with open ends, as the month animation draws it.
    String query = "level=kelurahan&sector=ALL&period=" + newest + "&metric=change&method=manual&breaks=-20,0,20";
    for (String lang : List.of("id", "en")) {
      open("/?" + query + "&lang=" + lang);
      JsonNode legend = server.json("/api/choropleth?" + query).get("legend");
      assertEquals("diverging", legend.get("scale").asText());
      JsonNode labels = legend.get(lang.equals("en") ? "labels_en" : "labels");
      assertTrue(labels.get(0).asText().startsWith("\u2264 "), labels.toString());
      assertTrue(labels.get(labels.size() - 1).asText().startsWith("> "), labels.toString());

      List<Map<String, String>> page = new ArrayList<>();
      for (WebElement li : browser.driver.findElements(By.cssSelector("#legend li"))) {
        page.add(Map.of("label", li.findElement(By.cssSelector(".legend-label")).getText(), "color", li.getAttribute("data-color")));
      }
      assertEquals(legend.get("colors").size() + 1, page.size());
      for (int i = 0; i < labels.size(); i++) {
        assertEquals(labels.get(i).asText(), page.get(i).get("label"));
        assertEquals(legend.get("colors").get(i).asText(), page.get(i).get("color"));
      }

      @SuppressWarnings("unchecked")
      Map<String, Object> png = (Map<String, Object>) browser.js("return cakupan.png()");
      assertEquals(page, rows((String) png.get("legend")), "PNG legend (" + lang + ")");
      assertSwatchesArePainted((String) png.get("dataUrl"), (String) png.get("legend"));

      browser.js("window.dispatchEvent(new Event('beforeprint'))");
      String printed = (String) browser.js("const c = document.querySelector('#print-map canvas'); return c && c.dataset.legend");
      assertNotNull(printed, "the print view's map");
      assertEquals(page, rows(printed), "print legend (" + lang + ")");
    }
  }

  @Test
  void theIndonesianCsvHasABomSemicolonsAndDecimalCommasAndTheEnglishOneDoesNot() throws Exception {
    open("/?sector=BPU&period=" + newest);
    String csv = (String) browser.js("return cakupan.csv()");
    assertTrue(csv.startsWith("\uFEFF"), "a UTF-8 byte order mark first");
    String[] lines = csv.substring(1).split("\r?\n");
    List<String> head = List.of(lines[0].split(";", -1));
    int code = head.indexOf("Kode");
    int rate = head.indexOf("Cakupan (%)");
    int density = head.indexOf("Kepadatan (peserta/km²)");
    assertTrue(code >= 0 && rate >= 0 && density >= 0, lines[0]);
    Map<String, JsonNode> api = new HashMap<>();
    for (JsonNode r : server.json("/api/ranking?sector=BPU&period=" + newest).get("rows")) api.put(r.get("code").asText(), r);
    assertEquals(api.size(), lines.length - 1);
    boolean comma = false;
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(";", -1);
      assertEquals(head.size(), cells.length, lines[i]);
      JsonNode r = api.get(cells[code]);
      assertNotNull(r, lines[i]);
      assertFalse(cells[rate].contains("."), cells[rate]);
      comma |= cells[rate].contains(",");
      assertEquals(r.get("coverage_rate").asDouble() * 100, Double.parseDouble(cells[rate].replace(',', '.')), 1e-9);
      assertEquals(r.get("density").asDouble(), Double.parseDouble(cells[density].replace(',', '.')), 1e-9);
    }
    assertTrue(comma, "decimal commas");

    browser.driver.findElement(By.id("lang")).click();
    browser.waitFor("English", d -> "en".equals(browser.js("return document.documentElement.lang")));
    String en = (String) browser.js("return cakupan.csv()");
    assertFalse(en.startsWith("\uFEFF"));
    String[] enLines = en.split("\r?\n");
    assertTrue(enLines[0].startsWith("Rank,Code,Name,"), enLines[0]);
    List<String> enHead = List.of(enLines[0].split(","));
    int enRate = enHead.indexOf("Coverage (%)");
    int enParticipants = enHead.indexOf("Active participants");
    for (int i = 1; i < enLines.length; i++) {
      String[] cells = enLines[i].split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1);
      JsonNode r = api.get(cells[1]);
      assertEquals(r.get("coverage_rate").asDouble() * 100, Double.parseDouble(cells[enRate]), 1e-9);
      assertEquals(r.get("participants").asText(), cells[enParticipants], "no thousands separator");
    }
  }

  @Test
  void aServerErrorIsShownInThePagesLanguageWithTheServersWordsOnlyInTheDetails() throws Exception {
    browser.driver.get(server.base + "/?kecamatan=31.72.09&period=" + newest);
    waitStatus("error");
    String message = browser.driver.findElement(By.cssSelector("#message > p")).getText();
    assertEquals("Kecamatan 31.72.09 tidak dikenal.", message);
    String all = browser.driver.findElement(By.id("message")).getAttribute("textContent");
    assertTrue(all.contains("no kecamatan 31.72.09"), "the server's words stay available: " + all);
    assertFalse((Boolean) browser.js("return document.querySelector('#message details').open"));

    browser.driver.get(server.base + "/?kecamatan=31.72.09&period=" + newest + "&lang=en");
    waitStatus("error");
    assertEquals("Unknown kecamatan 31.72.09.", browser.driver.findElement(By.cssSelector("#message > p")).getText());

    // A refused parameter is named as the page names it, a server failure is not a raw English text.
    String bad = (String) browser.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "Promise.all([import('/js/errors.js'), import('/js/i18n.js')]).then(([e, i]) => { i.setLang('id');"
        + " done([e.errorMessage({ kind: 'http', status: 400, parameter: 'breaks', detail: 'breaks must be strictly ascending' }, {}),"
        + " e.errorMessage({ kind: 'http', status: 500, detail: 'the server failed' }, {})].join(' | ')); })");
    assertEquals("Pilihan Batas kelas (breaks) tidak sah. | Layanan mengalami gangguan (HTTP 500). Coba lagi nanti.", bad);
  }

  @Test
  void theMapAndItsPngHaveTheSameMetricScaleBar() throws Exception {
    open("/?period=" + newest);
    WebElement line = browser.driver.findElement(By.cssSelector(".leaflet-control-scale-line"));
    String text = line.getText();
    assertTrue(text.matches("\\d+ (m|km)"), text);
    assertTrue(browser.driver.findElements(By.cssSelector(".leaflet-control-scale-line")).size() == 1, "metric only");
    @SuppressWarnings("unchecked")
    Map<String, Object> png = (Map<String, Object>) browser.js("return cakupan.png()");
    assertEquals(text, png.get("scale"));
  }

  // ------------------------------------------------------------------ helpers

  private static void open(String path) {
    browser.driver.get(server.base + path);
    waitStatus("ready");
  }

  private static void waitStatus(String status) {
    browser.waitFor("page status " + status, d -> status.equals(browser.js("return document.body.dataset.status")));
  }

  private static List<Map<String, String>> rows(String json) throws Exception {
    List<Map<String, String>> out = new ArrayList<>();
    for (JsonNode r : ServerFixture.parse(json)) out.add(Map.of("label", r.get("label").asText(), "color", r.get("color").asText()));
    return out;
  }

  /** The PNG really has each legend colour where the legend says its swatch is. */
  private static void assertSwatchesArePainted(String dataUrl, String legendJson) throws Exception {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1))));
    for (JsonNode r : ServerFixture.parse(legendJson)) {
      int rgb = image.getRGB(r.get("x").asInt(), r.get("y").asInt()) & 0xffffff;
      assertEquals(r.get("color").asText(), String.format(Locale.ROOT, "#%06x", rgb), "swatch of " + r.get("label").asText());
    }
  }
}
