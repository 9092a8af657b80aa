package id.cakupan.boundary;

import java.util.List;

/**
 * All boundary features of one file, already in WGS 84.
 *
 * @param source the file name, for messages and provenance
 * @param crs the CRS the file declared, e.g. {@code EPSG:32748}, {@code EPSG:4326} or
 *     {@code OGC:CRS84}; the features themselves are always WGS 84 lon/lat
 * @param features in file order
 */
public record BoundaryLayer(String source, String crs, List<BoundaryFeature> features) {
}
