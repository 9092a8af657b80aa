package id.cakupan.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.Area;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;

/**
 * Builds polygons from a shapefile record's flat list of rings. In shapefiles, clockwise rings
 * are outer boundaries and counter-clockwise rings are holes; which shell a hole belongs to is
 * not recorded, so it is found by containment.
 */
final class PolygonRingAssembler {

    private final GeometryFactory factory;

    PolygonRingAssembler(GeometryFactory factory) {
        this.factory = factory;
    }

    /** A Polygon or MultiPolygon; rings too short to enclose anything are left out. */
    Geometry assemble(List<Coordinate[]> rawRings) {
        List<Coordinate[]> shells = new ArrayList<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (Coordinate[] raw : rawRings) {
            Coordinate[] ring = closed(raw);
            if (ring.length < 4) {
                continue;
            }
            (Orientation.isCCW(ring) ? holes : shells).add(ring);
        }
        if (shells.isEmpty()) {
            // Files written with the opposite convention: every ring is an outer boundary.
            shells = holes;
            holes = List.of();
        }

        List<Shell> assembled = new ArrayList<>();
        for (Coordinate[] ring : shells) {
            assembled.add(new Shell(ring));
        }
        for (Coordinate[] hole : holes) {
            Shell owner = smallestShellContaining(assembled, hole);
            if (owner == null) {
                // A "hole" outside every shell is really an island drawn the wrong way round.
                assembled.add(new Shell(hole));
            } else {
                owner.holes.add(hole);
            }
        }

        Polygon[] polygons = assembled.stream().map(this::polygon).toArray(Polygon[]::new);
        return polygons.length == 1 ? polygons[0] : factory.createMultiPolygon(polygons);
    }

    // The innermost shell wins, so an island inside a lake inside an island keeps its lake.
    private static Shell smallestShellContaining(List<Shell> shells, Coordinate[] hole) {
        Envelope holeEnvelope = envelope(hole);
        Shell best = null;
        for (Shell shell : shells) {
            if (shell.envelope.covers(holeEnvelope) && shell.surrounds(hole)
                    && (best == null || shell.area < best.area)) {
                best = shell;
            }
        }
        return best;
    }

    private Polygon polygon(Shell shell) {
        LinearRing[] holeRings = shell.holes.stream()
                .map(factory::createLinearRing)
                .toArray(LinearRing[]::new);
        return factory.createPolygon(factory.createLinearRing(shell.ring), holeRings);
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        if (ring.length == 0 || ring[0].equals2D(ring[ring.length - 1])) {
            return ring;
        }
        Coordinate[] closed = Arrays.copyOf(ring, ring.length + 1);
        closed[ring.length] = ring[0].copy();
        return closed;
    }

    private static Envelope envelope(Coordinate[] ring) {
        Envelope envelope = new Envelope();
        for (Coordinate c : ring) {
            envelope.expandToInclude(c);
        }
        return envelope;
    }

    private static final class Shell {
        final Coordinate[] ring;
        final Envelope envelope;
        final double area;
        final List<Coordinate[]> holes = new ArrayList<>();

        Shell(Coordinate[] ring) {
            this.ring = ring;
            this.envelope = envelope(ring);
            this.area = Math.abs(Area.ofRingSigned(ring));
        }

        // Holes may touch their shell at a vertex, so the first hole vertex off the shell boundary decides.
        boolean surrounds(Coordinate[] hole) {
            for (Coordinate c : hole) {
                int location = PointLocation.locateInRing(c, ring);
                if (location != Location.BOUNDARY) {
                    return location == Location.INTERIOR;
                }
            }
            return true; // every vertex on the boundary: the hole traces the shell itself
        }
    }
}
