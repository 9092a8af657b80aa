package id.cakupan;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real boundary files and gazetteers in ../shared/geodata, which tests read but never copy. */
public final class SharedGeodata {
  public static final String SHAPEFILE = "jakarta-utara-kelurahan-utm48s.shp";
  public static final String GEOPACKAGE = "jakarta-utara-kelurahan.gpkg";
  public static final String DKI_GEOJSON = "dki-jakarta-kelurahan-bps2020.geojson";

  private SharedGeodata() {}

  public static Path directory() {
    return file(".");
  }

  /** The 10-digit BPS code, whether or not a file writes it with the "id" prefix. */
  public static String bpsCode(Object value) {
    String code = String.valueOf(value).trim();
    return code.startsWith("id") ? code.substring(2) : code;
  }

  public static Path file(String name) {
    Path dir = Path.of(System.getProperty("cakupan.sharedGeodata", "../shared/geodata"));
    Path file = dir.resolve(name);
    if (!Files.exists(file)) {
      throw new IllegalStateException("shared geodata missing: " + file.toAbsolutePath()
          + " (tests expect ../shared/geodata beside the checkout)");
    }
    return file;
  }
}
