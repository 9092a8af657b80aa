package id.cakupan.boundary;

import id.cakupan.SharedGeodata;

import static id.cakupan.boundary.GeometryAssertions.assertLonLatInJakarta;
import static id.cakupan.boundary.GeometryAssertions.assertValidAndRfc7946Oriented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;

/** The readers against the real BPS 2020 boundaries in ../shared/geodata. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealBoundaryFilesTest {

    private static final Crs UTM_48S = Crs.epsg(32748);
    private static final List<String> SHAPEFILE_PARTS = List.of("shp", "shx", "dbf", "prj", "cpg");

    /** luas_km2 of the 31 kelurahan of Jakarta Utara by BPS code, from SPEC §2. */
    private static final Map<String, Double> SPEC_AREA_KM2 = Map.ofEntries(
            Map.entry("3175010004", 4.57), Map.entry("3175010001", 11.33), Map.entry("3175010002", 9.13),
            Map.entry("3175010003", 3.68), Map.entry("3175010005", 7.61), Map.entry("3175030007", 3.88),
            Map.entry("3175030002", 5.15), Map.entry("3175030003", 3.03), Map.entry("3175030005", 2.35),
            Map.entry("3175030006", 1.70), Map.entry("3175030001", 5.26), Map.entry("3175030004", 1.07),
            Map.entry("3175040006", 2.59), Map.entry("3175040003", 2.32), Map.entry("3175040004", 1.57),
            Map.entry("3175040005", 1.27), Map.entry("3175040002", 1.86), Map.entry("3175040001", 1.82),
            Map.entry("3175060004", 7.00), Map.entry("3175060001", 5.81), Map.entry("3175060003", 7.53),
            Map.entry("3175060007", 2.50), Map.entry("3175060005", 4.24), Map.entry("3175060002", 10.49),
            Map.entry("3175060006", 3.26), Map.entry("3175020002", 2.88), Map.entry("3175020001", 1.54),
            Map.entry("3175020003", 8.07), Map.entry("3175050002", 3.15), Map.entry("3175050003", 5.52),
            Map.entry("3175050001", 7.42));

    private BoundaryLayer shapefile;
    private BoundaryLayer geoPackage;
    private BoundaryLayer dki;

    @BeforeAll
    void readFiles() throws BoundaryFormatException {
        shapefile = BoundaryFiles.read(SharedGeodata.file(SharedGeodata.SHAPEFILE));
        geoPackage = BoundaryFiles.read(SharedGeodata.file(SharedGeodata.GEOPACKAGE));
        dki = BoundaryFiles.read(SharedGeodata.file(SharedGeodata.DKI_GEOJSON));
    }

    @Test
    void shapefileHas33KelurahanAndLakesWithTheirAttributes() {
        assertEquals(SharedGeodata.SHAPEFILE, shapefile.source());
        assertEquals("EPSG:32748", shapefile.crs());
        assertJakartaUtara(shapefile);
    }

    @Test
    void geoPackageHasTheSame33Features() {
        assertEquals(SharedGeodata.GEOPACKAGE, geoPackage.source());
        assertEquals("EPSG:4326", geoPackage.crs());
        assertJakartaUtara(geoPackage);
    }

    @Test
    void zippedShapefileReadsLikeTheLooseFiles(@TempDir Path scratch) throws Exception {
        Path zip = zipShapefile(scratch.resolve("kelurahan.zip"));

        BoundaryLayer zipped = BoundaryFiles.read(zip);

        assertEquals("kelurahan.zip", zipped.source());
        assertEquals("EPSG:32748", zipped.crs());
        assertJakartaUtara(zipped);
        for (int i = 0; i < zipped.features().size(); i++) {
            assertEquals(shapefile.features().get(i), zipped.features().get(i));
        }
    }

    @Test
    void dkiGeoJsonHas270Features() {
        assertEquals("OGC:CRS84", dki.crs());
        assertEquals(270, dki.features().size());
        BoundaryFeature first = dki.features().get(0);
        assertEquals("id3101010002", first.attributes().get("village_code"));
        assertEquals("Pulau Pari", first.attributes().get("village"));
        long distinctCodes = dki.features().stream().map(f -> f.attributes().get("village_code")).distinct().count();
        assertEquals(270, distinctCodes);
    }

    @Test
    void reprojectedShapefileLiesWithinOneMetreOfTheGeoJson() {
        assertWithinOneMetreOfGeoJson(shapefile);
    }

    @Test
    void geoPackageLiesWithinOneMetreOfTheGeoJson() {
        assertWithinOneMetreOfGeoJson(geoPackage);
    }

    @Test
    void areasMatchTheSpecWithinOnePercent() {
        for (BoundaryLayer layer : List.of(shapefile, geoPackage, dki)) {
            Map<String, Double> areas = new HashMap<>();
            for (BoundaryFeature feature : layer.features()) {
                Object code = feature.attributes().containsKey("kode_bps")
                        ? feature.attributes().get("kode_bps") : feature.attributes().get("village_code");
                areas.put(SharedGeodata.bpsCode(code), Areas.areaKm2(feature.geometry()));
            }
            SPEC_AREA_KM2.forEach((code, expected) -> {
                Double actual = areas.get(code);
                assertNotNull(actual, layer.source() + " lacks " + code);
                assertEquals(expected, actual, expected * 0.01, layer.source() + " area of " + code);
            });
        }
    }

    @Test
    void everyGeometryIsValidLonLatAndOrientedForGeoJson() {
        for (BoundaryLayer layer : List.of(shapefile, geoPackage, dki)) {
            for (int i = 0; i < layer.features().size(); i++) {
                BoundaryFeature feature = layer.features().get(i);
                String what = layer.source() + " feature " + (i + 1);
                assertValidAndRfc7946Oriented(feature.geometry(), what);
                assertLonLatInJakarta(feature.geometry(), what);
            }
        }
    }

    @Test
    void uploadedBytesAreRecognisedByContentNotName(@TempDir Path scratch) throws Exception {
        byte[] gpkg = Files.readAllBytes(SharedGeodata.file(SharedGeodata.GEOPACKAGE));
        byte[] zip = Files.readAllBytes(zipShapefile(scratch.resolve("kelurahan.zip")));

        BoundaryLayer fromGpkg = BoundaryFiles.read("kelurahan.geojson", gpkg);
        BoundaryLayer fromZip = BoundaryFiles.read("C:\\Users\\staf\\Unduhan\\kelurahan", zip);

        assertEquals("kelurahan.geojson", fromGpkg.source());
        assertEquals("EPSG:4326", fromGpkg.crs());
        assertEquals(geoPackage.features(), fromGpkg.features());
        assertEquals("kelurahan", fromZip.source());
        assertEquals(shapefile.features(), fromZip.features());
    }

    private static void assertJakartaUtara(BoundaryLayer layer) {
        assertEquals(33, layer.features().size());
        for (BoundaryFeature feature : layer.features()) {
            assertEquals(Set.of("kode_bps", "desa", "kecamatan", "kota"), feature.attributes().keySet());
            assertEquals("Kota Jakarta Utara", feature.attributes().get("kota"));
        }
        Set<String> codes = layer.features().stream()
                .map(f -> SharedGeodata.bpsCode(f.attributes().get("kode_bps")))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(33, codes.size());
        assertTrue(codes.containsAll(SPEC_AREA_KM2.keySet()));
        assertEquals(2, codes.stream().filter(c -> c.endsWith("888")).count(), "two lakes coded ...888");

        BoundaryFeature kamalMuara = layer.features().stream()
                .filter(f -> SharedGeodata.bpsCode(f.attributes().get("kode_bps")).equals("3175010001"))
                .findFirst().orElseThrow();
        assertEquals("Kamal Muara", kamalMuara.attributes().get("desa"));
        assertEquals("Penjaringan", kamalMuara.attributes().get("kecamatan"));
        // SPEC §2 gives a point inside each kelurahan.
        assertTrue(kamalMuara.geometry().contains(kamalMuara.geometry().getFactory()
                .createPoint(new org.locationtech.jts.geom.Coordinate(106.73725, -6.11190))));
    }

    private void assertWithinOneMetreOfGeoJson(BoundaryLayer layer) {
        Map<String, Geometry> dkiByCode = new HashMap<>();
        for (BoundaryFeature feature : dki.features()) {
            dkiByCode.put(SharedGeodata.bpsCode(feature.attributes().get("village_code")), feature.geometry());
        }
        for (BoundaryFeature feature : layer.features()) {
            String code = SharedGeodata.bpsCode(feature.attributes().get("kode_bps"));
            Geometry reference = dkiByCode.get(code);
            assertNotNull(reference, "GeoJSON lacks " + code);
            double metres = DiscreteHausdorffDistance.distance(
                    Reprojection.fromWgs84(feature.geometry(), UTM_48S),
                    Reprojection.fromWgs84(reference, UTM_48S));
            assertTrue(metres < 1.0, layer.source() + " " + code + " is " + metres + " m from the GeoJSON");
        }
    }

    private static Path zipShapefile(Path zip) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            String base = SharedGeodata.SHAPEFILE.substring(0, SharedGeodata.SHAPEFILE.length() - 4);
            for (String extension : SHAPEFILE_PARTS) {
                out.putNextEntry(new ZipEntry(base + "." + extension));
                Files.copy(SharedGeodata.file(base + "." + extension), out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
