package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import id.cakupan.config.Config;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The map page's national mode on a small region that spans two provinsi: the mainland kelurahan
 * of the DKI gazetteer (provinsi 31) and a copy of them 0.7° further east under provinsi 32, with
 * schematic boundaries. At low zoom the page draws a coarser level as GeoJSON; past the kelurahan
 * zoom it switches to the vector tiles.
 */
class NationalMapPageTest {
  @TempDir static Path dir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("geodata/dki-jakarta.csv"), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("31.01.")) continue; // the islands would make the view mostly sea
      out.add(line);
      String[] f = line.split(",", -1);
      f[0] = "32" + f[0].substring(2);
      f[1] = "32" + f[1].substring(2);
      f[6] = String.format(Locale.ROOT, "%.5f", Double.parseDouble(f[6]) + 0.7);
      out.add(String.join(",", f));
    }
    Path gazetteer = dir.resolve("two-provinsi.csv");
    Files.write(gazetteer, out, StandardCharsets.UTF_8);
    Path data = Files.createDirectories(dir.resolve("data"));
    server = new ServerFixture(new Config(0, data, null, gazetteer, null, null, null, null, 64L << 20));
    browser = new Browser();
    browser.viewport(1280, 800, false);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void lowZoomsDrawACoarserLevelAndPastTheKelurahanZoomThePageSwitchesToVectorTiles() throws Exception {
    JsonNode region = server.json("/api/config").get("region");
    assertTrue(region.get("national").asBoolean(), region.toString());
    assertTrue(region.get("levels").toString().contains("provinsi"), region.toString());
    int kelurahanFrom = region.get("tile_levels").get(region.get("tile_levels").size() - 1).get("minzoom").asInt();

    browser.driver.get(server.base + "/");
    waitReady();
    double zoom = ((Number) browser.js("return window.cakupan.zoom()")).doubleValue();
    assertTrue(zoom < kelurahanFrom, "the whole region is in view below the kelurahan zoom: " + zoom);
    String level = (String) browser.js("return window.cakupan.drawnLevel()");
    assertTrue(List.of("provinsi", "kota", "kecamatan").contains(level), "a coarser level first: " + level);
    assertEquals(0L, tileRequests(), "no vector tiles below the kelurahan zoom");
    long areas = ((Number) browser.js("return document.querySelectorAll('path.area').length")).longValue();
    assertTrue(areas > 0 && areas < 100, "the coarser level's polygons as GeoJSON: " + areas);

    browser.js("window.cakupan.setZoom(arguments[0])", kelurahanFrom + 1);
    browser.waitFor("the vector tiles", d -> "tiles".equals(browser.js("return window.cakupan.drawnLevel()")));
    browser.waitFor("requests for kelurahan tiles", d -> tileRequests() > 0 ? true : null);
    browser.waitFor("the GeoJSON polygons to go", d ->
        ((Number) browser.js("return document.querySelectorAll('path.area').length")).longValue() == 0 ? true : null);
    browser.waitFor("a tile drawn on canvas", d ->
        ((Number) browser.js("return document.querySelectorAll('.leaflet-tile-container canvas, canvas.leaflet-tile').length")).longValue() > 0
            ? true : null);
    assertTrue(((String) browser.js("return document.getElementById('map').dataset.layer")).startsWith("tiles:"));

    // Zooming back out leaves the tiles for the coarser level's GeoJSON again.
    browser.js("window.cakupan.setZoom(arguments[0])", kelurahanFrom - 2);
    browser.waitFor("the coarser level again", d -> {
      Object l = browser.js("return window.cakupan.drawnLevel()");
      return "kecamatan".equals(l) ? true : null;
    });
  }

  private static long tileRequests() {
    return ((Number) browser.js("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/tiles/kelurahan/')).length")).longValue();
  }

  private static void waitReady() {
    browser.waitFor("page status ready", d -> "ready".equals(browser.js("return document.body.dataset.status")) ? true : null);
  }
}
