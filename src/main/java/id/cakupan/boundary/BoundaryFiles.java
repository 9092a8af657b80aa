package id.cakupan.boundary;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads kelurahan boundary polygons from GeoJSON, GeoPackage or shapefile (plain or zipped)
 * into WGS 84 MultiPolygons that are valid and oriented as RFC 7946 asks.
 */
public final class BoundaryFiles {

    private static final String SUPPORTED = "expected GeoJSON (.geojson, .json), GeoPackage (.gpkg), "
            + "a shapefile (.shp) or a zipped shapefile (.zip)";

    private BoundaryFiles() {
    }

    /** Reads a file, choosing the format by its extension. */
    public static BoundaryLayer read(Path file) throws BoundaryFormatException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new BoundaryFormatException(name + ": no such file");
        }
        BoundaryFormat format = BoundaryFormat.fromFileName(name).orElseThrow(() ->
                new BoundaryFormatException(name + ": unknown kind of boundary file; " + SUPPORTED));
        SourceLayer layer = switch (format) {
            case GEOJSON -> {
                try (InputStream in = Files.newInputStream(file)) {
                    yield GeoJsonBoundaryReader.read(name, in);
                } catch (IOException e) {
                    throw couldNotRead(name, e);
                }
            }
            case GEOPACKAGE -> GeoPackageBoundaryReader.read(file, name);
            case SHAPEFILE -> ShapefileBoundaryReader.read(file, name, name);
            case ZIPPED_SHAPEFILE -> {
                try (InputStream in = Files.newInputStream(file)) {
                    yield ZippedShapefile.read(in, Files.size(file), name);
                } catch (IOException e) {
                    throw couldNotRead(name, e);
                }
            }
        };
        return LayerNormaliser.normalise(layer);
    }

    /**
     * Reads an upload. The format comes from the content (zip, SQLite and JSON signatures) and
     * only then from the file name, which is often wrong; a library that needs a real file gets a
     * temporary copy that is removed afterwards.
     */
    public static BoundaryLayer read(String fileName, byte[] content) throws BoundaryFormatException {
        String name = baseName(fileName);
        if (content == null || content.length == 0) {
            throw new BoundaryFormatException(name + ": is empty");
        }
        Optional<BoundaryFormat> detected = BoundaryFormat.fromContent(content).or(() -> BoundaryFormat.fromFileName(name));
        BoundaryFormat format = detected.orElseThrow(() ->
                new BoundaryFormatException(name + ": not a recognised boundary file; " + SUPPORTED));
        SourceLayer layer = switch (format) {
            case GEOJSON -> GeoJsonBoundaryReader.read(name, new ByteArrayInputStream(content));
            case GEOPACKAGE -> {
                try (TempDirectory scratch = TempDirectory.create()) {
                    // NGA GeoPackage validates the .gpkg extension.
                    Path copy = scratch.path().resolve("upload.gpkg");
                    Files.write(copy, content);
                    yield GeoPackageBoundaryReader.read(copy, name);
                } catch (IOException e) {
                    throw couldNotRead(name, e);
                }
            }
            case SHAPEFILE -> throw new BoundaryFormatException(name + ": a shapefile cannot be read without "
                    + "its .dbf and .prj; upload a .zip holding the .shp with its .shx, .dbf, .prj and .cpg");
            case ZIPPED_SHAPEFILE -> ZippedShapefile.read(new ByteArrayInputStream(content), content.length, name);
        };
        return LayerNormaliser.normalise(layer);
    }

    /**
     * Reads an upload that was written to a scratch file: as {@link #read(String, byte[])}, but
     * the file is streamed (GeoJSON, zip) or opened in place, never read whole into memory.
     */
    public static BoundaryLayer readUpload(String fileName, Path content) throws BoundaryFormatException {
        String name = baseName(fileName);
        byte[] head;
        long size;
        try (InputStream in = Files.newInputStream(content)) {
            size = Files.size(content);
            head = in.readNBytes(SNIFFED_BYTES);
        } catch (IOException e) {
            throw couldNotRead(name, e);
        }
        if (size == 0) {
            throw new BoundaryFormatException(name + ": is empty");
        }
        BoundaryFormat format = BoundaryFormat.fromContent(head).or(() -> BoundaryFormat.fromFileName(name))
                .orElseThrow(() -> new BoundaryFormatException(name + ": not a recognised boundary file; " + SUPPORTED));
        SourceLayer layer = switch (format) {
            case GEOJSON -> {
                try (InputStream in = Files.newInputStream(content)) {
                    yield GeoJsonBoundaryReader.read(name, in);
                } catch (IOException e) {
                    throw couldNotRead(name, e);
                }
            }
            case GEOPACKAGE -> {
                try (TempDirectory scratch = TempDirectory.create()) {
                    // NGA GeoPackage validates the .gpkg extension; a link costs no copy where the file system allows one.
                    Path named = scratch.path().resolve("upload.gpkg");
                    try {
                        Files.createLink(named, content);
                    } catch (IOException | UnsupportedOperationException noLink) {
                        Files.copy(content, named);
                    }
                    yield GeoPackageBoundaryReader.read(named, name);
                } catch (IOException e) {
                    throw couldNotRead(name, e);
                }
            }
            case SHAPEFILE -> throw new BoundaryFormatException(name + ": a shapefile cannot be read without "
                    + "its .dbf and .prj; upload a .zip holding the .shp with its .shx, .dbf, .prj and .cpg");
            case ZIPPED_SHAPEFILE -> {
                try (InputStream in = Files.newInputStream(content)) {
                    yield ZippedShapefile.read(in, size, name);
                } catch (IOException e) {
                    throw couldNotRead(name, e);
                }
            }
        };
        return LayerNormaliser.normalise(layer);
    }

    // Enough for every signature BoundaryFormat.fromContent knows, and for leading blanks before a '{'.
    private static final int SNIFFED_BYTES = 64 * 1024;

    // Browsers may send a full client path such as C:\Users\x\kelurahan.zip.
    private static String baseName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return "upload";
        }
        String trimmed = fileName.trim();
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String base = trimmed.substring(slash + 1);
        return base.isEmpty() ? "upload" : base;
    }

    private static BoundaryFormatException couldNotRead(String name, IOException e) {
        return new BoundaryFormatException(name + ": could not be read: " + e.getMessage(), e);
    }
}
