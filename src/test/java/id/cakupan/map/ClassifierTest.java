package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final double EPS = 1e-12;

    private static List<Double> values(double... v) {
        List<Double> list = new ArrayList<>();
        for (double d : v) {
            list.add(d);
        }
        return list;
    }

    private static double[] classify(ClassMethod method, int k, Collection<Double> values) {
        return Classifier.classify(method, k, null, values).breaks();
    }

    // ---- quantile -------------------------------------------------------------------------

    @Test
    void quantileTenValuesFourClasses() {
        // n=10, k=4: indices ceil(2.5)-1=2, ceil(5)-1=4, ceil(7.5)-1=7 of 1..10.
        assertArrayEquals(new double[] {1, 3, 5, 8, 10},
                classify(ClassMethod.QUANTILE, 4, values(10, 9, 8, 7, 6, 5, 4, 3, 2, 1)), EPS);
    }

    @Test
    void quantileSevenValuesThreeClassesIgnoringNoData() {
        // sorted 1,1,2,3,4,5,9; n=7, k=3: indices ceil(7/3)-1=2 -> 2, ceil(14/3)-1=4 -> 4.
        List<Double> v = values(3, 1, 4, 1, 5, 9, 2);
        v.add(null);
        v.add(Double.NaN);
        assertArrayEquals(new double[] {1, 2, 4, 9}, classify(ClassMethod.QUANTILE, 3, v), EPS);
    }

    @Test
    void quantileTiesGiveFewerClassesNotEmptyOnes() {
        // six zeros in ten, k=5: sorted indices 1,3,5,7 give bounds 0,0,0,0,0.5,0.9;
        // the zero class [0, 0] stays, the repeats go.
        double[] b = classify(ClassMethod.QUANTILE, 5, values(0, 0, 0, 0, 0, 0, 0.2, 0.5, 0.7, 0.9));
        assertArrayEquals(new double[] {0, 0, 0.5, 0.9}, b, EPS);

        // 1,2,2,2,2,2,3,4; k=4: indices 1,3,5 are all 2 -> [1,2,4].
        assertArrayEquals(new double[] {1, 2, 4},
                classify(ClassMethod.QUANTILE, 4, values(1, 2, 2, 2, 2, 2, 3, 4)), EPS);
    }

    @Test
    void quantileEveryClassIsPopulated() {
        List<Double> v = values(0, 0, 0, 0, 0, 0, 0.2, 0.5, 0.7, 0.9, 3, 3, 3, 3);
        for (int k = 1; k <= 9; k++) {
            Classification c = Classifier.classify(ClassMethod.QUANTILE, k, null, v);
            int[] counts = new int[c.classes()];
            v.forEach(x -> counts[c.classOf(x)]++);
            for (int n : counts) {
                assertTrue(n > 0, "k=" + k + " " + c + " " + Arrays.toString(counts));
            }
        }
    }

    // ---- equal interval -------------------------------------------------------------------

    @Test
    void equalIntervalFromMinToMax() {
        assertArrayEquals(new double[] {2, 4, 6, 8, 10, 12},
                classify(ClassMethod.EQUAL_INTERVAL, 5, values(2, 5, 7, 12, 3, 3, 11)), EPS);
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3, 1},
                classify(ClassMethod.EQUAL_INTERVAL, 3, values(0.5, 1, 0, 0.1, 0.9, 0.2, 0.3)), EPS);
    }

    @Test
    void equalIntervalKeepsEmptyClasses() {
        // 0,1,2,10: width 2.5; (2.5, 5] and (5, 7.5] hold nothing but stay.
        assertArrayEquals(new double[] {0, 2.5, 5, 7.5, 10},
                classify(ClassMethod.EQUAL_INTERVAL, 4, values(0, 1, 2, 10)), EPS);
    }

    // ---- Jenks ----------------------------------------------------------------------------

    @Test
    void jenksFindsTheThreeClusters() {
        List<Double> v = values(1, 2, 3, 10, 11, 12, 30, 31, 32);
        assertArrayEquals(new double[] {1, 3, 12, 32}, classify(ClassMethod.JENKS, 3, v), EPS);
        // equal interval cuts the same data elsewhere
        assertNotEquals(Arrays.toString(classify(ClassMethod.JENKS, 3, v)),
                Arrays.toString(classify(ClassMethod.EQUAL_INTERVAL, 3, v)));
    }

    @Test
    void jenksDiffersFromQuantileAndEqualInterval() {
        // {1..6} SSD 17.5, {50,51} SSD 0.5, {100} SSD 0: total 18, the least of all cuts.
        List<Double> v = values(1, 2, 3, 4, 5, 6, 50, 51, 100);
        assertArrayEquals(new double[] {1, 6, 51, 100}, classify(ClassMethod.JENKS, 3, v), EPS);
        assertArrayEquals(new double[] {1, 3, 6, 100}, classify(ClassMethod.QUANTILE, 3, v), EPS);
        assertArrayEquals(new double[] {1, 34, 67, 100}, classify(ClassMethod.EQUAL_INTERVAL, 3, v), EPS);
    }

    @Test
    void jenksWithTies() {
        List<Double> v = values(1, 1, 1, 2, 2, 9, 9, 10);
        v.add(null);
        // k=2: {1,1,1,2,2} {9,9,10}
        assertArrayEquals(new double[] {1, 2, 10}, classify(ClassMethod.JENKS, 2, v), EPS);
        // k=3: {1,1,1} {2,2} {9,9,10} costs 2/3, beating {1,1,1,2,2} {9,9} {10} at 1.2
        assertArrayEquals(new double[] {1, 1, 2, 10}, classify(ClassMethod.JENKS, 3, v), EPS);
    }

    @Test
    void jenksWithFewerDistinctValuesThanClassesGivesOneClassPerValue() {
        Classification c = Classifier.classify(ClassMethod.JENKS, 4, null, values(7, 5, 7, 5, 7));
        assertArrayEquals(new double[] {5, 5, 7}, c.breaks(), EPS);
        assertEquals(0, c.classOf(5.0));
        assertEquals(1, c.classOf(7.0));
    }

    @Test
    void jenksMatchesBruteForceOnRandomArrays() {
        Random random = new Random(20240611L);
        for (int round = 0; round < 20; round++) {
            double[] data = new double[12];
            for (int i = 0; i < data.length; i++) {
                // every other round draws from few integers, so that ties occur
                data[i] = round % 2 == 0 ? random.nextDouble() * 100 : random.nextInt(6);
            }
            for (int k = 3; k <= 4; k++) {
                Classification c = Classifier.classify(ClassMethod.JENKS, k, null, values(data));
                double expected = bruteForceLeastSsd(data, k);
                assertEquals(expected, ssdOf(c, data), 1e-9 * Math.max(1, expected),
                        "round " + round + " k=" + k + " " + Arrays.toString(data) + " -> " + c);
                assertEquals(Math.min(k, distinct(data)), c.classes());
            }
        }
    }

    @Test
    void jenksMatchesThePlainQuadraticProgrammeOnLargerArrays() {
        // The solver prunes its search by the monotone split; the plain O(k·n²) programme on the
        // raw sorted data must reach the same optimum.
        Random random = new Random(7L);
        for (int round = 0; round < 10; round++) {
            double[] data = new double[150];
            for (int i = 0; i < data.length; i++) {
                data[i] = round % 2 == 0 ? random.nextGaussian() * 1000 + 5000 : random.nextInt(40);
            }
            for (int k = 1; k <= 9; k++) {
                Classification c = Classifier.classify(ClassMethod.JENKS, k, null, values(data));
                double expected = plainDynamicProgramme(data, k);
                assertEquals(expected, ssdOf(c, data), 1e-7 * Math.max(1, expected),
                        "round " + round + " k=" + k);
            }
        }
    }

    @Test
    void jenksHandlesNationalScaleInput() {
        // ~84,000 desa with distinct rates; its speed is measured by the benchmark, not here.
        Random random = new Random(3L);
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < 84_000; i++) {
            v.add(random.nextDouble() * random.nextDouble());
        }
        Classification c = Classifier.classify(ClassMethod.JENKS, 9, null, v);
        assertEquals(9, c.classes());
        assertEquals(v.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), c.breaks()[0]);
        assertEquals(v.stream().mapToDouble(Double::doubleValue).max().orElseThrow(), c.breaks()[9]);
    }

    /** Least SSD over every choice of k−1 cut positions in the sorted data. */
    private static double bruteForceLeastSsd(double[] data, int k) {
        double[] s = data.clone();
        Arrays.sort(s);
        return bruteForce(s, 0, k);
    }

    private static double bruteForce(double[] s, int from, int classesLeft) {
        if (classesLeft == 1) {
            return ssd(s, from, s.length);
        }
        double best = Double.POSITIVE_INFINITY;
        // the first of the remaining classes is s[from..to), leaving at least one value per class
        for (int to = from + 1; to <= s.length - (classesLeft - 1); to++) {
            best = Math.min(best, ssd(s, from, to) + bruteForce(s, to, classesLeft - 1));
        }
        return best;
    }

    private static double plainDynamicProgramme(double[] data, int k) {
        double[] s = data.clone();
        Arrays.sort(s);
        int n = s.length;
        double[][] d = new double[k + 1][n + 1];
        for (double[] row : d) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        d[0][0] = 0;
        for (int c = 1; c <= k; c++) {
            for (int j = c; j <= n; j++) {
                for (int i = c - 1; i < j; i++) {
                    d[c][j] = Math.min(d[c][j], d[c - 1][i] + ssd(s, i, j));
                }
            }
        }
        return d[k][n];
    }

    private static double ssd(double[] s, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += s[i];
        }
        mean /= to - from;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (s[i] - mean) * (s[i] - mean);
        }
        return sum;
    }

    /** Total within-class SSD of the data as the classification assigns it. */
    private static double ssdOf(Classification c, double[] data) {
        double total = 0;
        for (int cls = 0; cls < c.classes(); cls++) {
            final int target = cls;
            double[] members = Arrays.stream(data).filter(v -> c.classOf(v) == target).toArray();
            if (members.length > 0) {
                total += ssd(members, 0, members.length);
            }
        }
        return total;
    }

    private static int distinct(double[] data) {
        return (int) Arrays.stream(data).distinct().count();
    }

    // ---- manual ---------------------------------------------------------------------------

    @Test
    void manualThresholdsWithDataBeyondThem() {
        Classification c = Classifier.classify(ClassMethod.MANUAL, 5, new double[] {0.25, 0.5, 0.75},
                values(0.1, 0.3, 0.5, 0.6, 0.9, 0.2, 0.8));
        assertArrayEquals(new double[] {0.1, 0.25, 0.5, 0.75, 0.9}, c.breaks(), EPS);
        assertEquals(4, c.classes());
        assertEquals(1, c.classOf(0.5));
        assertEquals(2, c.classOf(0.6));
    }

    @Test
    void manualThresholdsWiderThanTheData() {
        // data 0.3..0.4 inside the thresholds: the outer bounds are the thresholds themselves
        Classification c = Classifier.classify(ClassMethod.MANUAL, 5, new double[] {0.25, 0.5, 0.75},
                values(0.3, 0.4, 0.35));
        assertArrayEquals(new double[] {0.25, 0.25, 0.5, 0.75, 0.75}, c.breaks(), EPS);
        assertEquals(4, c.classes());
        assertEquals(1, c.classOf(0.3));
    }

    @Test
    void manualOneThreshold() {
        assertArrayEquals(new double[] {-3, 0, 8},
                Classifier.classify(ClassMethod.MANUAL, 3, new double[] {0}, values(-3, 8, 2, -1)).breaks(), EPS);
    }

    @Test
    void manualThresholdProblemsAreNamed() {
        List<Double> v = values(1, 2, 3);
        assertMessage("at least one", () -> Classifier.classify(ClassMethod.MANUAL, 5, null, v));
        assertMessage("at least one", () -> Classifier.classify(ClassMethod.MANUAL, 5, new double[0], v));
        assertMessage("strictly ascending",
                () -> Classifier.classify(ClassMethod.MANUAL, 5, new double[] {1, 3, 2}, v));
        assertMessage("strictly ascending",
                () -> Classifier.classify(ClassMethod.MANUAL, 5, new double[] {1, 2, 2}, v));
        assertMessage("finite",
                () -> Classifier.classify(ClassMethod.MANUAL, 5, new double[] {1, Double.NaN}, v));
        assertMessage("at most 8",
                () -> Classifier.classify(ClassMethod.MANUAL, 5, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, v));
        // also without any data
        assertMessage("strictly ascending",
                () -> Classifier.classify(ClassMethod.MANUAL, 5, new double[] {2, 1}, List.of()));
    }

    // ---- edge cases -----------------------------------------------------------------------

    @Test
    void noValuesGiveAnEmptyClassification() {
        List<Double> onlyNoData = new ArrayList<>();
        onlyNoData.add(null);
        onlyNoData.add(Double.NaN);
        for (ClassMethod m : ClassMethod.values()) {
            for (Collection<Double> v : List.of(List.<Double>of(), onlyNoData)) {
                Classification c = Classifier.classify(m, 5, new double[] {1, 2}, v);
                assertEquals(0, c.breaks().length, m.key());
                assertEquals(0, c.classes());
                assertEquals(null, c.classOf(1.0));
            }
        }
        assertEquals(0, Classifier.classify(ClassMethod.QUANTILE, 5, null, null).classes());
    }

    @Test
    void allValuesEqualGiveOneClass() {
        for (ClassMethod m : List.of(ClassMethod.QUANTILE, ClassMethod.EQUAL_INTERVAL, ClassMethod.JENKS)) {
            for (int k = 1; k <= 9; k++) {
                Classification c = Classifier.classify(m, k, null, values(4, 4, 4, 4, 4, 4, 4));
                assertArrayEquals(new double[] {4, 4}, c.breaks(), EPS, m + " k=" + k);
                assertEquals(0, c.classOf(4.0));
            }
        }
        // a single value, too
        assertArrayEquals(new double[] {7, 7}, classify(ClassMethod.JENKS, 5, values(7)), EPS);
        assertArrayEquals(new double[] {7, 7}, classify(ClassMethod.QUANTILE, 5, values(7)), EPS);
    }

    @Test
    void oneClassSpansTheData() {
        List<Double> v = values(3, 1, 2, 9);
        for (ClassMethod m : List.of(ClassMethod.QUANTILE, ClassMethod.EQUAL_INTERVAL, ClassMethod.JENKS)) {
            assertArrayEquals(new double[] {1, 9}, classify(m, 1, v), EPS, m.key());
        }
    }

    @Test
    void classesOutOfRangeAreRejected() {
        List<Double> v = values(1, 2, 3);
        assertMessage("between 1 and 9", () -> Classifier.classify(ClassMethod.QUANTILE, 0, null, v));
        assertMessage("between 1 and 9", () -> Classifier.classify(ClassMethod.JENKS, 10, null, v));
        assertMessage("finite", () -> Classifier.classify(ClassMethod.JENKS, 3, null,
                values(1, Double.POSITIVE_INFINITY)));
    }

    private static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
