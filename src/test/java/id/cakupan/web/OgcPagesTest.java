package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.api.ServerFixture;
import id.cakupan.app.Outreach;
import id.cakupan.auth.Principal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * An analyst browsing the OGC collections in a browser (which asks for text/html): from the list
 * of collections to one collection, its features on a map and in a table, the next page, and one
 * feature, under the page's Content-Security-Policy.
 */
class OgcPagesTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    browser = new Browser();
    browser.viewport(1280, 900, false);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void browsingFromTheCollectionsToOneFeature() throws Exception {
    browser.driver.get(server.base + "/ogc/collections");
    assertEquals("Koleksi", heading().replace(" (collections)", ""));
    String navy = browser.driver.findElement(By.cssSelector("header.bar")).getCssValue("background-color");
    assertTrue(navy.matches("rgba?\\(18, 53, 91(, 1)?\\)"), "the map page's navy header: " + navy);
    List<WebElement> rows = browser.driver.findElements(By.cssSelector(".ogc-table tbody tr"));
    assertEquals(server.json("/ogc/collections?f=json").get("collections").size(), rows.size(), "a row per collection");
    assertTrue(rows.size() >= 6, "kelurahan, kecamatan, coverage per level and the table: " + rows.size());

    browser.driver.findElement(By.linkText("kelurahan")).click();
    browser.waitFor("the collection page", d -> heading().equals("Kelurahan"));
    assertTrue(text(".ogc-facts").contains("http://www.opengis.net/def/crs/EPSG/0/32748"), text(".ogc-facts"));

    browser.driver.findElement(By.linkText("Lihat fitur")).click();
    browser.waitFor("the map of the first page", d -> "ready".equals(mapStatus()));
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("ogc-items.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
    assertEquals("10", browser.js("return document.getElementById('ogc-map').dataset.features"));
    assertEquals(10L, browser.js("return document.querySelectorAll('#ogc-map path.leaflet-interactive').length"));
    assertEquals(10, browser.driver.findElements(By.cssSelector(".ogc-table tbody tr")).size());
    assertTrue(text(".ogc-count").startsWith("10 dari 31"), text(".ogc-count"));

    browser.driver.findElement(By.cssSelector(".ogc-paging a[rel=next]")).click();
    browser.waitFor("the second page", d -> d.getCurrentUrl().contains("offset=10") && "ready".equals(mapStatus()));
    List<String> ids = browser.driver.findElements(By.cssSelector(".ogc-table tbody tr td:first-child a")).stream()
        .map(WebElement::getText).toList();
    assertTrue(ids.contains("31.72.03.1004"), ids.toString());

    browser.driver.findElement(By.linkText("31.72.03.1004")).click();
    browser.waitFor("the feature page", d -> heading().equals("Rawa Badak Utara") && "ready".equals(mapStatus()));
    assertEquals(1L, browser.js("return document.querySelectorAll('#ogc-map path.leaflet-interactive').length"));
    assertTrue(text(".ogc-facts").contains("Koja"), text(".ogc-facts"));

    // Back to the JSON the page was drawn from.
    WebElement json = browser.driver.findElement(By.cssSelector(".ogc-formats a[rel=alternate]"));
    assertEquals("application/json", json.getAttribute("type"));
    assertEquals(List.of(), browser.consoleErrors(), "no CSP violation or script error");
  }

  @Test
  void aClickOnAPolygonOpensItsFeature() {
    browser.driver.get(server.base + "/ogc/collections/kecamatan/items");
    browser.waitFor("the map", d -> "ready".equals(mapStatus()));
    assertEquals(6L, browser.js("return document.querySelectorAll('#ogc-map path.leaflet-interactive').length"));
    browser.js("document.querySelectorAll('#ogc-map path.leaflet-interactive')[2]"
        + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    browser.waitFor("a kecamatan's page", d -> d.getCurrentUrl().matches(".*/items/31\\.72\\.0\\d\\?f=html"));
    browser.waitFor("its map", d -> "ready".equals(mapStatus()));
    assertEquals(List.of(), browser.consoleErrors());
  }

  @Test
  void theActivitiesArePointsOnTheMapAndAClickOpensOne() throws Exception {
    for (String[] a : new String[][] {{"bazar", "2026-06-12", "31.72.03.1001"}, {"pelatihan", "2026-07-03", "31.72.01.1001"}}) {
      var parsed = server.app.outreach().parse(Outreach.newId(), Map.of("type", a[0], "status", "selesai", "date", a[1],
          "organiser", "Kecamatan Koja", "code", a[2]));
      assertTrue(parsed.accepted(), parsed.errors().toString());
      server.app.outreach().create(parsed.activity(), Principal.operator("cli:test"));
    }
    browser.driver.get(server.base + "/ogc/collections?f=html");
    browser.driver.findElement(By.linkText("activities")).click();
    browser.waitFor("the collection page", d -> heading().equals("Outreach activities"));
    assertTrue(text(".ogc-facts").contains("2026-06-12T00:00:00Z – 2026-07-03T23:59:59Z"), text(".ogc-facts"));
    browser.driver.findElement(By.linkText("Lihat fitur")).click();
    browser.waitFor("the map of the activities", d -> "ready".equals(mapStatus()));
    assertEquals("2", browser.js("return document.getElementById('ogc-map').dataset.features"));
    assertEquals(2L, browser.js("return document.querySelectorAll('#ogc-map path.leaflet-interactive').length"),
        "each activity a circle");
    assertEquals(2, browser.driver.findElements(By.cssSelector(".ogc-table tbody tr")).size());
    browser.js("document.querySelectorAll('#ogc-map path.leaflet-interactive')[0]"
        + ".dispatchEvent(new MouseEvent('click', {bubbles: true}))");
    browser.waitFor("an activity's page", d -> d.getCurrentUrl().matches(".*/activities/items/[0-9a-f]+\\?f=html")
        && "ready".equals(mapStatus()));
    assertTrue(heading().matches("(bazar|pelatihan) · .+ · 2026-0[67]-\\d\\d"), heading());
    assertEquals(List.of(), browser.consoleErrors(), "no CSP violation or script error");
  }

  @Test
  void aTableWithoutGeometryHasNoMap() {
    browser.driver.get(server.base + "/ogc/collections/coverage-kelurahan-table/items?limit=5");
    assertEquals(5, browser.driver.findElements(By.cssSelector(".ogc-table tbody tr")).size());
    assertEquals(0, browser.driver.findElements(By.id("ogc-map")).size());
    assertEquals(List.of(), browser.consoleErrors());
  }

  private static String heading() {
    return browser.driver.findElement(By.cssSelector("main h2")).getText();
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static Object mapStatus() {
    return browser.js("var m = document.getElementById('ogc-map'); return m && m.dataset.status");
  }
}
