package id.cakupan.download;

import java.util.Locale;

/** The file formats a layer can be downloaded in. */
public enum DownloadFormat {
  GEOJSON("geojson", "geojson", "application/geo+json"),
  CSV("csv", "csv", "text/csv; charset=utf-8"),
  /**
   * GDAL's type sidecar of the CSV (saved beside it under the same name, GDAL reads codes such as
   * {@code 31.72} as text and the metrics as numbers).
   */
  CSVT("csvt", "csvt", "text/plain; charset=utf-8"),
  /** A zip of the CSV with its {@code .csvt} and a {@code .prj}: open it in GDAL as {@code /vsizip/…/name.csv}. */
  CSV_ZIP("csv.zip", "csv.zip", "application/zip"),
  GPKG("gpkg", "gpkg", "application/geopackage+sqlite3"),
  /** A zip of {@code .shp .shx .dbf .prj .cpg} and {@code fields.csv} (see {@link LayerFields}). */
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

  /** The formats whose table is the CSV's, so that {@code geometry=point|wkt} applies to them. */
  public boolean csvTable() {
    return this == CSV || this == CSVT || this == CSV_ZIP;
  }

  public static DownloadFormat parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (DownloadFormat f : values()) {
      if (f.key.equals(s)) return f;
    }
    if (s.equals("json")) return GEOJSON;
    if (s.equals("geopackage")) return GPKG;
    if (s.equals("shapefile")) return SHP;
    if (s.equals("csvzip")) return CSV_ZIP;
    throw new IllegalArgumentException("'" + text + "' is not a download format: expected geojson, csv, csvt, csv.zip,"
        + " gpkg or shp");
  }
}
