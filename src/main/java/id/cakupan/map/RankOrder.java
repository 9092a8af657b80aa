package id.cakupan.map;

import id.cakupan.coverage.Figures;
import java.util.Comparator;
import java.util.Locale;

/** How the target list is ordered; places without a value come last, ties by code. */
public enum RankOrder {
  /** Most uncovered workers first. */
  UNCOVERED(Comparator.comparing((Figures f) -> f.uncovered(), Comparator.nullsLast(Comparator.reverseOrder()))),
  /** Lowest coverage rate first. */
  COVERAGE_RATE(Comparator.comparing((Figures f) -> f.coverageRate(), Comparator.nullsLast(Comparator.naturalOrder())));

  private final Comparator<Figures> comparator;

  RankOrder(Comparator<Figures> comparator) {
    this.comparator = comparator;
  }

  public Comparator<Figures> comparator() {
    return comparator;
  }

  public static RankOrder parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (RankOrder o : values()) {
      if (o.name().toLowerCase(Locale.ROOT).equals(s)) return o;
    }
    throw new IllegalArgumentException("'" + text + "' is not a sort order: expected uncovered or coverage_rate");
  }
}
