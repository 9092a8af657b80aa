package id.cakupan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Getis-Ord Gi* local hot-spot statistic (Getis and Ord 1992; Ord and Getis 1995) with binary
 * weights in which every unit is its own neighbour, exactly as SPEC §6 writes it. For a metric x
 * over the n units that have data, and w_ij = 1 when j is i or a neighbour of i (both with data):
 *
 * <pre>
 *   z_i = (Σ_j w_ij x_j − x̄ Σ_j w_ij) / (S · sqrt((n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1)))
 *   x̄ = Σ_j x_j / n,   S = sqrt(Σ_j x_j² / n − x̄²)
 * </pre>
 *
 * S is computed in the equal centred form sqrt(Σ (x_j − x̄)² / n), which does not lose digits
 * when the values are large and close together.
 *
 * <p>Two-sided p-values from the normal distribution are adjusted for the false discovery rate
 * with Benjamini–Hochberg over the m units actually tested, and classed hot/cold at 99/95/90 %
 * (adjusted p below 0.01/0.05/0.10, by the sign of z).
 *
 * <p>Not tested, and why:
 * <ul>
 *   <li>no value: {@code no_data}; such units are left out of n, x̄ and S, and a neighbour
 *       without data weighs nothing;
 *   <li>no neighbour with data (an island, or every neighbour without data): {@code no_neighbours};
 *       its own value still counts in x̄ and S, as it is one of the n units;
 *   <li>fewer than 3 units with data, all values equal (S = 0), or a unit whose neighbourhood
 *       holds every unit with data (the denominator is 0 and so is the numerator: the local sum
 *       is the global sum): z is undefined, {@code not_significant}.
 * </ul>
 */
public final class GetisOrdGiStar {
  /** Below this many units with data there is no distribution to compare a neighbourhood with. */
  public static final int MIN_UNITS = 3;

  private GetisOrdGiStar() {}

  /**
   * @param neighbours the contiguity (no unit its own neighbour; Gi* adds the unit itself)
   * @param values the metric by code; a missing, null or non-finite value is no data
   * @return one result per unit of the contiguity, in its order
   */
  public static List<GiStar> compute(Contiguity neighbours, Map<String, Double> values) {
    List<String> codes = new ArrayList<>(neighbours.codes());
    int n = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (String c : codes) {
      Double x = valueOf(values, c);
      if (x == null) continue;
      n++;
      sum += x;
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    double mean = n == 0 ? 0 : sum / n;
    double squares = 0;
    for (String c : codes) {
      Double x = valueOf(values, c);
      if (x != null) squares += (x - mean) * (x - mean);
    }
    // All values equal: S is exactly 0, whatever rounding the mean picked up.
    double s = n == 0 || min == max ? 0 : Math.sqrt(squares / n);
    boolean testable = n >= MIN_UNITS && s > 0;

    int size = codes.size();
    Double[] z = new Double[size];
    HotspotClass[] untested = new HotspotClass[size];
    List<Double> pTested = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String c = codes.get(i);
      Double xi = valueOf(values, c);
      if (xi == null) {
        untested[i] = HotspotClass.NO_DATA;
        continue;
      }
      int weights = 1; // the unit itself
      double local = xi;
      for (String j : neighbours.neighbours(c)) {
        Double xj = valueOf(values, j);
        if (xj == null) continue;
        weights++;
        local += xj;
      }
      if (weights == 1) {
        untested[i] = HotspotClass.NO_NEIGHBOURS;
        continue;
      }
      // Binary weights: Σ w_ij² = Σ w_ij = weights.
      double spread = (double) n * weights - (double) weights * weights;
      if (!testable || spread <= 0) {
        untested[i] = HotspotClass.NOT_SIGNIFICANT;
        continue;
      }
      z[i] = (local - mean * weights) / (s * Math.sqrt(spread / (n - 1)));
      pTested.add(NormalDistribution.twoSidedP(z[i]));
    }

    double[] p = new double[pTested.size()];
    for (int k = 0; k < p.length; k++) p[k] = pTested.get(k);
    double[] adjusted = BenjaminiHochberg.adjust(p);
    List<GiStar> out = new ArrayList<>(size);
    int k = 0;
    for (int i = 0; i < size; i++) {
      String c = codes.get(i);
      if (z[i] == null) {
        out.add(new GiStar(c, valueOf(values, c), neighbours.neighbours(c), null, null, null, untested[i]));
      } else {
        out.add(new GiStar(c, valueOf(values, c), neighbours.neighbours(c), z[i], p[k], adjusted[k],
            HotspotClass.of(z[i], adjusted[k])));
        k++;
      }
    }
    return List.copyOf(out);
  }

  private static Double valueOf(Map<String, Double> values, String code) {
    Double x = values.get(code);
    return x == null || !Double.isFinite(x) ? null : x;
  }
}
