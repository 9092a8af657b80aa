package id.cakupan.boundary;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Reads the geometry records of an ESRI shapefile main file (.shp), polygon types only. The
 * layout follows the ESRI Shapefile Technical Description (1998): headers mix big-endian
 * (file code, lengths, record numbers) and little-endian (everything else) integers.
 */
final class ShpGeometryReader {

    private static final int FILE_CODE = 9994;
    private static final int VERSION = 1000;
    private static final int HEADER_BYTES = 100;
    private static final int NULL_SHAPE = 0;
    private static final int POLYGON = 5;
    private static final int POLYGON_Z = 15;
    private static final int POLYGON_M = 25;
    // 16 million points in one kelurahan is far beyond any survey; a larger record is a corrupt header.
    private static final int MAX_RECORD_BYTES = 256 << 20;

    private final String source;
    private final PolygonRingAssembler assembler;

    ShpGeometryReader(String source, GeometryFactory factory) {
        this.source = source;
        this.assembler = new PolygonRingAssembler(factory);
    }

    /**
     * One geometry per record, in record order.
     *
     * @param realBytes the size of the file on disk: a record never claims more than is left
     */
    List<Geometry> read(InputStream shp, long realBytes) throws BoundaryFormatException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(shp, 1 << 16))) {
            long fileBytes = readHeader(in);
            List<Geometry> geometries = new ArrayList<>();
            long position = HEADER_BYTES;
            while (position < fileBytes) {
                int recordNumber;
                try {
                    recordNumber = in.readInt();
                } catch (EOFException e) {
                    break; // some writers overstate the file length; the records are all there
                }
                int contentBytes = checkedLength(in.readInt(), geometries.size() + 1, realBytes - position - 8);
                byte[] content = new byte[contentBytes];
                in.readFully(content);
                position += 8L + contentBytes;
                geometries.add(record(geometries.size() + 1, recordNumber, content));
            }
            return geometries;
        } catch (EOFException e) {
            throw fail("ends in the middle of a record; the file is truncated");
        } catch (IOException e) {
            throw new BoundaryFormatException(source + ": could not be read: " + e.getMessage(), e);
        }
    }

    private long readHeader(DataInputStream in) throws IOException, BoundaryFormatException {
        byte[] header = new byte[HEADER_BYTES];
        try {
            in.readFully(header);
        } catch (EOFException e) {
            throw fail("is shorter than a shapefile header (100 bytes)");
        }
        ByteBuffer big = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
        ByteBuffer little = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        if (big.getInt(0) != FILE_CODE) {
            throw fail("is not a shapefile (.shp file code is " + big.getInt(0) + ", expected " + FILE_CODE + ")");
        }
        if (little.getInt(28) != VERSION) {
            throw fail("has shapefile version " + little.getInt(28) + ", expected " + VERSION);
        }
        int shapeType = little.getInt(32);
        if (shapeType != NULL_SHAPE && !isPolygonType(shapeType)) {
            throw fail("holds " + shapeTypeName(shapeType) + " shapes, expected Polygon");
        }
        // The length is counted in 16-bit words.
        return (big.getInt(24) & 0xFFFFFFFFL) * 2;
    }

    // Checked before the record is allocated: a header may claim gigabytes in a file of a few bytes.
    private int checkedLength(int words, int recordIndex, long remaining) throws BoundaryFormatException {
        if (words < 2 || words > (Integer.MAX_VALUE / 2)) {
            throw fail("record " + recordIndex + " has an impossible content length (" + words + " words)");
        }
        long bytes = words * 2L;
        if (bytes > remaining) {
            throw fail("record " + recordIndex + " claims " + bytes + " bytes, but only " + Math.max(0, remaining)
                    + " remain in the file; the header is corrupt or the file is truncated");
        }
        if (bytes > MAX_RECORD_BYTES) {
            throw fail("record " + recordIndex + " claims " + bytes + " bytes, more than the "
                    + (MAX_RECORD_BYTES >> 20) + " MiB a kelurahan polygon can need");
        }
        return (int) bytes;
    }

    private Geometry record(int index, int recordNumber, byte[] content) throws BoundaryFormatException {
        ByteBuffer record = ByteBuffer.wrap(content).order(ByteOrder.LITTLE_ENDIAN);
        int shapeType = record.getInt(0);
        String name = "record " + index;
        if (shapeType == NULL_SHAPE) {
            throw fail(name + " has no geometry (null shape), expected Polygon");
        }
        if (!isPolygonType(shapeType)) {
            throw fail(name + " has shape type " + shapeTypeName(shapeType) + ", expected Polygon");
        }
        if (content.length < 44) {
            throw fail(name + " is too short for a polygon");
        }
        // Bytes 4-35 are the bounding box; it is recomputed from the points anyway.
        int numParts = record.getInt(36);
        int numPoints = record.getInt(40);
        long needed = 44L + 4L * numParts + 16L * numPoints;
        if (numParts < 0 || numPoints < 0 || needed > content.length) {
            throw fail(name + " claims " + numParts + " parts and " + numPoints
                    + " points, more than its " + content.length + " bytes hold");
        }
        int[] partStarts = new int[numParts];
        for (int i = 0; i < numParts; i++) {
            partStarts[i] = record.getInt(44 + 4 * i);
            if (partStarts[i] < 0 || partStarts[i] > numPoints || (i > 0 && partStarts[i] < partStarts[i - 1])) {
                throw fail(name + " has a part index out of order or out of range");
            }
        }
        int pointsAt = 44 + 4 * numParts;
        List<Coordinate[]> rings = new ArrayList<>(numParts);
        for (int part = 0; part < numParts; part++) {
            int start = partStarts[part];
            int end = part + 1 < numParts ? partStarts[part + 1] : numPoints;
            Coordinate[] ring = new Coordinate[end - start];
            for (int p = start; p < end; p++) {
                int at = pointsAt + 16 * p;
                ring[p - start] = new Coordinate(record.getDouble(at), record.getDouble(at + 8));
            }
            rings.add(ring);
        }
        // Z and M values follow the points in types 15 and 25; boundaries are 2D, so they are skipped.
        return assembler.assemble(rings);
    }

    private static boolean isPolygonType(int shapeType) {
        return shapeType == POLYGON || shapeType == POLYGON_Z || shapeType == POLYGON_M;
    }

    private static String shapeTypeName(int shapeType) {
        return switch (shapeType) {
            case 0 -> "Null";
            case 1 -> "Point";
            case 3 -> "PolyLine";
            case 5 -> "Polygon";
            case 8 -> "MultiPoint";
            case 11 -> "PointZ";
            case 13 -> "PolyLineZ";
            case 15 -> "PolygonZ";
            case 18 -> "MultiPointZ";
            case 21 -> "PointM";
            case 23 -> "PolyLineM";
            case 25 -> "PolygonM";
            case 28 -> "MultiPointM";
            case 31 -> "MultiPatch";
            default -> "unknown (" + shapeType + ")";
        };
    }

    private BoundaryFormatException fail(String problem) {
        return new BoundaryFormatException(source + ": " + problem);
    }
}
