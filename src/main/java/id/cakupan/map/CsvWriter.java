package id.cakupan.map;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one place CSV cells are written, for the ranking and the layer downloads. The plain dialect
 * is for machines (`,`, dot decimals, rates as fractions). The Indonesian dialect opens as a table
 * in Excel set to Indonesian: a UTF-8 BOM, `;` between cells, decimal commas, rates in percent with
 * "(%)" in the header, CRLF line ends. Neither writes thousands separators.
 */
public final class CsvWriter {

  /** Which CSV: {@code locale=id} in the API, anything else the plain one. */
  public enum Dialect {
    PLAIN, INDONESIAN;

    /** {@code id} or {@code en} (the plain, machine-readable default). */
    public static Dialect parse(String s) {
      String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "id", "id-id" -> INDONESIAN;
        case "en", "" -> PLAIN;
        default -> throw new IllegalArgumentException("'" + s + "' is not a CSV locale: expected id or en");
      };
    }
  }

  private final Dialect dialect;
  private final char separator;
  private final StringBuilder sb = new StringBuilder();
  private boolean rowStart = true;

  public CsvWriter(Dialect dialect) {
    this.dialect = dialect;
    this.separator = dialect == Dialect.INDONESIAN ? ';' : ',';
    if (dialect == Dialect.INDONESIAN) sb.append('\uFEFF'); // Excel reads UTF-8 only with a BOM
  }

  public Dialect dialect() {
    return dialect;
  }

  /** A header cell: the machine name, or for Indonesian readers their name. */
  public CsvWriter head(String plain, String indonesian) {
    return text(dialect == Dialect.INDONESIAN ? indonesian : plain);
  }

  /**
   * A text cell, quoted when it holds the separator, a quote or a line break. Spreadsheets run a
   * cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or CR as a formula, and
   * names come from uploaded files, so such text gets a leading {@code '}. Numbers never pass
   * through here: a change of -12 stays a number.
   */
  public CsvWriter text(String s) {
    String v = s == null ? "" : defuse(s);
    boolean quote = v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    return cell(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
  }

  /** An integer cell; empty for null. */
  public CsvWriter integer(Long v) {
    return cell(v == null ? "" : v.toString());
  }

  public CsvWriter integer(int v) {
    return cell(Integer.toString(v));
  }

  /** A decimal rounded to {@code digits}; empty for null or NaN. */
  public CsvWriter decimal(Double v, int digits) {
    if (v == null || v.isNaN()) return cell("");
    String plain = BigDecimal.valueOf(FiguresJson.round(v, digits)).toPlainString();
    return cell(dialect == Dialect.INDONESIAN ? plain.replace('.', ',') : plain);
  }

  /** A rate: a fraction with 6 decimals, or for Indonesian readers percent with 4 (the same figure). */
  public CsvWriter rate(Double v) {
    if (v == null || v.isNaN() || dialect == Dialect.PLAIN) return decimal(v, 6);
    BigDecimal percent = BigDecimal.valueOf(FiguresJson.round(v, 6)).movePointRight(2).stripTrailingZeros();
    return cell((percent.scale() < 0 ? percent.setScale(0) : percent).toPlainString().replace('.', ','));
  }

  /** The header of a rate column: its name, with "(%)" where rates are percent. */
  public CsvWriter rateHead(String plain, String indonesian) {
    return head(plain, indonesian + " (%)");
  }

  /** A cell written as is (already safe: a quoted WKT polygon, a formatted coordinate). */
  public CsvWriter raw(String s) {
    return cell(s);
  }

  public CsvWriter endRow() {
    sb.append(dialect == Dialect.INDONESIAN ? "\r\n" : "\n");
    rowStart = true;
    return this;
  }

  /** Moves what is written so far into {@code out}: a table too large to hold is drained row by row. */
  public void drainTo(java.io.OutputStream out) throws java.io.IOException {
    out.write(bytes());
    sb.setLength(0);
  }

  public byte[] bytes() {
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String defuse(String s) {
    if (s.isEmpty()) return s;
    char first = s.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + s : s;
  }

  private CsvWriter cell(String s) {
    if (!rowStart) sb.append(separator);
    sb.append(s);
    rowStart = false;
    return this;
  }
}
