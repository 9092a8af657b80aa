package id.cakupan.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The writer read back with POI: one sheet, title lines, header, and cells of the declared types. */
class XlsxTableTest {
  private static final List<XlsxTable.Column> COLUMNS = List.of(
      new XlsxTable.Column("Kode", XlsxTable.Kind.TEXT, 14),
      new XlsxTable.Column("Peserta aktif", XlsxTable.Kind.INTEGER, 12),
      new XlsxTable.Column("Cakupan (%)", XlsxTable.Kind.PERCENT, 10),
      new XlsxTable.Column("Kepadatan", XlsxTable.Kind.DECIMAL, 10));

  @Test
  void codesStayTextNumbersStayNumbersAndNullsStayEmpty() throws Exception {
    byte[] bytes;
    try (XlsxTable t = new XlsxTable("Daftar", List.of("Judul — Kecamatan Koja", "Sumber: uji"), COLUMNS)) {
      t.row("31.72.03.1004", 1234L, 0.125, 12.25);
      t.row("3172031004", null, null, Double.NaN);
      // Text that a spreadsheet would run as a formula in CSV is a plain string cell here.
      t.row("=HYPERLINK(\"http://x\")", -12, 1.5, 0);
      bytes = t.bytes();
    }
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
      assertEquals(1, wb.getNumberOfSheets());
      Sheet s = wb.getSheetAt(0);
      assertEquals("Daftar", s.getSheetName());
      assertEquals("Judul — Kecamatan Koja", s.getRow(0).getCell(0).getStringCellValue());
      assertEquals("Sumber: uji", s.getRow(1).getCell(0).getStringCellValue());
      Row head = s.getRow(2);
      assertEquals("Kode", head.getCell(0).getStringCellValue());
      assertEquals("Cakupan (%)", head.getCell(2).getStringCellValue());

      Row first = s.getRow(3);
      assertEquals(CellType.STRING, first.getCell(0).getCellType());
      assertEquals("31.72.03.1004", first.getCell(0).getStringCellValue());
      assertEquals(CellType.NUMERIC, first.getCell(1).getCellType());
      assertEquals(1234.0, first.getCell(1).getNumericCellValue());
      assertEquals(0.125, first.getCell(2).getNumericCellValue());
      assertEquals("0.0%", first.getCell(2).getCellStyle().getDataFormatString());
      assertEquals(12.25, first.getCell(3).getNumericCellValue());

      Row second = s.getRow(4);
      assertEquals(CellType.STRING, second.getCell(0).getCellType(), "an all-digit code is still text");
      assertNull(second.getCell(1));
      assertNull(second.getCell(2));
      assertNull(second.getCell(3), "NaN is no number");

      Row third = s.getRow(5);
      assertEquals(CellType.STRING, third.getCell(0).getCellType());
      assertEquals("=HYPERLINK(\"http://x\")", third.getCell(0).getStringCellValue());
      assertEquals(-12.0, third.getCell(1).getNumericCellValue());
      assertEquals(5, s.getLastRowNum());
    }
  }

  @Test
  void wrongShapesAndTooManyRowsAreRefused() {
    try (XlsxTable t = new XlsxTable("Daftar", List.of(), COLUMNS)) {
      assertThrows(IllegalArgumentException.class, () -> t.row("x", 1));
      assertThrows(IllegalArgumentException.class, () -> t.row("x", "not a number", null, null));
      for (int i = 0; i < XlsxTable.MAX_ROWS; i++) t.row("c" + i, i, null, null);
      XlsxTable.TooManyRowsException e = assertThrows(XlsxTable.TooManyRowsException.class, () -> t.row("x", 1, null, null));
      assertTrue(e.getMessage().contains("format=csv"), e.getMessage());
    }
  }
}
