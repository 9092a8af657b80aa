package id.cakupan.ogc;

import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * The OGC {@code bbox} parameter in CRS84: {@code minLon,minLat,maxLon,maxLat} (or the six-number
 * form with heights, which are ignored). A box whose west edge is east of its east edge crosses
 * the antimeridian and becomes two envelopes.
 */
public final class Bbox {
  private Bbox() {}

  public static List<Envelope> parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4 && parts.length != 6) {
      throw new IllegalArgumentException("'" + text + "' is not a bbox: expected minLon,minLat,maxLon,maxLat"
          + " (CRS84), e.g. 106.85,-6.15,106.95,-6.10");
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
