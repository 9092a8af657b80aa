package id.cakupan.ogc;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * A lon/lat polygonal geometry written as a GeoJSON-shaped MultiPolygon in one of the
 * {@link OgcCrs}, in that CRS's axis order. Rings are oriented as RFC 7946 asks in lon/lat
 * (exterior counter-clockwise) before they are projected; positions repeated after rounding are
 * dropped. Not thread-safe: one per response.
 */
final class CrsGeometryJson {
  private final OgcCrs crs;
  private final CoordinateTransform transform;
  private final ProjCoordinate in = new ProjCoordinate();
  private final ProjCoordinate out = new ProjCoordinate();
  private final long scale;

  CrsGeometryJson(OgcCrs crs) {
    this.crs = crs;
    this.transform = crs.fromLonLat();
    this.scale = (long) Math.pow(10, crs.decimals());
  }

  String toJson(Geometry lonLat) {
    List<Polygon> polygons = new ArrayList<>();
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Geometry part = lonLat.getGeometryN(i);
      if (part instanceof Polygon p && !p.isEmpty()) polygons.add(p);
    }
    StringBuilder sb = new StringBuilder(64 + 32 * lonLat.getNumPoints());
    sb.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
    for (int p = 0; p < polygons.size(); p++) {
      Polygon polygon = polygons.get(p);
      sb.append(p == 0 ? "[" : ",[");
      ring(sb, polygon.getExteriorRing(), true);
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        sb.append(',');
        ring(sb, polygon.getInteriorRingN(h), false);
      }
      sb.append(']');
    }
    return sb.append("]}").toString();
  }

  private void ring(StringBuilder sb, LineString ring, boolean counterClockwise) {
    Coordinate[] c = ring.getCoordinates();
    boolean reverse = Orientation.isCCW(c) != counterClockwise;
    sb.append('[');
    long lastA = Long.MIN_VALUE;
    long lastB = Long.MIN_VALUE;
    boolean first = true;
    for (int k = 0; k < c.length; k++) {
      Coordinate lonLat = c[reverse ? c.length - 1 - k : k];
      double x = lonLat.x;
      double y = lonLat.y;
      if (transform != null) {
        in.x = x;
        in.y = y;
        transform.transform(in, out);
        x = out.x;
        y = out.y;
      }
      long a = round(crs.latitudeFirst() ? y : x);
      long b = round(crs.latitudeFirst() ? x : y);
      // The closing position is always written, so the ring stays closed.
      if (a == lastA && b == lastB && k < c.length - 1) continue;
      sb.append(first ? "[" : ",[");
      number(sb, a);
      sb.append(',');
      number(sb, b);
      sb.append(']');
      first = false;
      lastA = a;
      lastB = b;
    }
    sb.append(']');
  }

  private long round(double v) {
    if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
      throw new IllegalStateException("a position has no finite coordinate in " + crs.label() + ": " + v);
    }
    return Math.round(v * scale);
  }

  /** A fixed-point number without exponent or trailing zeros; no sign on zero. */
  private void number(StringBuilder sb, long scaled) {
    if (scaled < 0) sb.append('-');
    long abs = Math.abs(scaled);
    sb.append(abs / scale);
    long fraction = abs % scale;
    if (fraction == 0) return;
    String digits = Long.toString(fraction + scale).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') end--;
    sb.append('.').append(digits, 0, end);
  }
}
