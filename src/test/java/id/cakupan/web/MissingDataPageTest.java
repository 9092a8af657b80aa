package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.api.ServerFixture;
import id.cakupan.api.KojaCoverage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Missing data on the map page (SPEC §6): Koja in October 2026 has BPU data for 4 of its 6
 * kelurahan, so the kecamatan is drawn hatched with "4 dari 6 kelurahan" in its tooltip instead of
 * the no-data grey, and the kelurahan table lists the two without complete data under their own
 * heading rather than at the bottom of the ranking.
 */
class MissingDataPageTest {
  static final String ADMIN_TOKEN = "missing-data-page-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = KojaCoverage.server(dataDir, ADMIN_TOKEN);
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  private static void open(String path) {
    browser.driver.get(server.base + path);
    browser.waitFor("page ready", d -> "ready".equals(browser.js("return document.body.dataset.status")));
  }

  private static String fill(String code) {
    return browser.driver.findElement(By.cssSelector("#map path[data-code='" + code + "']")).getAttribute("fill");
  }

  @Test
  void aKecamatanWithSomeMembersWithoutDataIsHatchedNotGrey() throws Exception {
    open("/?level=kecamatan&sector=BPU&metric=coverage_rate&period=2026-10");
    assertEquals("url(#cakupan-partial)", fill("31.72.03"), "Koja: 4 of 6 kelurahan with data");
    String noData = (String) browser.js("return cakupan.legend().no_data");
    assertEquals(noData, fill("31.72.01"), "Penjaringan has no data at all: grey");
    assertEquals(1L, browser.js("return document.querySelectorAll('#map svg pattern#cakupan-partial').length"),
        "the hatch is defined in the map's own SVG");
    assertTrue(browser.driver.findElement(By.cssSelector("#legend")).getText().contains("Sebagian data"));
    assertTrue(browser.driver.findElement(By.cssSelector("body")).getText().contains("hanya diketahui sebagian"),
        "the notice says partly known, not no data");

    String pngLegend = (String) browser.js("return cakupan.png().legend");
    assertTrue(pngLegend.contains("\"label\":\"Sebagian data\",\"color\":\"hatch\""), "the PNG draws the hatch too: " + pngLegend);

    @SuppressWarnings("unchecked")
    Map<String, Long> at = (Map<String, Long>) browser.js("return cakupan.pointOf(arguments[0])", "31.72.03");
    assertNotNull(at);
    new Actions(browser.driver).moveToLocation(at.get("x").intValue(), at.get("y").intValue()).perform();
    WebElement tip = browser.waitFor("the tooltip", d -> d.findElements(By.cssSelector(".leaflet-tooltip.area-tip"))
        .stream().findFirst().orElse(null));
    String text = tip.getText();
    assertTrue(text.contains("Koja") && text.contains("4 dari 6 kelurahan"), text);
    assertTrue(text.contains("35,6%"), "the rate over the kelurahan with data, 4629 of 13000: " + text);
    Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(Path.of("target", "screenshots", "partial-kecamatan.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void theTableListsIncompleteKelurahanUnderTheirOwnHeading() {
    open("/?level=kelurahan&sector=BPU&metric=uncovered&period=2026-10&kecamatan=31.72.03");
    List<WebElement> ranked = browser.driver.findElements(By.cssSelector("#table tbody:not(.check-data) tr[data-code]"));
    List<String> codes = new ArrayList<>();
    for (WebElement tr : ranked) codes.add(tr.getAttribute("data-code"));
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1006", "31.72.03.1004"), codes);
    assertTrue(ranked.get(0).getText().startsWith("1"), ranked.get(0).getText());
    assertEquals("Periksa data (data belum lengkap)", browser.driver.findElement(By.cssSelector("#table tbody.check-data tr.group-head")).getText());
    List<String> check = new ArrayList<>();
    for (WebElement tr : browser.driver.findElements(By.cssSelector("#table tbody.check-data tr[data-code]"))) {
      check.add(tr.getAttribute("data-code"));
      assertTrue(tr.getText().startsWith("–"), "no rank: " + tr.getText());
    }
    assertEquals(List.of("31.72.03.1003", "31.72.03.1005"), check);
  }
}
