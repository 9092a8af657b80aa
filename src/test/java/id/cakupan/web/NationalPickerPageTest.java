package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.TwoProvinsi;
import id.cakupan.api.ServerFixture;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The worklist's and the outreach page's kecamatan picker in a national-shaped region of two
 * provinsi ({@link TwoProvinsi}): provinsi → kabupaten/kota → kecamatan or a search by name, every
 * list from /api/places, never every kecamatan's figures; in the default city region still one select.
 */
class NationalPickerPageTest {
  @RegisterExtension static final ServerFixture city = ServerFixture.perClass();
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
  void theWorklistReachesAKecamatanThroughProvinsiAndKota() {
    browser.driver.get(server.base + "/worklist.html");
    waitReady();
    waitForOptions("#provinsi option", 3);
    assertEquals(1L, count("#kecamatan option"), "no kecamatan before a kota");
    assertEquals(Boolean.TRUE, browser.js("return document.getElementById('kecamatan').disabled"));
    assertEquals("Cari kecamatan", text(".place-search span"), "labels in Bahasa Indonesia");
    assertEquals("Kabupaten/Kota", text(".place-kota span"));

    new Select(browser.driver.findElement(By.id("provinsi"))).selectByVisibleText("Jawa Barat");
    waitForOptions("#kota option[value='32.72']", 1);
    new Select(browser.driver.findElement(By.id("kota"))).selectByValue("32.72");
    waitForOptions("#kecamatan option", 7);
    new Select(browser.driver.findElement(By.id("kecamatan"))).selectByVisibleText("Koja");
    browser.waitFor("Koja's worklist", d -> browser.driver.getCurrentUrl().contains("kecamatan=32.72.03") ? true : null);
    waitReady();
    assertEquals("Daftar kerja — Kecamatan Koja", text("#heading"));
    assertTrue(count("#worklist tbody tr[data-code]") > 0, "Koja's kelurahan are listed");

    // A link to a kecamatan opens with the selects leading to it.
    browser.driver.get(server.base + "/worklist.html?kecamatan=31.72.04");
    waitReady();
    browser.waitFor("the selects of Cilincing", d ->
        List.of("31", "31.72", "31.72.04").equals(selectValues()) ? true : null);
    assertEquals("Daftar kerja — Kecamatan Cilincing", text("#heading"));
    assertEquals(0L, wholeKecamatanFigures());
    assertNoConsoleErrors();
  }

  @Test
  void theOutreachPageFindsAKecamatanByName() {
    browser.driver.get(server.base + "/kegiatan.html?kecamatan=32.72.03");
    waitReady();
    browser.waitFor("the selects of Koja", d -> List.of("32", "32.72", "32.72.03").equals(selectValues()) ? true : null);

    browser.driver.findElement(By.id("kecamatan-search")).sendKeys("penjar");
    browser.waitFor("two Penjaringan", d -> count("#kecamatan-matches button") == 2 ? true : null);
    assertTrue(text("#kecamatan-matches button[data-code='31.72.01']").contains("DKI Jakarta"),
        "a match says where it lies: " + text("#kecamatan-matches button[data-code='31.72.01']"));
    browser.driver.findElement(By.cssSelector("#kecamatan-matches button[data-code='31.72.01']")).click();
    browser.waitFor("Penjaringan", d -> browser.driver.getCurrentUrl().contains("kecamatan=31.72.01") ? true : null);
    waitReady();
    assertEquals(List.of("31", "31.72", "31.72.01"), selectValues());

    // A name nobody has says so, in Bahasa Indonesia.
    browser.driver.findElement(By.id("kecamatan-search")).sendKeys("zzzq");
    browser.waitFor("no match", d -> text("#kecamatan-matches").contains("Tidak ada kecamatan") ? true : null);
    browser.driver.findElement(By.id("reach-title")).click(); // a tap elsewhere closes the matches
    browser.waitFor("the matches closed", d -> Boolean.TRUE.equals(browser.js("return document.getElementById('kecamatan-matches').hidden")) ? true : null);

    // Another kota of the provinsi: the kecamatan chosen no longer applies, the page shows the whole region.
    new Select(browser.driver.findElement(By.id("kota"))).selectByValue("31.71");
    browser.waitFor("no kecamatan", d -> !browser.driver.getCurrentUrl().contains("kecamatan=") ? true : null);
    assertEquals(0L, wholeKecamatanFigures());
    assertNoConsoleErrors();
  }

  @Test
  void aCityKeepsOneSelectOfItsKecamatan() {
    browser.driver.get(city.base + "/worklist.html?kecamatan=31.72.03");
    waitReady();
    waitForOptions("#kecamatan option", 7);
    assertEquals(0L, count("#provinsi"), "no provinsi step for a city");
    assertEquals(0L, count("#kecamatan-search"));
    assertEquals("31.72.03", browser.js("return document.getElementById('kecamatan').value"));
    assertEquals(0L, wholeKecamatanFigures());
  }

  private static List<?> selectValues() {
    return (List<?>) browser.js("return ['provinsi', 'kota', 'kecamatan'].map(id => document.getElementById(id) ? document.getElementById(id).value : null)");
  }

  private static long wholeKecamatanFigures() {
    return ((Number) browser.js("return performance.getEntriesByType('resource').map(e => new URL(e.name))"
        + ".filter(u => u.pathname === '/api/choropleth' && u.searchParams.get('level') === 'kecamatan'"
        + " && !u.searchParams.has('bbox') && !u.searchParams.has('kecamatan')).length")).longValue();
  }

  private static void waitForOptions(String css, long n) {
    browser.waitFor(n + " of " + css, d -> count(css) == n ? true : null);
  }

  private static long count(String css) {
    return ((Number) browser.js("return document.querySelectorAll(arguments[0]).length", css)).longValue();
  }

  private static String text(String css) {
    return (String) browser.js("const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;", css);
  }

  private static void assertNoConsoleErrors() {
    List<String> errors = browser.consoleErrors().stream().filter(m -> !m.contains("favicon.ico")).toList();
    assertTrue(errors.isEmpty(), errors.toString());
  }

  private static void waitReady() {
    browser.waitFor("page status ready", d -> "ready".equals(browser.js("return document.body.dataset.status")) ? true : null);
  }
}
