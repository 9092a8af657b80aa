package id.cakupan.boundary;

import java.util.Map;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * One boundary polygon as read from a GIS file.
 *
 * @param attributes the file's attribute columns, keyed as in the file; integral numbers are
 *     {@code Long}, other numbers {@code Double}, text {@code String}
 * @param geometry WGS 84 lon/lat (x = longitude), valid, exterior rings counter-clockwise and
 *     holes clockwise as RFC 7946 asks
 */
public record BoundaryFeature(Map<String, Object> attributes, MultiPolygon geometry) {
}
