package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

class GeoJsonGeometryWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GeometryFactory GF = new GeometryFactory();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private static LinearRing ring(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GF.createLinearRing(c);
    }

    /** A kelurahan-sized square around (106.8, -6.1), clockwise, with a counter-clockwise hole. */
    private static Polygon wronglyOrientedWithHole() {
        LinearRing shell = ring(106.8, -6.1, 106.8, -6.0, 106.9, -6.0, 106.9, -6.1, 106.8, -6.1);
        LinearRing hole = ring(106.82, -6.08, 106.88, -6.08, 106.88, -6.02, 106.82, -6.02, 106.82, -6.08);
        return GF.createPolygon(shell, new LinearRing[] {hole});
    }

    /** Twice the signed area of a parsed ring; positive for counter-clockwise. */
    private static double shoelace(JsonNode ring) {
        double sum = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            JsonNode a = ring.get(i);
            JsonNode b = ring.get(i + 1);
            sum += a.get(0).asDouble() * b.get(1).asDouble() - b.get(0).asDouble() * a.get(1).asDouble();
        }
        return sum;
    }

    private static JsonNode parse(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        assertEquals("MultiPolygon", node.get("type").asText());
        assertTrue(node.get("coordinates").isArray());
        for (JsonNode part : node.get("coordinates")) {
            for (JsonNode ring : part) {
                assertTrue(ring.size() >= 4, "ring with " + ring.size() + " positions");
                assertEquals(ring.get(0), ring.get(ring.size() - 1), "ring not closed");
                for (int i = 0; i + 1 < ring.size(); i++) {
                    assertFalse(ring.get(i).equals(ring.get(i + 1)), "repeated position " + ring.get(i));
                }
                for (JsonNode position : ring) {
                    assertEquals(2, position.size());
                }
            }
        }
        return node;
    }

    @Test
    void reorientsExteriorCounterClockwiseAndHolesClockwiseWithoutTouchingTheInput() throws Exception {
        Polygon input = wronglyOrientedWithHole();
        Polygon before = (Polygon) input.copy();
        assertFalse(Orientation.isCCW(input.getExteriorRing().getCoordinates()));

        JsonNode node = parse(GeoJsonGeometryWriter.toJson(input));
        JsonNode coordinates = node.get("coordinates");
        assertEquals(1, coordinates.size(), "a Polygon becomes a one-part MultiPolygon");
        JsonNode part = coordinates.get(0);
        assertEquals(2, part.size());
        assertTrue(shoelace(part.get(0)) > 0, "exterior must be counter-clockwise");
        assertTrue(shoelace(part.get(1)) < 0, "hole must be clockwise");

        assertTrue(input.equalsExact(before), "input was changed");
        assertFalse(Orientation.isCCW(input.getExteriorRing().getCoordinates()));
    }

    @Test
    void keepsRingsThatAreAlreadyRight() throws Exception {
        Polygon right = (Polygon) wronglyOrientedWithHole().reverse(); // JTS reverses every ring
        assertTrue(Orientation.isCCW(right.getExteriorRing().getCoordinates()));
        JsonNode part = parse(GeoJsonGeometryWriter.toJson(right)).get("coordinates").get(0);
        assertTrue(shoelace(part.get(0)) > 0);
        assertTrue(shoelace(part.get(1)) < 0);
        // same start, same sense: the first two positions come out as they went in
        assertEquals("[106.8,-6.1]", part.get(0).get(0).toString());
        assertEquals(right.getExteriorRing().getCoordinateN(1).x, part.get(0).get(1).get(0).asDouble());
    }

    @Test
    void writesLonThenLat() throws Exception {
        String json = GeoJsonGeometryWriter.toJson(wronglyOrientedWithHole());
        assertTrue(json.contains("[106.8,-6.1]"), json);
        JsonNode first = parse(json).get("coordinates").get(0).get(0).get(0);
        assertEquals(106.8, first.get(0).asDouble());
        assertEquals(-6.1, first.get(1).asDouble());
    }

    @Test
    void atMostSixDecimalsAndNoExponents() throws Exception {
        Polygon p = GF.createPolygon(ring(
                106.123456789, -6.100000000123,
                106.987654321, -6.1,
                106.9, -6.0000001,
                0.00001, 1e-5,
                106.123456789, -6.100000000123));
        String json = GeoJsonGeometryWriter.toJson(p);
        parse(json);
        Matcher m = NUMBER.matcher(json);
        int numbers = 0;
        while (m.find()) {
            numbers++;
            assertTrue(m.group(2) == null, "exponent in " + m.group());
            assertTrue(m.group(1) == null || m.group(1).length() <= 7, "too many decimals: " + m.group());
            assertFalse(m.group(1) != null && m.group(1).endsWith("0"), "trailing zero: " + m.group());
        }
        assertEquals(10, numbers);
        assertTrue(json.contains("106.123457"), json);
        assertTrue(json.contains("[106.987654,-6.1]"), json);
        assertTrue(json.contains("[0.00001,0.00001]"), json);
    }

    @Test
    void roundsTinyNegativesToPlainZero() throws Exception {
        Polygon p = GF.createPolygon(ring(-0.0000001, -0.0, 1, -0.0000004, 1, 1, -0.0000001, -0.0));
        String json = GeoJsonGeometryWriter.toJson(p);
        assertFalse(json.contains("-0"), json);
        assertTrue(json.contains("[0,0]"), json);
        assertTrue(json.contains("[1,0]"), json);
        parse(json);
        assertEquals("0", GeoJsonGeometryWriter.formatNumber(-0.0000001));
        assertEquals("0", GeoJsonGeometryWriter.formatNumber(-0.0));
    }

    @Test
    void formatsNumbersPlainly() {
        assertEquals("106.8", GeoJsonGeometryWriter.formatNumber(106.800000));
        assertEquals("107", GeoJsonGeometryWriter.formatNumber(107));
        assertEquals("-6.000001", GeoJsonGeometryWriter.formatNumber(-6.000001));
        assertEquals("0.000001", GeoJsonGeometryWriter.formatNumber(0.0000005)); // half away from zero
        assertEquals("-0.000001", GeoJsonGeometryWriter.formatNumber(-0.0000005));
        assertEquals("106.123457", GeoJsonGeometryWriter.formatNumber(106.1234565));
        assertEquals("0.1", GeoJsonGeometryWriter.formatNumber(0.1));
        assertEquals("1234567.000001", GeoJsonGeometryWriter.formatNumber(1234567.000001));
    }

    @Test
    void mergesPositionsThatCoincideAfterRoundingAndDropsCollapsedRingsAndParts() throws Exception {
        LinearRing shell = ring(0, 0, 1, 0, 1.0000001, 0.0000002, 1, 1, 0, 1, 0.0000001, 0.0000004, 0, 0);
        // a hole 0.4 µ° across: nothing is left of it at 6 decimals
        LinearRing tinyHole = ring(0.5, 0.5, 0.5000002, 0.5, 0.5000002, 0.5000002, 0.5, 0.5);
        // a sliver whose three distinct vertices fall on one line at 6 decimals: no area left
        LinearRing flat = ring(5, 5, 6, 5, 7, 5.0000001, 5, 5);
        Geometry mp = GF.createMultiPolygon(new Polygon[] {
            GF.createPolygon(shell, new LinearRing[] {tinyHole}), GF.createPolygon(flat)
        });
        JsonNode coordinates = parse(GeoJsonGeometryWriter.toJson(mp)).get("coordinates");
        assertEquals(1, coordinates.size(), "the flat part is dropped");
        JsonNode part = coordinates.get(0);
        assertEquals(1, part.size(), "the tiny hole is dropped");
        assertEquals("[[0,0],[1,0],[1,1],[0,1],[0,0]]", part.get(0).toString());
    }

    @Test
    void multiPolygonKeepsItsParts() throws Exception {
        Geometry mp = GF.createMultiPolygon(new Polygon[] {
            GF.createPolygon(ring(0, 0, 1, 0, 1, 1, 0, 0)),
            GF.createPolygon(ring(2, 2, 2, 3, 3, 3, 2, 2)) // clockwise
        });
        JsonNode coordinates = parse(GeoJsonGeometryWriter.toJson(mp)).get("coordinates");
        assertEquals(2, coordinates.size());
        for (JsonNode part : coordinates) {
            assertTrue(shoelace(part.get(0)) > 0);
        }
    }

    @Test
    void emptyGeometryHasNoCoordinates() throws Exception {
        assertEquals("{\"type\":\"MultiPolygon\",\"coordinates\":[]}",
                GeoJsonGeometryWriter.toJson(GF.createMultiPolygon()));
        assertEquals(0, GeoJsonGeometryWriter.bbox(GF.createPolygon()).length);
    }

    @Test
    void rejectsWhatIsNotPolygonal() {
        assertThrows(IllegalArgumentException.class,
                () -> GeoJsonGeometryWriter.toJson(GF.createPoint(new Coordinate(106.8, -6.1))));
        assertThrows(IllegalArgumentException.class,
                () -> GeoJsonGeometryWriter.toJson(GF.createLineString(
                        new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)})));
    }

    @Test
    void bboxIsRoundedOutward() {
        Polygon p = GF.createPolygon(ring(
                106.1234569, -6.2000001, 106.9876541, -6.2000001, 106.9876541, -6.0999999,
                106.1234569, -6.0999999, 106.1234569, -6.2000001));
        assertArrayEquals(new double[] {106.123456, -6.200001, 106.987655, -6.099999},
                GeoJsonGeometryWriter.bbox(p));
        Polygon exact = GF.createPolygon(ring(106.8, -6.1, 106.9, -6.1, 106.9, -6.0, 106.8, -6.1));
        assertArrayEquals(new double[] {106.8, -6.1, 106.9, -6.0}, GeoJsonGeometryWriter.bbox(exact));
    }

    @Test
    void embedsAsARawValueInAGenerator() throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("type", "Feature");
            gen.writeStringField("id", "31.72.03.1004");
            gen.writeFieldName("geometry");
            GeoJsonGeometryWriter.write(wronglyOrientedWithHole(), gen);
            gen.writeObjectFieldStart("properties");
            gen.writeEndObject();
            gen.writeEndObject();
        }
        JsonNode feature = JSON.readTree(out.toString());
        assertEquals("Feature", feature.get("type").asText());
        parse(feature.get("geometry").toString());
        assertTrue(feature.get("properties").isObject());
    }
}
