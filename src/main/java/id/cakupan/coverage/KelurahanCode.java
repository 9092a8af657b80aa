package id.cakupan.coverage;

import java.util.regex.Pattern;

/**
 * A Kemendagri kelurahan/desa code, always held dotted ({@code PP.KK.DD.VVVV}). BPS codes are a
 * different system that does not convert by arithmetic, so they never become a KelurahanCode
 * except through the gazetteer.
 */
public record KelurahanCode(String value) implements Comparable<KelurahanCode> {
  private static final Pattern DOTTED = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}");
  private static final Pattern UNDOTTED = Pattern.compile("\\d{10}");

  public KelurahanCode {
    if (value == null || !DOTTED.matcher(value).matches()) {
      throw new IllegalArgumentException("not a Kemendagri kelurahan code (PP.KK.DD.VVVV): " + value);
    }
  }

  /** Accepts the dotted form {@code 31.72.03.1004} or the undotted {@code 3172031004}. */
  public static KelurahanCode parse(String text) {
    String s = text == null ? "" : text.trim();
    if (UNDOTTED.matcher(s).matches()) {
      s = s.substring(0, 2) + "." + s.substring(2, 4) + "." + s.substring(4, 6) + "." + s.substring(6);
    }
    if (!DOTTED.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Kemendagri kelurahan code: expected PP.KK.DD.VVVV, e.g. 31.72.03.1004");
    }
    return new KelurahanCode(s);
  }

  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** {@code 31.72.03} for {@code 31.72.03.1004}. */
  public String kecamatanCode() {
    return value.substring(0, 8);
  }

  /** {@code 31.72} for {@code 31.72.03.1004}. */
  public String kotaCode() {
    return value.substring(0, 5);
  }

  @Override
  public int compareTo(KelurahanCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
