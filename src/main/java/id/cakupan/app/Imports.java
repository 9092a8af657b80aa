package id.cakupan.app;

import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.BoundaryLayer;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerPlaces;
import id.cakupan.coverage.CoverageCsv;
import id.cakupan.coverage.CoverageImport;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.Store;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The write side: validates a whole file first and stores it in one all-or-nothing call, then
 * republishes the atlas. Shared by the CLI commands and the HTTP endpoints.
 */
public final class Imports {
  private final Store store;
  private final Gazetteer gazetteer;
  private final Clock clock;
  private final Runnable afterWrite;

  /** @param afterWrite run after each stored import, e.g. to republish the server's atlas */
  public Imports(Store store, Gazetteer gazetteer, Clock clock, Runnable afterWrite) {
    this.store = store;
    this.gazetteer = gazetteer;
    this.clock = clock;
    this.afterWrite = afterWrite;
  }

  /** Parses and, when every row is good, stores the file. A rejected file changes nothing. */
  public CoverageImport coverage(String fileName, byte[] content, String by) {
    CoverageImport result = CoverageCsv.parse(content, new GazetteerPlaces(gazetteer));
    if (!result.accepted()) return result;
    ImportRecord log = new ImportRecord(clock.instant(), ImportRecord.COVERAGE, by, fileName, Cakupan.sha256(content),
        result.records().size());
    if (store.coverageIsSynthetic()) store.replaceAllCoverage(result.records(), log);
    else store.importCoverage(result.records(), log);
    afterWrite.run();
    return result;
  }

  /** Reads and matches an uploaded boundary file; stores it unless this is a dry run. */
  public BoundaryChanges boundaries(String fileName, byte[] content, String by, boolean dryRun)
      throws BoundaryFormatException {
    return boundaries(BoundaryFiles.read(fileName, content), fileName, Cakupan.sha256(content), by, dryRun);
  }

  /** The same for a file on disk; a Shapefile's .shx/.dbf/.prj are read from beside it. */
  public BoundaryChanges boundaries(Path file, String by, boolean dryRun) throws BoundaryFormatException, IOException {
    return boundaries(BoundaryFiles.read(file), file.getFileName().toString(), Cakupan.sha256(file), by, dryRun);
  }

  private BoundaryChanges boundaries(BoundaryLayer layer, String fileName, String sha, String by, boolean dryRun)
      throws BoundaryFormatException {
    BoundarySet set = BoundaryMatcher.match(layer, gazetteer);
    if (set.kelurahan().isEmpty()) {
      throw new BoundaryFormatException(fileName + ": no feature matched gazetteer " + gazetteer.source()
          + "; " + set.unmatched().size() + " unmatched, e.g. "
          + (set.unmatched().isEmpty() ? "-" : set.unmatched().get(0).describe()));
    }
    BoundaryChanges changes = BoundaryChanges.between(store.boundaries().orElse(null), set);
    if (!dryRun) {
      store.replaceBoundaries(set, new ImportRecord(clock.instant(), ImportRecord.BOUNDARIES, by, fileName, sha,
          set.kelurahan().size()));
      afterWrite.run();
    }
    return changes;
  }
}
