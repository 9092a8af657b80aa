package id.cakupan.boundary;

import static id.cakupan.boundary.GeometryAssertions.assertValidAndRfc7946Oriented;
import static id.cakupan.boundary.TestShapefiles.clockwiseSquare;
import static id.cakupan.boundary.TestShapefiles.counterClockwiseSquare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Small shapefiles written at test time. */
class ShapefileBoundaryReaderTest {

    @TempDir
    Path dir;

    @Test
    void ringsAreAssembledIntoShellsWithTheirHoles() throws Exception {
        Path shp = dir.resolve("pulau.shp");
        // One record: a big shell with a hole, and a separate island; PolygonZ to exercise the Z/M tail.
        TestShapefiles.writeShp(shp, 15, List.of(List.of(
                clockwiseSquare(106.80, -6.11, 0.01),
                counterClockwiseSquare(106.803, -6.107, 0.004),
                clockwiseSquare(106.82, -6.11, 0.002))));
        writeAttributes("pulau", List.<Object[]>of(new Object[] {"Pulau", BigDecimal.valueOf(12), BigDecimal.valueOf(3.25)}));
        Files.writeString(dir.resolve("pulau.prj"), TestShapefiles.WGS84_PRJ);

        BoundaryLayer layer = BoundaryFiles.read(shp);

        assertEquals("EPSG:4326", layer.crs());
        MultiPolygon geometry = layer.features().get(0).geometry();
        assertValidAndRfc7946Oriented(geometry, "pulau");
        assertEquals(2, geometry.getNumGeometries());
        Polygon big = (Polygon) (geometry.getGeometryN(0).getArea() > geometry.getGeometryN(1).getArea()
                ? geometry.getGeometryN(0) : geometry.getGeometryN(1));
        assertEquals(1, big.getNumInteriorRing());
        assertEquals(0.01 * 0.01 - 0.004 * 0.004, big.getArea(), 1e-12);
    }

    @Test
    void attributesAreTrimmedAndTypedAndDecodedPerCpg() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "desa", TestShapefiles.WGS84_PRJ);
        writeAttributes("desa", List.<Object[]>of(new Object[] {"  Kebon Kosong é ", BigDecimal.valueOf(12), new BigDecimal("4.00")}));

        Map<String, Object> attributes = BoundaryFiles.read(shp).features().get(0).attributes();

        assertEquals("Kebon Kosong é", attributes.get("nama"));
        assertEquals(12L, attributes.get("jumlah"));
        assertEquals(4.0, attributes.get("rasio"));
    }

    @Test
    void dbfWithoutCpgIsLatin1() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "lama", TestShapefiles.WGS84_PRJ);
        Files.delete(dir.resolve("lama.cpg"));
        TestShapefiles.writeDbf(dir.resolve("lama.dbf"), StandardCharsets.ISO_8859_1,
                new DBFField[] {new DBFField("nama", DBFDataType.CHARACTER, 20)},
                List.<Object[]>of(new Object[] {"Café"}));

        assertEquals("Café", BoundaryFiles.read(shp).features().get(0).attributes().get("nama"));
    }

    @Test
    void nullShapeIsRejectedByRecordNumber() throws Exception {
        Path shp = dir.resolve("bolong.shp");
        List<List<double[][]>> records = new ArrayList<>();
        records.add(List.<double[][]>of(clockwiseSquare(106.8, -6.1, 0.01)));
        records.add(null);
        TestShapefiles.writeShp(shp, 5, records);
        writeAttributes("bolong", List.of(new Object[] {"a", null, null}, new Object[] {"b", null, null}));
        Files.writeString(dir.resolve("bolong.prj"), TestShapefiles.WGS84_PRJ);

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(shp));

        assertEquals("bolong.shp: record 2 has no geometry (null shape), expected Polygon", e.getMessage());
    }

    @Test
    void missingPrjIsReported() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "kelurahan", null);

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(shp));

        assertEquals("kelurahan.shp: no .prj beside it, cannot tell the CRS", e.getMessage());
    }

    @Test
    void unsupportedPrjIsNamedWithTheSupportedChoices() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "lambert", TestShapefiles.LAMBERT_PRJ);
        Path zip = TestShapefiles.zip(dir.resolve("lambert.zip"),
                "lambert.shp", shp, "lambert.dbf", dir.resolve("lambert.dbf"), "lambert.prj", dir.resolve("lambert.prj"));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(zip));

        String message = e.getMessage();
        assertTrue(message.startsWith("lambert.zip/lambert.shp: "), message);
        assertTrue(message.contains("unsupported CRS \"Indonesia_Lambert_Conformal_Conic\""), message);
        assertTrue(message.contains("EPSG:4326") && message.contains("UTM"), message);
    }

    @Test
    void zipWithoutShpIsReported() throws Exception {
        TestShapefiles.writeSquare(dir, "kelurahan", TestShapefiles.WGS84_PRJ);
        Path zip = TestShapefiles.zip(dir.resolve("tanpa-shp.zip"),
                "kelurahan.dbf", dir.resolve("kelurahan.dbf"), "kelurahan.prj", dir.resolve("kelurahan.prj"));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(zip));

        assertTrue(e.getMessage().startsWith("tanpa-shp.zip: contains no .shp file"), e.getMessage());
    }

    @Test
    void zipWithTwoLayersIsReported() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "a", TestShapefiles.WGS84_PRJ);
        Path zip = TestShapefiles.zip(dir.resolve("dua.zip"), "a.shp", shp, "b.shp", shp);

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(zip));

        assertTrue(e.getMessage().startsWith("dua.zip: contains 2 .shp files"), e.getMessage());
    }

    @Test
    void zipEntriesEscapingTheScratchDirectoryAreRefused() throws Exception {
        Path zip = dir.resolve("licik.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../../licik.shp"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(zip));

        assertEquals("licik.zip: holds an entry with an unsafe path \"../../licik.shp\"", e.getMessage());
    }

    @Test
    void zipInAFolderWithUpperCaseExtensionsIsRead() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "k", TestShapefiles.WGS84_PRJ);
        Path zip = TestShapefiles.zip(dir.resolve("folder.zip"),
                "data/K.SHP", shp, "data/K.DBF", dir.resolve("k.dbf"), "data/K.PRJ", dir.resolve("k.prj"),
                "__MACOSX/data/._K.SHP", dir.resolve("k.cpg"));

        BoundaryLayer layer = BoundaryFiles.read(zip);

        assertEquals("folder.zip", layer.source());
        assertEquals("Kotak", layer.features().get(0).attributes().get("nama"));
    }

    @Test
    void nonPolygonShapefileIsRejected() throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "garis", TestShapefiles.WGS84_PRJ);
        byte[] bytes = Files.readAllBytes(shp);
        bytes[32] = 3; // header shape type: PolyLine
        Files.write(shp, bytes);

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(shp));

        assertEquals("garis.shp: holds PolyLine shapes, expected Polygon", e.getMessage());
    }

    private void writeAttributes(String base, List<Object[]> rows) throws Exception {
        TestShapefiles.writeDbf(dir.resolve(base + ".dbf"), StandardCharsets.UTF_8, new DBFField[] {
                new DBFField("nama", DBFDataType.CHARACTER, 40),
                new DBFField("jumlah", DBFDataType.NUMERIC, 10, 0),
                new DBFField("rasio", DBFDataType.NUMERIC, 10, 2)}, rows);
        Files.writeString(dir.resolve(base + ".cpg"), "UTF-8");
    }
}
