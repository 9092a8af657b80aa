package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import id.cakupan.config.Config;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The map page in a real (headless) browser against a real server: what is drawn equals what the
 * API says, the controls, the table and the panel agree, the URL carries the view, and the page
 * never needs anything but the service.
 */
class MapPageTest {
  private static final Locale ID = Locale.forLanguageTag("id-ID");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dataDir;
  @TempDir static Path offlineDataDir;
  static ServerFixture server;
  static Browser browser;
  static List<String> periods;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    periods = new ArrayList<>();
    server.json("/api/periods").get("periods").forEach(p -> periods.add(p.asText()));
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
    browser.consoleErrors(); // drain what earlier tests left
  }

  /** Every test runs under the server's Content-Security-Policy: nothing the page does may be refused. */
  @AfterEach
  void noContentSecurityPolicyViolation() {
    List<String> refused = browser.consoleErrors().stream().filter(m -> m.contains("Content Security Policy"))
        .distinct().limit(3).toList();
    assertEquals(List.of(), refused, "console errors from the Content-Security-Policy");
  }

  @Test
  void theMapDrawsEveryKelurahanInTheApisColoursWithLegendTableAndNoRequestOffTheMachine() throws Exception {
    open(server, "/");
    String query = query("kelurahan", "ALL", periods.get(0), "coverage_rate", "quantile", "5", null);
    assertMapMatchesApi(query);
    assertEquals(31, drawnFills().size());

    String flags = text("#legend .legend-flags");
    // The default shows surveyed borders: only the demo data is flagged.
    assertTrue(!flags.contains("Batas wilayah skematis") && flags.contains("Data sintetis"), flags);

    // The table is the text alternative: 31 rows, most uncovered first, as /api/ranking orders them.
    JsonNode ranking = server.json("/api/ranking?period=" + periods.get(0)).get("rows");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#table tbody tr[data-code]"));
    assertEquals(31, rows.size());
    for (int i = 0; i < rows.size(); i++) assertEquals(ranking.get(i).get("code").asText(), rows.get(i).getAttribute("data-code"));
    assertTrue(rows.get(0).getText().contains(integer(ranking.get(0).get("uncovered").asLong())), rows.get(0).getText());
    String[] csv = ((String) browser.js("return cakupan.csv()")).split("\r?\n");
    assertEquals(32, csv.length);
    assertTrue(csv[0].startsWith("\uFEFFNo.;Kode;Nama;Tingkat;Kecamatan;Kode kecamatan;Sektor;Periode;Peserta aktif;Tenaga kerja;Cakupan (%);Belum terlindungi"), csv[0]);
    assertTrue(csv[1].startsWith("1;" + ranking.get(0).get("code").asText() + ";"), csv[1]);

    // The URL names the whole view, and everything the page loaded came from the service itself.
    assertTrue(browser.driver.getCurrentUrl().contains("period=" + periods.get(0)));
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) browser.js(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])");
    for (String url : resources) assertEquals("127.0.0.1", URI.create(url).getHost(), url);

    // Under the strict policy the page still works and the console stays clean: no refusals, no errors.
    String policy = server.get("/").headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"), policy);
    assertEquals(List.of(), browser.consoleErrors(), "console errors on the map page");
  }

  @Test
  void thePageCsvExportDefusesFormulasInTextButKeepsNegativeNumbers() throws Exception {
    open(server, "/");
    // The page's own exporter, fed rows as the layer would give them, with hostile names.
    @SuppressWarnings("unchecked")
    List<String> lines = (List<String>) browser.js("return import('/js/table.js').then(m => m.toCsv(["
        + "{rank: 1, code: '31.72.03.1004', name: '=HYPERLINK(\"http://x\",\"y\")', level: 'kelurahan',"
        + " kecamatan: '@SUM(A1)', participants: 5, change: -12, fill: '#abcdef'},"
        + "{rank: 2, code: '31.72.03.1005', name: '+1', kecamatan: '-2', change: 3},"
        + "{rank: 3, code: '31.72.03.1006', name: '\\tTab', kecamatan: '\\rCr', change: null}"
        + "]).split('\\r\\n'))");
    // The page is in Bahasa Indonesia: ';' between cells.
    String[] first = lines.get(1).split(";", -1);
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", first[2], lines.get(1));
    assertTrue(lines.get(1).contains(";'@SUM(A1);"), lines.get(1));
    assertTrue(lines.get(1).contains(";5;;;;-12;"), "a negative change stays a number: " + lines.get(1));
    assertTrue(lines.get(2).startsWith("2;31.72.03.1005;'+1;;'-2;;;;;;;;3;"), lines.get(2));
    assertTrue(lines.get(3).startsWith("3;31.72.03.1006;'\tTab;;\"'\rCr\";"), lines.get(3));
  }

  @Test
  void sectorMetricAndMonthRecolourTheMapAndTheLegendAndPlayKeepsTheBreaksFixed() throws Exception {
    open(server, "/");
    Map<String, String> before = drawnFills();

    new Select(browser.driver.findElement(By.id("sector"))).selectByValue("BPU");
    String bpu = query("kelurahan", "BPU", periods.get(0), "coverage_rate", "quantile", "5", null);
    assertMapMatchesApi(bpu);
    assertNotEquals(before, drawnFills());
    assertTrue(text("#legend .legend-sub").contains("Bukan Penerima Upah"), text("#legend .legend-sub"));

    new Select(browser.driver.findElement(By.id("metric"))).selectByValue("uncovered");
    String uncovered = query("kelurahan", "BPU", periods.get(0), "uncovered", "quantile", "5", null);
    assertMapMatchesApi(uncovered);
    assertEquals("Pekerja belum terlindungi", text("#legend .legend-title"));

    WebElement slider = browser.driver.findElement(By.id("month"));
    slider.sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT);
    String start = periods.get(3);
    String earlier = query("kelurahan", "BPU", start, "uncovered", "quantile", "5", null);
    assertMapMatchesApi(earlier);
    assertTrue(browser.driver.getCurrentUrl().contains("period=" + start));
    assertEquals(formatMonth(start), text("#month-label"));

    // Play: every frame is classified with the starting month's inner breaks (method=manual).
    JsonNode startBreaks = server.json("/api/choropleth?" + earlier).get("legend").get("breaks");
    StringJoiner inner = new StringJoiner(",");
    double last = Double.NEGATIVE_INFINITY;
    for (int i = 1; i < startBreaks.size() - 1; i++) {
      double b = startBreaks.get(i).asDouble();
      if (b > last) inner.add(BigDecimal.valueOf(b).stripTrailingZeros().toPlainString());
      last = Math.max(last, b);
    }
    browser.driver.findElement(By.id("play")).click();
    String nextFrame = "level=kelurahan&sector=BPU&period=" + periods.get(2) + "&metric=uncovered&method=manual&breaks=" + inner;
    browser.waitFor("the next animation frame", d -> nextFrame.equals(layerQuery()));
    browser.driver.findElement(By.id("play")).click();
    assertEquals("false", browser.driver.findElement(By.id("play")).getAttribute("aria-pressed"));
    waitReady();
    String shown = layerQuery();
    assertTrue(shown.endsWith("&metric=uncovered&method=manual&breaks=" + inner), shown);
    assertMapMatchesApi(shown);
    assertTrue(browser.driver.getCurrentUrl().contains("breaks=" + inner), browser.driver.getCurrentUrl());
    assertEquals("manual", new Select(browser.driver.findElement(By.id("method"))).getFirstSelectedOption().getAttribute("value"));
  }

  @Test
  void clickingAPolygonOpensThePanelWithThatKelurahansFiguresAndCharts() throws Exception {
    open(server, "/");
    String code = "31.72.03.1004";
    JsonNode feature = null;
    for (JsonNode f : server.json("/api/choropleth?period=" + periods.get(0)).get("features")) if (f.get("id").asText().equals(code)) feature = f;
    assertNotNull(feature);
    String rate = percent(feature.get("properties").get("coverage_rate").asDouble());

    // Hover: a tooltip with the name and the mapped value, and the table row lights up.
    Map<String, Integer> at = pointOf(code);
    new Actions(browser.driver).moveToLocation(at.get("x"), at.get("y")).perform();
    WebElement tip = browser.waitFor("the tooltip", d -> d.findElements(By.cssSelector(".leaflet-tooltip.area-tip")).stream().findFirst().orElse(null));
    assertTrue(tip.getText().contains("Rawa Badak Utara") && tip.getText().contains(rate), tip.getText());
    browser.waitFor("the hovered row", d -> d.findElement(By.cssSelector("#table tr[data-code='" + code + "']")).getAttribute("class").contains("hover"));
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("desktop-hover.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

    clickArea(code);
    browser.waitFor("the panel", d -> code.equals(browser.js("return document.getElementById('panel').dataset.code")));

    JsonNode detail = server.json("/api/kelurahan/" + code).get("properties");
    assertEquals(detail.get("name").asText(), text("#panel h2"));
    JsonNode all = lastOf(detail.get("series").get("ALL"));
    JsonNode bpu = lastOf(detail.get("series").get("BPU"));
    assertEquals(periods.get(0), all.get("period").asText());
    assertEquals(integer(all.get("participants").asLong()), cell("ALL", "participants"));
    assertEquals(integer(all.get("workforce").asLong()), cell("ALL", "workforce"));
    assertEquals(percent(all.get("coverage_rate").asDouble()), cell("ALL", "coverage_rate"));
    assertEquals(integer(bpu.get("uncovered").asLong()), cell("BPU", "uncovered"));
    List<WebElement> charts = browser.driver.findElements(By.cssSelector("#panel svg.chart"));
    assertEquals(4, charts.size());
    for (WebElement chart : charts) {
      assertEquals("24", chart.getAttribute("data-points"));
      assertFalse(chart.findElement(By.cssSelector("path.chart-line")).getAttribute("d").isEmpty());
    }

    assertTrue(browser.driver.getCurrentUrl().contains("sel=" + code));
    WebElement row = browser.driver.findElement(By.cssSelector("#table tr[data-code='" + code + "']"));
    assertTrue(row.getAttribute("class").contains("selected"));
    assertTrue(areaPath(code).getAttribute("class").contains("is-selected"));
  }

  @Test
  void aTableRowSelectsAndZoomsToItsPolygonByMouseAndByKeyboard() throws Exception {
    open(server, "/");
    JsonNode rows = server.json("/api/ranking?period=" + periods.get(0)).get("rows");
    String third = rows.get(2).get("code").asText();
    double zoomBefore = ((Number) browser.js("return cakupan.zoom()")).doubleValue();

    browser.driver.findElement(By.cssSelector("#table button.row-select[data-code='" + third + "']")).click();
    browser.waitFor("the polygon to be selected", d -> areaPath(third).getAttribute("class").contains("is-selected"));
    assertTrue(browser.driver.getCurrentUrl().contains("sel=" + third));
    assertTrue(((Number) browser.js("return cakupan.zoom()")).doubleValue() > zoomBefore);
    browser.waitFor("the panel", d -> third.equals(browser.js("return document.getElementById('panel').dataset.code")));
    assertEquals(rows.get(2).get("name").asText(), text("#panel h2"));

    String fifth = rows.get(4).get("code").asText();
    WebElement button = browser.driver.findElement(By.cssSelector("#table button.row-select[data-code='" + fifth + "']"));
    browser.js("arguments[0].focus()", button);
    button.sendKeys(Keys.ENTER);
    browser.waitFor("the keyboard selection", d -> browser.driver.getCurrentUrl().contains("sel=" + fifth));
    assertTrue(areaPath(fifth).getAttribute("class").contains("is-selected"));
    assertFalse(areaPath(third).getAttribute("class").contains("is-selected"));
    assertEquals("true", button.getAttribute("aria-pressed"));
  }

  @Test
  void aCopiedUrlRestoresTheSameViewInANewPage() throws Exception {
    open(server, "/");
    browser.driver.findElement(By.id("lang")).click();
    new Select(browser.driver.findElement(By.id("sector"))).selectByValue("JAKON");
    new Select(browser.driver.findElement(By.id("metric"))).selectByValue("participants");
    new Select(browser.driver.findElement(By.id("method"))).selectByValue("jenks");
    new Select(browser.driver.findElement(By.id("classes"))).selectByValue("4");
    new Select(browser.driver.findElement(By.id("kecamatan"))).selectByValue("31.72.04");
    browser.driver.findElement(By.id("month")).sendKeys(Keys.ARROW_LEFT);
    String expected = "level=kelurahan&sector=JAKON&period=" + periods.get(1) + "&metric=participants&method=jenks&classes=4&kecamatan=31.72.04";
    assertMapMatchesApi(expected);
    assertEquals(7, drawnFills().size());
    String code = browser.driver.findElement(By.cssSelector("#table tbody tr:nth-child(2)")).getAttribute("data-code");
    browser.driver.findElement(By.cssSelector("#table tbody tr:nth-child(2) button")).click();
    browser.waitFor("the selection in the URL", d -> d.getCurrentUrl().contains("sel=" + code));
    String url = browser.driver.getCurrentUrl();
    String original = browser.driver.getWindowHandle();

    browser.driver.switchTo().newWindow(WindowType.TAB);
    try {
      browser.driver.get(url);
      waitReady();
      assertMapMatchesApi(expected);
      assertEquals(url, browser.driver.getCurrentUrl());
      assertEquals("en", browser.js("return document.documentElement.lang"));
      assertEquals("BPJS Ketenagakerjaan coverage", text("h1"));
      assertEquals("Active participants", text("#legend .legend-title"));
      assertEquals("JAKON", selected("sector"));
      assertEquals("participants", selected("metric"));
      assertEquals("jenks", selected("method"));
      assertEquals("4", selected("classes"));
      assertEquals("31.72.04", selected("kecamatan"));
      assertEquals(formatMonthEn(periods.get(1)), text("#month-label"));
      browser.waitFor("the panel", d -> code.equals(browser.js("return document.getElementById('panel').dataset.code")));
      assertTrue(browser.driver.findElement(By.cssSelector("#table tr[data-code='" + code + "']")).getAttribute("class").contains("selected"));
      assertTrue(areaPath(code).getAttribute("class").contains("is-selected"));

      // A kecamatan view from a link: six polygons, and the panel sums its kelurahan (SPEC §3).
      browser.driver.get(server.base + "/?level=kecamatan&sector=BPU&period=" + periods.get(0) + "&metric=coverage_rate&sel=31.72.03");
      waitReady();
      String kecQuery = query("kecamatan", "BPU", periods.get(0), "coverage_rate", "quantile", "5", null);
      assertMapMatchesApi(kecQuery);
      assertEquals(6, drawnFills().size());
      browser.waitFor("the kecamatan panel", d -> "31.72.03".equals(browser.js("return document.getElementById('panel').dataset.code")));
      JsonNode koja = null;
      for (JsonNode f : server.json("/api/choropleth?" + kecQuery).get("features")) if (f.get("id").asText().equals("31.72.03")) koja = f.get("properties");
      assertNotNull(koja);
      assertEquals(integer(koja.get("participants").asLong()), cell("BPU", "participants"));
      assertEquals(percent(koja.get("coverage_rate").asDouble()), cell("BPU", "coverage_rate"));
    } finally {
      browser.driver.close();
      browser.driver.switchTo().window(original);
    }
  }

  @Test
  void withoutInternetAnUnreachableBasemapAMonthWithoutDataOrALostServiceThePageExplainsItself() throws Exception {
    ServerFixture offline = new ServerFixture(
        new Config(0, offlineDataDir, null, null, null, null, "https://tiles.example.org/{z}/{x}/{y}.png"));
    boolean closed = false;
    try {
      open(offline, "/");
      assertEquals(31, drawnFills().size());
      browser.waitFor("the basemap notice", d -> text("#notice").contains("Peta dasar tidak dapat dimuat"));
      assertFalse(browser.driver.findElement(By.id("message")).isDisplayed());
      @SuppressWarnings("unchecked")
      List<String> resources = (List<String>) browser.js("return performance.getEntriesByType('resource').map(e => e.name)");
      for (String url : resources) {
        String host = URI.create(url).getHost();
        assertTrue(host.equals("127.0.0.1") || host.equals("tiles.example.org"), url);
      }

      browser.driver.get(offline.base + "/?period=2020-01");
      waitStatus("error");
      assertTrue(text("#message").contains("Tidak ada data cakupan untuk Januari 2020"), text("#message"));
      assertEquals(6L, browser.js("return document.querySelectorAll('.leaflet-outlines-pane path').length"));
      browser.driver.findElement(By.cssSelector("#message button")).click();
      waitReady();
      assertEquals(31, drawnFills().size());
      assertTrue(browser.driver.getCurrentUrl().contains("period=" + periods.get(0)));

      offline.close();
      closed = true;
      new Select(browser.driver.findElement(By.id("sector"))).selectByValue("PU");
      waitStatus("error");
      assertTrue(text("#message").contains("tidak dapat dihubungi"), text("#message"));
      assertEquals(6L, browser.js("return document.querySelectorAll('.leaflet-outlines-pane path').length"));
    } finally {
      if (!closed) offline.close();
    }
  }

  @Test
  void screenshotsAtDesktopAndPhoneWidthAndAPngExport() throws Exception {
    Files.createDirectories(SCREENSHOTS);
    open(server, "/?level=kelurahan&sector=BPU&metric=coverage_rate&period=" + periods.get(0));
    clickArea("31.72.04.1006");
    browser.waitFor("the panel charts", d -> d.findElements(By.cssSelector("#panel svg.chart")).size() == 4);
    new Actions(browser.driver).moveToLocation(5, 400).perform();
    Files.write(SCREENSHOTS.resolve("desktop.png"), browser.driver.getScreenshotAs(OutputType.BYTES));

    String dataUrl = (String) browser.js("return cakupan.pngDataUrl()");
    assertTrue(dataUrl.startsWith("data:image/png;base64,"));
    byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    long mapWidth = (Long) browser.js("return document.getElementById('map').clientWidth");
    assertEquals(2 * mapWidth, image.getWidth());
    Files.write(SCREENSHOTS.resolve("export.png"), png);

    browser.viewport(390, 844, true);
    open(server, "/?level=kelurahan&sector=BPU&metric=coverage_rate&period=" + periods.get(0));
    Files.write(SCREENSHOTS.resolve("phone.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    Object wide = browser.js("return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > 391)"
        + ".filter(e => !e.closest('.leaflet-map-pane')).map(e => e.tagName + '#' + e.id + '.' + e.className).slice(0, 8).join('; ')");
    assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "no sideways scrolling on a phone: " + wide);
    assertFalse(browser.driver.findElement(By.id("controls-what")).isDisplayed());
    assertTrue(browser.driver.findElement(By.id("month")).isDisplayed());
    browser.driver.findElement(By.cssSelector("#table button.row-select[data-code='31.72.04.1006']")).click();
    browser.waitFor("the panel charts", d -> d.findElements(By.cssSelector("#panel svg.chart")).size() == 4);
    assertTrue((Long) browser.js("return document.documentElement.scrollWidth") <= 390, "no sideways scrolling with the panel open");
    browser.driver.findElement(By.id("toggle-controls")).click();
    assertTrue(browser.driver.findElement(By.id("controls-what")).isDisplayed());
    Map<String, Object> full = browser.driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true));
    Files.write(SCREENSHOTS.resolve("phone-full.png"), Base64.getDecoder().decode((String) full.get("data")));
  }

  // ------------------------------------------------------------------ helpers

  private static void open(ServerFixture s, String path) {
    browser.driver.get(s.base + path);
    waitReady();
  }

  private static void waitReady() {
    waitStatus("ready");
  }

  private static void waitStatus(String status) {
    browser.waitFor("page status " + status, d -> status.equals(browser.js("return document.body.dataset.status")));
  }

  private static String layerQuery() {
    return (String) browser.js("return document.getElementById('map').dataset.layer || null");
  }

  private static String query(String level, String sector, String period, String metric, String method, String classes, String kecamatan) {
    return "level=" + level + "&sector=" + sector + "&period=" + period + "&metric=" + metric + "&method=" + method
        + "&classes=" + classes + (kecamatan == null ? "" : "&kecamatan=" + kecamatan);
  }

  /** Waits for the page to draw this layer, then compares every fill and the legend with the API. */
  private static void assertMapMatchesApi(String query) throws Exception {
    browser.waitFor("layer " + query, d -> query.equals(layerQuery())
        && "ready".equals(browser.js("return document.body.dataset.status")));
    JsonNode fc = server.json("/api/choropleth?" + query);
    Map<String, String> expected = new LinkedHashMap<>();
    for (JsonNode f : fc.get("features")) expected.put(f.get("id").asText(), f.get("properties").get("fill").asText());
    assertEquals(expected, drawnFills(), "fills of " + query);

    JsonNode legend = fc.get("legend");
    List<WebElement> items = browser.driver.findElements(By.cssSelector("#legend li:not(.no-data)"));
    assertEquals(legend.get("colors").size(), items.size());
    String labels = "en".equals(browser.js("return document.documentElement.lang")) ? "labels_en" : "labels";
    for (int i = 0; i < items.size(); i++) {
      assertEquals(legend.get("colors").get(i).asText(), items.get(i).getAttribute("data-color"));
      assertEquals(legend.get(labels).get(i).asText(), items.get(i).findElement(By.cssSelector(".legend-label")).getText());
      assertEquals(legend.get("counts").get(i).asText(), items.get(i).getAttribute("data-count"));
    }
    assertEquals(legend.get("no_data").asText(),
        browser.driver.findElement(By.cssSelector("#legend li.no-data")).getAttribute("data-color"));
  }

  private static Map<String, String> drawnFills() {
    @SuppressWarnings("unchecked")
    Map<String, String> fills = (Map<String, String>) browser.js(
        "const out = {}; for (const p of document.querySelectorAll('#map path[data-code]')) out[p.dataset.code] = p.getAttribute('fill'); return out;");
    return new LinkedHashMap<>(fills);
  }

  private static WebElement areaPath(String code) {
    return browser.driver.findElement(By.cssSelector("#map path[data-code='" + code + "']"));
  }

  /** Clicks the map where the area is (a point inside it), after checking nothing covers it. */
  private static void clickArea(String code) {
    Map<String, Integer> p = pointOf(code);
    new Actions(browser.driver).moveToLocation(p.get("x"), p.get("y")).click().perform();
  }

  /** Viewport coordinates of a point inside the area, checked to be on its polygon and not under anything. */
  private static Map<String, Integer> pointOf(String code) {
    @SuppressWarnings("unchecked")
    Map<String, Long> p = (Map<String, Long>) browser.js("return cakupan.pointOf(arguments[0])", code);
    assertNotNull(p, "a point inside " + code);
    int x = p.get("x").intValue();
    int y = p.get("y").intValue();
    assertEquals(code, browser.js("const e = document.elementFromPoint(arguments[0], arguments[1]); return e && e.dataset.code", x, y),
        String.valueOf(browser.js("const e = document.elementFromPoint(arguments[0], arguments[1]); return e && (e.outerHTML.slice(0, 300) + ' in ' + (e.parentElement && e.parentElement.outerHTML.slice(0, 200)))", x, y)));
    return Map.of("x", x, "y", y);
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText().trim();
  }

  private static String selected(String id) {
    return new Select(browser.driver.findElement(By.id(id))).getFirstSelectedOption().getAttribute("value");
  }

  private static String cell(String sector, String metric) {
    return text("#panel td[data-sector='" + sector + "'][data-metric='" + metric + "']");
  }

  private static JsonNode lastOf(JsonNode array) {
    return array.get(array.size() - 1);
  }

  private static String integer(long v) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(ID)).format(v);
  }

  private static String percent(double rate) {
    DecimalFormat f = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(ID));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(rate * 100) + "%";
  }

  private static final String[] BULAN = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
      "September", "Oktober", "November", "Desember"};
  private static final String[] MONTH = {"January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"};

  private static String formatMonth(String period) {
    return BULAN[Integer.parseInt(period.substring(5)) - 1] + " " + period.substring(0, 4);
  }

  private static String formatMonthEn(String period) {
    return MONTH[Integer.parseInt(period.substring(5)) - 1] + " " + period.substring(0, 4);
  }
}
