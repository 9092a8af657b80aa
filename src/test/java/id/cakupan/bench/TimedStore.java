package id.cakupan.bench;

import id.cakupan.auth.ApiToken;
import id.cakupan.auth.AuditEntry;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.Store;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A store that passes everything through and notes when the last coverage write began and
 * ended, so a benchmark can split an import into parsing/validation and storing.
 */
final class TimedStore implements Store {
  private final Store store;
  private volatile long writeStart;
  private volatile long writeEnd;

  TimedStore(Store store) {
    this.store = store;
  }

  /** System.nanoTime() when the last coverage write was called; 0 before any. */
  long writeStart() {
    return writeStart;
  }

  /** System.nanoTime() when the last coverage write returned. */
  long writeEnd() {
    return writeEnd;
  }

  @Override
  public void importCoverage(List<CoverageRecord> records, ImportRecord record) {
    writeStart = System.nanoTime();
    try {
      store.importCoverage(records, record);
    } finally {
      writeEnd = System.nanoTime();
    }
  }

  @Override
  public void replaceAllCoverage(List<CoverageRecord> records, ImportRecord record) {
    writeStart = System.nanoTime();
    try {
      store.replaceAllCoverage(records, record);
    } finally {
      writeEnd = System.nanoTime();
    }
  }

  @Override
  public boolean acceptCoverage(List<CoverageRecord> records, ImportRecord record, List<AuditEntry> audit) {
    writeStart = System.nanoTime();
    try {
      return store.acceptCoverage(records, record, audit);
    } finally {
      writeEnd = System.nanoTime();
    }
  }

  @Override
  public String kind() {
    return store.kind();
  }

  @Override
  public Optional<BoundarySet> boundaries() {
    return store.boundaries();
  }

  @Override
  public boolean hasBoundaries() {
    return store.hasBoundaries();
  }

  @Override
  public void replaceBoundaries(BoundarySet set, ImportRecord record, List<AuditEntry> audit) {
    store.replaceBoundaries(set, record, audit);
  }

  @Override
  public boolean keepOutlines(ImportRecord dissolvedFrom, List<id.cakupan.boundary.Outline> outlines) {
    return store.keepOutlines(dissolvedFrom, outlines);
  }

  @Override
  public List<CoverageRecord> coverage() {
    return store.coverage();
  }

  @Override
  public boolean coverageIsSynthetic() {
    return store.coverageIsSynthetic();
  }

  @Override
  public List<ImportRecord> imports() {
    return store.imports();
  }

  @Override
  public List<id.cakupan.coverage.KelurahanCode> locate(double[] lons, double[] lats) {
    return store.locate(lons, lats);
  }

  @Override
  public List<id.cakupan.coverage.KelurahanCode> kelurahanMatching(id.cakupan.ogc.filter.Filter filter) {
    return store.kelurahanMatching(filter);
  }

  @Override
  public List<id.cakupan.store.CoverageFeature> coverageMatching(id.cakupan.ogc.filter.Filter filter, int limit) {
    return store.coverageMatching(filter, limit);
  }

  @Override
  public long version() {
    return store.version();
  }

  @Override
  public void createToken(ApiToken token, String sha256, List<AuditEntry> audit) {
    store.createToken(token, sha256, audit);
  }

  @Override
  public List<ApiToken> tokens() {
    return store.tokens();
  }

  @Override
  public Optional<ApiToken> liveToken(String sha256) {
    return store.liveToken(sha256);
  }

  @Override
  public Optional<ApiToken> revokeToken(String id, Instant at, List<AuditEntry> audit) {
    return store.revokeToken(id, at, audit);
  }

  @Override
  public void appendAudit(List<AuditEntry> entries) {
    store.appendAudit(entries);
  }

  @Override
  public List<AuditEntry> audit(int limit, int offset) {
    return store.audit(limit, offset);
  }

  @Override
  public List<id.cakupan.activity.Activity> activities() {
    return store.activities();
  }

  @Override
  public void putActivities(List<id.cakupan.activity.Activity> activities, List<AuditEntry> audit) {
    store.putActivities(activities, audit);
  }

  @Override
  public boolean deleteActivity(String id, List<AuditEntry> audit) {
    return store.deleteActivity(id, audit);
  }

  @Override
  public List<id.cakupan.targeting.Target> targets(String kecamatan, id.cakupan.coverage.Sector sector,
      id.cakupan.coverage.Period period) {
    return store.targets(kecamatan, sector, period);
  }

  @Override
  public List<id.cakupan.targeting.Target> putTargets(List<id.cakupan.targeting.Target> targets, ImportRecord record,
      java.util.function.BiFunction<id.cakupan.targeting.Target, id.cakupan.targeting.Target, AuditEntry> audit) {
    return store.putTargets(targets, record, audit);
  }

  @Override
  public void close() {
    store.close();
  }
}
