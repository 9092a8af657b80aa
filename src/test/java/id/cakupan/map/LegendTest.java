package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Sector;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Legends that never mislead: labels, empty classes, open ends, merged classes, counts, diverging colours. */
class LegendTest {

  @Test
  void aBreakAtMinusOnePointTwoIsNotRoundedToMinusOne() {
    // Equal interval over -10..34 in 5 classes: breaks -10, -1.2, 7.6, 16.4, 25.2, 34.
    List<Double> values = values(-10, -1, 0, 3, 34);
    Legend legend = legend(Metric.CHANGE, ClassMethod.EQUAL_INTERVAL, 5, null, values);
    assertEquals(-1.2, legend.classification().breaks()[1], 1e-9);
    assertEquals(List.of("-10 \u2013 -2", "-1 \u2013 7", "8 \u2013 16", "17 \u2013 25", "26 \u2013 34"), legend.labels());
    assertEquals(1, legend.classification().classOf(-1.0));
    assertEveryValueReadsInItsOwnClass(legend, values, 0);
  }

  @Test
  void rateLabelsGetTheDecimalsThatKeepNeighbouringBreaksApart() {
    List<Double> values = values(0.5831, 0.58312, 0.5834, 0.5836, 0.5838, 0.59, 0.61, 0.7);
    Legend legend = legend(Metric.COVERAGE_RATE, ClassMethod.QUANTILE, 4, null, values);
    List<String> labels = legend.labels();
    assertEquals(labels.size(), labels.stream().distinct().count(), labels.toString());
    assertEveryValueReadsInItsOwnClass(legend, values, 100);
    // At one decimal the first two breaks would both read 58,3%.
    assertEquals("58,31%", labels.get(0));
    assertEquals("58,32% \u2013 58,36%", labels.get(1));
  }

  @Test
  void aValueExactlyAtABreakIsInTheClassItsLabelNames() {
    List<Double> values = values(0.5, 0.5004, 0.55, 0.6, 0.65);
    Legend legend = legend(Metric.COVERAGE_RATE, ClassMethod.MANUAL, 0, new double[] {0.5, 0.6}, values);
    assertEquals(List.of("\u2264 50,00%", "50,01% \u2013 60,00%", "> 60,00%"), legend.labels());
    assertEquals(List.of(1, 3, 1), legend.counts());
    assertEveryValueReadsInItsOwnClass(legend, values, 100);
  }

  @Test
  void manualBreaksOutsideTheDataGetOpenEndsAndEmptyClassesCountZero() {
    // The animation's fixed breaks in a month whose data all lie between 20 % and 30 %.
    List<Double> values = values(0.22, 0.25, 0.27, 0.29);
    Legend legend = legend(Metric.COVERAGE_RATE, ClassMethod.MANUAL, 0, new double[] {0.2, 0.3}, values);
    assertEquals(List.of("\u2264 20,0%", "20,1% \u2013 30,0%", "> 30,0%"), legend.labels());
    assertEquals(List.of(0, 4, 0), legend.counts());
    assertEquals(3, legend.colors().size());
    assertTrue(legend.classification().openBelow() && legend.classification().openAbove());
    assertEquals(List.of("\u2264 20.0%", "20.1% \u2013 30.0%", "> 30.0%"), legend.labelsEn());
  }

  @Test
  void anEqualIntervalClassWithoutFeaturesIsStillLabelledFromItsBreaks() {
    List<Double> values = values(0, 1, 2, 90, 100);
    Legend legend = legend(Metric.PARTICIPANTS, ClassMethod.EQUAL_INTERVAL, 4, null, values);
    assertEquals(List.of("0 \u2013 25", "26 \u2013 50", "51 \u2013 75", "76 \u2013 100"), legend.labels());
    assertEquals(List.of(3, 0, 0, 2), legend.counts());
  }

  @Test
  void tiedQuantilesMergeAndTheLegendSaysHowManyClassesRemain() {
    List<Double> values = values(1444, 1444, 1444, 1444, 1444, 1444, 1500, 2000, 2500);
    Legend legend = legend(Metric.PARTICIPANTS, ClassMethod.QUANTILE, 5, null, values);
    assertEquals(5, legend.requestedClasses());
    assertEquals(3, legend.classification().classes());
    assertEquals(List.of("1.444", "1.445 \u2013 2.000", "2.001 \u2013 2.500"), legend.labels());
    assertEquals(List.of(6, 2, 1), legend.counts());
    assertEquals("1,445 \u2013 2,000", legend.labelsEn().get(1));
  }

  @Test
  void countsAddUpToTheFeaturesWithData() {
    List<Double> values = new ArrayList<>(values(3, 7, 7, 9, 12, 40, 41, 44));
    values.add(null);
    values.add(Double.NaN);
    Legend legend = legend(Metric.UNCOVERED, ClassMethod.JENKS, 3, null, values);
    assertEquals(8, legend.counts().stream().mapToInt(Integer::intValue).sum());
    for (int i = 0; i < legend.counts().size(); i++) {
      int cls = i;
      long expected = values.stream().filter(v -> v != null && !v.isNaN())
          .filter(v -> legend.classification().classOf(v) == cls).count();
      assertEquals(expected, (long) legend.counts().get(i));
    }
  }

  @Test
  void changeIsDivergingAroundZeroSoALossAndASmallGainNeverShareAColour() {
    List<Double> values = values(-40, -25, -3, 0, 2, 5, 30, 60);
    Legend legend = legend(Metric.CHANGE, ClassMethod.MANUAL, 0, new double[] {-20, -1, 1, 20}, values);
    assertEquals("diverging", legend.scale());
    List<String> colors = legend.colors();
    // classes: <= -20, -19..-1, 0..1 (holds 0), 2..20, > 20
    CieLab bigLoss = CieLab.fromHex(colors.get(0));
    CieLab smallLoss = CieLab.fromHex(colors.get(1));
    CieLab middle = CieLab.fromHex(colors.get(2));
    CieLab smallGain = CieLab.fromHex(colors.get(3));
    CieLab bigGain = CieLab.fromHex(colors.get(4));
    assertEquals(Palette.DIVERGING_MIDDLE, colors.get(2));
    // Losses are orange (b* > 0), gains purple (b* < 0): the blue–yellow axis every common colour
    // vision deficiency keeps. Darker means further from 0, at the same pace on both sides.
    assertTrue(bigLoss.b() > 10 && smallLoss.b() > 10, colors.toString());
    assertTrue(bigGain.b() < -10 && smallGain.b() < -10, colors.toString());
    assertTrue(middle.l() > smallLoss.l() && middle.l() > smallGain.l(), colors.toString());
    assertTrue(bigLoss.l() < smallLoss.l() && bigGain.l() < smallGain.l(), colors.toString());
    assertEquals(smallLoss.l(), smallGain.l(), 3);
    assertEquals(bigLoss.l(), bigGain.l(), 3);
    assertNotEquals(colors.get(1), colors.get(3));

    Legend rates = legend(Metric.COVERAGE_RATE, ClassMethod.QUANTILE, 3, null, values(0.1, 0.2, 0.3, 0.4));
    assertEquals("sequential", rates.scale());
  }

  @Test
  void onlyGainsUseOnlyTheGainSide() {
    Legend legend = legend(Metric.CHANGE, ClassMethod.EQUAL_INTERVAL, 3, null, values(3, 10, 20, 33));
    for (String c : legend.colors()) assertTrue(CieLab.fromHex(c).b() < -5, legend.colors().toString());
  }

  // ------------------------------------------------------------------ helpers

  private static Legend legend(Metric metric, ClassMethod method, int classes, double[] breaks, List<Double> values) {
    LayerQuery q = new LayerQuery(Level.KELURAHAN, Sector.ALL, null, metric, method, classes, breaks, null);
    Classification c = Classifier.classify(method, classes, breaks, values);
    return Legend.of(q, c, values);
  }

  private static List<Double> values(double... v) {
    return Arrays.stream(v).boxed().collect(Collectors.toList());
  }

  /**
   * Reads every label back as a range of written numbers and checks that each value, written with
   * the label's decimals, lies in its own class's label and in no other.
   */
  private static void assertEveryValueReadsInItsOwnClass(Legend legend, List<Double> values, double scale) {
    List<String> labels = legend.labels();
    List<double[]> ranges = labels.stream().map(LegendTest::range).toList();
    int decimals = decimals(labels);
    for (Double v : values) {
      double shown = new BigDecimal(v * (scale == 0 ? 1 : scale)).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
      int cls = legend.classification().classOf(v);
      for (int i = 0; i < ranges.size(); i++) {
        double[] r = ranges.get(i);
        boolean inside = (r[2] == 1 ? shown > r[0] : shown >= r[0]) && shown <= r[1];
        assertEquals(i == cls, inside, v + " written " + shown + " against " + labels.get(i) + " in " + labels);
      }
    }
  }

  /** {lo, hi, lowIsExclusive} of an Indonesian label. */
  private static double[] range(String label) {
    if (label.startsWith("\u2264 ")) return new double[] {Double.NEGATIVE_INFINITY, number(label.substring(2)), 0};
    if (label.startsWith("> ")) return new double[] {number(label.substring(2)), Double.POSITIVE_INFINITY, 1};
    String[] parts = label.split(" \u2013 ");
    double lo = number(parts[0]);
    return new double[] {lo, parts.length == 1 ? lo : number(parts[1]), 0};
  }

  private static double number(String s) {
    return Double.parseDouble(s.replace("%", "").replace(".", "").replace(',', '.'));
  }

  private static int decimals(List<String> labels) {
    String first = labels.get(0).split(" \u2013 ")[0].replace("%", "");
    int comma = first.indexOf(',');
    return comma < 0 ? 0 : first.length() - comma - 1;
  }
}
