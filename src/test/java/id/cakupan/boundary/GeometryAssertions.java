package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Checks of the promises BoundaryFeature makes about its geometry. */
final class GeometryAssertions {

    private GeometryAssertions() {
    }

    static void assertValidAndRfc7946Oriented(MultiPolygon geometry, String what) {
        assertFalse(geometry.isEmpty(), what + " is empty");
        assertTrue(geometry.isValid(), what + " is not valid");
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(i);
            assertTrue(Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence()),
                    what + ": exterior ring of part " + i + " is not counter-clockwise");
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                assertFalse(Orientation.isCCW(polygon.getInteriorRingN(h).getCoordinateSequence()),
                        what + ": hole " + h + " of part " + i + " is not clockwise");
            }
        }
    }

    static void assertLonLatInJakarta(MultiPolygon geometry, String what) {
        var envelope = geometry.getEnvelopeInternal();
        assertTrue(envelope.getMinX() > 106.3 && envelope.getMaxX() < 107.1, what + " longitude out of Jakarta: " + envelope);
        assertTrue(envelope.getMinY() > -6.4 && envelope.getMaxY() < -5.1, what + " latitude out of Jakarta: " + envelope);
    }
}
