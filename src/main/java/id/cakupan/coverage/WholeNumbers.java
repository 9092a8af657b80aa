package id.cakupan.coverage;

import java.util.regex.Pattern;

/**
 * Counts in the coverage CSV: plain digits only. Spreadsheets in Indonesia write {@code 1.234}
 * for a thousand and {@code 12,5} for a decimal, and in other locales the opposite, so anything
 * but digits is refused with a message that says which of those it looks like.
 */
public final class WholeNumbers {
  /** Returned by {@link #parse} when the bytes are not plain digits. */
  public static final long NOT_DIGITS = -1;
  /** Returned by {@link #parse} when the digits do not fit a long. */
  public static final long TOO_LARGE = -2;

  // Only used to explain a value already refused, never on the happy path.
  private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([.,' \u00A0\u202F])\\d{3}(\\1\\d{3})*");
  private static final Pattern GROUPED_WITH_DECIMALS =
      Pattern.compile("\\d{1,3}([.,' \u00A0\u202F]\\d{3})+[.,]\\d+");
  private static final Pattern DECIMAL = Pattern.compile("\\d*[.,]\\d+|\\d+[.,]");
  private static final Pattern EXPONENT = Pattern.compile("\\d*[.,]?\\d*[eE][+-]?\\d+");
  private static final Pattern SIGNED = Pattern.compile("[-\u2212+].*\\d.*");

  private WholeNumbers() {}

  /** The value of bytes [from, to) if they are all ASCII digits, else NOT_DIGITS or TOO_LARGE. */
  public static long parse(byte[] b, int from, int to) {
    if (from >= to) return NOT_DIGITS;
    long v = 0;
    for (int i = from; i < to; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) return NOT_DIGITS;
      if (v > (Long.MAX_VALUE - d) / 10) {
        // Keep scanning so that "99999999999999999999x" is reported as not digits.
        for (int k = i + 1; k < to; k++) {
          if (b[k] < '0' || b[k] > '9') return NOT_DIGITS;
        }
        return TOO_LARGE;
      }
      v = v * 10 + d;
    }
    return v;
  }

  /** Why a trimmed, non-empty text is not a whole number >= 0, and what to write instead. */
  public static String problem(String text) {
    String q = "'" + text + "'";
    if (SIGNED.matcher(text).matches()) {
      if (text.charAt(0) == '+') return q + " is not a whole number: write digits only, without a sign";
      return q + " is negative: expected a whole number, 0 or more";
    }
    if (GROUPED.matcher(text).matches()) {
      return q + " is not a whole number: write digits only, without thousands separators";
    }
    if (GROUPED_WITH_DECIMALS.matcher(text).matches()) {
      return q + " is not a whole number: write digits only, without thousands separators or decimals";
    }
    if (DECIMAL.matcher(text).matches()) {
      return q + " is not a whole number: a count has no decimals; write digits only";
    }
    if (EXPONENT.matcher(text).matches()) {
      return q + " is in scientific notation: write all the digits, e.g. 120000 (format the column as number)";
    }
    return q + " is not a whole number: write digits only, e.g. 1234";
  }

  public static String tooLarge(String text) {
    return "'" + text + "' is too large: at most " + Long.MAX_VALUE;
  }
}
