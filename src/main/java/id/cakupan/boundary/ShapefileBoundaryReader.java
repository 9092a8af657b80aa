package id.cakupan.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads an ESRI shapefile: geometry from the .shp, attributes from the .dbf (encoding from the
 * .cpg) and the CRS from the .prj. The .shx index is not needed to read every record in order.
 */
final class ShapefileBoundaryReader {

    // A WKT definition is a few KB and a code page name a few bytes; anything far larger is not one.
    private static final long MAX_PRJ_BYTES = 64 * 1024;
    private static final long MAX_CPG_BYTES = 1024;

    private ShapefileBoundaryReader() {
    }

    /**
     * @param layerSource the name the layer reports as its source
     * @param label how messages name the shapefile, e.g. "kelurahan.shp" or "upload.zip/kelurahan.shp"
     */
    static SourceLayer read(Path shp, String layerSource, String label) throws BoundaryFormatException {
        Path dbf = sibling(shp, "dbf").orElseThrow(() -> new BoundaryFormatException(
                label + ": no .dbf beside it, cannot read the attributes"));
        Path prj = sibling(shp, "prj").orElseThrow(() -> new BoundaryFormatException(
                label + ": no .prj beside it, cannot tell the CRS"));
        Crs crs = crs(prj, label);
        Charset charset = charset(sibling(shp, "cpg"), label);

        List<Geometry> geometries;
        try (InputStream in = Files.newInputStream(shp)) {
            geometries = new ShpGeometryReader(label, new GeometryFactory()).read(in, Files.size(shp));
        } catch (IOException e) {
            throw new BoundaryFormatException(label + ": could not be read: " + e.getMessage(), e);
        }
        List<Map<String, Object>> rows;
        try (InputStream in = Files.newInputStream(dbf)) {
            rows = DbfAttributeReader.read(label, in, charset, Files.size(dbf));
        } catch (IOException e) {
            throw new BoundaryFormatException(label + ": its .dbf could not be read: " + e.getMessage(), e);
        }
        if (rows.size() != geometries.size()) {
            throw new BoundaryFormatException(label + ": has " + geometries.size()
                    + " shapes but its .dbf has " + rows.size() + " rows; the two files do not belong together");
        }

        List<SourceFeature> features = new ArrayList<>(geometries.size());
        for (int i = 0; i < geometries.size(); i++) {
            features.add(new SourceFeature(i + 1, rows.get(i), geometries.get(i)));
        }
        return new SourceLayer(layerSource, crs, features);
    }

    private static Crs crs(Path prj, String label) throws BoundaryFormatException {
        String wkt;
        try {
            checkSidecarSize(prj, MAX_PRJ_BYTES, label);
            // .prj files are ASCII in practice; Latin-1 never fails to decode.
            wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
        } catch (IOException e) {
            throw new BoundaryFormatException(label + ": its .prj could not be read: " + e.getMessage(), e);
        }
        if (wkt.isEmpty()) {
            throw new BoundaryFormatException(label + ": its .prj is empty, cannot tell the CRS");
        }
        try {
            return WktCrsRecognizer.recognise(wkt);
        } catch (IllegalArgumentException e) {
            throw new BoundaryFormatException(label + ": cannot use its .prj: " + e.getMessage(), e);
        }
    }

    private static Charset charset(Optional<Path> cpg, String label) throws BoundaryFormatException {
        if (cpg.isEmpty()) {
            return ShapefileEncoding.DEFAULT;
        }
        try {
            checkSidecarSize(cpg.get(), MAX_CPG_BYTES, label);
            return ShapefileEncoding.fromCpg(Files.readString(cpg.get(), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new BoundaryFormatException(label + ": its .cpg could not be read: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BoundaryFormatException(label + ": its .cpg " + e.getMessage(), e);
        }
    }

    private static void checkSidecarSize(Path file, long max, String label) throws IOException, BoundaryFormatException {
        long size = Files.size(file);
        if (size > max) {
            throw new BoundaryFormatException(label + ": its " + file.getFileName() + " is " + size
                    + " bytes, more than the " + max + " such a file can need");
        }
    }

    // Sidecars share the base name; their extension case varies with the tool that wrote them.
    private static Optional<Path> sibling(Path shp, String extension) throws BoundaryFormatException {
        String fileName = shp.getFileName().toString();
        String base = fileName.substring(0, fileName.length() - ".shp".length());
        String wanted = (base + "." + extension).toLowerCase(Locale.ROOT);
        Path directory = shp.toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(wanted))
                    .filter(Files::isRegularFile)
                    .findFirst();
        } catch (IOException e) {
            throw new BoundaryFormatException(fileName + ": cannot list the files beside it: " + e.getMessage(), e);
        }
    }
}
