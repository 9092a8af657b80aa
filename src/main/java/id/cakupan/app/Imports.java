package id.cakupan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Principal;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.BoundaryLayer;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerPlaces;
import id.cakupan.coverage.CoverageCsv;
import id.cakupan.map.Geography;
import id.cakupan.coverage.CoverageImport;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.Store;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.ParticipantPoint;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.PointImport;
import id.cakupan.coverage.PointsCsv;
import id.cakupan.coverage.Sector;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;

/**
 * The write side: validates a whole file first and stores it in one all-or-nothing call, then
 * republishes the atlas. Shared by the CLI commands and the HTTP endpoints. Each stored import
 * names its principal in the import log and writes an audit entry ({@code import.coverage},
 * {@code import.points}, {@code import.boundaries}) in the same store write.
 */
public final class Imports {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(Imports.class);
  private final Store store;
  private final Gazetteer gazetteer;
  private final Clock clock;
  private final Runnable afterWrite;
  private final CoverageStored coverageStored;
  private ImportProgress progress = ImportProgress.NONE;

  /** @param afterWrite run after each stored import, e.g. to republish the server's atlas */
  public Imports(Store store, Gazetteer gazetteer, Clock clock, Runnable afterWrite) {
    this(store, gazetteer, clock, afterWrite, (records, log) -> afterWrite.run());
  }

  /**
   * @param afterWrite run after each stored boundary import
   * @param coverageStored told the records of each stored coverage import, so that a server can
   *     publish them without reading the store back
   */
  public Imports(Store store, Gazetteer gazetteer, Clock clock, Runnable afterWrite, CoverageStored coverageStored) {
    this.store = store;
    this.gazetteer = gazetteer;
    this.clock = clock;
    this.afterWrite = afterWrite;
    this.coverageStored = coverageStored;
  }

  /** What a coverage import stored: its records as validated, and its log entry. */
  public interface CoverageStored {
    /** Before the store is asked: an import of this process is on its way. */
    default void storing() {}

    void stored(List<CoverageRecord> records, ImportRecord log);

    /** The store refused or failed the import: nothing was stored. */
    default void notStored() {}
  }

  private void store(List<CoverageRecord> records, ImportRecord log, List<AuditEntry> audit) {
    coverageStored.storing();
    try {
      store.acceptCoverage(watched(records), log, audit);
    } catch (RuntimeException | Error e) {
      coverageStored.notStored();
      throw e;
    }
    coverageStored.stored(records, log);
  }

  /** Where long imports report how many records the store has taken so far. */
  public interface ImportProgress {
    ImportProgress NONE = (done, total) -> { };

    void stored(long done, long total);
  }

  public Imports withProgress(ImportProgress progress) {
    this.progress = progress;
    return this;
  }

  private <T> List<T> watched(List<T> records) {
    long total = records.size();
    return progress == ImportProgress.NONE ? records : new ProgressList<>(records, done -> progress.stored(done, total));
  }

  /** Parses and, when every row is good, stores the file. A rejected file changes nothing. */
  public CoverageImport coverage(String fileName, byte[] content, String by) {
    return coverage(fileName, content, Principal.operator(by));
  }

  /** As {@link #coverage(String, byte[], String)}, by a principal (its name goes into the log). */
  public CoverageImport coverage(String fileName, byte[] content, Principal by) {
    fileName = SafeFileName.of(fileName, "coverage.csv");
    CoverageImport result = CoverageCsv.parse(content, new GazetteerPlaces(gazetteer));
    if (!result.accepted()) return result;
    ImportRecord log = new ImportRecord(clock.instant(), ImportRecord.COVERAGE, by.name(), fileName,
        Cakupan.sha256(content), result.records().size());
    // The store decides whether this supersedes the demo data, under the lock of the write.
    store(result.records(), log, audit("import.coverage", by, log));
    return result;
  }

  /**
   * Counts participant points into the kelurahan that covers each: the count becomes the
   * participants of that (kelurahan, month, sector), keeping any workforce already stored.
   */
  public PointsResult points(String fileName, byte[] content, String by) {
    return points(fileName, content, Principal.operator(by));
  }

  public PointsResult points(String fileName, byte[] content, Principal by) {
    fileName = SafeFileName.of(fileName, "points.csv");
    PointImport parsed = PointsCsv.parse(content);
    if (!parsed.accepted()) return new PointsResult(parsed.errors(), 0, 0, List.of());
    List<ParticipantPoint> points = parsed.points();
    double[] lons = new double[points.size()];
    double[] lats = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      lons[i] = points.get(i).lon();
      lats[i] = points.get(i).lat();
    }
    List<KelurahanCode> codes = store.locate(lons, lats);
    record Key(KelurahanCode code, Period period, Sector sector) {}
    Map<Key, Long> counts = new TreeMap<>(Comparator.comparing((Key k) -> k.code())
        .thenComparing(Key::period).thenComparing(Key::sector));
    List<ParticipantPoint> outside = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      ParticipantPoint p = points.get(i);
      if (codes.get(i) == null) outside.add(p);
      else counts.merge(new Key(codes.get(i), p.period(), p.sector()), 1L, Long::sum);
    }
    Map<Key, Long> workforce = new HashMap<>();
    for (CoverageRecord r : store.coverage()) {
      Key k = new Key(r.code(), r.period(), r.sector());
      if (counts.containsKey(k) && r.workforce() != null) workforce.put(k, r.workforce());
    }
    List<CoverageRecord> records = new ArrayList<>();
    counts.forEach((k, n) -> records.add(new CoverageRecord(k.code(), k.period(), k.sector(), n, workforce.get(k))));
    if (!records.isEmpty()) {
      ImportRecord log = new ImportRecord(clock.instant(), ImportRecord.COVERAGE, by.name(), fileName,
          Cakupan.sha256(content), records.size());
      store(records, log, audit("import.points", by, log));
    }
    return new PointsResult(List.of(), points.size(), records.size(), outside);
  }

  /** Reads and matches an uploaded boundary file; stores it unless this is a dry run. */
  public BoundaryChanges boundaries(String fileName, byte[] content, String by, boolean dryRun)
      throws BoundaryFormatException {
    return boundaries(fileName, content, Principal.operator(by), dryRun);
  }

  public BoundaryChanges boundaries(String fileName, byte[] content, Principal by, boolean dryRun)
      throws BoundaryFormatException {
    fileName = SafeFileName.of(fileName, "boundaries");
    return boundaries(BoundaryFiles.read(fileName, content), fileName, Cakupan.sha256(content), by, dryRun);
  }

  /** An upload already written to a scratch file: read from there, not from memory. */
  public BoundaryChanges boundaryUpload(String fileName, Path content, Principal by, boolean dryRun)
      throws BoundaryFormatException, IOException {
    fileName = SafeFileName.of(fileName, "boundaries");
    return boundaries(BoundaryFiles.readUpload(fileName, content), fileName, Cakupan.sha256(content), by, dryRun);
  }

  /** The same for a file on disk; a Shapefile's .shx/.dbf/.prj are read from beside it. */
  public BoundaryChanges boundaries(Path file, String by, boolean dryRun) throws BoundaryFormatException, IOException {
    return boundaries(file, Principal.operator(by), dryRun);
  }

  public BoundaryChanges boundaries(Path file, Principal by, boolean dryRun) throws BoundaryFormatException, IOException {
    String fileName = SafeFileName.of(file.getFileName().toString(), "boundaries");
    return boundaries(BoundaryFiles.read(file), fileName, Cakupan.sha256(file), by, dryRun);
  }

  private BoundaryChanges boundaries(BoundaryLayer layer, String fileName, String sha, Principal by, boolean dryRun)
      throws BoundaryFormatException {
    BoundarySet set = BoundaryMatcher.match(layer, gazetteer);
    if (set.kelurahan().isEmpty()) {
      throw new BoundaryFormatException(fileName + ": no feature matched gazetteer " + gazetteer.source()
          + "; " + set.unmatched().size() + " unmatched, e.g. "
          + (set.unmatched().isEmpty() ? "-" : set.unmatched().get(0).describe()));
    }
    BoundaryChanges changes = BoundaryChanges.between(store.boundaries().orElse(null), set);
    if (!dryRun) {
      ImportRecord log = new ImportRecord(clock.instant(), ImportRecord.BOUNDARIES, by.name(), fileName, sha,
          set.kelurahan().size());
      // Dissolved here, once per import, and stored with the kelurahan: start-up reads the outlines.
      // Seconds for a national set, so said (on stderr for the CLI).
      long start = System.nanoTime();
      LOG.info("boundaries: dissolving {} kelurahan into kecamatan, kota and provinsi outlines", set.kelurahan().size());
      BoundarySet dissolved = Geography.dissolved(set);
      LOG.info("boundaries: {} outlines dissolved in {} ms; storing", dissolved.outlines().size(),
          (System.nanoTime() - start) / 1_000_000);
      store.replaceBoundaries(dissolved, log, audit("import.boundaries", by, log));
      afterWrite.run();
    }
    return changes;
  }

  /** The audit entry of an import: the file is the subject, what was stored the new value. */
  private static List<AuditEntry> audit(String action, Principal by, ImportRecord log) {
    ObjectNode stored = JSON.createObjectNode();
    stored.put("rows", log.rows());
    stored.put("sha256", log.sha256());
    return List.of(AuditEntry.of(log.at(), by, action, log.fileName(), null, stored.toString()));
  }
}
