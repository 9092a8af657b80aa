package id.cakupan.boundary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import org.locationtech.jts.geom.MultiPolygon;

/** Brings a layer as read into the form every caller can rely on: WGS 84, valid, RFC 7946 rings. */
final class LayerNormaliser {

    private LayerNormaliser() {
    }

    static BoundaryLayer normalise(SourceLayer layer) throws BoundaryFormatException {
        List<BoundaryFeature> features = new ArrayList<>(layer.features().size());
        for (SourceFeature feature : layer.features()) {
            MultiPolygon geometry;
            try {
                geometry = GeometryCleaner.clean(Reprojection.toWgs84(feature.geometry(), layer.crs()));
            } catch (RuntimeException e) {
                throw new BoundaryFormatException(layer.source() + ": feature " + feature.number()
                        + " could not be moved to WGS 84 from " + layer.crs().code() + ": " + e.getMessage(), e);
            }
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
}
