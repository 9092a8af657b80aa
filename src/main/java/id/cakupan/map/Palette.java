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
}
