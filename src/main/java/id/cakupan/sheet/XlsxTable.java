package id.cakupan.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * One table as a one-sheet .xlsx workbook: title lines, a bold header row, then typed cells
 * (numbers stay numbers, codes stay text, so a code like 31.72.03.1004 is never read as a number
 * and no text ever becomes a formula). Rows stream through POI's SXSSF with a small window, so
 * the heap held is bounded whatever the row count; the row count itself is capped as well.
 */
public final class XlsxTable implements AutoCloseable {
  public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  /** Beyond this a spreadsheet is no longer something a person reads; the CSV has no cap. */
  public static final int MAX_ROWS = 100_000;
  private static final int WINDOW = 100;

  /** How a column's cells are typed and shown. */
  public enum Kind {
    /** A string cell, even for digits (codes, months). */
    TEXT,
    /** A whole number shown with thousands separators. */
    INTEGER,
    /** A number shown with one decimal. */
    DECIMAL,
    /** A fraction shown as a percentage with one decimal (0.125 → 12.5%). */
    PERCENT
  }

  /** @param width in characters */
  public record Column(String header, Kind kind, int width) {}

  private final List<Column> columns;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
  private final SXSSFSheet sheet;
  private final CellStyle[] styles;
  private int next;
  private int dataRows;

  /**
   * @param titleLines written above the header, one merged row each (what, where, when, source)
   */
  public XlsxTable(String sheetName, List<String> titleLines, List<Column> columns) {
    if (columns.isEmpty()) throw new IllegalArgumentException("a table needs columns");
    this.columns = List.copyOf(columns);
    workbook.setCompressTempFiles(true);
    sheet = workbook.createSheet(sheetName);
    DataFormat format = workbook.createDataFormat();
    styles = new CellStyle[Kind.values().length];
    for (Kind k : Kind.values()) {
      CellStyle s = workbook.createCellStyle();
      switch (k) {
        case TEXT -> s.setDataFormat(format.getFormat("@"));
        case INTEGER -> s.setDataFormat(format.getFormat("#,##0"));
        case DECIMAL -> s.setDataFormat(format.getFormat("#,##0.0"));
        case PERCENT -> s.setDataFormat(format.getFormat("0.0%"));
      }
      styles[k.ordinal()] = s;
    }
    Font bold = workbook.createFont();
    bold.setBold(true);
    CellStyle title = workbook.createCellStyle();
    title.setFont(bold);
    for (String line : titleLines) {
      Row r = sheet.createRow(next);
      r.createCell(0).setCellValue(line);
      r.getCell(0).setCellStyle(title);
      if (columns.size() > 1) sheet.addMergedRegion(new CellRangeAddress(next, next, 0, columns.size() - 1));
      next++;
    }
    CellStyle head = workbook.createCellStyle();
    head.setFont(bold);
    head.setWrapText(true);
    Row header = sheet.createRow(next);
    for (int i = 0; i < columns.size(); i++) {
      Cell c = header.createCell(i);
      c.setCellValue(columns.get(i).header());
      c.setCellStyle(head);
      sheet.setColumnWidth(i, Math.min(255, Math.max(4, columns.get(i).width())) * 256);
    }
    sheet.createFreezePane(0, next + 1);
    next++;
  }

  /**
   * One data row: a value per column, in column order; null leaves the cell empty. TEXT columns
   * take any value (written as its string); number columns take a {@link Number}.
   *
   * @throws TooManyRowsException past {@link #MAX_ROWS} rows
   */
  public XlsxTable row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && columns.get(i).kind() != Kind.TEXT && !(values[i] instanceof Number)) {
        throw new IllegalArgumentException("column " + columns.get(i).header() + " takes numbers, not " + values[i]);
      }
    }
    if (dataRows >= MAX_ROWS) throw new TooManyRowsException(MAX_ROWS);
    Row r = sheet.createRow(next++);
    dataRows++;
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v == null) continue;
      Kind kind = columns.get(i).kind();
      Cell c = r.createCell(i);
      c.setCellStyle(styles[kind.ordinal()]);
      if (kind == Kind.TEXT) {
        c.setCellValue(v.toString());
      } else {
        double d = ((Number) v).doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) r.removeCell(c);
        else c.setCellValue(d);
      }
    }
    return this;
  }

  /** The finished workbook; the table is closed afterwards. */
  public byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      workbook.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      close();
    }
    return out.toByteArray();
  }

  /** Deletes the streamed rows' temporary file; safe to call twice. */
  @Override
  public void close() {
    try {
      workbook.dispose();
      workbook.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The table would pass {@link #MAX_ROWS}. */
  public static final class TooManyRowsException extends RuntimeException {
    public TooManyRowsException(int max) {
      super(tooManyRows(max));
    }
  }

  /** What to tell a client whose table would pass {@code max} rows. */
  public static String tooManyRows(int max) {
    return "a spreadsheet holds at most " + max + " rows here; narrow the request (kecamatan, limit) or use format=csv";
  }
}
