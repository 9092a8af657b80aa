package id.cakupan.ogc;

import id.cakupan.boundary.Crs;
import java.util.Arrays;
import java.util.List;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The coordinate reference systems the OGC items can be asked for (OGC API - Features Part 2):
 * CRS84 (stored), EPSG:4326, Web Mercator and UTM zone 48S, where Jakarta's surveys are.
 *
 * <p>Axis order follows the CRS definitions, as Part 2 requires: CRS84 is longitude, latitude;
 * EPSG:4326 is latitude, longitude; the projected ones are easting, northing.
 */
public enum OgcCrs {
  CRS84("http://www.opengis.net/def/crs/OGC/1.3/CRS84", Crs.CRS84, false, 6),
  EPSG_4326("http://www.opengis.net/def/crs/EPSG/0/4326", Crs.WGS84, true, 6),
  EPSG_3857("http://www.opengis.net/def/crs/EPSG/0/3857", Crs.epsg(3857), false, 2),
  EPSG_32748("http://www.opengis.net/def/crs/EPSG/0/32748", Crs.epsg(32748), false, 2);

  /** The CRS the features are stored in and served in without a {@code crs} parameter. */
  public static final OgcCrs STORAGE = CRS84;

  private final String uri;
  private final Crs crs;
  private final boolean latitudeFirst;
  private final int decimals;

  OgcCrs(String uri, Crs crs, boolean latitudeFirst, int decimals) {
    this.uri = uri;
    this.crs = crs;
    this.latitudeFirst = latitudeFirst;
    this.decimals = decimals;
  }

  /** The OGC URI, as in {@code crs} lists and the {@code Content-Crs} header. */
  public String uri() {
    return uri;
  }

  /** A short name for people, e.g. {@code EPSG:32748}. */
  public String label() {
    return this == CRS84 ? "CRS84" : crs.code();
  }

  /** True when the first coordinate is the latitude (EPSG:4326). */
  public boolean latitudeFirst() {
    return latitudeFirst;
  }

  /** Decimals written: 6 for degrees (about 0.1 m), 2 for metres. */
  public int decimals() {
    return decimals;
  }

  boolean lonLat() {
    return crs.isWgs84LonLat();
  }

  /**
   * A fresh transform from WGS 84 lon/lat into this CRS in proj4j's (x = east) order, or null
   * when none is needed; proj4j transforms keep state, so each request makes its own.
   */
  CoordinateTransform fromLonLat() {
    return lonLat() ? null : crs.transformFromWgs84();
  }

  /** A fresh transform from this CRS (x = east) to WGS 84 lon/lat, or null when none is needed. */
  CoordinateTransform toLonLat() {
    return lonLat() ? null : crs.transformToWgs84();
  }

  /** The position of a lon/lat point in this CRS, in this CRS's axis order. */
  public double[] fromLonLat(double lon, double lat) {
    CoordinateTransform t = fromLonLat();
    double x = lon;
    double y = lat;
    if (t != null) {
      ProjCoordinate out = t.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
      x = out.x;
      y = out.y;
    }
    return latitudeFirst ? new double[] {y, x} : new double[] {x, y};
  }

  public static List<OgcCrs> all() {
    return Arrays.asList(values());
  }

  /**
   * A CRS by its OGC URI, or by the names clients also send: {@code EPSG:32748},
   * {@code [EPSG:32748]} (a safe CURIE), {@code urn:ogc:def:crs:EPSG::32748}.
   *
   * @throws IllegalArgumentException naming the CRS offered when it is not one of them
   */
  public static OgcCrs parse(String text) {
    String t = text.trim();
    if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1).trim();
    for (OgcCrs c : values()) {
      if (c.uri.equals(t)) return c;
    }
    try {
      Crs named = Crs.fromName(t);
      for (OgcCrs c : values()) {
        if (c.crs.code().equals(named.code())) return c;
      }
    } catch (IllegalArgumentException e) {
      // not a CRS name at all: the same answer as a CRS that is not offered
    }
    StringBuilder offered = new StringBuilder();
    for (OgcCrs c : values()) offered.append(offered.length() == 0 ? "" : ", ").append(c.uri);
    throw new IllegalArgumentException("'" + text + "' is not a CRS offered here; use one of " + offered);
  }
}
