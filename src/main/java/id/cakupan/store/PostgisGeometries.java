package id.cakupan.store;

import net.postgis.jdbc.PGgeometry;
import net.postgis.jdbc.PGgeometryLW;
import net.postgis.jdbc.geometry.LinearRing;
import net.postgis.jdbc.geometry.MultiPolygon;
import net.postgis.jdbc.geometry.Point;
import net.postgis.jdbc.geometry.Polygon;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;

/**
 * Kelurahan polygons between JTS (the service's geometry) and postgis-jdbc's types (the driver's),
 * coordinate for coordinate. Both directions travel as hex EWKB, so no digit is lost to text.
 */
final class PostgisGeometries {
  static final int WGS84 = 4326;

  private PostgisGeometries() {}

  /** A statement parameter for a {@code geometry(MultiPolygon,4326)} column. */
  static PGgeometryLW parameter(org.locationtech.jts.geom.MultiPolygon jts) {
    Polygon[] polygons = new Polygon[jts.getNumGeometries()];
    for (int i = 0; i < polygons.length; i++) {
      org.locationtech.jts.geom.Polygon p = (org.locationtech.jts.geom.Polygon) jts.getGeometryN(i);
      LinearRing[] rings = new LinearRing[1 + p.getNumInteriorRing()];
      rings[0] = ring(p.getExteriorRing());
      for (int r = 0; r < p.getNumInteriorRing(); r++) rings[r + 1] = ring(p.getInteriorRingN(r));
      polygons[i] = new Polygon(rings);
    }
    MultiPolygon g = new MultiPolygon(polygons);
    g.setSrid(WGS84);
    return new PGgeometryLW(g);
  }

  private static LinearRing ring(org.locationtech.jts.geom.LinearRing jts) {
    Coordinate[] cs = jts.getCoordinates();
    Point[] points = new Point[cs.length];
    for (int i = 0; i < cs.length; i++) points[i] = new Point(cs[i].x, cs[i].y);
    return new LinearRing(points);
  }

  /** A column value read as {@link PGgeometry} (the type registered on the connection). */
  static org.locationtech.jts.geom.MultiPolygon read(Object value, GeometryFactory factory, String code)
      throws ParseException {
    if (!(value instanceof PGgeometry pg) || !(pg.getGeometry() instanceof MultiPolygon m)) {
      String what = value instanceof PGgeometry pg ? pg.getGeometry().getTypeString() : String.valueOf(value);
      throw new ParseException("kelurahan " + code + " has a " + what + ", not a MultiPolygon");
    }
    org.locationtech.jts.geom.Polygon[] polygons = new org.locationtech.jts.geom.Polygon[m.numPolygons()];
    for (int i = 0; i < polygons.length; i++) {
      Polygon p = m.getPolygon(i);
      org.locationtech.jts.geom.LinearRing[] holes = new org.locationtech.jts.geom.LinearRing[p.numRings() - 1];
      for (int r = 1; r < p.numRings(); r++) holes[r - 1] = ring(p.getRing(r), factory);
      polygons[i] = factory.createPolygon(ring(p.getRing(0), factory), holes);
    }
    return factory.createMultiPolygon(polygons);
  }

  private static org.locationtech.jts.geom.LinearRing ring(LinearRing ring, GeometryFactory factory) {
    Coordinate[] cs = new Coordinate[ring.numPoints()];
    for (int i = 0; i < cs.length; i++) cs[i] = new Coordinate(ring.getPoint(i).x, ring.getPoint(i).y);
    return factory.createLinearRing(cs);
  }
}
