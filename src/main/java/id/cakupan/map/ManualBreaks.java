package id.cakupan.map;

import java.util.Arrays;

/**
 * Classes from thresholds chosen by the user: {@code t1 < … < tm} give {@code m + 1} classes
 * {@code [min(data, t1), t1, …, tm, max(data, tm)]}. The end classes are open ("at most t1",
 * "above tm"): their outer bounds only record where this month's data end, so the legend labels
 * them from the thresholds and a fixed scale reads the same every month.
 */
final class ManualBreaks {

    /** Thresholds beyond this would need more colours than a palette has. */
    static final int MAX_THRESHOLDS = Classifier.MAX_CLASSES - 1;

    private ManualBreaks() {
    }

    /** @throws IllegalArgumentException naming what is wrong with the thresholds */
    static void validate(double[] thresholds) {
        if (thresholds == null || thresholds.length == 0) {
            throw new IllegalArgumentException("manual classification needs at least one break");
        }
        if (thresholds.length > MAX_THRESHOLDS) {
            throw new IllegalArgumentException("manual classification takes at most " + MAX_THRESHOLDS
                    + " breaks (" + Classifier.MAX_CLASSES + " classes), got " + thresholds.length);
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (!Double.isFinite(thresholds[i])) {
                throw new IllegalArgumentException("manual break " + (i + 1) + " is not a finite number");
            }
            if (i > 0 && !(thresholds[i] > thresholds[i - 1])) {
                throw new IllegalArgumentException("manual breaks must be strictly ascending: "
                        + Arrays.toString(thresholds));
            }
        }
    }

    /** @param sorted non-empty, ascending, finite; @param thresholds already validated */
    static double[] compute(double[] sorted, double[] thresholds) {
        int m = thresholds.length;
        double[] bounds = new double[m + 2];
        bounds[0] = Math.min(sorted[0], thresholds[0]);
        System.arraycopy(thresholds, 0, bounds, 1, m);
        bounds[m + 1] = Math.max(sorted[sorted.length - 1], thresholds[m - 1]);
        return bounds;
    }
}
