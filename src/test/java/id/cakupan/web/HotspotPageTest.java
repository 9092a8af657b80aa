package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.analysis.ClusterData;
import id.cakupan.api.ServerFixture;
import id.cakupan.config.Config;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/** The map page's hot-spot mode in a real browser against /api/hotspots on the real Jakarta Utara boundaries. */
class HotspotPageTest {
  private static final String TOKEN = "hotspot-page-token";
  private static final String RAWA_BADAK_UTARA = "31.72.03.1004";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, TOKEN, null));
    HttpResponse<String> r = server.post("/api/imports/coverage",
        ClusterData.csv(ClusterData.jakartaUtara()).getBytes(StandardCharsets.UTF_8), "text/csv", "Authorization", "Bearer " + TOKEN);
    assertEquals(200, r.statusCode(), r.body());
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @Test
  void switchingToHotSpotsDrawsTheGiStarClassesWithTheirLegendAndTooltip() throws Exception {
    browser.driver.get(server.base + "/?sector=BPU&period=2026-10&metric=participants");
    waitForLayer("level=kelurahan");
    new Select(browser.driver.findElement(By.id("mode"))).selectByValue("hotspot");
    waitForLayer("hotspots:");

    // Hot spots exist for two metrics only; participants gave way to uncovered workers.
    Select metric = new Select(browser.driver.findElement(By.id("metric")));
    assertEquals("uncovered", metric.getFirstSelectedOption().getAttribute("value"));
    assertEquals(2, metric.getOptions().size());
    assertTrue(browser.driver.findElement(By.id("level")).getAttribute("disabled") != null);
    assertTrue(!browser.driver.findElement(By.id("method")).isDisplayed(), "no classification to choose");
    assertTrue(browser.driver.getCurrentUrl().contains("mode=hotspot"), browser.driver.getCurrentUrl());

    // The legend in Bahasa Indonesia, one row per class, with the colours the API gives.
    JsonNode fc = server.json("/api/hotspots?sector=BPU&period=2026-10&metric=uncovered");
    Map<String, String> legend = new LinkedHashMap<>();
    for (WebElement li : browser.driver.findElements(By.cssSelector("#legend li[data-class]"))) {
      legend.put(li.getAttribute("data-class"), li.getText());
      int i = indexOf(fc.get("legend").get("classes"), li.getAttribute("data-class"));
      assertEquals(fc.get("legend").get("colors").get(i).asText(), li.getAttribute("data-color"));
    }
    assertEquals(List.of("hot_99", "hot_95", "hot_90", "not_significant", "cold_90", "cold_95", "cold_99", "no_neighbours", "no_data"),
        List.copyOf(legend.keySet()));
    assertTrue(legend.get("hot_99").startsWith("Titik panas 99%"), legend.toString());
    assertTrue(legend.get("cold_95").startsWith("Titik dingin 95%"), legend.toString());
    assertTrue(legend.get("not_significant").startsWith("Tidak signifikan"), legend.toString());
    assertTrue(legend.get("no_neighbours").startsWith("Tanpa tetangga"), legend.toString());
    assertTrue(legend.get("no_data").startsWith("Tidak ada data"), legend.toString());
    assertTrue(browser.driver.findElement(By.id("legend")).getText().contains("Titik panas: Pekerja belum terlindungi"));

    // Every kelurahan is drawn in its class's colour, as /api/hotspots classes it.
    @SuppressWarnings("unchecked")
    Map<String, String> drawn = (Map<String, String>) browser.js(
        "const out = {}; for (const p of document.querySelectorAll('#map path[data-code]')) out[p.dataset.code] = p.getAttribute('fill'); return out;");
    assertEquals(31, drawn.size());
    JsonNode rbu = null;
    for (JsonNode f : fc.get("features")) {
      assertEquals(f.get("properties").get("fill").asText(), drawn.get(f.get("id").asText()), f.get("id").asText());
      if (f.get("id").asText().equals(RAWA_BADAK_UTARA)) rbu = f.get("properties");
    }
    assertNotNull(rbu);
    String cls = rbu.get("hotspot").asText();
    assertTrue(cls.startsWith("hot_"), cls);
    assertEquals(legendColour(fc, cls), drawn.get(RAWA_BADAK_UTARA));

    // The PNG export draws the same legend.
    String png = (String) browser.js("return cakupan.png().legend");
    String dataUrl = (String) browser.js("return cakupan.png().dataUrl");
    java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
    java.nio.file.Files.write(Path.of("target", "screenshots", "hotspots-export.png"),
        java.util.Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1)));
    JsonNode drawnLegend = ServerFixture.parse(png);
    assertEquals(9, drawnLegend.size(), png);
    assertEquals("Titik panas 99%", drawnLegend.get(0).get("label").asText());
    assertEquals("Tidak ada data", drawnLegend.get(8).get("label").asText());
    assertEquals(legendColour(fc, "hot_99"), drawnLegend.get(0).get("color").asText());

    // The tooltip names the class, z and the adjusted p.
    @SuppressWarnings("unchecked")
    Map<String, Long> at = (Map<String, Long>) browser.js("return cakupan.pointOf(arguments[0])", RAWA_BADAK_UTARA);
    new Actions(browser.driver).moveToLocation(at.get("x").intValue(), at.get("y").intValue()).perform();
    WebElement tip = browser.waitFor("the tooltip",
        d -> d.findElements(By.cssSelector(".leaflet-tooltip.area-tip")).stream().findFirst().orElse(null));
    String text = tip.getText();
    String label = fc.get("legend").get("labels").get(indexOf(fc.get("legend").get("classes"), cls)).asText();
    assertTrue(text.contains("Rawa Badak Utara") && text.contains("Kelas: " + label), text);
    String z = String.format(java.util.Locale.ROOT, "%.2f", rbu.get("gi_z").asDouble()).replace('.', ',');
    assertTrue(text.contains("z = +" + z) && text.contains("p (FDR) < 0,001"), text);
    assertEquals(cls, browser.js("return document.querySelector('.leaflet-tooltip .tip-hotspot').dataset.hotspot"));
    java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
    java.nio.file.Files.write(Path.of("target", "screenshots", "hotspots.png"),
        browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

    // A link keeps the mode; coverage rate shows the same block as a cold spot.
    browser.driver.navigate().refresh();
    waitForLayer("hotspots:");
    new Select(browser.driver.findElement(By.id("metric"))).selectByValue("coverage_rate");
    waitForLayer("hotspots:sector=BPU&period=2026-10&metric=coverage_rate");
    String rate = (String) browser.js("return cakupan.layer().features.find(f => f.id === arguments[0]).properties.hotspot", RAWA_BADAK_UTARA);
    assertTrue(rate.startsWith("cold_"), rate);

    // And back to the thematic map.
    new Select(browser.driver.findElement(By.id("mode"))).selectByValue("choropleth");
    waitForLayer("level=kelurahan");
    assertTrue(browser.driver.findElement(By.id("level")).getAttribute("disabled") == null);
    assertTrue(browser.driver.findElement(By.id("method")).isDisplayed());
  }

  private static int indexOf(JsonNode array, String value) {
    for (int i = 0; i < array.size(); i++) if (array.get(i).asText().equals(value)) return i;
    throw new AssertionError(value + " not in " + array);
  }

  private static String legendColour(JsonNode fc, String cls) {
    return fc.get("legend").get("colors").get(indexOf(fc.get("legend").get("classes"), cls)).asText();
  }

  /** Waits until the page has drawn a layer whose query starts with {@code prefix} ("hotspots:…" in hot-spot mode). */
  private static void waitForLayer(String prefix) {
    browser.waitFor("a drawn layer " + prefix, d -> "ready".equals(browser.js("return document.body.dataset.status"))
        && String.valueOf(browser.js("return document.getElementById('map').dataset.layer || ''")).startsWith(prefix));
  }
}
