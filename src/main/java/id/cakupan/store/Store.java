package id.cakupan.store;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import java.util.Optional;

/**
 * Where boundaries, coverage counts and the import log live. Two implementations: the embedded
 * default (files under the data directory) and PostGIS. Every write is all or nothing: a failed
 * or interrupted write leaves what was stored before.
 */
public interface Store extends AutoCloseable {
  /** {@code embedded} or {@code postgis}, as reported by /api/health. */
  String kind();

  /** The stored boundaries; empty before the first boundary import. */
  Optional<BoundarySet> boundaries();

  /** Replaces the whole boundary set. */
  void replaceBoundaries(BoundarySet set, ImportRecord record);

  List<CoverageRecord> coverage();

  /** Adds the records, replacing stored ones with the same (kelurahan, month, sector). */
  void importCoverage(List<CoverageRecord> records, ImportRecord record);

  /**
   * Replaces every stored record with these: used when the first real import supersedes the
   * synthetic demo data, so the two are never mixed.
   */
  void replaceAllCoverage(List<CoverageRecord> records, ImportRecord record);

  /**
   * Stores one coverage import, deciding from what is stored, under the same lock (or in the same
   * transaction) as the write, how it meets the synthetic seed: a real import ({@code coverage})
   * replaces all coverage when what is stored is only the seed, and otherwise adds to it as
   * {@link #importCoverage} does; the seed itself ({@code synthetic}) is stored only into a store
   * without coverage.
   *
   * @return false when a seed was not stored because coverage exists; true when stored
   */
  boolean acceptCoverage(List<CoverageRecord> records, ImportRecord record);

  /** True when the coverage is the synthetic seed, with no real coverage import since. */
  default boolean coverageIsSynthetic() {
    String last = null;
    for (ImportRecord r : imports()) {
      if (ImportRecord.SYNTHETIC.equals(r.kind()) || ImportRecord.COVERAGE.equals(r.kind())) last = r.kind();
    }
    return ImportRecord.SYNTHETIC.equals(last);
  }

  /**
   * The kelurahan covering each lon/lat point (null outside every one), from the stored
   * boundaries; a point on a shared border goes to the lowest code.
   */
  List<KelurahanCode> locate(double[] lons, double[] lats);

  /** Accepted imports, oldest first. */
  List<ImportRecord> imports();

  /**
   * A number that changes whenever an import is stored, by this process or another; asking it
   * also checks that the store answers.
   *
   * @throws StoreException when the store cannot be reached
   */
  long version();

  /**
   * Asks to be told, soon after it commits, of every import stored by any process (a store that
   * cannot tell says nothing: {@link #version} is polled anyway). Replaces an earlier listener.
   */
  default void onImport(Runnable listener) {}

  @Override
  void close();
}
