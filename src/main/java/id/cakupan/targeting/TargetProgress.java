package id.cakupan.targeting;

import id.cakupan.coverage.Period;

/**
 * A target measured in one month m (SPEC §6). Every field is null where the rule leaves it
 * undefined: unknown participants, a month before the baseline, no pace.
 *
 * @param participants P(m)
 * @param expected E(m) on the straight line from P(B) at B to N at T, for B ≤ m ≤ T
 * @param gap max(0, N − P(m))
 * @param progress P(m) / N
 * @param paceNeeded participants a month still needed to reach N by T: ceil((N − P(m)) / (T − m))
 * @param pace the current pace, (P(m) − P(m−3)) / 3
 * @param projected the month N is reached at the current pace
 */
public record TargetProgress(Long participants, Double expected, TargetStatus status, Long gap, Double progress,
    Long paceNeeded, Double pace, Period projected) {}
