package id.cakupan.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A sequential colour ramp for choropleth classes, light for low values and dark for high ones.
 *
 * <p>The {@code k} colours are spaced evenly in CIE L* (perceived lightness) between the first and
 * last anchor, with a* and b* interpolated along the anchors. Lightness alone then orders the
 * classes, which is what keeps a ramp readable with any colour-vision deficiency and in greyscale.
 *
 * @param name a short identifier, e.g. for the legend or logs
 * @param anchors two or more {@code #rrggbb} colours from light to dark, strictly decreasing in L*
 */
public record Palette(String name, List<String> anchors) {

    /** The most colours a palette gives; matches {@link Classifier#MAX_CLASSES}. */
    public static final int MAX_COLORS = 9;

    /** Fill for "no data": a neutral grey, outside both ramps' hues. */
    public static final String NO_DATA = "#d9d9d9";

    /** For measures where more is better (coverage rate, participants): cream → green → teal → navy. */
    public static final Palette SEQUENTIAL_GOOD = new Palette("sequential_good",
            List.of("#fdf6b5", "#b9e08f", "#5cb87a", "#238a8d", "#2a5a95", "#262c5e"));

    /** For measures where more is worse (uncovered workers): pale yellow → orange → red → maroon. */
    public static final Palette SEQUENTIAL_BAD = new Palette("sequential_bad",
            List.of("#fff1b0", "#fdc46a", "#f5873e", "#d94a2b", "#a8161f", "#5e0b15"));

    // The two sides of the diverging scale share their lightness (L* 88 to 23), so a step away from
    // 0 looks as strong as a loss as it does as a gain.

    /** Losses on a diverging scale: pale apricot → orange → brown (our own PuOr-like colours). */
    public static final Palette DIVERGING_LOSS = new Palette("diverging_loss",
            List.of("#f9d9b0", "#e9a255", "#b8640f", "#582a02"));

    /** Gains on a diverging scale: pale lavender → violet → deep purple. */
    public static final Palette DIVERGING_GAIN = new Palette("diverging_gain",
            List.of("#e2d9f8", "#aa98d4", "#6a52aa", "#40247a"));

    /** The middle of a diverging scale: the class holding 0 (no change), lighter than both sides. */
    public static final String DIVERGING_MIDDLE = "#f7f5f2";

    public Palette {
        if (name == null || anchors == null || anchors.size() < 2) {
            throw new IllegalArgumentException("a palette needs a name and at least two anchor colours");
        }
        anchors = List.copyOf(anchors);
        double previous = Double.POSITIVE_INFINITY;
        for (String hex : anchors) {
            double l = CieLab.fromHex(hex).l();
            if (!(l < previous)) {
                throw new IllegalArgumentException("palette anchors must get strictly darker: " + anchors);
            }
            previous = l;
        }
    }

    /**
     * {@code k} colours from light to dark, as lowercase {@code #rrggbb}.
     *
     * @param k 1..9; one colour is the middle of the ramp
     */
    public List<String> colors(int k) {
        if (k < 1 || k > MAX_COLORS) {
            throw new IllegalArgumentException("a palette gives 1 to " + MAX_COLORS + " colours, not " + k);
        }
        List<CieLab> labs = anchors.stream().map(CieLab::fromHex).toList();
        double lightest = labs.get(0).l();
        double darkest = labs.get(labs.size() - 1).l();
        List<String> colors = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 0.5 : (double) i / (k - 1);
            colors.add(atLightness(labs, lightest + (darkest - lightest) * t).toHex());
        }
        return Collections.unmodifiableList(colors);
    }

    /** The point of the anchor polyline with lightness {@code l} (anchors are monotone in L*). */
    private static CieLab atLightness(List<CieLab> labs, double l) {
        for (int s = 0; s < labs.size() - 1; s++) {
            CieLab from = labs.get(s);
            CieLab to = labs.get(s + 1);
            if (l >= to.l() || s == labs.size() - 2) {
                double t = (from.l() - l) / (from.l() - to.l());
                return from.towards(to, Math.min(Math.max(t, 0), 1));
            }
        }
        throw new AssertionError("unreachable: a palette has at least two anchors");
    }

    /**
     * Colours of a diverging scale centred on 0: a class wholly below 0 is a loss, wholly above a
     * gain, and the class holding 0 (there is at most one) gets the light middle. Losses and gains
     * darken with their distance in classes from 0, at the same pace on both sides, so the same
     * depth of orange and purple means the same rank away from "no change". Open end classes
     * reach to −∞ or +∞.
     */
    public static List<String> diverging(Classification classes) {
        double[] b = classes.breaks();
        int n = classes.classes();
        int[] side = new int[n]; // -1 loss, 0 middle, +1 gain
        int losses = 0;
        int gains = 0;
        for (int i = 0; i < n; i++) {
            double lower = i == 0 && classes.openBelow() ? Double.NEGATIVE_INFINITY : b[i];
            double upper = i == n - 1 && classes.openAbove() ? Double.POSITIVE_INFINITY : b[i + 1];
            // Class 0 includes its lower bound; the others start just above theirs.
            boolean gain = i == 0 ? lower > 0 : lower >= 0;
            side[i] = upper < 0 ? -1 : gain ? 1 : 0;
            if (side[i] < 0) losses++;
            if (side[i] > 0) gains++;
        }
        int steps = Math.max(losses, gains);
        List<String> loss = steps == 0 ? List.of() : DIVERGING_LOSS.colors(steps);
        List<String> gain = steps == 0 ? List.of() : DIVERGING_GAIN.colors(steps);
        List<String> colors = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Losses are the first classes: the nearest to 0 is the last of them.
            if (side[i] < 0) colors.add(loss.get(losses - 1 - i));
            else if (side[i] > 0) colors.add(gain.get(i - (n - gains)));
            else colors.add(DIVERGING_MIDDLE);
        }
        return Collections.unmodifiableList(colors);
    }
}
