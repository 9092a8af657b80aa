package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link BoundaryFiles#read(String, byte[])}: uploads are recognised by content first. */
class UploadFormatDetectionTest {

    private static final String SQUARE = GeoJsonBoundaryReaderTest.collection(null,
            GeoJsonBoundaryReaderTest.feature("{\"nama\":\"kotak\"}", GeoJsonBoundaryReaderTest.polygon(
                    "[[106.80,-6.11],[106.81,-6.11],[106.81,-6.10],[106.80,-6.10],[106.80,-6.11]]")));

    @Test
    void geoJsonIsRecognisedWhateverItsName() throws Exception {
        byte[] withBomAndSpace = ("\uFEFF \n" + SQUARE).getBytes(StandardCharsets.UTF_8);

        BoundaryLayer layer = BoundaryFiles.read("batas.bin", withBomAndSpace);

        assertEquals("batas.bin", layer.source());
        assertEquals("OGC:CRS84", layer.crs());
        assertEquals("kotak", layer.features().get(0).attributes().get("nama"));
    }

    @Test
    void zippedShapefileIsRecognisedWhateverItsName(@TempDir Path dir) throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "k", TestShapefiles.WGS84_PRJ);
        Path zip = TestShapefiles.zip(dir.resolve("k.zip"),
                "k.shp", shp, "k.dbf", dir.resolve("k.dbf"), "k.prj", dir.resolve("k.prj"), "k.cpg", dir.resolve("k.cpg"));

        BoundaryLayer layer = BoundaryFiles.read("batas.geojson", Files.readAllBytes(zip));

        assertEquals("EPSG:4326", layer.crs());
        assertEquals("Kotak", layer.features().get(0).attributes().get("nama"));
    }

    @Test
    void nameDecidesWhenContentSaysNothing() {
        BoundaryFormatException e = assertThrows(BoundaryFormatException.class,
                () -> BoundaryFiles.read("batas.geojson", "[1,2]".getBytes(StandardCharsets.UTF_8)));

        assertEquals("batas.geojson: is not a GeoJSON object", e.getMessage());
    }

    @Test
    void unrecognisableUploadIsRejected() {
        BoundaryFormatException e = assertThrows(BoundaryFormatException.class,
                () -> BoundaryFiles.read("catatan.txt", "halo".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().startsWith("catatan.txt: not a recognised boundary file"), e.getMessage());
    }

    @Test
    void bareShpUploadAsksForAZip(@TempDir Path dir) throws Exception {
        Path shp = TestShapefiles.writeSquare(dir, "k", TestShapefiles.WGS84_PRJ);

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class,
                () -> BoundaryFiles.read("k.shp", Files.readAllBytes(shp)));

        assertTrue(e.getMessage().contains("upload a .zip"), e.getMessage());
    }

    @Test
    void emptyUploadIsRejected() {
        BoundaryFormatException e = assertThrows(BoundaryFormatException.class,
                () -> BoundaryFiles.read(null, new byte[0]));

        assertEquals("upload: is empty", e.getMessage());
    }
}
