package id.cakupan.map;

import org.locationtech.jts.geom.Envelope;

/**
 * A web-map zoom level (256-pixel tiles, Web Mercator) and the geometric detail a map drawn at
 * it can show: half a pixel of simplification tolerance and coordinates rounded to a tenth of a
 * pixel or finer. Detail is measured at Jakarta's latitude, where the service's regions lie; a
 * degree of latitude and of longitude span about the same pixels there.
 *
 * @param level 0 (the whole world in one tile) to {@link #FULL_DETAIL}
 */
public record MapZoom(int level) {
  /** Past this zoom a pixel is under 2.4 m and the boundaries are served as stored. */
  public static final int FULL_DETAIL = 16;
  /** The highest zoom a client may ask for; everything from {@link #FULL_DETAIL} up is the same. */
  public static final int MAX_REQUESTED = 22;
  /** The map area the default view is fitted into: a laptop's map pane, about. */
  static final int VIEW_WIDTH_PX = 1024;
  static final int VIEW_HEIGHT_PX = 768;
  private static final double JAKARTA_LATITUDE = -6.2;

  public MapZoom {
    if (level < 0 || level > FULL_DETAIL) throw new IllegalArgumentException("zoom must be 0.." + FULL_DETAIL + ", got " + level);
  }

  /** A requested zoom, 0 to {@link #MAX_REQUESTED}; every zoom past {@link #FULL_DETAIL} shares its detail. */
  public static MapZoom requested(int zoom) {
    if (zoom < 0 || zoom > MAX_REQUESTED) throw new IllegalArgumentException("zoom must be 0.." + MAX_REQUESTED + ", got " + zoom);
    return new MapZoom(Math.min(zoom, FULL_DETAIL));
  }

  /** The highest zoom at which {@code extent} (lon/lat) fits in the default view, i.e. the whole-region view. */
  public static MapZoom fitting(Envelope extent) {
    if (extent == null || extent.isNull()) return new MapZoom(0);
    double width = Math.max(extent.getWidth(), 1e-9);
    double height = Math.max(extent.getHeight(), 1e-9);
    double x = VIEW_WIDTH_PX * 360.0 / (256.0 * width);
    double y = VIEW_HEIGHT_PX * 360.0 * Math.cos(Math.toRadians(JAKARTA_LATITUDE)) / (256.0 * height);
    int z = (int) Math.floor(log2(Math.min(x, y)));
    return new MapZoom(Math.max(0, Math.min(FULL_DETAIL, z)));
  }

  public boolean fullDetail() {
    return level == FULL_DETAIL;
  }

  /** One pixel in degrees at this zoom: the smaller of its longitude and latitude spans at Jakarta. */
  public double pixelDegrees() {
    return 360.0 / (256.0 * Math.pow(2, level)) * Math.cos(Math.toRadians(JAKARTA_LATITUDE));
  }

  /** The simplification tolerance: half a pixel. */
  public double toleranceDegrees() {
    return pixelDegrees() / 2;
  }

  /** Decimals of a coordinate, so that rounding moves a point by at most a tenth of a pixel; never more than 6. */
  public int decimals() {
    int d = (int) Math.ceil(Math.log10(5 / pixelDegrees()));
    return Math.max(0, Math.min(6, d));
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }
}
