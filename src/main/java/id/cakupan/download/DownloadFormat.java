package id.cakupan.download;

import java.util.Locale;

/** The file formats a layer can be downloaded in. */
public enum DownloadFormat {
  GEOJSON("geojson", "application/geo+json"),
  CSV("csv", "text/csv; charset=utf-8"),
  GPKG("gpkg", "application/geopackage+sqlite3");

  private final String extension;
  private final String mediaType;

  DownloadFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public static DownloadFormat parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (DownloadFormat f : values()) {
      if (f.extension.equals(s)) return f;
    }
    if (s.equals("json")) return GEOJSON;
    if (s.equals("geopackage")) return GPKG;
    throw new IllegalArgumentException("'" + text + "' is not a download format: expected geojson, csv or gpkg");
  }
}
