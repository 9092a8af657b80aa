package id.cakupan.coverage;

import java.util.regex.Pattern;

/** A Kemendagri kecamatan code, always held dotted ({@code PP.KK.DD}, e.g. {@code 31.72.03}). */
public record KecamatanCode(String value) {
  private static final Pattern DOTTED = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

  public KecamatanCode {
    if (value == null || !DOTTED.matcher(value).matches()) {
      throw new IllegalArgumentException("not a Kemendagri kecamatan code (PP.KK.DD): " + value);
    }
  }

  /** Accepts the dotted form {@code 31.72.03} or the undotted {@code 317203}. */
  public static KecamatanCode parse(String text) {
    String s = text == null ? "" : text.trim();
    if (s.matches("\\d{6}")) {
      s = s.substring(0, 2) + "." + s.substring(2, 4) + "." + s.substring(4);
    }
    if (!DOTTED.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Kemendagri kecamatan code: expected PP.KK.DD, e.g. 31.72.03");
    }
    return new KecamatanCode(s);
  }

  /** True for this kecamatan's own code as a unit carries it (a String, null for a kota). */
  public boolean is(String code) {
    return value.equals(code);
  }

  @Override
  public String toString() {
    return value;
  }
}
