package id.cakupan.boundary;

import java.util.List;

/**
 * The kelurahan boundaries the service maps, with what the gazetteer could not match.
 *
 * @param source where the polygons came from (a file name, or "schematic")
 * @param schematic true when the polygons are generated stand-ins, not surveyed boundaries
 */
public record BoundarySet(String source, boolean schematic, List<Kelurahan> kelurahan, List<UnmatchedFeature> unmatched) {
  public BoundarySet {
    kelurahan = List.copyOf(kelurahan);
    unmatched = List.copyOf(unmatched);
  }
}
