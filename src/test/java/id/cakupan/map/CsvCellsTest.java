package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @Test
  void textThatASpreadsheetWouldRunGetsAnApostrophe() {
    assertEquals("'=1+2", CsvCells.text("=1+2"));
    assertEquals("'+62 21", CsvCells.text("+62 21"));
    assertEquals("'-Koja", CsvCells.text("-Koja"));
    assertEquals("'@SUM(A1)", CsvCells.text("@SUM(A1)"));
    assertEquals("'\tTab", CsvCells.text("\tTab"));
    assertEquals("\"'\rCR\"", CsvCells.text("\rCR"));
  }

  @Test
  void quotingStillAppliesAfterTheApostrophe() {
    assertEquals("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"", CsvCells.text("=HYPERLINK(\"http://x\",\"y\")"));
    assertEquals("\"Koja, Utara\"", CsvCells.text("Koja, Utara"));
  }

  @Test
  void ordinaryTextAndEmptyCellsStayAsTheyAre() {
    assertEquals("Rawa Badak Utara", CsvCells.text("Rawa Badak Utara"));
    assertEquals("31.72.03.1004", CsvCells.text("31.72.03.1004"));
    assertEquals("a=b", CsvCells.text("a=b"));
    assertEquals("", CsvCells.text(""));
    assertEquals("", CsvCells.text(null));
  }
}
