package id.cakupan.store;

import java.time.Instant;

/**
 * The log line of one accepted import (SPEC §3: when, by whom, file hash, rows).
 *
 * @param kind {@code coverage}, {@code boundaries}, {@code targets} or {@code synthetic} (generated seed data)
 */
public record ImportRecord(Instant at, String kind, String by, String fileName, String sha256, int rows) {
  public static final String COVERAGE = "coverage";
  public static final String BOUNDARIES = "boundaries";
  public static final String SYNTHETIC = "synthetic";
  /** A bulk target file (SPEC §6). */
  public static final String TARGETS = "targets";

  /** The last boundary import of a log, oldest first: what identifies the stored boundary set; null for none. */
  public static ImportRecord lastBoundaries(java.util.List<ImportRecord> log) {
    ImportRecord last = null;
    for (ImportRecord r : log) {
      if (BOUNDARIES.equals(r.kind())) last = r;
    }
    return last;
  }
}
