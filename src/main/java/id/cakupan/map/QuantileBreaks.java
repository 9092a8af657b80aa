package id.cakupan.map;

/**
 * Quantile classes: about the same number of values in each class. The upper bound of class
 * {@code i} (1-based, {@code i < k}) is the value at sorted index {@code ceil(i·n/k) − 1}, which
 * puts the first {@code ceil(i·n/k)} values at or below it. Tied values cannot be split between
 * classes, so a bound that repeats the previous one is dropped and fewer classes come out
 * (see {@link Classifier#dropEmptyClasses}).
 */
final class QuantileBreaks {

    private QuantileBreaks() {
    }

    /** @param sorted non-empty, ascending, finite; @param k 1..9 */
    static double[] compute(double[] sorted, int k) {
        int n = sorted.length;
        double[] bounds = new double[k + 1];
        bounds[0] = sorted[0];
        for (int i = 1; i < k; i++) {
            long rank = ((long) i * n + k - 1) / k; // ceil(i*n/k) in exact integer arithmetic
            bounds[i] = sorted[(int) rank - 1];
        }
        bounds[k] = sorted[n - 1];
        return Classifier.dropEmptyClasses(bounds);
    }
}
