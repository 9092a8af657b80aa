package id.cakupan.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.api.ServerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

/**
 * The camat's worklist in a real browser against a real server: the kecamatan's kelurahan in the
 * order for action, the print view on one A4 portrait page.
 */
class WorklistPageTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String KOJA = "31.72.03";

  @TempDir static Path dataDir;
  static ServerFixture server;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
    browser = new Browser();
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
    assertEquals(List.of(), browser.consoleErrors().stream().filter(m -> !m.contains("favicon")).toList(),
        "console errors on the worklist page");
  }

  @Test
  void kojasKelurahanAreListedMostUncoveredFirstWithTheMonthAndSource() throws Exception {
    open("/?kecamatan=" + KOJA + "&view=worklist");
    assertTrue(browser.driver.getCurrentUrl().contains("/worklist.html?kecamatan=" + KOJA), browser.driver.getCurrentUrl());
    JsonNode ranking = server.json("/api/ranking?kecamatan=" + KOJA + "&sector=BPU").get("rows");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#worklist tbody tr[data-code]"));
    assertEquals(ranking.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      assertEquals(ranking.get(i).get("code").asText(), rows.get(i).getAttribute("data-code"));
    }
    assertEquals("Daftar kerja — Kecamatan Koja", text("#heading"));
    assertTrue(text("#provenance").contains("SINTETIS"), text("#provenance"));
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("worklist.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void thePrintViewIsOneA4PortraitPage() throws Exception {
    open("/worklist.html?kecamatan=" + KOJA);
    PrintOptions print = new PrintOptions();
    print.setPageSize(new PageSize(29.7, 21.0));
    print.setBackground(true);
    Pdf pdf = browser.driver.print(print);
    byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve("worklist.pdf"), bytes);
    try (PDDocument doc = Loader.loadPDF(bytes)) {
      assertEquals(1, doc.getNumberOfPages(), "the worklist prints on one page");
      PDRectangle box = doc.getPage(0).getMediaBox();
      // CSS @page size A4 portrait wins over the print dialog's default: 210 × 297 mm in points.
      assertEquals(595.3, box.getWidth(), 1.5, "A4 width in points");
      assertEquals(841.9, box.getHeight(), 1.5, "A4 height in points");
    }
  }

  private static String text(String css) {
    return browser.driver.findElement(By.cssSelector(css)).getText();
  }

  private static void open(String path) {
    browser.driver.get(server.base + path);
    browser.waitFor("worklist ready", d -> "ready".equals(browser.js("return document.body.dataset.status")));
  }
}
