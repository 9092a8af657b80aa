package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.api.ServerFixture;
import id.cakupan.boundary.Region;
import id.cakupan.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The page's title, first view and level choices follow the region the service was started for. */
class RegionPageTest {
  @TempDir static Path utaraDir;
  @TempDir static Path dkiDir;
  static ServerFixture utara;
  static ServerFixture dki;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    utara = new ServerFixture(utaraDir, null);
    dki = new ServerFixture(new Config(0, dkiDir, null, null, null, null, null, Region.DKI_JAKARTA));
    browser = new Browser();
    browser.viewport(1280, 800, false);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (dki != null) dki.close();
    if (utara != null) utara.close();
  }

  @Test
  void dkiJakartaIsNamedOffersTheKotaLevelAndOpensOnTheMainlandWithAKepulauanSeribuView() {
    open(dki, "/");
    assertEquals("Provinsi DKI Jakarta", text(".brand .place"));
    assertTrue(browser.driver.getTitle().endsWith("Provinsi DKI Jakarta"), browser.driver.getTitle());
    assertEquals(List.of("kelurahan", "kecamatan", "kota"), levelOptions());
    assertEquals(267L, browser.js("return document.querySelectorAll('#map path[data-code]').length"));

    // First view: the mainland (about 6.1-6.4 S), not stretched up to the islands at 5.2 S.
    double mainlandZoom = zoom();
    assertTrue(mainlandZoom >= 10.5, "zoom " + mainlandZoom);
    assertTrue(centerLat() < -6.1, "centre " + centerLat());

    List<WebElement> views = browser.driver.findElements(By.cssSelector("#views button"));
    assertEquals(2, views.size());
    assertEquals("Kepulauan Seribu", views.get(1).getText());
    views.get(1).click();
    browser.waitFor("the Kepulauan Seribu view", d -> centerLat() > -6.0);
    views.get(0).click();
    browser.waitFor("back on the mainland", d -> centerLat() < -6.1);

    new Select(browser.driver.findElement(By.id("level"))).selectByValue("kota");
    browser.waitFor("the kota layer", d -> {
      Object q = browser.js("return document.getElementById('map').dataset.layer || ''");
      return q.toString().startsWith("level=kota&") && "ready".equals(browser.js("return document.body.dataset.status"));
    });
    assertEquals(6L, browser.js("return document.querySelectorAll('#map path[data-code]').length"));
    assertFalse(browser.driver.findElement(By.id("kecamatan")).isEnabled(), "no kecamatan filter on the kota level");
    assertTrue(browser.driver.getCurrentUrl().contains("level=kota"));
  }

  @Test
  void jakartaUtaraIsNamedAndHasNoKotaLevelAndNoViewButtons() {
    open(utara, "/?level=kota");
    assertEquals("Kota Administrasi Jakarta Utara", text(".brand .place"));
    assertTrue(browser.driver.getTitle().endsWith("Kota Administrasi Jakarta Utara"), browser.driver.getTitle());
    assertEquals(List.of("kelurahan", "kecamatan"), levelOptions());
    // A link asking for a level the region does not offer opens on kelurahan.
    assertEquals("kelurahan", new Select(browser.driver.findElement(By.id("level"))).getFirstSelectedOption().getAttribute("value"));
    assertEquals(31L, browser.js("return document.querySelectorAll('#map path[data-code]').length"));
    assertFalse(browser.driver.findElement(By.id("views")).isDisplayed());
  }

  private static void open(ServerFixture s, String path) {
    browser.driver.get(s.base + path);
    browser.waitFor("page status ready", d -> "ready".equals(browser.js("return document.body.dataset.status")));
  }

  private static List<String> levelOptions() {
    List<String> out = new ArrayList<>();
    for (WebElement o : new Select(browser.driver.findElement(By.id("level"))).getOptions()) out.add(o.getAttribute("value"));
    return out;
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText().trim();
  }

  private static double zoom() {
    return ((Number) browser.js("return cakupan.zoom()")).doubleValue();
  }

  private static double centerLat() {
    return ((Number) browser.js("return cakupan.center()[1]")).doubleValue();
  }
}
