package id.cakupan.boundary;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes tiny shapefiles for tests, byte by byte after the ESRI specification. */
final class TestShapefiles {

    static final String WGS84_PRJ = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
            + "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    static final String LAMBERT_PRJ = "PROJCS[\"Indonesia_Lambert_Conformal_Conic\",GEOGCS[\"GCS_WGS_1984\","
            + "DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Lambert_Conformal_Conic\"],"
            + "PARAMETER[\"False_Easting\",0.0],PARAMETER[\"False_Northing\",0.0],"
            + "PARAMETER[\"Central_Meridian\",115.0],PARAMETER[\"Standard_Parallel_1\",2.0],"
            + "PARAMETER[\"Standard_Parallel_2\",-7.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]";

    private TestShapefiles() {
    }

    /**
     * A polygon-type .shp; each record is a list of rings of {x, y} pairs, or null for a null shape.
     * Type 15 (PolygonZ) records get zero Z and M values.
     */
    static void writeShp(Path shp, int shapeType, List<List<double[][]>> records) throws IOException {
        List<byte[]> contents = new ArrayList<>();
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (List<double[][]> rings : records) {
            if (rings == null) {
                contents.add(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0).array());
                continue;
            }
            int points = rings.stream().mapToInt(r -> r.length).sum();
            int size = 44 + 4 * rings.size() + 16 * points + (shapeType == 15 ? 2 * (16 + 8 * points) : 0);
            ByteBuffer content = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            double rMinX = Double.MAX_VALUE, rMinY = Double.MAX_VALUE, rMaxX = -Double.MAX_VALUE, rMaxY = -Double.MAX_VALUE;
            for (double[][] ring : rings) {
                for (double[] p : ring) {
                    rMinX = Math.min(rMinX, p[0]);
                    rMinY = Math.min(rMinY, p[1]);
                    rMaxX = Math.max(rMaxX, p[0]);
                    rMaxY = Math.max(rMaxY, p[1]);
                }
            }
            minX = Math.min(minX, rMinX);
            minY = Math.min(minY, rMinY);
            maxX = Math.max(maxX, rMaxX);
            maxY = Math.max(maxY, rMaxY);
            content.putInt(shapeType).putDouble(rMinX).putDouble(rMinY).putDouble(rMaxX).putDouble(rMaxY);
            content.putInt(rings.size()).putInt(points);
            int start = 0;
            for (double[][] ring : rings) {
                content.putInt(start);
                start += ring.length;
            }
            for (double[][] ring : rings) {
                for (double[] p : ring) {
                    content.putDouble(p[0]).putDouble(p[1]);
                }
            }
            // Z range and values, then M range and values, all zero: the remaining bytes stay 0.
            contents.add(content.array());
        }
        int fileBytes = 100 + contents.stream().mapToInt(c -> 8 + c.length).sum();
        ByteBuffer file = ByteBuffer.allocate(fileBytes);
        file.order(ByteOrder.BIG_ENDIAN).putInt(9994).putInt(0).putInt(0).putInt(0).putInt(0).putInt(0)
                .putInt(fileBytes / 2);
        file.order(ByteOrder.LITTLE_ENDIAN).putInt(1000).putInt(shapeType)
                .putDouble(minX).putDouble(minY).putDouble(maxX).putDouble(maxY)
                .putDouble(0).putDouble(0).putDouble(0).putDouble(0);
        for (int i = 0; i < contents.size(); i++) {
            file.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(contents.get(i).length / 2);
            file.put(contents.get(i));
        }
        Files.write(shp, file.array());
    }

    static void writeDbf(Path dbf, Charset charset, DBFField[] fields, List<Object[]> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(dbf); DBFWriter writer = new DBFWriter(out, charset)) {
            writer.setFields(fields);
            for (Object[] row : rows) {
                writer.addRecord(row);
            }
        }
    }

    /** A one-record shapefile with a "nama" column, with the given .prj text (null: no .prj). */
    static Path writeSquare(Path directory, String baseName, String prj) throws IOException {
        Path shp = directory.resolve(baseName + ".shp");
        writeShp(shp, 5, List.of(List.<double[][]>of(clockwiseSquare(106.80, -6.11, 0.01))));
        DBFField name = new DBFField("nama", DBFDataType.CHARACTER, 40);
        writeDbf(directory.resolve(baseName + ".dbf"), StandardCharsets.UTF_8,
                new DBFField[] {name}, List.<Object[]>of(new Object[] {"Kotak"}));
        Files.writeString(directory.resolve(baseName + ".cpg"), "UTF-8");
        if (prj != null) {
            Files.writeString(directory.resolve(baseName + ".prj"), prj);
        }
        return shp;
    }

    /** A closed square ring, clockwise as shapefile shells are, lower-left corner at (x, y). */
    static double[][] clockwiseSquare(double x, double y, double side) {
        return new double[][] {{x, y}, {x, y + side}, {x + side, y + side}, {x + side, y}, {x, y}};
    }

    static double[][] counterClockwiseSquare(double x, double y, double side) {
        return new double[][] {{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}, {x, y}};
    }

    /** Zips the files under the given entry names: name, path, name, path, ... */
    static Path zip(Path zip, Object... namesAndFiles) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (int i = 0; i < namesAndFiles.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) namesAndFiles[i]));
                Files.copy((Path) namesAndFiles[i + 1], out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
