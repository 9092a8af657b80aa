package id.cakupan.wms;

import id.cakupan.boundary.Crs;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/**
 * The coordinate reference systems the WMS offers, with the axis order WMS 1.3.0 gives each:
 * EPSG:4326 is latitude first (as the EPSG registry defines it), CRS:84 is the same datum with
 * longitude first, and the projected ones are easting first. Inside the service every envelope is
 * x = easting or longitude, y = northing or latitude; only {@link #parseBbox} and
 * {@link #bboxValues} know the order a client writes.
 */
public enum WmsCrs {
  EPSG_4326("EPSG:4326", true, Crs.WGS84),
  CRS_84("CRS:84", false, Crs.CRS84),
  EPSG_3857("EPSG:3857", false, null),
  EPSG_32748("EPSG:32748", false, null);

  private final String code;
  private final boolean northingFirst;
  private final Crs fixed;

  WmsCrs(String code, boolean northingFirst, Crs fixed) {
    this.code = code;
    this.northingFirst = northingFirst;
    this.fixed = fixed;
  }

  public String code() {
    return code;
  }

  /** True when BBOX and bounding boxes write the northing (latitude) first. */
  public boolean northingFirst() {
    return northingFirst;
  }

  /** The CRS for proj4j, which always works in easting (longitude) first order. */
  public Crs crs() {
    if (fixed != null) return fixed;
    return Crs.epsg(Integer.parseInt(code.substring("EPSG:".length())));
  }

  public boolean geographic() {
    return this == EPSG_4326 || this == CRS_84;
  }

  /** The CRS a client names in CRS= (case-insensitive), or InvalidCRS. */
  public static WmsCrs parse(String text) {
    String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (WmsCrs c : values()) {
      if (c.code.equals(s)) return c;
    }
    throw new WmsException(WmsException.INVALID_CRS, "CRS", "CRS '" + text + "' is not offered; use one of "
        + "EPSG:4326 (lat,lon), CRS:84 (lon,lat), EPSG:3857 or EPSG:32748");
  }

  /**
   * A BBOX value {@code a,b,c,d} in this CRS's axis order, as an envelope with x = easting or
   * longitude.
   */
  public Envelope parseBbox(String text) {
    if (text == null || text.isBlank()) throw WmsException.missing("BBOX");
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw WmsException.invalid("BBOX", "BBOX needs four comma-separated numbers "
          + (northingFirst ? "minlat,minlon,maxlat,maxlon for " : "minx,miny,maxx,maxy for ") + code + ", got '"
          + clip(text) + "'");
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      try {
        v[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw WmsException.invalid("BBOX", "BBOX value '" + clip(parts[i]) + "' is not a number");
      }
      if (!Double.isFinite(v[i])) throw WmsException.invalid("BBOX", "BBOX value '" + clip(parts[i]) + "' is not finite");
    }
    if (v[0] >= v[2] || v[1] >= v[3]) {
      throw WmsException.invalid("BBOX", "BBOX minimum must be below maximum on both axes (" + axisNames() + ")");
    }
    if (geographic() && (Math.abs(lat(v, 0)) > 90 || Math.abs(lat(v, 2)) > 90
        || Math.abs(lon(v, 0)) > 360 || Math.abs(lon(v, 2)) > 360)) {
      throw WmsException.invalid("BBOX", "BBOX is outside the range of latitude and longitude; "
          + code + " takes " + axisNames());
    }
    return northingFirst ? new Envelope(v[1], v[3], v[0], v[2]) : new Envelope(v[0], v[2], v[1], v[3]);
  }

  /** An envelope (x = easting or longitude) as minx, miny, maxx, maxy in this CRS's axis order. */
  public double[] bboxValues(Envelope e) {
    return northingFirst
        ? new double[] {e.getMinY(), e.getMinX(), e.getMaxY(), e.getMaxX()}
        : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
  }

  private String axisNames() {
    if (northingFirst) return "latitude, then longitude";
    return geographic() ? "longitude, then latitude" : "easting, then northing";
  }

  private double lat(double[] v, int i) {
    return northingFirst ? v[i] : v[i + 1];
  }

  private double lon(double[] v, int i) {
    return northingFirst ? v[i + 1] : v[i];
  }

  private static String clip(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
