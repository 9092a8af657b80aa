package id.cakupan.boundary;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real boundary files beside the checkout; tests read them in place and never copy them into the project. */
final class SharedGeodata {

    static final String SHAPEFILE = "jakarta-utara-kelurahan-utm48s.shp";
    static final String GEOPACKAGE = "jakarta-utara-kelurahan.gpkg";
    static final String DKI_GEOJSON = "dki-jakarta-kelurahan-bps2020.geojson";

    private SharedGeodata() {
    }

    static Path directory() {
        String configured = System.getProperty("cakupan.sharedGeodata");
        Path directory = Path.of(configured == null || configured.isBlank() ? "../shared/geodata" : configured);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("shared geodata not found at " + directory.toAbsolutePath());
        }
        return directory;
    }

    static Path file(String name) {
        return directory().resolve(name);
    }

    /** The 10-digit BPS code, whether or not a file writes it with the "id" prefix. */
    static String bpsCode(Object value) {
        String code = String.valueOf(value).trim();
        return code.startsWith("id") ? code.substring(2) : code;
    }
}
