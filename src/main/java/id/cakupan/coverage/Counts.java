package id.cakupan.coverage;

/**
 * Summable counts of one cell or of an aggregate. Workforce is null when unknown; a sum's
 * workforce is unknown as soon as one member's is (SPEC §3), while participants still sum.
 */
public record Counts(long participants, Long workforce) {
  public Counts plus(Counts other) {
    Long w = workforce == null || other.workforce == null ? null : workforce + other.workforce;
    return new Counts(participants + other.participants, w);
  }

  /** The sum of a group where some members have no record: their workforce is unknown too. */
  public Counts withUnknownWorkforce() {
    return new Counts(participants, null);
  }
}
