package id.cakupan.tiles;

import java.util.Arrays;

/**
 * Douglas-Peucker simplification of a closed ring. The ring is split at its first point and the
 * point farthest from it, and each half simplified as a line, so the result keeps the ring's
 * extreme points and is closed again.
 */
final class RingSimplifier {
  private RingSimplifier() {}

  /**
   * @param xy a closed ring x0,y0,…,x0,y0
   * @return the simplified closed ring (may be the input when nothing can go)
   */
  static double[] simplify(double[] xy, double tolerance) {
    int n = xy.length / 2;
    if (n <= 4) return xy;
    int far = 0;
    double farD = -1;
    for (int i = 1; i < n - 1; i++) {
      double dx = xy[2 * i] - xy[0];
      double dy = xy[2 * i + 1] - xy[1];
      double d = dx * dx + dy * dy;
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    boolean[] keep = new boolean[n];
    keep[0] = true;
    keep[far] = true;
    keep[n - 1] = true;
    double tol2 = tolerance * tolerance;
    int[] stack = new int[2 * n + 4];
    int top = 0;
    stack[top++] = 0;
    stack[top++] = far;
    stack[top++] = far;
    stack[top++] = n - 1;
    while (top > 0) {
      int last = stack[--top];
      int first = stack[--top];
      if (last - first < 2) continue;
      int index = -1;
      double maxD = tol2;
      for (int i = first + 1; i < last; i++) {
        double d = segmentDistance2(xy, i, first, last);
        if (d > maxD) {
          maxD = d;
          index = i;
        }
      }
      if (index >= 0) {
        keep[index] = true;
        stack[top++] = first;
        stack[top++] = index;
        stack[top++] = index;
        stack[top++] = last;
      }
    }
    int kept = 0;
    for (boolean k : keep) if (k) kept++;
    if (kept == n) return xy;
    double[] out = new double[2 * kept];
    int j = 0;
    for (int i = 0; i < n; i++) {
      if (keep[i]) {
        out[j++] = xy[2 * i];
        out[j++] = xy[2 * i + 1];
      }
    }
    return Arrays.copyOf(out, j);
  }

  /** Squared distance from point p to the segment a-b. */
  private static double segmentDistance2(double[] xy, int p, int a, int b) {
    double ax = xy[2 * a];
    double ay = xy[2 * a + 1];
    double dx = xy[2 * b] - ax;
    double dy = xy[2 * b + 1] - ay;
    double px = xy[2 * p] - ax;
    double py = xy[2 * p + 1] - ay;
    double len2 = dx * dx + dy * dy;
    double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
    double ex = px - t * dx;
    double ey = py - t * dy;
    return ex * ex + ey * ey;
  }
}
