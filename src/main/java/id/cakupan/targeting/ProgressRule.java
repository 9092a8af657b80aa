package id.cakupan.targeting;

import id.cakupan.coverage.Period;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * The progress rule of SPEC §6, exactly: where a kelurahan stands in month m against a target of
 * N participants by month T, set from the participants of baseline month B. Months count as
 * integers; comparisons with the straight line are done in whole numbers, so a count exactly on
 * the line is on track and never lost to rounding.
 */
public final class ProgressRule {
  /** The months the current pace looks back over. */
  public static final int PACE_MONTHS = 3;

  private ProgressRule() {}

  /**
   * @param participants P(month) for any month, null where unknown (no record)
   */
  public static TargetProgress evaluate(Target t, Period m, Function<Period, Long> participants) {
    long n = t.target();
    Period b = t.baseline();
    Period due = t.period();
    Long pm = participants.apply(m);
    Long pb = participants.apply(b);
    Long earlier = participants.apply(m.minusMonths(PACE_MONTHS));

    long sinceBaseline = b.monthsUntil(m);
    long span = b.monthsUntil(due); // T − B > 0, as Target guarantees
    long untilDue = m.monthsUntil(due);

    Double expected = pb == null || sinceBaseline < 0 || untilDue < 0 ? null
        : pb + (n - pb) * (double) sinceBaseline / span;

    if (pm == null) return new TargetProgress(null, expected, null, null, null, null, pace(null, earlier), null);

    TargetStatus status = status(n, pm, pb, sinceBaseline, span, untilDue);
    long gap = Math.max(0, n - pm);
    double progress = (double) pm / n;
    Long paceNeeded = untilDue > 0 && pm < n ? ceilDiv(BigInteger.valueOf(n - pm), BigInteger.valueOf(untilDue)) : null;
    Double pace = pace(pm, earlier);
    Period projected = null;
    if (pace != null && pace > 0 && pm < n) {
      // m + ceil((N − P(m)) / ((P(m) − P(m−3)) / 3)), kept in whole numbers.
      long months = ceilDiv(BigInteger.valueOf(n - pm).multiply(BigInteger.valueOf(PACE_MONTHS)),
          BigInteger.valueOf(pm - earlier));
      projected = m.plusMonths(months);
    }
    return new TargetProgress(pm, expected, status, gap, progress, paceNeeded, pace, projected);
  }

  /**
   * Null before B or without P(B); reached at or above N; on track from B to T at or above the
   * line; behind otherwise, which includes every month after T below N.
   */
  static TargetStatus status(long n, long pm, Long pb, long sinceBaseline, long span, long untilDue) {
    if (sinceBaseline < 0 || pb == null) return null;
    if (pm >= n) return TargetStatus.TERCAPAI;
    if (untilDue >= 0) {
      // P(m) ≥ P(B) + (N − P(B))(m − B)/(T − B), multiplied through by T − B > 0.
      BigInteger left = BigInteger.valueOf(pm).subtract(BigInteger.valueOf(pb)).multiply(BigInteger.valueOf(span));
      BigInteger right = BigInteger.valueOf(n).subtract(BigInteger.valueOf(pb)).multiply(BigInteger.valueOf(sinceBaseline));
      if (left.compareTo(right) >= 0) return TargetStatus.SESUAI_JALUR;
    }
    return TargetStatus.TERTINGGAL;
  }

  private static Double pace(Long pm, Long earlier) {
    return pm == null || earlier == null ? null : (pm - earlier) / (double) PACE_MONTHS;
  }

  /** Ceiling of a / b for b > 0. */
  private static long ceilDiv(BigInteger a, BigInteger b) {
    BigInteger[] qr = a.divideAndRemainder(b);
    BigInteger q = qr[0];
    if (qr[1].signum() > 0) q = q.add(BigInteger.ONE);
    return q.longValueExact();
  }
}
