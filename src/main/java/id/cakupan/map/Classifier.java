package id.cakupan.map;

import java.util.Arrays;
import java.util.Collection;

/**
 * Cuts the values of a choropleth into classes (SPEC §4: {@code method}, {@code classes},
 * {@code breaks}). Null and NaN values are "no data" and take no part.
 *
 * <p>Common rules for every method:
 * <ul>
 *   <li>no values at all: an empty {@link Classification} (0 classes);</li>
 *   <li>quantile, equal interval and Jenks on values that are all equal: one class {@code [v, v]};</li>
 *   <li>quantile and Jenks never return an empty class: when ties make two bounds coincide, the
 *       bound is dropped and fewer classes come out. A first class {@code [min, min]} is kept,
 *       because class 0 includes its lower bound and so holds the minimum.</li>
 * </ul>
 */
public final class Classifier {

    /** The most classes a palette offers and a legend can show. */
    public static final int MAX_CLASSES = 9;

    private Classifier() {
    }

    /**
     * Classifies {@code values}.
     *
     * @param method how to cut
     * @param classes the number of classes wanted, 1..9; ignored by {@link ClassMethod#MANUAL},
     *     where the thresholds decide
     * @param manualBreaks for {@link ClassMethod#MANUAL} only: the inner thresholds, strictly
     *     ascending, 1..8 of them; ignored otherwise
     * @param values the data; nulls and NaN are ignored
     * @throws IllegalArgumentException for a bad {@code classes}, bad manual thresholds, or an
     *     infinite value
     */
    public static Classification classify(ClassMethod method, int classes, double[] manualBreaks,
            Collection<Double> values) {
        if (method == null) {
            throw new IllegalArgumentException("method must not be null");
        }
        if (method == ClassMethod.MANUAL) {
            // Check the thresholds even without data, so a bad request fails the same way every month.
            ManualBreaks.validate(manualBreaks);
        } else if (classes < 1 || classes > MAX_CLASSES) {
            throw new IllegalArgumentException(
                    "classes must be between 1 and " + MAX_CLASSES + ", was " + classes);
        }
        double[] sorted = sortedData(values);
        if (sorted.length == 0) {
            return Classification.empty();
        }
        return switch (method) {
            case QUANTILE -> new Classification(QuantileBreaks.compute(sorted, classes));
            case EQUAL_INTERVAL -> new Classification(EqualIntervalBreaks.compute(sorted, classes));
            case JENKS -> new Classification(FisherJenksBreaks.compute(sorted, classes));
            // The thresholds hold whatever the month's data: both end classes are open.
            case MANUAL -> new Classification(ManualBreaks.compute(sorted, manualBreaks), true, true);
        };
    }

    /** The finite values, ascending; null and NaN dropped. */
    static double[] sortedData(Collection<Double> values) {
        if (values == null) {
            return new double[0];
        }
        double[] data = new double[values.size()];
        int n = 0;
        for (Double v : values) {
            if (v == null || v.isNaN()) {
                continue;
            }
            if (v.isInfinite()) {
                // A metric should never be infinite (rates are null when the denominator is 0).
                throw new IllegalArgumentException("values must be finite, got " + v);
            }
            data[n++] = v + 0.0; // -0.0 and 0.0 are the same value here
        }
        data = Arrays.copyOf(data, n);
        Arrays.sort(data);
        return data;
    }

    /**
     * Removes bounds that would make an empty class: {@code b[i+1] == b[i]} for {@code i >= 1}.
     * {@code b[1] == b[0]} stays, since class 0 includes {@code b[0]}; so all-equal data gives
     * {@code [v, v]}.
     */
    static double[] dropEmptyClasses(double[] bounds) {
        double[] out = new double[bounds.length];
        int n = 0;
        out[n++] = bounds[0];
        for (int i = 1; i < bounds.length; i++) {
            if (n == 1 || bounds[i] > out[n - 1]) {
                out[n++] = bounds[i];
            }
        }
        return Arrays.copyOf(out, n);
    }
}
