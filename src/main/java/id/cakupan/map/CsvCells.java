package id.cakupan.map;

/**
 * Text cells for every CSV the server writes. Spreadsheets run a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or CR as a formula, and names come from uploaded files, so
 * such text gets a leading {@code '}. Numbers never pass through here: a change of -12 stays a number.
 */
public final class CsvCells {
  private CsvCells() {}

  /** A text cell, defused and quoted as RFC 4180 needs; null becomes an empty cell. */
  public static String text(String s) {
    if (s == null || s.isEmpty()) return "";
    String cell = defuse(s);
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }

  /** The text with a leading {@code '} when a spreadsheet would run it as a formula. */
  public static String defuse(String s) {
    if (s == null || s.isEmpty()) return s;
    char first = s.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + s : s;
  }
}
