package id.cakupan.coverage;

/** One imported fact: active participants and (maybe unknown) workforce of a kelurahan, month and sector. */
public record CoverageRecord(KelurahanCode code, Period period, Sector sector, long participants, Long workforce) {
  public CoverageRecord {
    if (sector == Sector.ALL) throw new IllegalArgumentException("sector ALL is derived, not stored");
    if (participants < 0) throw new IllegalArgumentException("participants must be >= 0");
    if (workforce != null && workforce < 0) throw new IllegalArgumentException("workforce must be >= 0");
  }

  public Counts counts() {
    return new Counts(participants, workforce);
  }
}
