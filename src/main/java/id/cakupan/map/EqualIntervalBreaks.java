package id.cakupan.map;

/**
 * Equal-interval classes: {@code k} classes of the same width from the minimum to the maximum.
 * Classes may be empty (that is the nature of the method); only all-equal data collapses to
 * the single class {@code [v, v]}.
 */
final class EqualIntervalBreaks {

    private EqualIntervalBreaks() {
    }

    /** @param sorted non-empty, ascending, finite; @param k 1..9 */
    static double[] compute(double[] sorted, int k) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (min == max) {
            return new double[] {min, max};
        }
        double[] bounds = new double[k + 1];
        double range = max - min;
        for (int i = 0; i < k; i++) {
            // range * i / k rather than i * (range / k): exact at the ends, no drift in between.
            bounds[i] = Math.min(min + range * i / k, max);
        }
        bounds[k] = max; // exactly the maximum, whatever the rounding above did
        return bounds;
    }
}
