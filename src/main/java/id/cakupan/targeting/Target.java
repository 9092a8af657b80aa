package id.cakupan.targeting;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.Comparator;
import java.util.Objects;

/**
 * A camat's target (SPEC §6): {@code target} active participants of {@code sector} in kelurahan
 * {@code code} by month {@code period} (T), measured on the straight line from the participants of
 * the {@code baseline} month (B, before T). One target per (kelurahan, sector, T); a new one for
 * the same key replaces it.
 *
 * @param sector PU, BPU, JAKON or ALL (the sum of the three, as everywhere else)
 * @param assignee who in the kelurahan is responsible, or null
 * @param note free text, or null
 */
public record Target(KelurahanCode code, Sector sector, Period period, long target, Period baseline,
    String assignee, String note) {
  /** Longest assignee, in characters: a name and a position, not a document. */
  public static final int MAX_ASSIGNEE_CHARS = 200;
  /** Longest note, in characters. */
  public static final int MAX_NOTE_CHARS = 2000;
  /** By kelurahan code, sector (PU, BPU, JAKON, ALL) and target month: how lists of targets are ordered. */
  public static final Comparator<Target> ORDER =
      Comparator.comparing(Target::code).thenComparing(Target::sector).thenComparing(Target::period);
  /** Largest target: more participants than live in Indonesia is a typo. */
  public static final long MAX_TARGET = 1_000_000_000L;

  /** @throws IllegalArgumentException naming the field (as in {@link TargetField}) that is wrong */
  public Target {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(sector, "sector");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(baseline, "baseline");
    if (target < 1 || target > MAX_TARGET) {
      throw new InvalidTargetException(TargetField.TARGET,
          "target must be a whole number of participants from 1 to " + MAX_TARGET + ", not " + target);
    }
    if (baseline.compareTo(period) >= 0) {
      throw new InvalidTargetException(TargetField.BASELINE_PERIOD,
          "the baseline month " + baseline + " must come before the target month " + period);
    }
    assignee = text(assignee, MAX_ASSIGNEE_CHARS, TargetField.ASSIGNEE);
    note = text(note, MAX_NOTE_CHARS, TargetField.NOTE);
  }

  /** The key a target is stored under: {@code 31.72.03.1004/BPU/2026-12}, also the audit subject. */
  public String key() {
    return code + "/" + sector + "/" + period;
  }

  public boolean sameKey(Target other) {
    return code.equals(other.code) && sector == other.sector && period.equals(other.period);
  }

  /** Blank text is no text; surrounding spaces are dropped. */
  private static String text(String s, int max, TargetField field) {
    if (s == null || s.isBlank()) return null;
    String v = s.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new InvalidTargetException(field, field.key() + " is longer than " + max + " characters");
    }
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
        throw new InvalidTargetException(field, field.key() + " contains a control character (U+"
            + String.format("%04X", (int) c) + ")");
      }
    }
    return v;
  }
}
