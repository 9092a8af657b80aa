package id.cakupan.boundary;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A feature as a reader found it: still in the file's CRS, not yet repaired.
 *
 * @param number position in the file, from 1, for messages
 */
record SourceFeature(int number, Map<String, Object> attributes, Geometry geometry) {
}
