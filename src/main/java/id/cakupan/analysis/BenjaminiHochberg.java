package id.cakupan.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The Benjamini–Hochberg (1995) false-discovery-rate adjustment of m p-values, step-up and
 * monotone: sorted ascending, p₍ₖ₎ becomes min over j ≥ k of min(1, p₍ⱼ₎ · m / j), the value
 * R's {@code p.adjust(p, "BH")} gives. A hypothesis is rejected at FDR level q when its adjusted
 * p-value is ≤ q.
 */
public final class BenjaminiHochberg {
  private BenjaminiHochberg() {}

  /** The adjusted p-values, in the order given. */
  public static double[] adjust(double[] p) {
    int m = p.length;
    for (double v : p) {
      if (!(v >= 0 && v <= 1)) throw new IllegalArgumentException("a p-value must lie in [0, 1], got " + v);
    }
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 1.0;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }
}
