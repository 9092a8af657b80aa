package id.cakupan.tiles;

import org.locationtech.jts.geom.Envelope;

/**
 * Spherical (Web) Mercator in "world" units: x and y run from 0 to 1 across the whole square,
 * y downwards from the north edge at about 85.05°, as XYZ tile grids count.
 */
public final class WebMercator {
  /** The latitude at which the square world ends (atan(sinh(pi))). */
  public static final double MAX_LATITUDE = 85.0511287798066;

  private WebMercator() {}

  public static double x(double lon) {
    return (lon + 180.0) / 360.0;
  }

  public static double y(double lat) {
    double clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
    double sin = Math.sin(Math.toRadians(clamped));
    return 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI);
  }

  public static double lon(double x) {
    return x * 360.0 - 180.0;
  }

  public static double lat(double y) {
    return Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * y))));
  }

  /**
   * The tile's lon/lat envelope widened by {@code margin} (a fraction of the tile's width) on
   * every side, for finding the features that reach into the tile and its buffer.
   */
  public static Envelope lonLatEnvelope(TileAddress t, double margin) {
    double n = t.tiles();
    double x0 = (t.x() - margin) / n;
    double x1 = (t.x() + 1 + margin) / n;
    double y0 = (t.y() - margin) / n;
    double y1 = (t.y() + 1 + margin) / n;
    return new Envelope(lon(Math.max(0, x0)), lon(Math.min(1, x1)), lat(Math.min(1, y1)), lat(Math.max(0, y0)));
  }
}
