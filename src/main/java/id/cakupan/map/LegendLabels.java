package id.cakupan.map;

import id.cakupan.coverage.Metric;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Legend labels that never mislead. A class {@code (a, b]} is shown as the range of values it
 * holds at the legend's precision: from the first number above {@code a} to {@code b} rounded down,
 * so neighbouring labels never share a number ("−10 – −2", "−1 – 7" for the breaks −10, −1.2, 7.6).
 * The precision grows from the metric's usual one until every break is separated from its
 * neighbours and every value, written at that precision, lies inside its own class's label.
 * Open end classes read "≤ t" and "> t"; a class of one value reads as that value.
 */
public final class LegendLabels {
  private static final String DASH = " \u2013 ";
  /** Beyond this many extra decimals a legend gets unreadable; the breaks are then shown as they are. */
  private static final int MAX_EXTRA_DECIMALS = 4;

  private final Metric metric;
  private final Classification classes;
  private final int decimals;
  /** How an inner break is written: rounded down (never above the break) or to the nearest. */
  private final RoundingMode inner;

  private LegendLabels(Metric metric, Classification classes, int decimals, RoundingMode inner) {
    this.metric = metric;
    this.classes = classes;
    this.decimals = decimals;
    this.inner = inner;
  }

  /** Labels for {@code classes} of {@code metric}, precise enough for the classified {@code values}. */
  public static LegendLabels of(Metric metric, Classification classes, Iterable<Double> values) {
    int base = baseDecimals(metric);
    for (int d = base; d < base + MAX_EXTRA_DECIMALS; d++) {
      for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.HALF_UP}) {
        LegendLabels labels = new LegendLabels(metric, classes, d, mode);
        if (labels.separatesBreaks() && labels.holdsEveryValue(values)) return labels;
      }
    }
    return new LegendLabels(metric, classes, base + MAX_EXTRA_DECIMALS, RoundingMode.HALF_UP);
  }

  /** Decimals shown, in the legend's unit (percent points for a rate). */
  public int decimals() {
    return decimals;
  }

  /** One label per class, numbers written the Indonesian way (1.234,5) or the English way (1,234.5). */
  public List<String> labels(Locale locale) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
    format.setMinimumFractionDigits(decimals);
    format.setMaximumFractionDigits(decimals);
    format.setRoundingMode(RoundingMode.UNNECESSARY); // every number is already at the precision
    String suffix = metric == Metric.COVERAGE_RATE ? "%" : "";
    int n = classes.classes();
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      BigDecimal lo = low(i);
      BigDecimal hi = high(i);
      String label;
      if (openBelow(i)) label = "\u2264 " + format.format(hi) + suffix;
      else if (openAbove(i)) label = "> " + format.format(written(i)) + suffix;
      else if (lo.compareTo(hi) == 0) label = format.format(lo) + suffix;
      else label = format.format(lo) + suffix + DASH + format.format(hi) + suffix;
      out.add(label);
    }
    return Collections.unmodifiableList(out);
  }

  private static int baseDecimals(Metric metric) {
    return switch (metric) {
      case COVERAGE_RATE, DENSITY -> 1;
      default -> 0;
    };
  }

  private boolean openBelow(int i) {
    return i == 0 && classes.classes() > 1 && classes.openBelow();
  }

  private boolean openAbove(int i) {
    return i == classes.classes() - 1 && classes.classes() > 1 && classes.openAbove();
  }

  /** A value in the legend's unit: a rate becomes percent points. */
  private BigDecimal scaled(double v) {
    // The shortest decimal that reads back as v: a typed break of 0.3 is 30 %, not 29.99999… %.
    BigDecimal x = BigDecimal.valueOf(v);
    return metric == Metric.COVERAGE_RATE ? x.movePointRight(2) : x;
  }

  /** A value as the page writes it: at this precision, half up. */
  private BigDecimal shown(double v) {
    return scaled(v).setScale(decimals, RoundingMode.HALF_UP);
  }

  /** Break {@code i} as written: the closed outer bounds are data values, written like one. */
  private BigDecimal written(int i) {
    double[] b = classes.breaks();
    boolean outer = b[i] == b[0] || i == b.length - 1;
    return outer ? shown(b[i]) : scaled(b[i]).setScale(decimals, inner);
  }

  /** The smallest written number class {@code i} holds (class 0 includes its lower bound). */
  private BigDecimal low(int i) {
    return i == 0 ? written(0) : written(i).add(BigDecimal.ONE.movePointLeft(decimals));
  }

  /** The largest written number class {@code i} holds. */
  private BigDecimal high(int i) {
    return written(i + 1);
  }

  private boolean separatesBreaks() {
    for (int i = 0; i < classes.classes(); i++) {
      if (!openBelow(i) && !openAbove(i) && low(i).compareTo(high(i)) > 0) return false;
    }
    return true;
  }

  /** Every value, written at this precision, reads as inside the label of the class it is in. */
  private boolean holdsEveryValue(Iterable<Double> values) {
    for (Double v : values) {
      Integer c = classes.classOf(v);
      if (c == null) continue;
      BigDecimal s = shown(v);
      boolean belowOk = openBelow(c) || s.compareTo(low(c)) >= 0;
      boolean aboveOk = openAbove(c) || s.compareTo(high(c)) <= 0;
      if (!belowOk || !aboveOk) return false;
    }
    return true;
  }
}
