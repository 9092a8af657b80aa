package id.cakupan.store;

import id.cakupan.activity.Activity;
import id.cakupan.auth.ApiToken;
import id.cakupan.auth.AuditEntry;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Outline;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.targeting.Target;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Where boundaries, coverage counts and the import log live. Two implementations: the embedded
 * default (files under the data directory) and PostGIS. Every write is all or nothing: a failed
 * or interrupted write leaves what was stored before.
 *
 * <p><b>Audit.</b> Every write that changes what users see is audited (SPEC §6): the write method
 * takes the {@link AuditEntry audit entries} and stores them in the same transaction (PostGIS) or
 * generation (embedded) as the change itself, so the log never claims a change that was not
 * stored nor misses one that was. A new kind of data follows the same pattern:
 *
 * <ul>
 *   <li>the interface method takes {@code List<AuditEntry> audit} beside the data, e.g.
 *       {@code void putTarget(Target t, List<AuditEntry> audit)};
 *   <li>{@code PostgisStore}: inside {@code inTransaction(...)}, write the rows, then call
 *       {@code insertAudit(c, audit)} on the same connection; tables come from a new Flyway
 *       migration in {@code db/migration};
 *   <li>{@code EmbeddedStore}: under {@code locked(false, ...)}, {@code refresh()}, read the
 *       current state with {@code document(NAME)}, then {@code commitDocuments(Map.of(NAME, bytes),
 *       audit)}: one new generation holds the changed document and the longer audit log.
 * </ul>
 */
public interface Store extends AutoCloseable {
  /** {@code embedded} or {@code postgis}, as reported by /api/health. */
  String kind();

  /** The stored boundaries; empty before the first boundary import. */
  Optional<BoundarySet> boundaries();

  /**
   * Whether a boundary set is stored, without reading it: a national set takes seconds to read,
   * and start-up asks before it reads.
   */
  default boolean hasBoundaries() {
    return boundaries().isPresent();
  }

  /** Replaces the whole boundary set. */
  default void replaceBoundaries(BoundarySet set, ImportRecord record) {
    replaceBoundaries(set, record, List.of());
  }

  /** Replaces the whole boundary set, logging the import and appending the audit entries with it. */
  void replaceBoundaries(BoundarySet set, ImportRecord record, List<AuditEntry> audit);

  /**
   * Keeps outlines dissolved from the stored kelurahan with them when none are (a set imported
   * before outlines were stored), so that later starts read them instead of dissolving again.
   * Nothing is stored when a boundary import other than {@code dissolvedFrom} (the last one when
   * they were dissolved) came since, or outlines are already kept. No import is logged: the
   * boundaries are the same.
   *
   * @return whether they were stored
   */
  boolean keepOutlines(ImportRecord dissolvedFrom, List<Outline> outlines);

  List<CoverageRecord> coverage();

  /**
   * A mark of the coverage stored now, for {@link #coverageChangedSince}: taken before reading
   * {@link #coverage()} whole, it lets a later call read only what was written after. Empty when
   * this store cannot tell what changed (the embedded store: its whole coverage is one document,
   * read whole anyway).
   */
  default java.util.OptionalLong coverageMark() {
    return java.util.OptionalLong.empty();
  }

  /**
   * The records added or changed since {@code mark} (from {@link #coverageMark} or an earlier
   * call), with the mark of the same snapshot, so that a table read after the first mark plus
   * these records equals {@link #coverage()} now. Empty when the store cannot tell: a store without
   * marks, or records removed since the mark (a real import replacing the synthetic seed), which
   * no list of written records can show; read the coverage whole then.
   */
  default java.util.Optional<CoverageChanges> coverageChangedSince(long mark) {
    return java.util.Optional.empty();
  }

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
  default boolean acceptCoverage(List<CoverageRecord> records, ImportRecord record) {
    return acceptCoverage(records, record, List.of());
  }

  /** As {@link #acceptCoverage(List, ImportRecord)}, appending the audit entries with the import (not when refused). */
  boolean acceptCoverage(List<CoverageRecord> records, ImportRecord record, List<AuditEntry> audit);

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

  /**
   * The stored kelurahan that pass a filter (OGC API - Features Part 3), in code order. The filter
   * is over {@link KelurahanQueryables#QUERYABLES}, the properties of the OGC {@code kelurahan}
   * collection: PostGIS runs it as SQL with every value a bound parameter, the embedded store in
   * memory; both with SQL's three-valued logic, so they select the same kelurahan.
   */
  List<KelurahanCode> kelurahanMatching(Filter filter);

  /**
   * The records of the OGC {@code coverage-kelurahan} collection (each stored kelurahan × month
   * with data × sector, ALL included) that pass a filter over {@link CoverageQueryables#QUERYABLES},
   * ordered by code, month and sector (PU, BPU, JAKON, ALL). Same rules as {@link #kelurahanMatching}.
   *
   * @param limit the most records returned: a national filter can match millions
   */
  List<CoverageFeature> coverageMatching(Filter filter, int limit);

  /** Accepted imports, oldest first. */
  List<ImportRecord> imports();

  // --- tokens and the audit log (SPEC §6)

  /** Stores a new token by the SHA-256 of its secret (the secret itself is never stored), audited. */
  void createToken(ApiToken token, String sha256, List<AuditEntry> audit);

  /** Every token, live and revoked, oldest first; never hashes. */
  List<ApiToken> tokens();

  /** The live (not revoked) token whose secret has this SHA-256, asked on every authenticated request. */
  Optional<ApiToken> liveToken(String sha256);

  /**
   * Revokes a live token at once for every process sharing the store.
   *
   * @return the token as revoked, or empty (nothing written, nothing audited) when no live token has this id
   */
  Optional<ApiToken> revokeToken(String id, Instant at, List<AuditEntry> audit);

  /** Appends entries for a change stored elsewhere or for no stored change (e.g. a refused write worth a trace). */
  void appendAudit(List<AuditEntry> entries);

  /** The audit log, newest first: {@code limit} entries after skipping {@code offset}. */
  List<AuditEntry> audit(int limit, int offset);

  // --- outreach activities (SPEC §7)

  /** Every activity, by date then id. */
  List<Activity> activities();

  /** Adds the activities, replacing stored ones with the same id, all or none, with their audit entries. */
  void putActivities(List<Activity> activities, List<AuditEntry> audit);

  /** @return false (nothing written, nothing audited) when no activity has this id */
  boolean deleteActivity(String id, List<AuditEntry> audit);

  // --- targeting: camat targets (SPEC §6)

  /**
   * Stored targets, ordered by kelurahan code, sector and target month.
   *
   * @param kecamatan a kecamatan code ({@code 31.72.03}) the kelurahan must lie in, or null for any
   * @param sector the sector, or null for any
   * @param period the target month, or null for any
   */
  List<Target> targets(String kecamatan, Sector sector, Period period);

  /**
   * Inserts each target or replaces the stored one with the same (kelurahan, sector, target
   * month), in one write together with the audit entries {@code audit} makes of each (before,
   * after) pair and, for a file, the import's log line. The before values are read under the same
   * lock (or in the same transaction) as the write, so the log's old values are what was replaced.
   *
   * @param record the log line of a bulk import, or null for a single change
   * @param audit the audit entry of one change; before is null for a new target
   * @return the targets as stored before, in the order given, null where there was none
   */
  List<Target> putTargets(List<Target> targets, ImportRecord record, BiFunction<Target, Target, AuditEntry> audit);

  /**
   * A number that changes whenever an import, a target or an activity is stored (or an activity
   * deleted), by this process or another, once the write is committed: other instances on the
   * same store see a camat's target or bazar by it; asking it also checks that the store answers.
   *
   * @throws StoreException when the store cannot be reached
   */
  long version();

  /**
   * Asks to be told, soon after it commits, of every import, target or activity write stored by
   * any process (a store that cannot tell says nothing: {@link #version} is polled anyway).
   * Replaces an earlier listener.
   */
  default void onImport(Runnable listener) {}

  @Override
  void close();
}
