package id.cakupan.app;

import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.config.Config;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.Layers;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running application: the store, the gazetteer and the published atlas. Writes go to the
 * store and then republish the atlas; reads only ever touch the atlas.
 */
public final class Cakupan implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cakupan.class);
  /** Months of synthetic demo data generated on first start. */
  static final int SYNTHETIC_MONTHS = 24;
  static final long SYNTHETIC_SEED = 20_260_101L;

  private final Config config;
  private final Store store;
  private final Gazetteer gazetteer;
  private final Layers layers;

  private Cakupan(Config config, Store store, Gazetteer gazetteer) {
    this.config = config;
    this.store = store;
    this.gazetteer = gazetteer;
    this.layers = new Layers(buildAtlas());
  }

  /** Opens the configured store and prepares data: a boundary file if given, seed data on first start. */
  public static Cakupan open(Config config, Clock clock) throws IOException, BoundaryFormatException {
    Gazetteer gazetteer = config.gazetteer() == null ? Gazetteer.builtIn() : Gazetteer.read(config.gazetteer());
    Store store = new EmbeddedStore(config.dataDir());
    try {
      if (config.boundaries() != null) {
        loadBoundaryFile(store, gazetteer, config.boundaries(), clock);
      } else if (store.boundaries().isEmpty()) {
        BoundarySet schematic = SchematicBoundaries.generate(gazetteer);
        store.replaceBoundaries(schematic, new ImportRecord(clock.instant(), ImportRecord.BOUNDARIES, "seed",
            schematic.source(), null, schematic.kelurahan().size()));
      }
      if (store.coverage().isEmpty()) seedSyntheticCoverage(store, clock);
      return new Cakupan(config, store, gazetteer);
    } catch (IOException | BoundaryFormatException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static void loadBoundaryFile(Store store, Gazetteer gazetteer, Path file, Clock clock)
      throws IOException, BoundaryFormatException {
    String sha = sha256(Files.readAllBytes(file));
    boolean alreadyLoaded = store.imports().stream()
        .filter(r -> ImportRecord.BOUNDARIES.equals(r.kind()))
        .reduce((a, b) -> b)
        .map(r -> sha.equals(r.sha256()))
        .orElse(false);
    if (alreadyLoaded && store.boundaries().isPresent()) return;
    BoundarySet set = BoundaryMatcher.match(BoundaryFiles.read(file), gazetteer);
    if (set.kelurahan().isEmpty()) {
      throw new BoundaryFormatException(file.getFileName() + ": no feature matched gazetteer " + gazetteer.source()
          + " (" + set.unmatched().size() + " unmatched)");
    }
    store.replaceBoundaries(set, new ImportRecord(clock.instant(), ImportRecord.BOUNDARIES, "cli",
        file.getFileName().toString(), sha, set.kelurahan().size()));
  }

  private static void seedSyntheticCoverage(Store store, Clock clock) {
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : store.boundaries().orElseThrow().kelurahan()) areas.put(k.code(), k.areaKm2());
    Period end = new Period(YearMonth.now(clock).minusMonths(1));
    List<CoverageRecord> records = SyntheticCoverage.generate(areas, end, SYNTHETIC_MONTHS, SYNTHETIC_SEED);
    store.importCoverage(records, new ImportRecord(clock.instant(), ImportRecord.SYNTHETIC, "seed",
        "synthetic (seed " + SYNTHETIC_SEED + ")", null, records.size()));
  }

  private Atlas buildAtlas() {
    BoundarySet boundaries = store.boundaries().orElseThrow(() -> new IllegalStateException("no boundaries stored"));
    boolean synthetic = store.imports().stream().anyMatch(r -> ImportRecord.SYNTHETIC.equals(r.kind()));
    return Atlas.build(boundaries, store.coverage(), synthetic);
  }

  /** Rebuilds the atlas from the store after a write and publishes it. */
  public synchronized void reload() {
    layers.publish(buildAtlas());
  }

  public Layers layers() {
    return layers;
  }

  public Store store() {
    return store;
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public Config config() {
    return config;
  }

  /** A few lines for the start-up log: what is served and where it came from. */
  public void logSummary() {
    Atlas atlas = layers.atlas();
    LOG.info("store: {}{}", store.kind(),
        store instanceof EmbeddedStore e ? " (" + e.directory().toAbsolutePath().normalize() + ")" : "");
    LOG.info("boundaries: {} kelurahan from {}{}", atlas.boundaries().kelurahan().size(), atlas.boundaries().source(),
        atlas.schematic() ? " - SCHEMATIC, not surveyed borders; pass --boundaries FILE for real ones" : "");
    LOG.info("gazetteer: {} ({} kelurahan)", gazetteer.source(), gazetteer.size());
    atlas.boundaries().unmatched().forEach(u -> LOG.warn("not matched to the gazetteer, left off the map: {}", u.describe()));
    LOG.info("coverage: {} records, {} months{}", atlas.coverage().size(), atlas.coverage().periods().size(),
        atlas.synthetic() ? " - SYNTHETIC demo data from a seeded generator" : "");
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
