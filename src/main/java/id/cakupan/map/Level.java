package id.cakupan.map;

import java.util.Locale;

/** Administrative levels a layer can be drawn at. */
public enum Level {
  KELURAHAN,
  KECAMATAN,
  KOTA;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Level parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Level l : values()) {
      if (l.key().equals(s)) return l;
    }
    throw new IllegalArgumentException("'" + text + "' is not a level: expected kelurahan, kecamatan or kota");
  }
}
