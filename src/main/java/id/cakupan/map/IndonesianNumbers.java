package id.cakupan.map;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers for legend labels, written the Indonesian way: 1.234 and 12,5%. */
final class IndonesianNumbers {
  private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id-ID"));

  private IndonesianNumbers() {}

  static String integer(double v) {
    return new DecimalFormat("#,##0", SYMBOLS).format(v);
  }

  static String percent(double ratio) {
    return new DecimalFormat("#,##0.0", SYMBOLS).format(ratio * 100) + "%";
  }

  static String decimal(double v) {
    return new DecimalFormat("#,##0.#", SYMBOLS).format(v);
  }
}
