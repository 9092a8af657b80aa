package id.cakupan.boundary;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * Turns whatever polygons a file held into the one shape the service hands out: a valid
 * MultiPolygon with RFC 7946 ring orientation. Coordinates are not rounded here; output
 * encoding does that.
 */
final class GeometryCleaner {

    private GeometryCleaner() {
    }

    /** A valid MultiPolygon, exterior rings counter-clockwise, holes clockwise; empty if nothing polygonal is left. */
    static MultiPolygon clean(Geometry geometry) {
        GeometryFactory factory = geometry.getFactory();
        // Repair can turn a polygon into a collection (e.g. with a dangling spike), hence the extraction.
        Geometry valid = geometry.isValid() ? geometry : GeometryFixer.fix(geometry);
        List<Polygon> parts = new ArrayList<>();
        for (Object part : PolygonExtracter.getPolygons(valid)) {
            Polygon polygon = (Polygon) part;
            if (!polygon.isEmpty()) {
                parts.add(orientForGeoJson(polygon));
            }
        }
        return factory.createMultiPolygon(parts.toArray(Polygon[]::new));
    }

    // JTS normalize() orients shells clockwise, the opposite of RFC 7946, so rings are flipped by hand.
    private static Polygon orientForGeoJson(Polygon polygon) {
        GeometryFactory factory = polygon.getFactory();
        LinearRing shell = oriented(polygon.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = oriented(polygon.getInteriorRingN(i), false);
        }
        return factory.createPolygon(shell, holes);
    }

    private static LinearRing oriented(LinearRing ring, boolean counterClockwise) {
        boolean isCcw = Orientation.isCCW(ring.getCoordinateSequence());
        return isCcw == counterClockwise ? ring : ring.reverse();
    }
}
