package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.TwoProvinsi;
import id.cakupan.api.ServerFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The map page's national mode on a small region that spans two provinsi ({@link TwoProvinsi}):
 * every zoom is drawn from the vector tiles (the coarser level of the zoom, then kelurahan), and
 * legend, table and tooltips follow the level drawn; no GeoJSON with geometry is asked for.
 */
class NationalMapPageTest {
  @TempDir static Path dir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = TwoProvinsi.server(dir);
    browser = new Browser();
    browser.viewport(1280, 800, false);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void everyZoomIsDrawnFromVectorTilesWithTheLegendTableAndTooltipsOfTheLevelDrawn() throws Exception {
    JsonNode region = server.json("/api/config").get("region");
    assertTrue(region.get("national").asBoolean(), region.toString());
    assertTrue(region.get("levels").toString().contains("provinsi"), region.toString());
    int kelurahanFrom = region.get("tile_levels").get(region.get("tile_levels").size() - 1).get("minzoom").asInt();

    browser.driver.get(server.base + "/");
    waitReady();
    double zoom = ((Number) browser.js("return window.cakupan.zoom()")).doubleValue();
    assertTrue(zoom < kelurahanFrom, "the whole region is in view below the kelurahan zoom: " + zoom);
    assertEquals("tiles", browser.js("return window.cakupan.drawnLevel()"), "tiles from the first view on");
    String level = (String) browser.js("return window.cakupan.tileLevel()");
    assertTrue(List.of("provinsi", "kota", "kecamatan").contains(level), "a coarser level first: " + level);
    browser.waitFor("requests for tiles", d -> tileRequests() > 0 ? true : null);
    waitForCanvas();
    assertEquals(0L, ((Number) browser.js("return document.querySelectorAll('path.area').length")).longValue(), "no GeoJSON polygons");
    assertLegendAndTableOf(level);
    assertEquals(0L, geometryRequests(), "every choropleth request of the page is geometry=none");

    // Hot spots are deliberately off nationally, and say so in Indonesian.
    assertEquals(Boolean.TRUE, browser.js("return document.querySelector('#mode option[value=hotspot]').disabled"));
    assertTrue(((String) browser.js("return document.querySelector('#mode option[value=hotspot]').title")).contains("tidak tersedia"));
    // The kecamatan picker goes provinsi → kabupaten/kota → kecamatan, each list from /api/places:
    // the kecamatan select holds one kota's kecamatan, never the whole country's.
    browser.waitFor("the provinsi picker", d ->
        ((Number) browser.js("return document.querySelectorAll('#provinsi option').length")).longValue() == 3 ? true : null);
    assertEquals(1L, ((Number) browser.js("return document.querySelectorAll('#kecamatan option').length")).longValue(),
        "no kecamatan to choose before a kota");
    assertEquals(Boolean.TRUE, browser.js("return document.getElementById('kota').disabled"), "no kota before a provinsi");

    // Past the kelurahan zoom, on Koja (SPEC §2's point inside it): kelurahan tiles, their legend,
    // the kelurahan in view in the table, and a tooltip read from the tile under the pointer.
    browser.js("window.cakupan.setView(106.89896, -6.10589, arguments[0])", kelurahanFrom + 1);
    browser.waitFor("the kelurahan level", d -> "kelurahan".equals(browser.js("return window.cakupan.tileLevel()")) ? true : null);
    waitReady();
    assertLegendAndTableOf("kelurahan");
    assertTrue(((Number) browser.js("return document.querySelectorAll('#table tr[data-code=\"31.72.03.1001\"]').length")).longValue() == 1,
        "Koja, in view, is in the table");
    assertTrue(((String) browser.js("return document.getElementById('notice').textContent")).contains("terlihat di peta"));
    browser.waitFor("kelurahan tiles", d -> ((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/tiles/kelurahan/' + arguments[0] + '/')).length", kelurahanFrom + 1)).longValue() > 0 ? true : null);
    waitForCanvas();
    Thread.sleep(300); // the canvas is painted a moment after its tile arrives; the tooltip needs the tile in the renderer's cache
    browser.waitFor("a tooltip from the tile", d -> {
      Map<?, ?> at = (Map<?, ?>) browser.js("const r = document.getElementById('map').getBoundingClientRect();"
          + "return {x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2)};");
      new Actions(browser.driver).moveToLocation(((Number) at.get("x")).intValue() + 1, ((Number) at.get("y")).intValue()).perform();
      new Actions(browser.driver).moveToLocation(((Number) at.get("x")).intValue(), ((Number) at.get("y")).intValue()).perform();
      Object text = browser.js("const t = document.querySelector('.tile-tip'); return t ? t.textContent : null;");
      return text != null && ((String) text).contains("Koja") ? text : null;
    });
    assertEquals(0L, geometryRequests());

    // Zooming back out draws kecamatan from the tiles again, with their legend and table.
    browser.js("window.cakupan.setZoom(arguments[0])", kelurahanFrom - 2);
    browser.waitFor("the kecamatan level", d -> "kecamatan".equals(browser.js("return window.cakupan.tileLevel()")) ? true : null);
    waitReady();
    assertLegendAndTableOf("kecamatan");
    assertEquals(0L, geometryRequests());
    // Picking a kecamatan (provinsi, kota, then it) fits the map to it (its extent from the list) and
    // narrows tiles and table to it.
    browser.js("window.cakupan.setView(107.6, -6.15, arguments[0])", kelurahanFrom - 2); // over the other provinsi
    new Select(browser.driver.findElement(By.id("provinsi"))).selectByValue("31");
    browser.waitFor("the kota of DKI Jakarta", d ->
        ((Number) browser.js("return document.querySelectorAll('#kota option[value=\"31.72\"]').length")).longValue() == 1 ? true : null);
    new Select(browser.driver.findElement(By.id("kota"))).selectByValue("31.72");
    // A kota chosen frames the map on it (its extent from the kota list) before any kecamatan is.
    JsonNode utara = null;
    for (JsonNode k : server.json("/api/places?level=kota&parent=31").get("places")) if (k.get("code").asText().equals("31.72")) utara = k.get("bbox");
    double[] box = {utara.get(0).asDouble(), utara.get(1).asDouble(), utara.get(2).asDouble(), utara.get(3).asDouble()};
    browser.waitFor("the map on Jakarta Utara", d -> {
      List<?> c = (List<?>) browser.js("return window.cakupan.center()");
      double lon = ((Number) c.get(0)).doubleValue();
      double lat = ((Number) c.get(1)).doubleValue();
      return lon > box[0] && lon < box[2] && lat > box[1] && lat < box[3] ? true : null;
    });
    assertFalse(browser.driver.getCurrentUrl().contains("kecamatan="), "a kota is a view, not a filter");
    browser.waitFor("the kecamatan of Jakarta Utara", d ->
        ((Number) browser.js("return document.querySelectorAll('#kecamatan option').length")).longValue() == 7 ? true : null);
    new Select(browser.driver.findElement(By.id("kecamatan"))).selectByVisibleText("Koja");
    browser.waitFor("the kecamatan's kelurahan", d -> "kelurahan".equals(browser.js("return window.cakupan.tileLevel()")) ? true : null);
    waitReady();
    assertLegendAndTableOf("kelurahan");
    @SuppressWarnings("unchecked")
    List<String> rows = (List<String>) browser.js("return [...document.querySelectorAll('#table tr[data-code]')].map(r => r.dataset.code)");
    assertEquals(6, rows.size(), "Koja's six kelurahan: " + rows);
    assertTrue(rows.stream().allMatch(c -> c.startsWith("31.72.03.")), rows.toString());
    assertTrue(((String) browser.js("return document.getElementById('map').dataset.layer")).contains("kecamatan=31.72.03"));
    assertTrue(browser.driver.getCurrentUrl().contains("kecamatan=31.72.03"), browser.driver.getCurrentUrl());

    // Or found by name: the Koja of the other provinsi, and the selects follow it.
    browser.driver.findElement(By.id("kecamatan-search")).sendKeys("koja");
    browser.waitFor("two Koja", d ->
        ((Number) browser.js("return document.querySelectorAll('#kecamatan-matches button').length")).longValue() == 2 ? true : null);
    browser.driver.findElement(By.cssSelector("#kecamatan-matches button[data-code='32.72.03']")).click();
    browser.waitFor("the other Koja", d -> ((String) browser.js("return document.getElementById('map').dataset.layer || ''"))
        .contains("kecamatan=32.72.03") ? true : null);
    waitReady();
    assertEquals(List.of("32", "32.72", "32.72.03"), browser.js("return ['provinsi', 'kota', 'kecamatan'].map(id => document.getElementById(id).value)"));
    assertTrue((Boolean) browser.js("return document.getElementById('kecamatan-matches').hidden"));

    // Names came from /api/places alone, a few KB: never every kecamatan's figures (8 MB nationally).
    assertEquals(0L, wholeKecamatanFigures(), "no figures of every kecamatan for the picker's names");
    long placesBytes = ((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/api/places')).reduce((n, e) => n + e.encodedBodySize, 0)")).longValue();
    assertTrue(placesBytes > 0 && placesBytes < 20_000, "the picker's lists: " + placesBytes + " bytes");

    // No script error and no refused request (a 4xx would show here); the browser's own favicon probe aside.
    List<String> errors = browser.consoleErrors().stream().filter(m -> !m.contains("favicon.ico")).toList();
    assertTrue(errors.isEmpty(), errors.toString());
  }

  /** The legend and the table are the level the tiles draw: its classes, and rows of its codes. */
  private static void assertLegendAndTableOf(String level) {
    browser.waitFor("figures of " + level, d -> level.equals(browser.js("const l = window.cakupan.layer(); return l && l.level;")) ? true : null);
    long classes = ((Number) browser.js("return window.cakupan.legend().colors.length")).longValue();
    assertTrue(classes > 0, "a legend");
    assertEquals(classes, ((Number) browser.js("return document.querySelectorAll('#legend li[data-color]:not(.no-data)').length")).longValue(),
        "the legend drawn is the one of the figures in hand");
    @SuppressWarnings("unchecked")
    List<String> codes = (List<String>) browser.js("return [...document.querySelectorAll('#table tr[data-code]')].map(r => r.dataset.code)");
    assertFalse(codes.isEmpty(), "table rows of " + level);
    int parts = List.of("provinsi", "kota", "kecamatan", "kelurahan").indexOf(level) + 1;
    for (String c : codes) assertEquals(parts, c.split("\\.").length, level + " code " + c);
  }

  private static void waitForCanvas() {
    browser.waitFor("a tile drawn on canvas", d ->
        ((Number) browser.js("return document.querySelectorAll('.leaflet-tile-container canvas, canvas.leaflet-tile').length")).longValue() > 0
            ? true : null);
  }

  private static long geometryRequests() {
    return ((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/api/choropleth') && !e.name.includes('geometry=none')).length")).longValue();
  }

  /** Requests for every kecamatan's figures at once: neither narrowed to the view (bbox) nor to one kecamatan. */
  private static long wholeKecamatanFigures() {
    return ((Number) browser.js("return performance.getEntriesByType('resource').map(e => new URL(e.name))"
        + ".filter(u => u.pathname === '/api/choropleth' && u.searchParams.get('level') === 'kecamatan'"
        + " && !u.searchParams.has('bbox') && !u.searchParams.has('kecamatan')).length")).longValue();
  }

  private static long tileRequests() {
    return ((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/tiles/')).length")).longValue();
  }

  private static void waitReady() {
    browser.waitFor("page status ready", d -> "ready".equals(browser.js("return document.body.dataset.status")) ? true : null);
  }
}
