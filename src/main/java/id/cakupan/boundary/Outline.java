package id.cakupan.boundary;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * The outline of a kecamatan, kota or provinsi as dissolved from its kelurahan when the boundaries
 * were imported: stored with them, so that start-up reads it rather than dissolving a national set
 * (83,800 kelurahan, seconds of CPU) again.
 *
 * @param code the Kemendagri code of the unit: {@code PP.KK.DD}, {@code PP.KK} or {@code PP}
 * @param geometry the outline, kept as a multipolygon as the kelurahan are (packed coordinates)
 */
public record Outline(String code, MultiPolygon geometry) {
  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2})?)?");

  public Outline {
    if (!CODE.matcher(code).matches()) throw new IllegalArgumentException("not a kecamatan, kota or provinsi code: " + code);
    geometry = PackedCoordinates.pack(geometry);
  }

  /** The outline of a dissolve's result: a polygon or a multipolygon. */
  public static Outline of(String code, Geometry polygonal) {
    if (polygonal instanceof MultiPolygon m) return new Outline(code, m);
    if (polygonal instanceof Polygon p) {
      return new Outline(code, PackedCoordinates.FACTORY.createMultiPolygon(new Polygon[] {p}));
    }
    throw new IllegalArgumentException(code + ": an outline is polygonal, not " + polygonal.getGeometryType());
  }

  /** The geometry as the dissolve gave it: a polygon when the outline has one part. */
  public Geometry polygonal() {
    return geometry.getNumGeometries() == 1 ? geometry.getGeometryN(0) : geometry;
  }
}
