package id.cakupan.boundary;

import java.util.List;

/** What a format reader hands over: features in the CRS the file declared. */
record SourceLayer(String source, Crs crs, List<SourceFeature> features) {
}
