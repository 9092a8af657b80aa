package id.cakupan.map;

import java.util.Arrays;

/**
 * Jenks natural breaks, computed exactly: Fisher's (1958) dynamic programme for the partition of
 * sorted data into {@code k} contiguous classes with the least total within-class sum of squared
 * deviations (SSD). Not the iterative approximation some GIS tools ship.
 *
 * <p>Runs on the distinct values weighted by their counts. Tied values always share a class in
 * some optimum (moving a copy to the class with the nearer mean never costs more), so this is
 * still exact, and far faster on data such as counts or 0 % rates.
 *
 * <p>The SSD cost of a run of sorted values satisfies the quadrangle (Monge) inequality, so in each
 * layer of the programme the optimal start of the last class never moves left as the end moves
 * right. Divide and conquer over that monotone split gives O(k·m·log m) for m distinct values
 * instead of O(k·m²), which keeps national scale (~84,000 desa) interactive.
 */
final class FisherJenksBreaks {

    private FisherJenksBreaks() {
    }

    /** @param sorted non-empty, ascending, finite; @param k 1..9 */
    static double[] compute(double[] sorted, int k) {
        // Distinct values and how often each occurs.
        double[] x = new double[sorted.length];
        long[] w = new long[sorted.length];
        int m = 0;
        for (double v : sorted) {
            if (m > 0 && x[m - 1] == v) {
                w[m - 1]++;
            } else {
                x[m] = v;
                w[m++] = 1;
            }
        }
        x = Arrays.copyOf(x, m);
        w = Arrays.copyOf(w, m);

        if (m <= k) {
            // One class per distinct value: [x0, x0, x1, …]; class 0 is [x0, x0].
            double[] bounds = new double[m + 1];
            bounds[0] = x[0];
            System.arraycopy(x, 0, bounds, 1, m);
            return bounds;
        }
        return new Solver(x, w, k).breaks();
    }

    /** One run of the dynamic programme. */
    private static final class Solver {
        private final double[] x;
        private final int m;
        private final int k;
        // Prefix sums over the first j distinct values of weight, weight·d and weight·d², where
        // d = value − weighted mean: centring keeps S2 − S1²/W from cancelling catastrophically.
        private final double[] cw;
        private final double[] c1;
        private final double[] c2;
        // cost[c][j]: least SSD of values 0..j in c+1 classes; start[c][j]: where its last class starts.
        private final double[][] cost;
        private final int[][] start;

        Solver(double[] x, long[] w, int k) {
            this.x = x;
            this.m = x.length;
            this.k = k;
            double total = 0;
            double weightedSum = 0;
            for (int j = 0; j < m; j++) {
                total += w[j];
                weightedSum += w[j] * x[j];
            }
            double mean = weightedSum / total;
            cw = new double[m + 1];
            c1 = new double[m + 1];
            c2 = new double[m + 1];
            for (int j = 0; j < m; j++) {
                double d = x[j] - mean;
                cw[j + 1] = cw[j] + w[j];
                c1[j + 1] = c1[j] + w[j] * d;
                c2[j + 1] = c2[j] + w[j] * d * d;
            }
            cost = new double[k][m];
            start = new int[k][m];
        }

        /** SSD of distinct values i..j inclusive. */
        private double ssd(int i, int j) {
            double sw = cw[j + 1] - cw[i];
            double s1 = c1[j + 1] - c1[i];
            double s2 = c2[j + 1] - c2[i];
            return Math.max(s2 - s1 * s1 / sw, 0.0); // rounding must not make a cost negative
        }

        double[] breaks() {
            for (int j = 0; j < m; j++) {
                cost[0][j] = ssd(0, j);
                start[0][j] = 0;
            }
            for (int c = 1; c < k; c++) {
                if (c == k - 1) {
                    // Only the full range matters in the last layer.
                    solveOne(c, m - 1, c, m - 1);
                } else {
                    // c+1 classes need at least c+1 values, hence j >= c and a last class from i >= c.
                    solveRange(c, c, m - 1, c, m - 1);
                }
            }
            // Walk back from the full range: each last class starts where the one before it ends.
            double[] bounds = new double[k + 1];
            bounds[0] = x[0];
            bounds[k] = x[m - 1];
            int j = m - 1;
            for (int c = k - 1; c >= 1; c--) {
                int i = start[c][j];
                bounds[c] = x[i - 1];
                j = i - 1;
            }
            return bounds;
        }

        /** Fills layer c for ends lo..hi, knowing their best starts lie in optLo..optHi. */
        private void solveRange(int c, int lo, int hi, int optLo, int optHi) {
            if (lo > hi) {
                return;
            }
            int mid = (lo + hi) >>> 1;
            int best = solveOne(c, mid, optLo, optHi);
            solveRange(c, lo, mid - 1, optLo, best);
            solveRange(c, mid + 1, hi, best, optHi);
        }

        /** Best start of the last class for end j, searched in optLo..min(optHi, j); returns it. */
        private int solveOne(int c, int j, int optLo, int optHi) {
            double bestCost = Double.POSITIVE_INFINITY;
            int best = Math.max(optLo, c);
            int last = Math.min(optHi, j);
            for (int i = Math.max(optLo, c); i <= last; i++) {
                double candidate = cost[c - 1][i - 1] + ssd(i, j);
                if (candidate < bestCost) { // strict: the leftmost optimum, which is the monotone one
                    bestCost = candidate;
                    best = i;
                }
            }
            cost[c][j] = bestCost;
            start[c][j] = best;
            return best;
        }
    }
}
