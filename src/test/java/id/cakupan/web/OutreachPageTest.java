package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.config.Config;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Outreach activities in a real browser on the real Jakarta Utara boundaries: markers with their
 * type filter and popup on the map, the belum tersentuh outlines, the month calendar and the effect
 * table with its caveat.
 */
class OutreachPageTest {
  private static final String TOKEN = "outreach-page-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;
  static String bazarDone;
  static String pelatihanPlanned;
  static final List<String> ALL = new ArrayList<>();
  static String camatKoja;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null, null, TOKEN, null));
    // A done bazar at a recorded point in Koja, two more at the same market (a cluster), a planned
    // training without a point (drawn at the kelurahan's interior point) and one in Penjaringan.
    bazarDone = post("bazar", "selesai", "2026-06-12", "Kecamatan Koja", "31.72.03.1001", ",\"lon\":106.89896,\"lat\":-6.10589");
    ALL.add(bazarDone);
    ALL.add(post("bazar", "selesai", "2026-06-19", "Kecamatan Koja", "31.72.03.1001", ",\"lon\":106.89897,\"lat\":-6.10590"));
    ALL.add(post("sosialisasi", "selesai", "2026-06-26", "Sudin PPKUKM Jakarta Utara", "31.72.03.1001", ",\"lon\":106.89895,\"lat\":-6.10588"));
    pelatihanPlanned = post("pelatihan", "rencana", "2026-11-20", "BPJS Ketenagakerjaan Cabang Jakarta Tanjung Priok",
        "31.72.03.1002", "");
    ALL.add(pelatihanPlanned);
    ALL.add(post("pembinaan", "selesai", "2026-07-03", "Kecamatan Penjaringan", "31.72.01.1001", ""));
    camatKoja = server.app.accounts().create("Camat Koja", Role.CAMAT, "31.72.03", Principal.operator("cli:test")).secret();
    browser = new Browser();
  }

  private static String post(String type, String status, String date, String organiser, String code, String extra) throws Exception {
    String json = "{\"type\":\"" + type + "\",\"status\":\"" + status + "\",\"date\":\"" + date + "\",\"organiser\":\"" + organiser
        + "\",\"code\":\"" + code + "\",\"target_group\":\"pedagang pasar\",\"attendees\":40,\"registrations\":12" + extra + "}";
    HttpResponse<String> r = server.post("/api/activities", json.getBytes(StandardCharsets.UTF_8), "application/json",
        "Authorization", "Bearer " + TOKEN);
    assertEquals(201, r.statusCode(), r.body());
    return ServerFixture.parse(r.body()).get("id").asText();
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  /** Console errors but the browser's own favicon request, which the map page leaves to it. */
  private static List<String> pageErrors() {
    return browser.consoleErrors().stream().filter(m -> !m.contains("/favicon.ico")).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<String> shownIds() {
    return (List<String>) browser.js("return window.cakupan.activities()");
  }

  /** Ids on single markers plus the number inside clusters. */
  private static long drawnCount() {
    return (Long) browser.js("let n = document.querySelectorAll('.act-marker span[data-id]').length;"
        + "for (const c of document.querySelectorAll('.act-cluster span[data-count]')) n += Number(c.dataset.count); return n;");
  }

  private static void waitForMap() {
    browser.waitFor("the map with its activities", d -> "ready".equals(browser.js("return document.body.dataset.status"))
        && Boolean.TRUE.equals(browser.js("return document.querySelectorAll('.act-marker, .act-cluster').length > 0")));
  }

  @Test
  void markersAppearClusteredWhereDenseAndTheTypeFilterHidesAType() throws Exception {
    browser.driver.get(server.base + "/?sector=BPU&period=2026-10&metric=uncovered");
    waitForMap();
    // Compared with the API's list: another test may have planned one more.
    List<String> all = server.json("/api/activities").get("rows").findValuesAsText("id");
    assertTrue(all.containsAll(ALL), all.toString());
    assertEquals(Set.copyOf(all), Set.copyOf(shownIds()));
    assertEquals(all.size(), drawnCount(), "every activity is a marker or counted in a cluster");
    // The three at one market share a cluster at the city-wide zoom.
    Long biggest = (Long) browser.js("return Math.max(0, ...[...document.querySelectorAll('.act-cluster span')].map(s => Number(s.dataset.count)))");
    assertTrue(biggest >= 3, "cluster of " + biggest);

    // The filter box starts folded, leaving the map's corner free; open it.
    assertFalse(browser.driver.findElement(By.cssSelector(".act-filter input[name='act-type'][value='bazar']")).isDisplayed());
    browser.driver.findElement(By.cssSelector(".act-filter summary")).click();
    // Filter: without bazar, no bazar is drawn and the others stay.
    browser.driver.findElement(By.cssSelector(".act-filter input[name='act-type'][value='bazar']")).click();
    browser.waitFor("bazar filtered out", d -> shownIds().size() == all.size() - 2);
    assertFalse(shownIds().contains(bazarDone));
    assertEquals(all.size() - 2, drawnCount());
    assertEquals(0L, browser.js("return document.querySelectorAll('.act-marker span[data-type=bazar]').length"));
    assertTrue(browser.driver.findElement(By.cssSelector(".act-filter .act-count")).getText().contains((all.size() - 2) + " kegiatan"));
    // And by status: planned ones off.
    browser.driver.findElement(By.cssSelector(".act-filter input[name='act-status'][value='rencana']")).click();
    browser.waitFor("planned filtered out", d -> !shownIds().contains(pelatihanPlanned));
    browser.driver.findElement(By.cssSelector(".act-filter input[name='act-status'][value='rencana']")).click();
    browser.driver.findElement(By.cssSelector(".act-filter input[name='act-type'][value='bazar']")).click();
    browser.waitFor("all back", d -> shownIds().size() == all.size());

    // Zoomed in on the market, the cluster parts into markers; a popup in Bahasa Indonesia.
    browser.driver.get(server.base + "/?sector=BPU&period=2026-10&metric=uncovered&sel=31.72.03.1002");
    waitForMap();
    browser.waitFor("the planned training as its own marker",
        d -> Boolean.TRUE.equals(browser.js("return !!document.querySelector('.act-marker span[data-id=\"" + pelatihanPlanned + "\"]')")));
    WebElement marker = browser.driver.findElement(By.cssSelector(".act-marker span[data-id='" + pelatihanPlanned + "']"));
    browser.js("arguments[0].parentElement.dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker);
    WebElement popup = browser.waitFor("popup", d -> d.findElement(By.cssSelector(".act-popup[data-id='" + pelatihanPlanned + "']")));
    // Read as text content: the popup fades in, and Selenium's visible text skips what is still transparent.
    String text = popup.getAttribute("textContent");
    for (String s : List.of("Pelatihan", "Rencana", "20 November 2026", "BPJS Ketenagakerjaan Cabang Jakarta Tanjung Priok",
        "pedagang pasar", "Peserta hadir", "Pendaftaran di tempat", "Titik tengah kelurahan")) {
      assertTrue(text.contains(s), s + " missing in " + text);
    }
    assertEquals(List.of(), pageErrors());
  }

  @Test
  void belumTersentuhKelurahanAreOutlinedWithALegendEntry() throws Exception {
    JsonNode reach = server.json("/api/activities/reach?period=2026-10");
    Set<String> flagged = new HashSet<>();
    for (JsonNode r : reach.get("rows")) if (r.get("belum_tersentuh").asBoolean(false)) flagged.add(r.get("code").asText());
    assertFalse(flagged.isEmpty(), reach.toString());
    assertFalse(flagged.contains("31.72.03.1001"), "Koja had a done activity in the last six months");
    browser.driver.get(server.base + "/?sector=BPU&period=2026-10&metric=uncovered");
    waitForMap();
    @SuppressWarnings("unchecked")
    List<String> outlined = (List<String>) browser.js("return [...document.querySelectorAll('path[data-reach]')].map(p => p.dataset.reach)");
    assertEquals(flagged, Set.copyOf(outlined));
    // The ranked table beside the map flags the same kelurahan.
    @SuppressWarnings("unchecked")
    List<String> flaggedRows = (List<String>) browser.js(
        "return [...document.querySelectorAll('#table tr[data-code]')].filter(tr => tr.querySelector('.flag-reach')).map(tr => tr.dataset.code)");
    assertEquals(flagged, Set.copyOf(flaggedRows));
    WebElement key = browser.driver.findElement(By.cssSelector(".act-reach-key"));
    assertTrue(key.isDisplayed());
    assertTrue(key.getText().startsWith("Belum tersentuh"), key.getText());

    // The README's picture of the loop: the activities and the kelurahan not reached.
    // Folded (as it starts), the filter box leaves the markers in view; the outline's key stays.
    assertFalse((Boolean) browser.js("return document.querySelector('.act-filter details').open"));
    assertTrue(key.isDisplayed());
    java.nio.file.Files.createDirectories(Path.of("target", "screenshots"));
    java.nio.file.Files.write(Path.of("target", "screenshots", "outreach-map.png"),
        browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    browser.driver.get(server.base + "/kegiatan.html?kecamatan=31.72.03&month=2026-06");
    browser.waitFor("the outreach page", d -> "ready".equals(browser.js("return document.body.dataset.status")));
    java.nio.file.Files.write(Path.of("target", "screenshots", "outreach-page.png"),
        browser.driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
  }

  @Test
  void theCalendarShowsEachActivityOnItsDayAndTheEffectTableItsCaveat() throws Exception {
    browser.driver.get(server.base + "/kegiatan.html?kecamatan=31.72.03&month=2026-11");
    browser.waitFor("the calendar", d -> "ready".equals(browser.js("return document.body.dataset.status")));
    assertEquals("November 2026", browser.driver.findElement(By.id("month-title")).getText());
    WebElement day = browser.driver.findElement(By.cssSelector("#calendar td[data-date='2026-11-20']"));
    WebElement entry = day.findElement(By.cssSelector(".cal-act[data-id='" + pelatihanPlanned + "']"));
    assertTrue(entry.getText().startsWith("Pelatihan"), entry.getText());
    assertTrue(entry.getAttribute("class").contains("act-status-rencana"));
    assertEquals(1, browser.driver.findElements(By.cssSelector("#calendar .cal-act")).size());
    // 1 November 2026 is a Sunday: the last column of the first week (Monday first).
    List<WebElement> firstWeek = browser.driver.findElements(By.cssSelector("#calendar tbody tr:first-child td"));
    assertEquals("2026-11-01", firstWeek.get(6).getAttribute("data-date"));

    // Back five months: June's bazars in Koja, in type order on their days; Penjaringan's not shown.
    for (int i = 0; i < 5; i++) {
      String before = browser.driver.findElement(By.id("month-title")).getAttribute("data-month");
      browser.driver.findElement(By.id("prev-month")).click();
      browser.waitFor("the month before", d -> !before.equals(d.findElement(By.id("month-title")).getAttribute("data-month")));
    }
    browser.waitFor("June's activities", d -> d.findElements(By.cssSelector("#calendar .cal-act")).size() == 3);
    assertEquals("Juni 2026", browser.driver.findElement(By.id("month-title")).getText());
    assertEquals(1, browser.driver.findElements(By.cssSelector("#calendar td[data-date='2026-06-12'] .cal-act.act-bazar")).size());
    assertTrue(browser.driver.getCurrentUrl().contains("month=2026-06"), browser.driver.getCurrentUrl());

    // The effect: every done activity of Koja as a row, the caveat, a summary per type and a bar per type.
    assertTrue(browser.driver.findElement(By.id("caveat")).getText().startsWith("Ini asosiasi, bukan bukti sebab-akibat"));
    JsonNode effect = server.json("/api/activities/effect?kecamatan=31.72.03");
    List<String> expected = effect.get("rows").findValuesAsText("id");
    assertEquals(3, expected.size(), effect.toString());
    browser.waitFor("effect rows", d -> d.findElements(By.cssSelector("#effect-rows tbody tr[data-id]")).size() == expected.size());
    assertEquals(2, browser.driver.findElements(By.cssSelector("#effect-by-type tbody tr")).size());
    assertEquals(5, browser.driver.findElements(By.cssSelector("#effect-chart svg text")).stream()
        .filter(t -> List.of("Bazar", "Pelatihan", "Pembinaan", "Sosialisasi", "Lainnya").contains(t.getText())).count());
    for (JsonNode s : effect.get("by_type")) {
      List<WebElement> bars = browser.driver.findElements(By.cssSelector("#effect-chart rect[data-type='" + s.get("type").asText() + "']"));
      assertEquals(s.get("mean_excess").isNull() ? 0 : 1, bars.size(), s.toString());
    }

    // In English the same page: the month, the headings and the caveat.
    browser.driver.findElement(By.id("lang")).click();
    browser.waitFor("English", d -> d.findElement(By.id("calendar-title")).getText().equals("Activity calendar"));
    assertEquals("June 2026", browser.driver.findElement(By.id("month-title")).getText());
    assertTrue(browser.driver.findElement(By.id("caveat")).getText().startsWith("This is an association, not proof"));
    assertTrue(browser.driver.findElement(By.cssSelector("#calendar td[data-date='2026-06-12'] .cal-act")).getText().startsWith("Bazaar"));
    assertTrue(browser.driver.getCurrentUrl().contains("lang=en"));
    assertEquals(List.of(), pageErrors());
  }

  @Test
  void aCamatPlansAnActivityFromTheKelurahanListAndIsRefusedOutsideItsKecamatan() throws Exception {
    browser.driver.get(server.base + "/kegiatan.html?kecamatan=31.72.03");
    browser.js("window.sessionStorage.clear()");
    browser.driver.navigate().refresh();
    browser.waitFor("the kelurahan list", d -> "ready".equals(browser.js("return document.body.dataset.status"))
        && d.findElements(By.cssSelector("#reach tbody tr[data-code]")).size() == 6);
    // The flags are the backend's: belum tersentuh rows first, each with its mark.
    JsonNode reach = server.json("/api/activities/reach?kecamatan=31.72.03");
    for (JsonNode r : reach.get("rows")) {
      String flag = browser.driver.findElement(By.cssSelector("#reach tr[data-code='" + r.get("code").asText() + "'] td[data-field='belum_tersentuh']")).getText();
      assertEquals(r.get("belum_tersentuh").asBoolean(false) ? "Belum tersentuh" : "", flag, r.toString());
    }
    String rowBefore = recentCount("31.72.03.1004");

    // Without a token the form says to sign in first, and nothing is sent.
    openForm("31.72.03.1004");
    browser.driver.findElement(By.cssSelector("#activity-dialog .activity-save")).click();
    assertTrue(formMessage().contains("Masuk dulu"), formMessage());
    browser.driver.findElement(By.cssSelector("#activity-dialog .activity-cancel")).click();

    // Signed in as the camat of Koja: a planned training next month in Rawa Badak Utara.
    browser.driver.findElement(By.id("token-input")).sendKeys(camatKoja);
    browser.driver.findElement(By.id("login")).click();
    browser.waitFor("signed in", d -> d.findElement(By.id("logout")).isDisplayed());
    LocalDate day = LocalDate.now().plusMonths(1).withDayOfMonth(15);
    openForm("31.72.03.1004");
    WebElement dialog = browser.driver.findElement(By.id("activity-dialog"));
    new org.openqa.selenium.support.ui.Select(dialog.findElement(By.name("type"))).selectByValue("pelatihan");
    new org.openqa.selenium.support.ui.Select(dialog.findElement(By.name("status"))).selectByValue("rencana");
    browser.js("arguments[0].value = arguments[1]", dialog.findElement(By.name("date")), day.toString());
    assertTrue(dialog.findElement(By.name("organiser")).getAttribute("value").startsWith("Kelurahan "),
        "the kelurahan's office is proposed as organiser");
    assertTrue((Long) browser.js("return document.querySelectorAll('#activity-target-groups option').length") >= 5);
    dialog.findElement(By.name("target_group")).sendKeys("nelayan");
    dialog.findElement(By.name("attendees")).sendKeys("30");
    dialog.findElement(By.cssSelector(".activity-save")).click();
    browser.waitFor("the saved notice", d -> d.findElement(By.id("notice")).isDisplayed());
    assertTrue(browser.driver.findElement(By.id("notice")).getText().startsWith("Kegiatan disimpan: Pelatihan"));
    JsonNode stored = null;
    for (JsonNode a : server.json("/api/activities?kecamatan=31.72.03&type=pelatihan").get("rows")) {
      if (a.get("code").asText().equals("31.72.03.1004")) stored = a;
    }
    assertTrue(stored != null, "stored");
    assertEquals(day.toString(), stored.get("date").asText());
    assertEquals("nelayan", stored.get("target_group").asText());
    assertEquals(30, stored.get("attendees").asInt());
    // The calendar went to that month and shows it on its day.
    String id = stored.get("id").asText();
    browser.waitFor("the new activity in the calendar", d -> !d.findElements(
        By.cssSelector("#calendar td[data-date='" + day + "'] .cal-act[data-id='" + id + "']")).isEmpty());
    assertEquals(Integer.parseInt(rowBefore) + (day.isAfter(LocalDate.now()) ? 0 : 1), Integer.parseInt(recentCount("31.72.03.1004")));

    // A point in Penjaringan given for Koja: 422, said in Indonesian.
    openForm("31.72.03.1001");
    dialog = browser.driver.findElement(By.id("activity-dialog"));
    dialog.findElement(By.name("lat")).sendKeys("-6.11594");
    dialog.findElement(By.name("lon")).sendKeys("106.80503");
    dialog.findElement(By.cssSelector(".activity-save")).click();
    browser.waitFor("the 422 message", d -> formMessage().contains("di luar Kelurahan Koja"));
    browser.driver.findElement(By.cssSelector("#activity-dialog .activity-cancel")).click();

    // Another kecamatan: the camat's token is refused (403) and nothing is stored.
    int before = server.json("/api/activities?kecamatan=31.72.01").get("rows").size();
    new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("kecamatan"))).selectByValue("31.72.01");
    browser.waitFor("Penjaringan's kelurahan", d -> !d.findElements(By.cssSelector("#reach tr[data-code^='31.72.01.']")).isEmpty());
    String code = browser.driver.findElement(By.cssSelector("#reach tr[data-code^='31.72.01.']")).getAttribute("data-code");
    openForm(code);
    browser.driver.findElement(By.cssSelector("#activity-dialog .activity-save")).click();
    browser.waitFor("the 403 message", d -> formMessage().contains("tidak berhak mencatat kegiatan"));
    assertEquals(before, server.json("/api/activities?kecamatan=31.72.01").get("rows").size());
    assertEquals(List.of(), pageErrors().stream().filter(m -> !m.contains("status of 403") && !m.contains("status of 422")).toList());
  }

  private static String recentCount(String code) {
    return browser.driver.findElement(By.cssSelector("#reach tr[data-code='" + code + "'] td[data-field='recent']")).getText();
  }

  private static void openForm(String code) {
    browser.driver.findElement(By.cssSelector("#reach button.plan[data-code='" + code + "']")).click();
    browser.waitFor("the activity form", d -> !d.findElements(By.cssSelector("#activity-dialog[open] .activity-save")).isEmpty());
  }

  private static String formMessage() {
    List<WebElement> m = browser.driver.findElements(By.cssSelector("#activity-dialog .activity-message"));
    return m.isEmpty() ? "" : m.get(0).getAttribute("textContent");
  }
}
