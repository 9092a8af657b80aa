package id.cakupan.boundary;

import static id.cakupan.boundary.GeometryAssertions.assertValidAndRfc7946Oriented;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Small GeoJSON files written at test time. */
class GeoJsonBoundaryReaderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"EPSG:32748", "urn:ogc:def:crs:EPSG::32748"})
    void legacyCrsMemberInUtm48sIsReprojected(String crsName) throws Exception {
        // (700000 E, 9320000 N) in UTM 48S is 106.807385283 E, 6.148879096 S (PROJ cs2cs).
        Path file = write("utm.geojson", collection(crsName,
                feature("{\"nama\":\"kotak\"}", polygon(
                        "[[700000,9320000],[700100,9320000],[700100,9320100],[700000,9320100],[700000,9320000]]"))));

        BoundaryLayer layer = BoundaryFiles.read(file);

        assertEquals("EPSG:32748", layer.crs());
        Coordinate nearest = nearest(layer.features().get(0).geometry(), new Coordinate(106.807385283, -6.148879096));
        assertEquals(106.807385283, nearest.x, 1e-6);
        assertEquals(-6.148879096, nearest.y, 1e-6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"})
    void legacyLonLatCrsMembersKeepLongitudeFirst(String crsName) throws Exception {
        Path file = write("lonlat.geojson", collection(crsName, feature("{}", polygon(
                "[[106.80,-6.11],[106.81,-6.11],[106.81,-6.10],[106.80,-6.10],[106.80,-6.11]]"))));

        BoundaryLayer layer = BoundaryFiles.read(file);

        var envelope = layer.features().get(0).geometry().getEnvelopeInternal();
        assertEquals(106.80, envelope.getMinX(), 0.0);
        assertEquals(-6.11, envelope.getMinY(), 0.0);
        assertEquals(crsName.contains("CRS84") ? "OGC:CRS84" : "EPSG:4326", layer.crs());
    }

    @Test
    void bowTieIsRepairedIntoValidPolygons() throws Exception {
        Path file = write("bowtie.geojson", collection(null, feature("{}", polygon(
                "[[106.80,-6.10],[106.81,-6.11],[106.81,-6.10],[106.80,-6.11],[106.80,-6.10]]"))));

        MultiPolygon geometry = BoundaryFiles.read(file).features().get(0).geometry();

        assertValidAndRfc7946Oriented(geometry, "repaired bow-tie");
        assertEquals(2, geometry.getNumGeometries());
        // Both triangles survive: together half the 0.01° square.
        assertEquals(0.5 * 0.01 * 0.01, geometry.getArea(), 1e-12);
    }

    @Test
    void clockwiseExteriorComesOutCounterClockwiseAndHolesClockwise() throws Exception {
        String clockwiseShell = "[106.80,-6.11],[106.80,-6.10],[106.81,-6.10],[106.81,-6.11],[106.80,-6.11]";
        String counterClockwiseHole = "[106.803,-6.107],[106.807,-6.107],[106.807,-6.103],[106.803,-6.103],[106.803,-6.107]";
        Path file = write("cw.geojson", collection(null, feature("{}",
                "{\"type\":\"Polygon\",\"coordinates\":[[" + clockwiseShell + "],[" + counterClockwiseHole + "]]}")));

        MultiPolygon geometry = BoundaryFiles.read(file).features().get(0).geometry();

        Polygon polygon = (Polygon) geometry.getGeometryN(0);
        assertTrue(Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence()));
        assertEquals(1, polygon.getNumInteriorRing());
        assertTrue(!Orientation.isCCW(polygon.getInteriorRingN(0).getCoordinateSequence()));
        assertValidAndRfc7946Oriented(geometry, "re-oriented polygon");
    }

    @Test
    void coordinatesAreNotRounded() throws Exception {
        Path file = write("precise.geojson", collection(null, feature("{}", polygon(
                "[[106.123456789,-6.1],[106.2,-6.1],[106.2,-6.0],[106.123456789,-6.1]]"))));

        MultiPolygon geometry = BoundaryFiles.read(file).features().get(0).geometry();

        assertTrue(Arrays.stream(geometry.getCoordinates()).anyMatch(c -> c.x == 106.123456789));
    }

    @Test
    void propertiesKeepTheirJsonTypes() throws Exception {
        Path file = write("props.geojson", collection(null, feature(
                "{\"kode\":\"3175040005\",\"jumlah\":1234,\"rasio\":0.25,\"aktif\":true,\"catatan\":null}",
                polygon("[[106.80,-6.11],[106.81,-6.11],[106.81,-6.10],[106.80,-6.11]]"))));

        var attributes = BoundaryFiles.read(file).features().get(0).attributes();

        assertEquals("3175040005", attributes.get("kode"));
        assertEquals(1234L, attributes.get("jumlah"));
        assertEquals(0.25, attributes.get("rasio"));
        assertEquals(Boolean.TRUE, attributes.get("aktif"));
        assertTrue(attributes.containsKey("catatan"));
        assertNull(attributes.get("catatan"));
    }

    @Test
    void lineStringFeatureIsRejectedByNumber() throws Exception {
        Path file = write("x.geojson", collection(null,
                feature("{}", polygon("[[106.80,-6.11],[106.81,-6.11],[106.81,-6.10],[106.80,-6.11]]")) + ","
                        + feature("{}", "{\"type\":\"LineString\",\"coordinates\":[[106.8,-6.1],[106.9,-6.2]]}")));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));

        assertEquals("x.geojson: feature 2 has geometry type LineString, expected Polygon or MultiPolygon",
                e.getMessage());
    }

    @Test
    void nullGeometryIsRejectedByNumber() throws Exception {
        Path file = write("kosong.geojson", collection(null, feature("{}", "null")));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));

        assertTrue(e.getMessage().startsWith("kosong.geojson: feature 1 has no geometry"), e.getMessage());
    }

    @Test
    void unknownCrsIsRejected() throws Exception {
        Path file = write("aneh.geojson", collection("EPSG:999999", feature("{}", polygon(
                "[[0,0],[1,0],[1,1],[0,0]]"))));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));

        assertTrue(e.getMessage().startsWith("aneh.geojson: "), e.getMessage());
        assertTrue(e.getMessage().contains("EPSG:999999"), e.getMessage());
    }

    @Test
    void projectedMetresWithoutACrsMemberAreCaught() throws Exception {
        Path file = write("utm-tanpa-crs.geojson", collection(null, feature("{}", polygon(
                "[[700000,9320000],[700100,9320000],[700100,9320100],[700000,9320000]]"))));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));

        assertTrue(e.getMessage().startsWith("utm-tanpa-crs.geojson: feature 1 has coordinates that are not a place"
                + " on Earth when read as OGC:CRS84 (first point 700000.0, 9320000.0)"), e.getMessage());
    }

    @Test
    void brokenJsonIsReportedWithItsPosition() throws Exception {
        Path file = write("rusak.geojson", "{\"type\":\"FeatureCollection\",\"features\":[");

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));

        assertTrue(e.getMessage().startsWith("rusak.geojson: not valid JSON at line 1"), e.getMessage());
    }

    @Test
    void otherTopLevelTypesAreRejected() throws Exception {
        Path file = write("geom.geojson", polygon("[[0,0],[1,0],[1,1],[0,0]]"));

        BoundaryFormatException e = assertThrows(BoundaryFormatException.class, () -> BoundaryFiles.read(file));

        assertEquals("geom.geojson: top-level type is \"Polygon\", expected FeatureCollection", e.getMessage());
    }

    private Path write(String name, String json) throws IOException {
        return Files.writeString(dir.resolve(name), json);
    }

    static String collection(String crsName, String features) {
        String crs = crsName == null ? ""
                : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crsName + "\"}},";
        return "{\"type\":\"FeatureCollection\"," + crs + "\"features\":[" + features + "]}";
    }

    static String feature(String properties, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    static String polygon(String ring) {
        return "{\"type\":\"Polygon\",\"coordinates\":[" + ring + "]}";
    }

    private static Coordinate nearest(MultiPolygon geometry, Coordinate target) {
        return Arrays.stream(geometry.getCoordinates())
                .min((a, b) -> Double.compare(a.distance(target), b.distance(target)))
                .orElseThrow();
    }
}
