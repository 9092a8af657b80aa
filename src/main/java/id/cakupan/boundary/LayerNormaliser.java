package id.cakupan.boundary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

/** Brings a layer as read into the form every caller can rely on: WGS 84, valid, RFC 7946 rings. */
final class LayerNormaliser {

    private LayerNormaliser() {
    }

    static BoundaryLayer normalise(SourceLayer layer) throws BoundaryFormatException {
        List<BoundaryFeature> features = new ArrayList<>(layer.features().size());
        for (SourceFeature feature : layer.features()) {
            Geometry lonLat;
            try {
                lonLat = Reprojection.toWgs84(feature.geometry(), layer.crs());
            } catch (RuntimeException e) {
                throw new BoundaryFormatException(layer.source() + ": feature " + feature.number()
                        + " could not be moved to WGS 84 from " + layer.crs().code() + ": " + e.getMessage(), e);
            }
            requireLonLatRange(layer, feature, lonLat);
            MultiPolygon geometry = GeometryCleaner.clean(lonLat);
            if (geometry.isEmpty()) {
                // Dropping it silently would lose a kelurahan without anyone noticing.
                throw new BoundaryFormatException(layer.source() + ": feature " + feature.number()
                        + " has no area left after repairing its geometry");
            }
            features.add(new BoundaryFeature(
                    Collections.unmodifiableMap(new LinkedHashMap<>(feature.attributes())), geometry));
        }
        return new BoundaryLayer(layer.source(), layer.crs().code(), List.copyOf(features));
    }

    // The commonest broken upload is projected metres in a file that declares (or defaults to)
    // lon/lat; without this check it would come out as polygons far off the globe.
    private static void requireLonLatRange(SourceLayer layer, SourceFeature feature, Geometry lonLat)
            throws BoundaryFormatException {
        for (Coordinate c : lonLat.getCoordinates()) {
            if (!(Double.isFinite(c.x) && Double.isFinite(c.y) && Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
                Coordinate original = feature.geometry().getCoordinates()[0];
                throw new BoundaryFormatException(layer.source() + ": feature " + feature.number()
                        + " has coordinates that are not a place on Earth when read as " + layer.crs().code()
                        + " (first point " + original.x + ", " + original.y + "); is the file's CRS declared correctly?");
            }
        }
    }
}
