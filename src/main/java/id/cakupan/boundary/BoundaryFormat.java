package id.cakupan.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The boundary file formats the service reads, and how to tell them apart. */
enum BoundaryFormat {
    GEOJSON,
    GEOPACKAGE,
    SHAPEFILE,
    ZIPPED_SHAPEFILE;

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    static Optional<BoundaryFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json")) {
            return Optional.of(GEOJSON);
        }
        if (name.endsWith(".gpkg")) {
            return Optional.of(GEOPACKAGE);
        }
        if (name.endsWith(".shp")) {
            return Optional.of(SHAPEFILE);
        }
        if (name.endsWith(".zip")) {
            return Optional.of(ZIPPED_SHAPEFILE);
        }
        return Optional.empty();
    }

    /** Recognises a format from its first bytes; browsers and users get file names wrong more often. */
    static Optional<BoundaryFormat> fromContent(byte[] content) {
        if (startsWith(content, ZIP_MAGIC) || startsWith(content, EMPTY_ZIP_MAGIC)) {
            return Optional.of(ZIPPED_SHAPEFILE);
        }
        if (startsWith(content, SQLITE_MAGIC)) {
            return Optional.of(GEOPACKAGE);
        }
        if (firstNonBlank(content) == '{') {
            return Optional.of(GEOJSON);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    // Skips a UTF-8 byte order mark and leading whitespace.
    private static int firstNonBlank(byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\r'
                || content[i] == '\n')) {
            i++;
        }
        return i < content.length ? content[i] : -1;
    }
}
