package id.cakupan.boundary;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/** Moves JTS geometries between coordinate reference systems with proj4j. */
public final class Reprojection {

    private Reprojection() {
    }

    /** A copy of {@code geometry} in WGS 84 lon/lat; the input is left untouched. */
    public static Geometry toWgs84(Geometry geometry, Crs from) {
        if (from.isWgs84LonLat()) {
            return geometry.copy();
        }
        return apply(geometry, from.transformToWgs84());
    }

    /** A copy of a WGS 84 lon/lat {@code geometry} in {@code to}. */
    public static Geometry fromWgs84(Geometry geometry, Crs to) {
        if (to.isWgs84LonLat()) {
            return geometry.copy();
        }
        return apply(geometry, to.transformFromWgs84());
    }

    private static Geometry apply(Geometry geometry, CoordinateTransform transform) {
        Geometry copy = geometry.copy();
        copy.apply(new TransformFilter(transform));
        copy.geometryChanged();
        return copy;
    }

    private static final class TransformFilter implements CoordinateSequenceFilter {
        private final CoordinateTransform transform;
        private final ProjCoordinate in = new ProjCoordinate();
        private final ProjCoordinate out = new ProjCoordinate();

        TransformFilter(CoordinateTransform transform) {
            this.transform = transform;
        }

        @Override
        public void filter(CoordinateSequence sequence, int index) {
            in.x = sequence.getX(index);
            in.y = sequence.getY(index);
            transform.transform(in, out);
            sequence.setOrdinate(index, CoordinateSequence.X, out.x);
            sequence.setOrdinate(index, CoordinateSequence.Y, out.y);
        }

        @Override
        public boolean isDone() {
            return false;
        }

        @Override
        public boolean isGeometryChanged() {
            return true;
        }
    }
}
