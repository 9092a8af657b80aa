package id.cakupan.tiles;

import java.util.Arrays;

/**
 * Clips a closed ring to an axis-aligned square (Sutherland-Hodgman, one edge at a time). The
 * result is one ring; where a concave ring leaves and re-enters the square, it runs along the
 * square's border in between, which is what tiled polygons look like.
 */
final class RingClipper {
  private RingClipper() {}

  /**
   * @param xy a closed ring x0,y0,…,x0,y0
   * @return the clipped closed ring, the input itself when it lies wholly inside, or null when
   *     fewer than 3 points remain
   */
  static double[] clip(double[] xy, double min, double max) {
    boolean inside = true;
    for (double v : xy) {
      if (v < min || v > max) {
        inside = false;
        break;
      }
    }
    if (inside) return xy;
    // Work on the open ring (no closing repeat) and close it again at the end.
    double[] ring = Arrays.copyOf(xy, xy.length - 2);
    int len = ring.length;
    double[] tmp = new double[2 * len + 8];
    for (int edge = 0; edge < 4 && len >= 6; edge++) {
      int axis = edge % 2; // 0: x, 1: y
      boolean keepAbove = edge < 2; // the min edges keep what is above, the max edges what is below
      double bound = keepAbove ? min : max;
      if (tmp.length < 2 * len + 8) tmp = new double[2 * len + 8];
      int out = 0;
      int n = len / 2;
      double px = ring[len - 2];
      double py = ring[len - 1];
      boolean pIn = in(axis == 0 ? px : py, bound, keepAbove);
      for (int i = 0; i < n; i++) {
        double x = ring[2 * i];
        double y = ring[2 * i + 1];
        boolean cIn = in(axis == 0 ? x : y, bound, keepAbove);
        if (cIn != pIn) {
          double t = axis == 0 ? (bound - px) / (x - px) : (bound - py) / (y - py);
          tmp[out++] = axis == 0 ? bound : px + t * (x - px);
          tmp[out++] = axis == 0 ? py + t * (y - py) : bound;
        }
        if (cIn) {
          tmp[out++] = x;
          tmp[out++] = y;
        }
        px = x;
        py = y;
        pIn = cIn;
      }
      double[] swap = ring;
      ring = tmp;
      tmp = swap;
      len = out;
    }
    if (len < 6) return null;
    double[] closed = Arrays.copyOf(ring, len + 2);
    closed[len] = ring[0];
    closed[len + 1] = ring[1];
    return closed;
  }

  private static boolean in(double v, double bound, boolean keepAbove) {
    return keepAbove ? v >= bound : v <= bound;
  }
}
