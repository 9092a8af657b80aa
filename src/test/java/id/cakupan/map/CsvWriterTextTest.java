package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Text cells of the server's one CSV writer (plain dialect: one cell, then the line end). */
class CsvWriterTextTest {
  private static String text(String s) {
    return new String(new CsvWriter(CsvWriter.Dialect.PLAIN).text(s).bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void textThatASpreadsheetWouldRunGetsAnApostrophe() {
    assertEquals("'=1+2", text("=1+2"));
    assertEquals("'+62 21", text("+62 21"));
    assertEquals("'-Koja", text("-Koja"));
    assertEquals("'@SUM(A1)", text("@SUM(A1)"));
    assertEquals("'\tTab", text("\tTab"));
    assertEquals("\"'\rCR\"", text("\rCR"));
  }

  @Test
  void quotingStillAppliesAfterTheApostrophe() {
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", text("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("\"Koja, Utara\"", text("Koja, Utara"));
  }

  @Test
  void ordinaryTextAndEmptyCellsStayAsTheyAre() {
    assertEquals("Rawa Badak Utara", text("Rawa Badak Utara"));
    assertEquals("31.72.03.1004", text("31.72.03.1004"));
    assertEquals("a=b", text("a=b"));
    assertEquals("", text(""));
    assertEquals("", text(null));
  }
}
