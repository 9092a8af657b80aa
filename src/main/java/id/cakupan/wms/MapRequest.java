package id.cakupan.wms;

import id.cakupan.coverage.Period;
import java.awt.Color;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/**
 * A parsed GetMap request (also the map part of GetFeatureInfo).
 *
 * @param styles one per layer
 * @param bbox in the CRS, x = easting or longitude whatever the CRS's axis order
 * @param time the month asked for
 * @param background ignored when {@code transparent}
 */
public record MapRequest(
    List<WmsLayer> layers,
    List<WmsStyle> styles,
    WmsCrs crs,
    Envelope bbox,
    int width,
    int height,
    WmsTime time,
    boolean transparent,
    Color background,
    boolean labels) {

  public static final String FORMAT = "image/png";
  /** The widest and tallest image drawn. */
  public static final int MAX_SIDE = 4096;
  /** The most pixels drawn at once: 16 MB of ARGB raster, e.g. 2048 × 2048 or 4096 × 1024. */
  public static final int MAX_PIXELS = 4096 * 1024;
  /** The most layers one request may stack. */
  public static final int MAX_LAYERS = 16;

  public MapRequest {
    layers = List.copyOf(layers);
    styles = List.copyOf(styles);
    if (styles.size() != layers.size()) throw new IllegalArgumentException("one style per layer");
  }

  /** A WIDTH or HEIGHT value, checked against the limits. */
  public static int size(String parameter, String text) {
    if (text == null || text.isBlank()) throw WmsException.missing(parameter);
    int v;
    try {
      v = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw WmsException.invalid(parameter, parameter + " '" + clip(text) + "' is not a whole number of pixels");
    }
    if (v < 1 || v > MAX_SIDE) throw WmsException.invalid(parameter, parameter + " " + v + " is outside 1.." + MAX_SIDE);
    return v;
  }

  /** Refuses images whose raster alone would take more than the per-request budget. */
  public static void checkPixels(int width, int height) {
    if ((long) width * height > MAX_PIXELS) {
      throw WmsException.invalid("WIDTH", "an image of " + width + " x " + height + " pixels is larger than the "
          + MAX_PIXELS + " pixels drawn at once; ask for tiles");
    }
  }

  /** A stable text form with the month resolved, for the response cache. */
  public String cacheKey(Period resolved) {
    StringBuilder sb = new StringBuilder("wms-map|");
    for (int i = 0; i < layers.size(); i++) sb.append(layers.get(i).name()).append('/').append(styles.get(i).key()).append(',');
    sb.append('|').append(crs.code()).append('|').append(bbox.getMinX()).append(',').append(bbox.getMinY()).append(',')
        .append(bbox.getMaxX()).append(',').append(bbox.getMaxY()).append('|').append(width).append('x').append(height)
        .append('|').append(resolved).append('|').append(transparent ? "transparent" : Integer.toHexString(background.getRGB()))
        .append('|').append(labels);
    return sb.toString();
  }

  static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
