package id.cakupan.download;

import java.util.Locale;

/** The file formats a layer can be downloaded in. */
public enum DownloadFormat {
  GEOJSON("geojson", "geojson", "application/geo+json"),
  CSV("csv", "csv", "text/csv; charset=utf-8"),
  GPKG("gpkg", "gpkg", "application/geopackage+sqlite3"),
  /** A zip of {@code .shp .shx .dbf .prj .cpg} and {@code fields.csv} (see {@link ShapefileFields}). */
  SHP("shp", "shp.zip", "application/zip");

  private final String key;
  private final String extension;
  private final String mediaType;

  DownloadFormat(String key, String extension, String mediaType) {
    this.key = key;
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The value of the {@code format} parameter. */
  public String key() {
    return key;
  }

  /** The extension of the file name the download is saved under. */
  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public static DownloadFormat parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (DownloadFormat f : values()) {
      if (f.key.equals(s)) return f;
    }
    if (s.equals("json")) return GEOJSON;
    if (s.equals("geopackage")) return GPKG;
    if (s.equals("shapefile")) return SHP;
    throw new IllegalArgumentException("'" + text + "' is not a download format: expected geojson, csv, gpkg or shp");
  }
}
