package id.cakupan.ogc;

import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The OGC {@code bbox} parameter: by default in CRS84, {@code minLon,minLat,maxLon,maxLat} (or the
 * six-number form with heights, which are ignored). A box whose west edge is east of its east edge
 * crosses the antimeridian and becomes two envelopes. With {@code bbox-crs} (Part 2) the corners
 * are in that CRS's axis order, and the box becomes the lon/lat envelope of its outline.
 */
public final class Bbox {
  private Bbox() {}

  /** Points per edge when a projected box is turned into lon/lat: its edges curve there. */
  private static final int EDGE_POINTS = 16;
  private static final double EARTH_METRES = 4.1e7;

  public static List<Envelope> parse(String text) {
    return parse(text, OgcCrs.CRS84);
  }

  /** The box in lon/lat, given in {@code crs}. */
  public static List<Envelope> parse(String text, OgcCrs crs) {
    if (crs == OgcCrs.CRS84) return parseLonLat(text);
    double[] v = numbers(text, crs);
    boolean threeD = v.length == 6;
    double minA = v[0];
    double minB = v[1];
    double maxA = threeD ? v[3] : v[2];
    double maxB = threeD ? v[4] : v[3];
    if (crs.latitudeFirst()) {
      // A box that cannot be latitude first (a "latitude" beyond ±90) is read longitude first, as
      // clients that ignore the EPSG axis order send it (the OGC test suite's proj4j among them).
      // Any box that can be read latitude first is read so, as the standard says.
      boolean lonFirst = (Math.abs(minA) > 90 || Math.abs(maxA) > 90) && Math.abs(minB) <= 90 && Math.abs(maxB) <= 90;
      if (lonFirst) return parseLonLat(minA + "," + minB + "," + maxA + "," + maxB);
      // lat,lon,lat,lon: the same box as lon,lat,lon,lat with the same rules
      return parseLonLat(minB + "," + minA + "," + maxB + "," + maxA);
    }
    for (double m : new double[] {minA, minB, maxA, maxB}) {
      // Beyond the Earth's circumference no projected coordinate means a place.
      if (Math.abs(m) > EARTH_METRES) throw new IllegalArgumentException("bbox '" + text + "' lies outside the area of " + crs.label());
    }
    if (minA > maxA || minB > maxB) {
      throw new IllegalArgumentException("bbox '" + text + "' has a lower corner above or right of its upper corner");
    }
    CoordinateTransform t = crs.toLonLat();
    ProjCoordinate in = new ProjCoordinate();
    ProjCoordinate out = new ProjCoordinate();
    Envelope e = new Envelope();
    for (int i = 0; i <= EDGE_POINTS; i++) {
      double f = (double) i / EDGE_POINTS;
      double a = minA + (maxA - minA) * f;
      double b = minB + (maxB - minB) * f;
      for (double[] p : new double[][] {{a, minB}, {a, maxB}, {minA, b}, {maxA, b}}) {
        in.x = p[0];
        in.y = p[1];
        try {
          t.transform(in, out);
        } catch (RuntimeException outside) {
          throw new IllegalArgumentException("bbox '" + text + "' lies outside the area of " + crs.label());
        }
        if (!Double.isFinite(out.x) || !Double.isFinite(out.y)) {
          throw new IllegalArgumentException("bbox '" + text + "' lies outside the area of " + crs.label());
        }
        e.expandToInclude(Math.max(-180, Math.min(180, out.x)), Math.max(-90, Math.min(90, out.y)));
      }
    }
    return List.of(e);
  }

  private static double[] numbers(String text, OgcCrs crs) {
    return numbers(text, "four numbers, the lower and upper corner in " + crs.label()
        + (crs.latitudeFirst() ? " (latitude first)" : ""));
  }

  /** The four (or six, 3D) finite numbers of a bbox; {@code expected} says what it should have been. */
  private static double[] numbers(String text, String expected) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw new IllegalArgumentException("'" + text + "' is not a bbox: expected " + expected);
    }
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i] + "' in bbox is not a number");
      }
      if (!Double.isFinite(v[i])) throw new IllegalArgumentException("'" + parts[i] + "' in bbox is not finite");
    }
    return v;
  }

  private static List<Envelope> parseLonLat(String text) {
    double[] v = numbers(text, "minLon,minLat,maxLon,maxLat (CRS84), e.g. 106.85,-6.15,106.95,-6.10");
    boolean threeD = v.length == 6;
    double minX = v[0];
    double minY = v[1];
    double maxX = threeD ? v[3] : v[2];
    double maxY = threeD ? v[4] : v[3];
    for (double lon : new double[] {minX, maxX}) {
      if (lon < -180 || lon > 180) throw new IllegalArgumentException("longitude " + lon + " in bbox is outside -180..180");
    }
    for (double lat : new double[] {minY, maxY}) {
      if (lat < -90 || lat > 90) throw new IllegalArgumentException("latitude " + lat + " in bbox is outside -90..90");
    }
    if (minY > maxY) throw new IllegalArgumentException("bbox south edge " + minY + " is north of its north edge " + maxY);
    if (minX > maxX) {
      return List.of(new Envelope(minX, 180, minY, maxY), new Envelope(-180, maxX, minY, maxY));
    }
    return List.of(new Envelope(minX, maxX, minY, maxY));
  }
}
