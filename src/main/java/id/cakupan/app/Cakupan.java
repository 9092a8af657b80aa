package id.cakupan.app;

import id.cakupan.analysis.Hotspots;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Outline;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.config.Config;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.Geography;
import id.cakupan.map.Layers;
import id.cakupan.map.ResponseCache;
import id.cakupan.ogc.FilterInStore;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.store.CoverageChanges;
import id.cakupan.store.CoverageFeature;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.PostgisStore;
import id.cakupan.store.Store;
import id.cakupan.store.StoreException;
import id.cakupan.tiles.VectorTiles;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
  /** Who stored what the service put in itself (bundled borders, schematic cells, demo coverage). */
  static final String SEED = "seed";

  private final Config config;
  private final Store store;
  private final Gazetteer gazetteer;
  private final Layers layers;
  private long publishedVersion;
  /** Entries in the store's import log when the atlas was published: one more after an own import means no one else wrote. */
  private int publishedImports;
  /**
   * Imports of this process between storing and publishing: their own announcement must not make
   * the watcher read the whole store first; the importer publishes them (and reads the store if
   * anyone else wrote meanwhile).
   */
  private final java.util.concurrent.atomic.AtomicInteger ownImportsInFlight = new java.util.concurrent.atomic.AtomicInteger();
  private ImportRecord publishedBoundaries;
  /** The import log the published coverage was read after, without target imports (see {@link #reload}). */
  private List<ImportRecord> publishedCoverageLog;
  /**
   * The store's mark of the published coverage ({@link Store#coverageMark}): what another process
   * writes after it is read alone, not the whole table. Empty when the store keeps no marks.
   */
  private OptionalLong coverageMark = OptionalLong.empty();
  private final StoreWatch watch = new StoreWatch(this::refresh);

  private final Path workDir;
  private final Accounts accounts;
  private final Outreach outreach;

  private Cakupan(Config config, Store store, Gazetteer gazetteer, id.cakupan.activity.Organisers organisers) {
    this.config = config;
    this.store = store;
    this.gazetteer = gazetteer;
    this.publishedVersion = store.version();
    this.publishedImports = store.imports().size();
    this.layers = new Layers(buildAtlas(), new ResponseCache(config.cacheBytes()), Hotspots::lowCoverageCluster);
    this.workDir = createWorkDir();
    this.accounts = new Accounts(store, gazetteer, Clock.systemUTC());
    this.outreach = new Outreach(store, layers, organisers, Clock.systemUTC(), this::reload);
  }

  /** Scratch space of this process alone (GeoPackage downloads need a file), removed on close. */
  private static Path createWorkDir() {
    try {
      return Files.createTempDirectory("cakupan-work-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot create a working directory in the system temp directory", e);
    }
  }

  public Path workDir() {
    return workDir;
  }

  /**
   * Opens the configured store and prepares data: a boundary file if given, else the region's
   * surveyed borders on first start; synthetic demo coverage on first start.
   */
  public static Cakupan open(Config config, Clock clock) throws IOException, BoundaryFormatException {
    return open(config, openStore(config), clock);
  }

  /** The same over a store already opened (tests wrap one to count its reads); closed with the service. */
  public static Cakupan open(Config config, Store store, Clock clock) throws IOException, BoundaryFormatException {
    Gazetteer gazetteer;
    try {
      gazetteer = gazetteer(config);
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
    try {
      if (config.boundaries() != null) {
        loadBoundaryFile(store, gazetteer, config.boundaries(), clock);
      } else {
        seedBoundaries(store, gazetteer, config, clock);
      }
      // Demo data belongs in the embedded default only; a real database starts empty.
      if (store instanceof EmbeddedStore && store.coverage().isEmpty()) {
        List<CoverageRecord> records = syntheticCoverage(store, clock);
        // Stored only if still empty when the store holds its lock: an import may have come in meanwhile.
        store.acceptCoverage(records, syntheticRecord(clock, records.size()));
      }
      Cakupan app = new Cakupan(config, store, gazetteer, Outreach.organisers(config.organisers(), gazetteer));
      app.watch.start();
      // An import, target or activity write by another instance or the CLI is announced: look at
      // once, not at the next poll.
      store.onImport(app.watch::checkSoon);
      return app;
    } catch (IOException | BoundaryFormatException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The configured gazetteer, or the region's built-in one. */
  public static Gazetteer gazetteer(Config config) throws IOException {
    return config.gazetteer() == null ? config.region().gazetteer() : Gazetteer.read(config.gazetteer());
  }

  /**
   * Puts in the region's bundled surveyed borders on first start, and in place of seed
   * boundaries stored earlier (the schematic cells of older versions, another region's borders,
   * an older bundled file). Boundaries someone imported are never replaced. A gazetteer of
   * one's own has no bundled borders: its points give schematic cells, clearly labelled.
   */
  private static void seedBoundaries(Store store, Gazetteer gazetteer, Config config, Clock clock)
      throws BoundaryFormatException {
    boolean stored = store.hasBoundaries();
    ImportRecord last = ImportRecord.lastBoundaries(store.imports());
    if (stored && (last == null || !SEED.equals(last.by()))) return;
    BoundarySet set;
    String sha = null;
    if (config.gazetteer() == null) {
      byte[] bundled = config.region().boundaryBytes();
      sha = sha256(bundled);
      if (stored && sha.equals(last.sha256())) return;
      set = config.region().boundaries(gazetteer);
    } else {
      if (stored) return;
      set = SchematicBoundaries.generate(gazetteer);
    }
    store.replaceBoundaries(Geography.dissolved(set),
        new ImportRecord(clock.instant(), ImportRecord.BOUNDARIES, SEED, set.source(), sha, set.kelurahan().size()));
    // The demo figures were made for the old set's kelurahan and areas: make them again for these.
    if (stored && store.coverageIsSynthetic()) {
      List<CoverageRecord> records = syntheticCoverage(store, clock);
      store.replaceAllCoverage(records, syntheticRecord(clock, records.size()));
    }
  }

  /** PostGIS when a database URL is configured, else the embedded store in the data directory. */
  public static Store openStore(Config config) {
    if (config.dbUrl() != null) return PostgisStore.open(config.dbUrl());
    return new EmbeddedStore(config.dataDir());
  }

  /** The write side for this running service: every stored import republishes the atlas. */
  public Imports imports(Clock clock) {
    return new Imports(store, gazetteer, clock, this::reload, new Imports.CoverageStored() {
      @Override
      public void storing() {
        ownImportsInFlight.incrementAndGet();
      }

      @Override
      public void stored(List<CoverageRecord> records, ImportRecord log) {
        try {
          publishCoverage(records, log);
        } finally {
          ownImportsInFlight.decrementAndGet();
        }
      }

      @Override
      public void notStored() {
        ownImportsInFlight.decrementAndGet();
      }
    });
  }

  /** The targeting write side for this running service: the default baseline is the newest month published. */
  public TargetWrites targetWrites(Clock clock) {
    return new TargetWrites(store, gazetteer, clock, () -> layers.atlas().coverage().newest(), this::reload);
  }

  /** Loads a boundary file given at start, unless the same bytes were the last boundary import. */
  private static void loadBoundaryFile(Store store, Gazetteer gazetteer, Path file, Clock clock)
      throws IOException, BoundaryFormatException {
    String sha = sha256(file);
    ImportRecord last = ImportRecord.lastBoundaries(store.imports());
    boolean alreadyLoaded = last != null && sha.equals(last.sha256());
    if (alreadyLoaded && store.hasBoundaries()) return;
    new Imports(store, gazetteer, clock, () -> { }).boundaries(file, "serve --boundaries", false);
  }

  private static List<CoverageRecord> syntheticCoverage(Store store, Clock clock) {
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : store.boundaries().orElseThrow().kelurahan()) areas.put(k.code(), k.areaKm2());
    Period end = new Period(YearMonth.now(clock).minusMonths(1));
    return SyntheticCoverage.generate(areas, end, SYNTHETIC_MONTHS, SYNTHETIC_SEED);
  }

  private static ImportRecord syntheticRecord(Clock clock, int rows) {
    return new ImportRecord(clock.instant(), ImportRecord.SYNTHETIC, SEED, "synthetic (seed " + SYNTHETIC_SEED + ")",
        null, rows);
  }

  private Atlas buildAtlas() {
    List<ImportRecord> log = store.imports();
    publishedCoverageLog = coverageLog(log);
    coverageMark = store.coverageMark(); // before the read: what is written meanwhile is read again next time, not missed
    publishedBoundaries = ImportRecord.lastBoundaries(log); // identifies the stored set
    long start = System.nanoTime();
    // The coverage is read and tabled while the boundaries are read and assembled: neither needs
    // the other, and at national scale each takes seconds. A thread of its own: the geography keeps
    // the common pool busy.
    FutureTask<TabledCoverage> coverage = new FutureTask<>(() -> {
      long t = System.nanoTime();
      List<CoverageRecord> records = store.coverage();
      return new TabledCoverage(new CoverageTable(records), records.size(), millis(System.nanoTime() - t));
    });
    Thread reader = new Thread(coverage, "coverage-read");
    reader.setDaemon(true);
    reader.start();
    BoundarySet boundaries = store.boundaries().orElseThrow(() -> new IllegalStateException("no boundaries stored"));
    long read = System.nanoTime();
    Geography geography = new Geography(boundaries);
    long dissolved = System.nanoTime();
    // What tiles are cut from, built with the geography: else the first low-zoom tile of a
    // national region pays for generalising every kecamatan (0.6 s). Kept across coverage imports.
    VectorTiles.prepare(geography);
    long built = System.nanoTime();
    TabledCoverage table = joined(coverage);
    long waited = System.nanoTime();
    Atlas atlas = new Atlas(boundaries, geography, table.table(), store.coverageIsSynthetic())
        .withTargets(store.targets(null, null, null)).withActivities(store.activities());
    // Where start-up goes, for an operator waiting on a national region.
    LOG.info("atlas: {} kelurahan and {} outlines read in {} ms, {} in {} ms, tile index built in {} ms;"
        + " alongside, {} coverage records read and tabled in {} ms ({} ms waited after)", boundaries.kelurahan().size(),
        boundaries.outlines().size(), millis(read - start), boundaries.outlines().isEmpty() ? "dissolved" : "assembled",
        millis(dissolved - read), millis(built - dissolved), table.records(), table.millis(), millis(waited - built));
    if (boundaries.outlines().isEmpty()) keepOutlines(geography);
    return atlas;
  }

  /**
   * Stores the outlines just dissolved with boundaries imported before outlines were kept, so that
   * the next start reads them. A store this instance cannot write (a read replica) only logs it:
   * the service works the same, each start dissolving again.
   */
  private void keepOutlines(Geography geography) {
    if (publishedBoundaries == null) return;
    long start = System.nanoTime();
    List<Outline> outlines = geography.outlines();
    try {
      if (store.keepOutlines(publishedBoundaries, outlines)) {
        LOG.info("outlines: {} kecamatan, kota and provinsi outlines stored with the boundaries in {} ms;"
            + " later starts read them", outlines.size(), millis(System.nanoTime() - start));
      }
    } catch (StoreException e) {
      LOG.warn("outlines: not stored ({}); every start dissolves the boundaries until they are imported again",
          e.getMessage());
    }
  }

  /** The coverage as start-up reads it: the table, with how many records and how long it took, for the log. */
  private record TabledCoverage(CoverageTable table, int records, long millis) {}

  /** The task's result; its failure rethrown as it was thrown (a store error stays a store error). */
  private static <T> T joined(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the store", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000;
  }

  /**
   * Rebuilds the atlas from the store after a write and publishes it. When only coverage
   * changed, the geography (dissolved kecamatan and kota, encoded polygons) is kept: at national
   * scale rebuilding it takes half a minute. When no coverage or boundary import was logged since
   * (a target or an activity written here or by another instance, a token, an audit line), only
   * the targets and activities are read again: every change of coverage or boundaries is logged,
   * so the counts in memory are still the stored ones. The atlas then keeps its geography and
   * coverage table, and {@link Layers#publish} keeps every cached response built from those alone
   * (choropleths, tiles, WMS maps, downloads), and what reads only the part that did not change
   * (the ranking after a target write); only what reads the targets or activities written is
   * built again.
   */
  public synchronized void reload() {
    long version = store.version();
    List<ImportRecord> log = store.imports();
    publishedImports = log.size();
    ImportRecord boundaries = ImportRecord.lastBoundaries(log);
    List<ImportRecord> coverageLog = coverageLog(log);
    Atlas next;
    if (!java.util.Objects.equals(boundaries, publishedBoundaries)) {
      next = buildAtlas();
    } else if (coverageLog.equals(publishedCoverageLog)) {
      next = layers.atlas().withTargets(store.targets(null, null, null)).withActivities(store.activities());
    } else {
      next = layers.atlas().withCoverage(currentCoverage(), store.coverageIsSynthetic())
          .withTargets(store.targets(null, null, null)).withActivities(store.activities());
      publishedCoverageLog = coverageLog;
    }
    layers.publish(next);
    publishedVersion = version;
  }

  /**
   * The stored coverage: the published table with the records written since its mark when the
   * store can tell them (another instance's one-month import is a few hundred thousand rows of a
   * table of millions), else the table read whole.
   */
  private CoverageTable currentCoverage() {
    long start = System.nanoTime();
    Optional<CoverageChanges> changes =
        coverageMark.isPresent() ? store.coverageChangedSince(coverageMark.getAsLong()) : Optional.empty();
    // Taken before a whole read: what is written meanwhile is read again next time, not missed.
    OptionalLong mark = changes.isPresent() ? OptionalLong.of(changes.get().mark()) : store.coverageMark();
    List<CoverageRecord> records = changes.isPresent() ? changes.get().records() : store.coverage();
    long read = System.nanoTime();
    CoverageTable table = changes.isPresent() ? layers.atlas().coverage().with(records) : new CoverageTable(records);
    coverageMark = mark;
    LOG.info("coverage written elsewhere: {} records {} in {} ms, applied in {} ms", records.size(),
        changes.isPresent() ? "written since the mark read" : "read whole", (read - start) / 1_000_000,
        (System.nanoTime() - read) / 1_000_000);
    return table;
  }

  /** The import log without target imports: what the coverage and boundaries in memory were read after. */
  private static List<ImportRecord> coverageLog(List<ImportRecord> log) {
    return log.stream().filter(r -> !ImportRecord.TARGETS.equals(r.kind())).toList();
  }

  /**
   * Publishes a coverage import this process just stored from the records in hand: they are
   * applied to the published coverage table (replacing it when it held the synthetic seed, which
   * a real import supersedes) and the atlas is republished under a new generation, without
   * reading the coverage table back. Only when the import log shows that another process wrote
   * meanwhile is the store read whole ({@link #reload}).
   */
  public synchronized void publishCoverage(List<CoverageRecord> records, ImportRecord stored) {
    // Read before the log: when the log shows no other write, this mark covers no one else's rows.
    OptionalLong markNow = coverageMark.isPresent() ? store.coverageMark() : coverageMark;
    List<ImportRecord> log = store.imports();
    long version = store.version();
    ImportRecord last = log.isEmpty() ? null : log.get(log.size() - 1);
    boolean onlyOurs = log.size() == publishedImports + 1 && last != null && sameImport(last, stored);
    if (!onlyOurs && version == publishedVersion) return; // a reload since the write has published it
    if (!onlyOurs) {
      reload();
      return;
    }
    Atlas atlas = layers.atlas();
    boolean replacesSeed = atlas.synthetic() && ImportRecord.COVERAGE.equals(stored.kind());
    CoverageTable table = replacesSeed ? new CoverageTable(records) : atlas.coverage().with(records);
    // Read after the version: a target or activity another instance wrote is in the version taken
    // as published, so it must be in the atlas too (such writes log no import to tell them by).
    layers.publish(atlas.withCoverage(table, atlas.synthetic() && !replacesSeed)
        .withTargets(store.targets(null, null, null)).withActivities(store.activities()));
    coverageMark = markNow;
    publishedImports = log.size();
    publishedCoverageLog = coverageLog(log);
    publishedVersion = version;
  }

  /** The same log entry as read back from the store (which may keep timestamps less finely). */
  private static boolean sameImport(ImportRecord a, ImportRecord b) {
    return a.kind().equals(b.kind()) && java.util.Objects.equals(a.sha256(), b.sha256()) && a.rows() == b.rows()
        && java.util.Objects.equals(a.fileName(), b.fileName());
  }

  /**
   * Asks the store whether it answers and whether someone else imported since the atlas was
   * built; republishes if so. Reads keep being served from the last good atlas meanwhile. The
   * service does this in the background (see {@link #storeStatus()}).
   *
   * @return false when the store cannot be reached (the service is degraded)
   */
  public boolean refresh() {
    try {
      long version = watch.ping(store::version);
      synchronized (this) {
        if (version != publishedVersion && ownImportsInFlight.get() == 0) reload();
      }
      if (watch.answered()) LOG.info("store {} answers again", store.kind());
      return true;
    } catch (StoreException e) {
      unavailable(e);
      return false;
    }
  }

  /** What the store did when last asked; never asks it, so it answers at once even when the store hangs. */
  public StoreStatus storeStatus() {
    return watch.status();
  }

  /** A store call in a request failed: report degraded now, and look again soon. */
  public void storeFailed(StoreException e) {
    unavailable(e);
    watch.checkSoon();
  }

  private void unavailable(StoreException e) {
    if (watch.failed(e.getMessage())) {
      LOG.warn("store {} unavailable, serving the last good layers: {}", store.kind(), e.getMessage());
    }
  }

  public Layers layers() {
    return layers;
  }

  /** Tokens and the audit log. */
  public Accounts accounts() {
    return accounts;
  }

  /** Outreach activities (SPEC §7). */
  public Outreach outreach() {
    return outreach;
  }

  public Store store() {
    return store;
  }

  /**
   * Where OGC filters on the kelurahan collection run: in PostGIS, as SQL next to the data; null
   * for the embedded store, whose data the atlas already holds in memory.
   */
  public FilterInStore filterInStore() {
    if (!(store instanceof PostgisStore)) return null;
    return new FilterInStore() {
      @Override
      public List<KelurahanCode> kelurahanMatching(Filter filter) {
        return store.kelurahanMatching(filter);
      }

      @Override
      public List<String> coverageMatching(Filter filter, int limit) {
        return store.coverageMatching(filter, limit).stream().map(CoverageFeature::id).toList();
      }
    };
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
        store instanceof EmbeddedStore e ? " (" + e.directory().toAbsolutePath().normalize() + ")"
            : store instanceof PostgisStore p ? " (" + p.url().describe() + ")" : "");
    LOG.info("boundaries: {} kelurahan from {}{}", atlas.boundaries().kelurahan().size(), atlas.boundaries().source(),
        atlas.schematic() ? " - SCHEMATIC, not surveyed borders; pass --boundaries FILE for real ones" : "");
    LOG.info("region: {}", config.region().key());
    LOG.info("gazetteer: {} ({} kelurahan)", gazetteer.source(), gazetteer.size());
    atlas.boundaries().unmatched().forEach(u -> LOG.warn("not matched to the gazetteer, left off the map: {}", u.describe()));
    LOG.info("coverage: {} records, {} months{}", atlas.coverage().size(), atlas.coverage().periods().size(),
        atlas.synthetic() ? " - SYNTHETIC demo data from a seeded generator" : "");
  }

  static String sha256(Path file) throws IOException {
    try (var in = new java.security.DigestInputStream(Files.newInputStream(file), digest())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  @Override
  public void close() {
    watch.close();
    store.close();
    try (var files = Files.walk(workDir)) {
      // Deepest first: the upload directory and anything a request left in it go too.
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", workDir, e.getMessage());
    }
  }
}
