package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The camat's worklist in a real browser against a real server with imported coverage: the order
 * for action and the "periksa data" group, inline editing with a camat token (saved, and the status
 * and gap follow), refusal for a camat of another kecamatan and of a wrong token, a camat landing on
 * its own kecamatan after sign-in (GET /api/whoami), the print view on one A4 portrait page,
 * and the xlsx export read back with POI against /api/progress.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorklistPageTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String KOJA = "31.72.03";
  private static final String NEWEST = "2026-10";
  /** Tugu Selatan: its newest BPU record has no workforce, so it belongs under "periksa data". */
  private static final String UNKNOWN_WORKFORCE = "31.72.03.1005";
  private static final String KOJA_KELURAHAN = "31.72.03.1001";

  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;
  static String camatKoja;
  static String camatPenjaringan;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    String importer = server.app.accounts().create("Petugas data", Role.IMPORTER, null, Principal.operator("test")).secret();
    camatKoja = server.app.accounts().create("Camat Koja", Role.CAMAT, KOJA, Principal.operator("test")).secret();
    camatPenjaringan = server.app.accounts().create("Camat Penjaringan", Role.CAMAT, "31.72.01", Principal.operator("test")).secret();
    HttpResponse<String> imported = server.post("/api/imports/coverage", kojaCoverage(), "text/csv",
        "Authorization", "Bearer " + importer);
    assertEquals(200, imported.statusCode(), imported.body());
    browser = new Browser();
  }

  /** 13 months of BPU counts for Koja's six kelurahan, each growing at its own pace. */
  private static byte[] kojaCoverage() {
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    for (int k = 1; k <= 6; k++) {
      String code = KOJA + ".100" + k;
      for (int i = 0; i <= 12; i++) {
        String period = i < 3 ? "2025-" + (10 + i) : String.format("2026-%02d", i - 2);
        long participants = 400L + 100L * k + (long) (5 + k) * i;
        String workforce = code.equals(UNKNOWN_WORKFORCE) && period.equals(NEWEST) ? "" : Long.toString(4000L - 300L * k);
        csv.append(code).append(',').append(period).append(",BPU,").append(participants).append(',').append(workforce).append('\n');
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
    if (server != null) server.close();
  }

  @BeforeEach
  void desktop() {
    browser.viewport(1280, 900, false);
    browser.consoleErrors();
  }

  @AfterEach
  void noConsoleErrors() {
    List<String> errors = browser.consoleErrors().stream()
        // a refused save is an expected 401/403 the page explains; Chromium logs every failed fetch
        .filter(m -> !m.contains("/api/targets/") && !m.contains("/api/activities") && !m.contains("/api/whoami")
            && !m.contains("favicon")).toList();
    assertEquals(List.of(), errors, "console errors on the worklist page");
  }

  @Test
  @Order(1)
  void kojasKelurahanAreOrderedForActionAndIncompleteDataStandsApart() throws Exception {
    // The map links to the worklist of the kecamatan it shows.
    open("/?kecamatan=" + KOJA + "&sector=BPU");
    WebElement link = browser.driver.findElement(By.id("worklist-link"));
    assertTrue(link.isDisplayed());
    assertTrue(link.getAttribute("href").contains("/worklist.html?kecamatan=" + KOJA + "&sector=BPU"), link.getAttribute("href"));

    open("/?kecamatan=" + KOJA + "&view=worklist");
    assertTrue(browser.driver.getCurrentUrl().contains("/worklist.html?kecamatan=" + KOJA), browser.driver.getCurrentUrl());
    JsonNode progress = server.json("/api/progress?kecamatan=" + KOJA + "&sector=BPU").get("rows");
    assertEquals(6, progress.size());
    List<String> expected = ranking().stream().filter(c -> !c.equals(UNKNOWN_WORKFORCE)).toList();
    assertEquals(expected, codes("#worklist"));
    assertEquals(List.of(UNKNOWN_WORKFORCE), codes("#checklist"), "missing workforce is its own group, not the bottom");
    assertTrue(text("#check").contains("Periksa data"), text("#check"));
    assertTrue(text("#checklist").contains("data belum lengkap"), text("#checklist"));

    assertEquals("Daftar kerja — Kecamatan Koja", text("#heading"));
    assertEquals("Keadaan akhir Oktober 2026", text("#month-of"));
    assertTrue(text("#provenance").contains("diimpor"), text("#provenance"));
    // 3- and 12-month change of Koja (1001): (5+1) participants a month.
    assertEquals("+18", cell(KOJA_KELURAHAN, "change3"));
    assertEquals("+72", cell(KOJA_KELURAHAN, "change12"));
    // The hot-spot column says what the progress rows say.
    for (JsonNode r : progress) {
      String code = r.get("code").asText();
      assertEquals(r.get("hotspot").asBoolean() ? "Ya" : "–", cell(code, "hotspot"), code);
    }
    // The small map draws every kelurahan and numbers them as the list does.
    assertEquals(6L, browser.js("return document.querySelectorAll('#minimap path').length"));
    // Without a token nothing is editable.
    assertEquals(0, browser.driver.findElements(By.cssSelector("#worklist input")).size());

    // English on request; the link keeps it, and Bahasa Indonesia comes back.
    browser.driver.findElement(By.id("lang")).click();
    browser.waitFor("English", d -> text("#heading").equals("Worklist — Kecamatan Koja"));
    assertTrue(text("#check").contains("Check the data"), text("#check"));
    assertTrue(browser.driver.getCurrentUrl().contains("lang=en"), browser.driver.getCurrentUrl());
    browser.driver.findElement(By.id("lang")).click();
    browser.waitFor("Bahasa Indonesia", d -> text("#heading").equals("Daftar kerja — Kecamatan Koja"));
    assertFalse(browser.driver.findElement(By.id("login")).getAttribute("hidden") != null);
  }

  @Test
  @Order(2)
  void aCamatSetsATargetInlineAndTheStatusAndGapFollow() throws Exception {
    open("/worklist.html?kecamatan=" + KOJA);
    signIn(camatKoja);
    WebElement target = input(KOJA_KELURAHAN, "target");
    assertEquals("2026-12", input(KOJA_KELURAHAN, "target_period").getAttribute("value"), "default: December of the month's year");
    target.clear();
    target.sendKeys("600");
    input(KOJA_KELURAHAN, "assignee").sendKeys("Lurah Koja");
    input(KOJA_KELURAHAN, "note").sendKeys("Sosialisasi di pasar");
    browser.driver.findElement(By.cssSelector("tr[data-code='" + KOJA_KELURAHAN + "'] button.save")).click();
    browser.waitFor("saved notice", d -> text("#notice").equals("Tersimpan: Koja"));

    JsonNode targets = server.json("/api/targets?kecamatan=" + KOJA + "&sector=BPU").get("rows");
    assertEquals(1, targets.size(), targets.toString());
    JsonNode saved = targets.get(0);
    assertEquals(KOJA_KELURAHAN, saved.get("code").asText());
    assertEquals(600, saved.get("target").asLong());
    assertEquals("2026-12", saved.get("period").asText());
    assertEquals("Lurah Koja", saved.get("assignee").asText());
    assertEquals("Sosialisasi di pasar", saved.get("note").asText());

    // P(2026-10) = 500 + 6·12 = 572; baseline defaults to the newest month, so on the line: on track.
    JsonNode row = progressRow(KOJA_KELURAHAN);
    assertEquals(28, row.get("gap").asLong());
    assertEquals(14, row.get("pace_needed").asLong());
    assertEquals("sesuai jalur", row.get("status").asText());
    assertEquals("28", cell(KOJA_KELURAHAN, "gap"));
    assertEquals("14", cell(KOJA_KELURAHAN, "pace_needed"));
    assertTrue(cell(KOJA_KELURAHAN, "status").startsWith("Sesuai jalur"), cell(KOJA_KELURAHAN, "status"));
    assertEquals("0.953333", String.format(Locale.ROOT, "%.6f",
        Double.parseDouble(browser.driver.findElement(By.cssSelector("tr[data-code='" + KOJA_KELURAHAN + "'] progress")).getAttribute("value"))));

    // A target already reached reads "tercapai" with no gap and no pace needed.
    WebElement again = input(KOJA_KELURAHAN, "target");
    again.clear();
    again.sendKeys("570");
    again.sendKeys("\n");
    browser.waitFor("status tercapai", d -> cell(KOJA_KELURAHAN, "status").startsWith("Tercapai"));
    assertEquals("0", cell(KOJA_KELURAHAN, "gap"));
    assertEquals("", cell(KOJA_KELURAHAN, "pace_needed"));
    assertEquals(570, server.json("/api/targets?kecamatan=" + KOJA + "&sector=BPU").get("rows").get(0).get("target").asLong());

    // The README's screenshot: docs/screenshot-worklist.png is a copy of this file.
    browser.viewport(1440, 900, false);
    browser.js("window.scrollTo(0, 0); document.querySelector('.table-wrap').scrollLeft = 0; document.activeElement.blur()");
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("worklist-camat.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  @Order(3)
  void aCamatOfAnotherKecamatanIsRefusedInIndonesianAndNothingChanges() throws Exception {
    String before = server.json("/api/targets?kecamatan=" + KOJA + "&sector=BPU").toString();
    open("/worklist.html?kecamatan=" + KOJA);
    signIn(camatPenjaringan);
    WebElement target = input(KOJA_KELURAHAN, "target");
    target.clear();
    target.sendKeys("9999");
    browser.driver.findElement(By.cssSelector("tr[data-code='" + KOJA_KELURAHAN + "'] button.save")).click();
    browser.waitFor("refusal", d -> !text("#message").isEmpty());
    String message = text("#message");
    assertTrue(message.startsWith("Gagal menyimpan Koja: Token ini tidak berhak mengubah data ini"), message);
    assertTrue(message.contains("kecamatannya sendiri"), message);
    assertEquals(before, server.json("/api/targets?kecamatan=" + KOJA + "&sector=BPU").toString(), "nothing stored changed");
    assertTrue(cell(KOJA_KELURAHAN, "status").startsWith("Tercapai"), "the page still shows what is stored");

    // A token that is not one at all: refused at sign-in already (401 from /api/whoami), said as such,
    // forgotten, and the page never becomes editable.
    signOut();
    login("ckp_not-a-token");
    browser.waitFor("401 message", d -> text("#message").contains("Token tidak dikenal atau sudah dicabut"));
    assertTrue(browser.driver.findElements(By.cssSelector("#worklist input")).isEmpty(), "read-only");
    assertNull(browser.js("return sessionStorage.getItem('cakupan.token')"), "a refused token is not kept");
    assertEquals(before, server.json("/api/targets?kecamatan=" + KOJA + "&sector=BPU").toString());
  }

  @Test
  @Order(4)
  void thePrintViewIsOneA4PortraitPageWithMapMonthAndSource() throws Exception {
    open("/worklist.html?kecamatan=" + KOJA);
    signIn(camatKoja); // inputs must print as plain values, on the same one page
    PrintOptions print = new PrintOptions();
    print.setPageSize(new PageSize(29.7, 21.0)); // the page's @page rule must win over the dialog's landscape
    print.setBackground(true);
    Pdf pdf = browser.driver.print(print);
    byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("worklist.pdf"), bytes);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertEquals(1, doc.getNumberOfPages(), "the worklist prints on one page");
      PDRectangle box = doc.getPage(0).getMediaBox();
      assertEquals(595.3, box.getWidth(), 1.5, "A4 portrait width in points");
      assertEquals(841.9, box.getHeight(), 1.5, "A4 portrait height in points");
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
      for (String s : List.of("Daftar kerja — Kecamatan Koja", "Oktober 2026", "Sumber:", "Periksa data", "Tugu Selatan", "Lurah Koja")) {
        assertTrue(text.contains(s), "the printed page shows " + s + ":\n" + text);
      }
      assertFalse(text.contains("Simpan"), "no buttons on paper");
      assertFalse(text.contains("Rencanakan"), "no plan button on paper");
      assertTrue(text.contains("Kegiatan 6 bln terakhir") && text.contains("Belum tersentuh"), "the outreach columns print:\n" + text);
    }
    signOut();
  }

  @Test
  @Order(5)
  void theXlsxExportOpensWithPoiAndAgreesWithProgress() throws Exception {
    open("/worklist.html?kecamatan=" + KOJA);
    String href = browser.driver.findElement(By.id("export-xlsx")).getAttribute("href");
    assertTrue(href.endsWith("/api/progress?kecamatan=" + KOJA + "&sector=BPU&period=" + NEWEST + "&format=xlsx"), href);
    assertTrue(browser.driver.findElement(By.id("export-csv")).getAttribute("href").endsWith("format=csv"));
    // Downloaded by the page itself, as the link would.
    String base64 = (String) browser.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
            + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); });", href);
    JsonNode progress = server.json("/api/progress?kecamatan=" + KOJA + "&sector=BPU&period=" + NEWEST).get("rows");
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
      assertEquals(1, wb.getNumberOfSheets());
      Sheet s = wb.getSheetAt(0);
      String title = s.getRow(0).getCell(0).getStringCellValue();
      assertTrue(title.contains("Kecamatan Koja (31.72.03)") && title.contains("BPU") && title.contains("Oktober 2026"), title);
      assertTrue(s.getRow(1).getCell(0).getStringCellValue().startsWith("Sumber: data peserta BPJS Ketenagakerjaan yang diimpor"));
      Row head = s.getRow(2);
      assertEquals("Kode", head.getCell(2).getStringCellValue());
      assertEquals("Belum terlindungi", head.getCell(7).getStringCellValue());
      assertEquals("Status", head.getCell(18).getStringCellValue());
      assertEquals(2 + progress.size(), s.getLastRowNum());
      int checked = 0;
      for (int i = 3; i <= s.getLastRowNum(); i++) {
        Row x = s.getRow(i);
        assertEquals(CellType.STRING, x.getCell(2).getCellType(), "codes are text");
        JsonNode p = find(progress, x.getCell(2).getStringCellValue());
        assertEquals(p.get("name").asText(), x.getCell(4).getStringCellValue());
        assertEquals(p.get("participants").asDouble(), x.getCell(5).getNumericCellValue());
        if (p.get("complete").asBoolean()) {
          assertEquals("prioritas", x.getCell(1).getStringCellValue());
          assertEquals(p.get("uncovered").asDouble(), x.getCell(7).getNumericCellValue());
        } else {
          assertEquals("periksa data", x.getCell(1).getStringCellValue());
          assertEquals(s.getLastRowNum(), i, "incomplete rows come last, apart");
          assertNull(x.getCell(6), "unknown workforce stays empty, not 0");
        }
        if (!p.get("target").isNull()) {
          assertEquals(p.get("target").asDouble(), x.getCell(10).getNumericCellValue());
          assertEquals(p.get("gap").asDouble(), x.getCell(13).getNumericCellValue());
          assertEquals(p.get("status").asText(), x.getCell(18).getStringCellValue());
          assertEquals(p.get("assignee").asText(), x.getCell(20).getStringCellValue());
          checked++;
        }
      }
      assertEquals(1, checked, "the target set in the browser is in the workbook");
    }
  }

  @Test
  @Order(6)
  void aCamatPlansAnActivityFromARowAndAnotherKecamatansCamatIsRefused() throws Exception {
    open("/worklist.html?kecamatan=" + KOJA);
    // The flags are the backend's, in the worklist as in the progress rows.
    for (JsonNode r : server.json("/api/progress?kecamatan=" + KOJA + "&sector=BPU").get("rows")) {
      String code = r.get("code").asText();
      assertEquals(r.get("belum_tersentuh").asBoolean(false) ? "Belum tersentuh" : "", cell(code, "belum_tersentuh"), code);
    }
    assertTrue(codes("#worklist").stream().anyMatch(c -> cell(c, "belum_tersentuh").equals("Belum tersentuh")),
        "only Koja has counts: its most uncovered kelurahan are the kota's top third, not reached");
    String code = "31.72.03.1004";
    int before = Integer.parseInt(cell(code, "recent"));

    signIn(camatKoja);
    openPlanForm(code);
    WebElement dialog = browser.driver.findElement(By.id("activity-dialog"));
    new org.openqa.selenium.support.ui.Select(dialog.findElement(By.name("type"))).selectByValue("sosialisasi");
    new org.openqa.selenium.support.ui.Select(dialog.findElement(By.name("status"))).selectByValue("rencana");
    String today = java.time.LocalDate.now().toString(); // within the last six months: the row's count grows
    browser.js("arguments[0].value = arguments[1]", dialog.findElement(By.name("date")), today);
    dialog.findElement(By.name("target_group")).sendKeys("pedagang pasar");
    dialog.findElement(By.cssSelector(".activity-save")).click();
    browser.waitFor("the row's count", d -> cell(code, "recent").equals(String.valueOf(before + 1)));
    JsonNode stored = null;
    for (JsonNode a : server.json("/api/activities?kecamatan=" + KOJA + "&type=sosialisasi").get("rows")) {
      if (a.get("code").asText().equals(code) && a.get("date").asText().equals(today)) stored = a;
    }
    assertTrue(stored != null, "saved through the API");
    assertEquals("rencana", stored.get("status").asText());
    assertEquals("pedagang pasar", stored.get("target_group").asText());
    assertTrue(stored.get("organiser").asText().startsWith("Kelurahan "), stored.toString());
    signOut();

    // Penjaringan's camat on Koja's worklist: refused (403), said in Indonesian, nothing stored.
    int stored403 = server.json("/api/activities?kecamatan=" + KOJA).get("rows").size();
    signIn(camatPenjaringan);
    openPlanForm(KOJA_KELURAHAN);
    browser.driver.findElement(By.cssSelector("#activity-dialog .activity-save")).click();
    browser.waitFor("the 403 message", d -> planMessage().contains("tidak berhak mencatat kegiatan"));
    assertTrue(planMessage().contains("kecamatannya sendiri"), planMessage());
    assertEquals(stored403, server.json("/api/activities?kecamatan=" + KOJA).get("rows").size());
    browser.driver.findElement(By.cssSelector("#activity-dialog .activity-cancel")).click();
    signOut();
  }

  @Test
  @Order(7)
  void withoutAKecamatanInTheUrlACamatLandsOnItsOwnAfterSignIn() throws Exception {
    open("/worklist.html");
    if (browser.driver.findElement(By.id("logout")).isDisplayed()) signOut();
    assertEquals("Pilih kecamatan untuk melihat daftar kerjanya.", text("#heading"));
    login(camatKoja);
    browser.waitFor("Koja's worklist", d -> text("#heading").equals("Daftar kerja — Kecamatan Koja"));
    browser.waitFor("edit mode", d -> !d.findElements(By.cssSelector("#worklist input[data-field='target']")).isEmpty());
    assertTrue(browser.driver.getCurrentUrl().contains("kecamatan=" + KOJA), browser.driver.getCurrentUrl());
    assertEquals(KOJA, browser.js("return document.getElementById('kecamatan').value"));
    assertEquals("Masuk sebagai Camat Koja", text("#who"));
    assertEquals(6, browser.driver.findElements(By.cssSelector("#worklist tbody tr[data-code], #checklist tbody tr[data-code]")).size(),
        "Koja's six kelurahan");

    // The token kept for the session: a fresh visit without ?kecamatan= opens on Koja again.
    open("/worklist.html");
    browser.waitFor("Koja's worklist", d -> text("#heading").equals("Daftar kerja — Kecamatan Koja"));

    // A kecamatan named in the URL stays, whoever signs in.
    signOut();
    open("/worklist.html?kecamatan=31.72.01");
    login(camatKoja);
    browser.waitFor("signed in", d -> d.findElement(By.id("logout")).isDisplayed()
        && "Masuk sebagai Camat Koja".equals(text("#who")));
    assertEquals("Daftar kerja — Kecamatan Penjaringan", text("#heading"));
    assertTrue(browser.driver.getCurrentUrl().contains("kecamatan=31.72.01"), browser.driver.getCurrentUrl());
    browser.driver.findElement(By.id("logout")).click();

    // A wrong token is forgotten at once, said in Indonesian; the page stays read-only.
    open("/worklist.html");
    login("ckp_" + "x".repeat(43));
    browser.waitFor("refusal", d -> !text("#message").isEmpty());
    assertTrue(text("#message").contains("Token tidak dikenal"), text("#message"));
    assertNull(browser.js("return sessionStorage.getItem('cakupan.token')"));
    assertTrue(browser.driver.findElement(By.id("login")).isDisplayed());
    assertEquals("Pilih kecamatan untuk melihat daftar kerjanya.", text("#heading"));
  }

  private static void login(String token) {
    browser.driver.findElement(By.id("login")).click();
    browser.driver.findElement(By.id("token-input")).sendKeys(token);
    browser.driver.findElement(By.id("login-ok")).click();
  }

  private static void openPlanForm(String code) {
    browser.driver.findElement(By.cssSelector("#worklist button.plan[data-code='" + code + "']")).click();
    browser.waitFor("the activity form", d -> !d.findElements(By.cssSelector("#activity-dialog[open] .activity-save")).isEmpty());
  }

  private static String planMessage() {
    List<WebElement> m = browser.driver.findElements(By.cssSelector("#activity-dialog .activity-message"));
    return m.isEmpty() ? "" : m.get(0).getAttribute("textContent");
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> ranking() throws Exception {
    JsonNode rows = server.json("/api/ranking?kecamatan=" + KOJA + "&sector=BPU").get("rows");
    java.util.ArrayList<String> codes = new java.util.ArrayList<>();
    rows.forEach(r -> codes.add(r.get("code").asText()));
    return codes;
  }

  private static JsonNode progressRow(String code) throws Exception {
    return find(server.json("/api/progress?kecamatan=" + KOJA + "&sector=BPU").get("rows"), code);
  }

  private static JsonNode find(JsonNode rows, String code) {
    for (JsonNode r : rows) if (r.get("code").asText().equals(code)) return r;
    throw new AssertionError("no row " + code + " in " + rows);
  }

  private static List<String> codes(String table) {
    return browser.driver.findElements(By.cssSelector(table + " tbody tr[data-code]")).stream()
        .map(e -> e.getAttribute("data-code")).toList();
  }

  /** Read in one script: the table is re-rendered after each save, so an element found earlier may be gone. */
  private static String cell(String code, String field) {
    return ((String) browser.js("const c = document.querySelector(arguments[0]); return c ? c.innerText.trim() : ''",
        "tr[data-code='" + code + "'] td[data-field='" + field + "']"));
  }

  private static WebElement input(String code, String field) {
    return browser.driver.findElement(By.cssSelector("tr[data-code='" + code + "'] input[data-field='" + field + "']"));
  }

  private static void signIn(String token) {
    // sessionStorage outlives a navigation within the tab: an earlier test may have signed in
    if (browser.driver.findElement(By.id("logout")).isDisplayed()) signOut();
    browser.driver.findElement(By.id("login")).click();
    browser.driver.findElement(By.id("token-input")).sendKeys(token);
    browser.driver.findElement(By.id("login-ok")).click();
    browser.waitFor("edit mode", d -> !d.findElements(By.cssSelector("#worklist input[data-field='target']")).isEmpty());
    assertEquals(token, browser.js("return sessionStorage.getItem('cakupan.token')"));
    assertNull(browser.js("return localStorage.getItem('cakupan.token')"), "never beyond the session");
  }

  private static void signOut() {
    browser.driver.findElement(By.id("logout")).click();
    browser.waitFor("read-only", d -> d.findElements(By.cssSelector("#worklist input")).isEmpty());
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static void open(String path) {
    browser.driver.get(server.base + path);
    browser.waitFor("worklist ready", d -> "ready".equals(browser.js("return document.body.dataset.status")));
  }
}
