package id.cakupan.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/** A shapefile shipped as one zip with its .shx/.dbf/.prj/.cpg, the usual way to upload one. */
final class ZippedShapefile {

    // Far above any boundary file, low enough that a zip bomb cannot fill the disk.
    private static final long MAX_EXTRACTED_BYTES = 2L << 30;
    // Shapefiles deflate by 2 to 20 times; a far higher ratio is a zip bomb, refused before it is
    // written out. Small zips may still unpack to a few MiB whatever their ratio.
    private static final long MAX_RATIO = 200;
    private static final long SMALL_ZIP_ALLOWANCE = 64L << 20;
    private static final int MAX_ENTRIES = 10_000;

    private ZippedShapefile() {
    }

    /** @param zipBytes the size of the zip itself, which bounds how much it may unpack to */
    static SourceLayer read(InputStream zip, long zipBytes, String zipName) throws BoundaryFormatException {
        try (TempDirectory scratch = TempDirectory.create()) {
            extract(zip, scratch.path(), zipName, unpackLimit(zipBytes));
            Path shp = theOnlyShapefile(scratch.path(), zipName);
            String inner = scratch.path().relativize(shp).toString().replace('\\', '/');
            return ShapefileBoundaryReader.read(shp, zipName, zipName + "/" + inner);
        }
    }

    static long unpackLimit(long zipBytes) {
        long byRatio = zipBytes > MAX_EXTRACTED_BYTES / MAX_RATIO ? MAX_EXTRACTED_BYTES : zipBytes * MAX_RATIO;
        return Math.min(MAX_EXTRACTED_BYTES, Math.max(SMALL_ZIP_ALLOWANCE, byRatio));
    }

    private static void extract(InputStream zip, Path target, String zipName, long limit)
            throws BoundaryFormatException {
        long written = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            byte[] buffer = new byte[1 << 16];
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new BoundaryFormatException(zipName + ": holds more than " + MAX_ENTRIES + " files");
                }
                Path destination = target.resolve(entry.getName()).normalize();
                // Zip slip: "../x" or "/etc/x" entries must not land outside the scratch directory.
                if (!destination.startsWith(target) || destination.equals(target)) {
                    throw new BoundaryFormatException(zipName + ": holds an entry with an unsafe path \""
                            + entry.getName() + "\"");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                // The declared size may be absent or a lie; it only allows refusing early.
                if (entry.getSize() > limit - written) {
                    throw tooBig(zipName, limit, entry.getName() + " declares " + entry.getSize() + " bytes");
                }
                Files.createDirectories(destination.getParent());
                try (OutputStream out = Files.newOutputStream(destination)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        written += n;
                        if (written > limit) {
                            throw tooBig(zipName, limit, "stopped in " + entry.getName());
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
        } catch (ZipException e) {
            throw new BoundaryFormatException(zipName + ": is not a readable zip archive: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BoundaryFormatException(zipName + ": could not be unpacked: " + e.getMessage(), e);
        }
    }

    private static BoundaryFormatException tooBig(String zipName, long limit, String where) {
        return new BoundaryFormatException(zipName + ": unpacks to more than " + (limit >> 20) + " MiB (" + where
                + "); a shapefile zip does not compress more than " + MAX_RATIO + " to 1, so this looks like a zip bomb");
    }

    private static Path theOnlyShapefile(Path root, String zipName) throws BoundaryFormatException {
        List<Path> shapefiles;
        try (Stream<Path> walk = Files.walk(root)) {
            shapefiles = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".shp"))
                    .filter(p -> !isMacMetadata(root.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BoundaryFormatException(zipName + ": could not be unpacked: " + e.getMessage(), e);
        }
        if (shapefiles.isEmpty()) {
            throw new BoundaryFormatException(zipName + ": contains no .shp file; "
                    + "zip the .shp together with its .shx, .dbf, .prj and .cpg");
        }
        if (shapefiles.size() > 1) {
            List<String> names = shapefiles.stream().map(p -> root.relativize(p).toString()).toList();
            throw new BoundaryFormatException(zipName + ": contains " + shapefiles.size()
                    + " .shp files " + names + "; upload one layer per zip");
        }
        return shapefiles.get(0);
    }

    // macOS Finder adds "__MACOSX/" and "._name" resource-fork copies that are not shapefiles.
    private static boolean isMacMetadata(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("__MACOSX") || name.startsWith("._")) {
                return true;
            }
        }
        return false;
    }
}
