package id.cakupan.coverage;

/**
 * One reason an import was rejected. Lines count the header as line 1, as an editor shows them;
 * column is the canonical (lower-case) column name, or null for a problem of the whole row or
 * file. A report lists at most {@link CoverageCsv#MAX_LISTED_ERRORS} of these, each short: a
 * 200 MB cell must not come back as a 200 MB report.
 */
public record ImportError(int line, String column, String message) {
  /** How much of a cell a message quotes; the rest is cut and marked with an ellipsis. */
  public static final int MAX_CELL_CHARS = 100;
  // A message quotes at most a few cells; this bounds it even where a parser quoted a cell whole.
  static final int MAX_MESSAGE_CHARS = 1000;

  public ImportError {
    if (message != null && message.length() > MAX_MESSAGE_CHARS) message = cut(message, MAX_MESSAGE_CHARS);
  }

  /** A cell as a message quotes it. */
  public static String cell(String text) {
    return text == null || text.length() <= MAX_CELL_CHARS ? text : cut(text, MAX_CELL_CHARS);
  }

  /** A parser's message that quoted {@code text} whole, with the cell cut as {@link #cell} cuts it. */
  public static String quoting(String message, String text) {
    if (message == null || text == null || text.length() <= MAX_CELL_CHARS) return message;
    return message.replace(text, cell(text));
  }

  private static String cut(String text, int chars) {
    // Never split a surrogate pair: half an emoji is not valid UTF-16 and JSON encoders reject it.
    int end = Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
    return text.substring(0, end) + "…";
  }
}
