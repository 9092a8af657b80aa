package id.cakupan.coverage;

import java.util.regex.Pattern;

/** Validation of the shorter Kemendagri codes used as filters: kecamatan {@code 31.72.03}. */
public final class RegionCodes {
  private static final Pattern KECAMATAN = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

  private RegionCodes() {}

  public static String parseKecamatan(String text) {
    String s = text == null ? "" : text.trim();
    if (s.matches("\\d{6}")) {
      s = s.substring(0, 2) + "." + s.substring(2, 4) + "." + s.substring(4);
    }
    if (!KECAMATAN.matcher(s).matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a Kemendagri kecamatan code: expected PP.KK.DD, e.g. 31.72.03");
    }
    return s;
  }
}
