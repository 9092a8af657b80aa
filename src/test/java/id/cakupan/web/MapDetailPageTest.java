package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map page asks for the geometry detail its zoom needs and refines it when the user zooms in. */
class MapDetailPageTest {
  @TempDir static Path dir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dir, SharedGeodata.file(SharedGeodata.SHAPEFILE));
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void zoomingInBringsFinerGeometryAndKeepsTheLayerMeanwhile() {
    browser.driver.get(server.base + "/");
    browser.waitFor("page status ready", d -> "ready".equals(browser.js("return document.body.dataset.status")));
    long first = number("return window.cakupan.detailZoom()");
    double zoom = ((Number) browser.js("return window.cakupan.zoom()")).doubleValue();
    assertTrue(first >= Math.ceil(zoom - 0.01), "detail for zoom " + first + " drawn at zoom " + zoom);
    long paths = number("return document.querySelectorAll('#map path[data-code]').length");
    assertEquals(31, paths);
    String before = (String) browser.js("return document.querySelector('#map path[data-code]').getAttribute('d')");

    browser.js("document.querySelector('.leaflet-control-zoom-in').click();"
        + "document.querySelector('.leaflet-control-zoom-in').click(); document.querySelector('.leaflet-control-zoom-in').click();");
    browser.waitFor("finer geometry", d -> number("return window.cakupan.detailZoom()") > first);
    assertEquals(31, number("return document.querySelectorAll('#map path[data-code]').length"), "the same kelurahan");
    assertEquals("ready", browser.js("return document.body.dataset.status"));
    String after = (String) browser.js("return document.querySelector('#map path[data-code]').getAttribute('d')");
    assertTrue(!after.equals(before), "redrawn");
  }

  private static long number(String script) {
    Object v = browser.js(script);
    return v == null ? -1 : ((Number) v).longValue();
  }
}
