package id.cakupan.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The class bounds of a choropleth: {@code breaks = [min, b1, …, max]}, ascending, so there are
 * {@code breaks.length - 1} classes. Class {@code i} holds {@code breaks[i] < v <= breaks[i+1]};
 * class 0 also holds {@code breaks[0]}, so {@code breaks[0] == breaks[1]} is a legitimate class
 * holding exactly the minimum (e.g. all the kelurahan at 0 %).
 *
 * <p>Values outside the bounds are clamped into the first or last class rather than rejected:
 * manual breaks, or breaks fixed in one month and reused for another, need not span the data.
 * Such classifications have open ends ({@code openBelow}, {@code openAbove}): the end class then
 * means "at most {@code breaks[1]}" or "above {@code breaks[n-2]}", and its outer bound is only
 * where this month's data happen to end.
 *
 * <p>An empty {@code breaks} array means there was no data: zero classes, and every value is
 * "no data".
 */
public record Classification(double[] breaks, boolean openBelow, boolean openAbove) {

    private static final Classification EMPTY = new Classification(new double[0]);

    /** Closed ends: the outer bounds are the data's minimum and maximum. */
    public Classification(double[] breaks) {
        this(breaks, false, false);
    }

    public Classification {
        if (breaks == null) {
            throw new IllegalArgumentException("breaks must not be null");
        }
        if (breaks.length == 1) {
            throw new IllegalArgumentException("breaks need at least two bounds (one class) or none");
        }
        breaks = breaks.clone(); // the record must not share a mutable array with its caller
        for (int i = 0; i < breaks.length; i++) {
            if (!Double.isFinite(breaks[i])) {
                throw new IllegalArgumentException("break " + i + " is not a finite number: " + breaks[i]);
            }
            breaks[i] += 0.0; // -0.0 becomes 0.0, so that equal-looking classifications are equal
            if (i > 0 && breaks[i] < breaks[i - 1]) {
                throw new IllegalArgumentException("breaks must be ascending: " + Arrays.toString(breaks));
            }
        }
    }

    /** The classification of no data at all. */
    public static Classification empty() {
        return EMPTY;
    }

    /** A copy of the bounds, so that callers cannot change this classification. */
    @Override
    public double[] breaks() {
        return breaks.clone();
    }

    /** The number of classes, {@code breaks.length - 1}, or 0 when there was no data. */
    public int classes() {
        return Math.max(breaks.length - 1, 0);
    }

    /** Lower bound of the first class; NaN when empty. */
    public double min() {
        return breaks.length == 0 ? Double.NaN : breaks[0];
    }

    /** Upper bound of the last class; NaN when empty. */
    public double max() {
        return breaks.length == 0 ? Double.NaN : breaks[breaks.length - 1];
    }

    /**
     * The 0-based class of a value, or {@code null} for "no data" (null, NaN, or an empty
     * classification). Values below the first bound go to class 0, above the last to the last class.
     */
    public Integer classOf(Double value) {
        if (value == null || value.isNaN() || breaks.length == 0) {
            return null;
        }
        double v = value;
        int last = breaks.length - 2;
        // k <= 9 in practice, so a linear scan is as fast as a binary search and obviously right.
        for (int i = 0; i < last; i++) {
            if (v <= breaks[i + 1]) {
                return i;
            }
        }
        return last;
    }

    /** How many of {@code values} fall in each class (no-data values in none). */
    public int[] counts(Iterable<Double> values) {
        int[] counts = new int[classes()];
        for (Double v : values) {
            Integer c = classOf(v);
            if (c != null) {
                counts[c]++;
            }
        }
        return counts;
    }

    /** One legend label {@code "a – b"} (with an en dash) per class, bounds formatted by {@code format}. */
    public List<String> labels(DoubleFunction<String> format) {
        List<String> labels = new ArrayList<>(classes());
        for (int i = 0; i < classes(); i++) {
            labels.add(format.apply(breaks[i]) + " \u2013 " + format.apply(breaks[i + 1]));
        }
        return Collections.unmodifiableList(labels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Classification other && Arrays.equals(breaks, other.breaks)
                && openBelow == other.openBelow && openAbove == other.openAbove;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(breaks) * 4 + (openBelow ? 2 : 0) + (openAbove ? 1 : 0);
    }

    @Override
    public String toString() {
        return "Classification" + (openBelow ? "(" : "[") + Arrays.toString(breaks) + (openAbove ? ")" : "]");
    }
}
