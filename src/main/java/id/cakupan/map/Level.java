package id.cakupan.map;

import java.util.Locale;

/** Administrative levels a layer can be drawn at, finest first. */
public enum Level {
  KELURAHAN,
  KECAMATAN,
  KOTA,
  /** The first two digits of the Kemendagri code; worth a layer where the region spans several. */
  PROVINSI;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Level parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Level l : values()) {
      if (l.key().equals(s)) return l;
    }
    throw new IllegalArgumentException("'" + text + "' is not a level: expected kelurahan, kecamatan, kota or provinsi");
  }
}
