package id.cakupan.boundary;

import java.util.List;

/**
 * The kelurahan boundaries the service maps, with what the gazetteer could not match.
 *
 * @param source where the polygons came from (a file name, or "schematic")
 * @param schematic true when the polygons are generated stand-ins, not surveyed boundaries
 * @param outlines the kecamatan, kota and provinsi dissolved from these kelurahan, stored with them;
 *     empty when not dissolved yet (a set just read from a file, or stored by an older version)
 */
public record BoundarySet(String source, boolean schematic, List<Kelurahan> kelurahan, List<UnmatchedFeature> unmatched,
    List<Outline> outlines) {
  public BoundarySet {
    kelurahan = List.copyOf(kelurahan);
    unmatched = List.copyOf(unmatched);
    outlines = List.copyOf(outlines);
  }

  /** A set without outlines, as read from a boundary file. */
  public BoundarySet(String source, boolean schematic, List<Kelurahan> kelurahan, List<UnmatchedFeature> unmatched) {
    this(source, schematic, kelurahan, unmatched, List.of());
  }

  public BoundarySet withOutlines(List<Outline> dissolved) {
    return new BoundarySet(source, schematic, kelurahan, unmatched, dissolved);
  }
}
