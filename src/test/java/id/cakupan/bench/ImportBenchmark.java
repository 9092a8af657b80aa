package id.cakupan.bench;

import id.cakupan.app.Imports;
import id.cakupan.coverage.CoverageImport;
import id.cakupan.coverage.ImportError;
import id.cakupan.coverage.Period;
import id.cakupan.store.DatabaseUrl;
import id.cakupan.store.PostgisStore;
import id.cakupan.store.PostgresCluster;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark (a command, not a test): imports a synthetic national coverage file into PostGIS
 * through {@link Imports#coverage}, exactly as {@code import-coverage} and
 * {@code POST /api/imports/coverage} do (parse and validate the whole file, then COPY into a
 * staging table and merge, in one transaction), and prints rows per second and peak heap.
 *
 * <p>Three imports: the file into an empty database; the same file again, so that every row
 * meets a stored one with the same values; and a revision of it with every peserta_aktif changed,
 * so that every row replaces a stored value. Without {@code --db} (or {@code CAKUPAN_BENCH_DB_URL}) it starts a
 * throwaway PostgreSQL+PostGIS cluster like the store tests do, but with the server's durable
 * defaults (fsync, synchronous_commit, full_page_writes on). Run it with {@code bench/import.sh}.
 */
public final class ImportBenchmark {
  private static final String BY = "benchmark";
  private static final int SAMPLE_MILLIS = 20;

  private record Options(String db, int places, int months, long seed) {}

  private record Run(String name, long rows, double readSeconds, double validateSeconds, double storeSeconds,
      double totalSeconds, long baselineHeap, long peakHeap, long samples, long gcCount, double gcSeconds,
      long tableRows, long tableBytes) {
    double rowsPerSecond() {
      return rows / totalSeconds;
    }
  }

  private ImportBenchmark() {}

  public static void main(String[] args) throws Exception {
    Options options = options(args);
    if (options == null) return;
    System.exit(run(options));
  }

  private static Options options(String[] args) {
    String db = System.getenv("CAKUPAN_BENCH_DB_URL");
    int places = 83_800;
    int months = 12;
    long seed = 20_261_001L;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--db" -> db = value(args, ++i, a);
        case "--places" -> places = Integer.parseInt(value(args, ++i, a));
        case "--months" -> months = Integer.parseInt(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "-h", "--help" -> {
          System.out.println("""
              usage: ImportBenchmark [--db URL] [--places N] [--months N] [--seed N]
                --db URL      an existing PostGIS database (postgresql://user@host:port/db); its coverage
                              table must be empty, and what the benchmark stores is deleted afterwards.
                              Default: $CAKUPAN_BENCH_DB_URL, else a throwaway cluster.
                --places N    kelurahan/desa in the synthetic country (default 83800)
                --months N    months per place, 3 sectors each (default 12)
                --seed N      for the synthetic data (default 20261001)""");
          return null;
        }
        default -> throw new IllegalArgumentException("unknown argument " + a + " (try --help)");
      }
    }
    if (db != null && db.isBlank()) db = null;
    return new Options(db, places, months, seed);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  private static int run(Options options) throws Exception {
    printMachine();
    Path dir = Files.createTempDirectory("cakupan-bench-");
    PostgresCluster cluster = null;
    try {
      long t0 = System.nanoTime();
      SyntheticNation nation = SyntheticNation.generate(options.places(), options.seed());
      double gazetteerSeconds = seconds(t0);
      System.out.printf(Locale.ROOT, "gazetteer: %,d provinces, %,d kabupaten/kota, %,d kecamatan, %,d kelurahan/desa"
          + " (generated in %.1f s)%n", nation.provinces(), nation.kabupatenKota(), nation.kecamatan(),
          nation.places(), gazetteerSeconds);

      Path csv = dir.resolve("coverage-national.csv");
      Path revised = dir.resolve("coverage-national-revised.csv");
      t0 = System.nanoTime();
      long rows = nation.writeCsv(csv, Period.of(2026, 10), options.months(), options.seed() + 1, 0);
      double csvSeconds = seconds(t0);
      nation.writeCsv(revised, Period.of(2026, 10), options.months(), options.seed() + 1, 1);
      System.out.printf(Locale.ROOT, "csv: %,d rows (%,d places x %d months x 3 sectors), %s, written in %.1f s"
          + " (and a revision with every peserta_aktif changed)%n",
          rows, nation.places(), options.months(), mib(Files.size(csv)), csvSeconds);

      String url = options.db();
      if (url == null) {
        t0 = System.nanoTime();
        cluster = PostgresCluster.start();
        durableSettings(cluster);
        url = cluster.url();
        System.out.printf(Locale.ROOT, "database: throwaway cluster %s (started in %.1f s)%n", url, seconds(t0));
      } else {
        System.out.println("database: " + DatabaseUrl.parse(url));
      }
      DatabaseUrl dbUrl = DatabaseUrl.parse(url);
      List<Run> runs = new ArrayList<>();
      try (TimedStore store = new TimedStore(PostgisStore.open(url))) {
        printServer(dbUrl);
        long before = count(dbUrl, "SELECT count(*) FROM coverage");
        if (before != 0) {
          System.err.println("benchmark: the coverage table of " + dbUrl.describe() + " holds " + before
              + " rows; the benchmark needs an empty one (it deletes what it stores afterwards)");
          return 2;
        }
        Imports imports = new Imports(store, nation.gazetteer(), Clock.systemUTC(), () -> { });
        try {
          runs.add(importOnce("first import (empty table)", csv, imports, store, dbUrl));
          runs.add(importOnce("re-import, same file (values unchanged)", csv, imports, store, dbUrl));
          runs.add(importOnce("re-import, every value changed", revised, imports, store, dbUrl));
        } finally {
          if (cluster == null) cleanUp(dbUrl);
        }
      }
      printSummary(runs, rows, Files.size(csv));
      return 0;
    } finally {
      if (cluster != null) cluster.close();
      deleteTree(dir);
    }
  }

  private static Run importOnce(String name, Path csv, Imports imports, TimedStore store, DatabaseUrl db)
      throws IOException, SQLException {
    System.out.println();
    System.out.println("== " + name);
    System.gc();
    long baseline = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    long gcCount0 = gcCount();
    long gcMillis0 = gcMillis();
    long rows;
    long expectedSum;
    long start;
    long read;
    long end;
    HeapSampler heap = new HeapSampler(SAMPLE_MILLIS);
    try {
      start = System.nanoTime();
      // As the CLI does: the whole file into memory, then one call that validates and stores.
      byte[] content = Files.readAllBytes(csv);
      read = System.nanoTime();
      CoverageImport result = imports.coverage(csv.getFileName().toString(), content, BY);
      end = System.nanoTime();
      if (!result.accepted()) {
        for (ImportError e : result.errors().subList(0, Math.min(10, result.errors().size()))) {
          System.err.println("  line " + e.line() + ": " + e.message());
        }
        throw new IllegalStateException("the synthetic file was rejected: " + result.errors().size() + " errors");
      }
      rows = result.records().size();
      expectedSum = result.records().stream().mapToLong(r -> r.participants()).sum();
    } finally {
      heap.close();
    }
    long gcCount = gcCount() - gcCount0;
    double gcSeconds = (gcMillis() - gcMillis0) / 1000.0;
    long tableRows = count(db, "SELECT count(*) FROM coverage");
    long tableBytes = count(db, "SELECT pg_total_relation_size('coverage')");
    long tableSum = count(db, "SELECT sum(participants) FROM coverage");
    if (tableRows != rows || tableSum != expectedSum) {
      throw new IllegalStateException("after importing " + rows + " rows with peserta_aktif summing to " + expectedSum
          + ", the coverage table holds " + tableRows + " rows summing to " + tableSum);
    }
    Run run = new Run(name, rows, (read - start) / 1e9, (store.writeStart() - read) / 1e9,
        (store.writeEnd() - store.writeStart()) / 1e9, (end - start) / 1e9, baseline, heap.peak(), heap.samples(),
        gcCount, gcSeconds, tableRows, tableBytes);
    System.out.printf(Locale.ROOT, "rows:            %,d%n", run.rows());
    System.out.printf(Locale.ROOT, "read file:       %6.2f s%n", run.readSeconds());
    System.out.printf(Locale.ROOT, "parse+validate:  %6.2f s  (CoverageCsv + gazetteer, SHA-256, import log check)%n",
        run.validateSeconds());
    System.out.printf(Locale.ROOT, "store:           %6.2f s  (COPY into staging + merge, one transaction)%n",
        run.storeSeconds());
    System.out.printf(Locale.ROOT, "total:           %6.2f s  = %,.0f rows/s  (read+validate %,.0f rows/s, store %,.0f"
        + " rows/s)%n", run.totalSeconds(), run.rowsPerSecond(), rows / (run.readSeconds() + run.validateSeconds()),
        rows / run.storeSeconds());
    System.out.printf(Locale.ROOT, "heap:            peak %s used (sampled every %d ms, %,d samples); %s before;"
        + " max %s%n", mib(run.peakHeap()), SAMPLE_MILLIS, run.samples(), mib(run.baselineHeap()),
        mib(Runtime.getRuntime().maxMemory()));
    System.out.printf(Locale.ROOT, "gc:              %d collections, %.2f s%n", run.gcCount(), run.gcSeconds());
    System.out.printf(Locale.ROOT, "table coverage:  %,d rows, %s with indexes%n", run.tableRows(),
        mib(run.tableBytes()));
    return run;
  }

  private static void printSummary(List<Run> runs, long rows, long csvBytes) {
    System.out.println();
    System.out.printf(Locale.ROOT, "summary (%,d rows, %s CSV, %s):%n", rows, mib(csvBytes), xmx());
    System.out.println();
    System.out.println("| import | read | parse+validate | store | total | rows/s | peak heap |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Run r : runs) {
      System.out.printf(Locale.ROOT, "| %s | %.1f s | %.1f s | %.1f s | %.1f s | %,.0f | %s |%n", r.name(),
          r.readSeconds(), r.validateSeconds(), r.storeSeconds(), r.totalSeconds(), r.rowsPerSecond(),
          mib(r.peakHeap()));
    }
  }

  // --- machine and server

  private static void printMachine() {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "java: %s (%s %s), %d processors, %s%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("java.vm.version"), rt.availableProcessors(), xmx());
    List<String> collectors = new ArrayList<>();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) collectors.add(gc.getName());
    System.out.println("gc: " + String.join(", ", collectors));
    try {
      System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (IOException e) {
      // Not Linux: nothing to show.
    }
  }

  /** The -Xmx given, and the maximum heap the JVM actually allows. */
  private static String xmx() {
    String given = "no -Xmx (JVM default)";
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-Xmx") || arg.startsWith("-XX:MaxHeapSize=")) given = arg;
    }
    return given + ", max heap " + mib(Runtime.getRuntime().maxMemory());
  }

  /**
   * The test cluster turns durability off for speed; a benchmark must measure what a real server
   * does, so this puts the PostgreSQL defaults back (postgresql.auto.conf wins over the file).
   */
  private static void durableSettings(PostgresCluster cluster) throws SQLException, InterruptedException {
    cluster.sql("postgres", "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET synchronous_commit = on",
        "ALTER SYSTEM SET full_page_writes = on", "SELECT pg_reload_conf()");
    for (int i = 0; i < 100; i++) {
      try (Connection c = cluster.connect(PostgresCluster.DATABASE); Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW fsync")) {
        rs.next();
        if ("on".equals(rs.getString(1))) return;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the benchmark cluster did not take fsync = on");
  }

  private static void printServer(DatabaseUrl db) throws SQLException {
    try (Connection c = connect(db); Statement st = c.createStatement()) {
      List<String> settings = new ArrayList<>();
      for (String s : List.of("server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers",
          "work_mem", "max_wal_size")) {
        try (ResultSet rs = st.executeQuery("SHOW " + s)) {
          rs.next();
          settings.add(s + "=" + rs.getString(1));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT postgis_lib_version()")) {
        rs.next();
        settings.add("postgis=" + rs.getString(1));
      }
      System.out.println("server: " + String.join(", ", settings));
    }
  }

  private static Connection connect(DatabaseUrl db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static long count(DatabaseUrl db, String sql) throws SQLException {
    try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** On a database we were given: take away what the benchmark stored (its coverage table was empty). */
  private static void cleanUp(DatabaseUrl db) throws SQLException {
    try (Connection c = connect(db); Statement st = c.createStatement()) {
      c.setAutoCommit(false);
      st.executeUpdate("DELETE FROM coverage");
      st.executeUpdate("DELETE FROM import_log WHERE kind = 'coverage' AND by = '" + BY + "'");
      c.commit();
    }
    System.out.println("removed the benchmark's coverage rows and import log entries from " + db.describe());
  }

  // --- small helpers

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionCount());
    return n;
  }

  private static long gcMillis() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) n += Math.max(0, gc.getCollectionTime());
    return n;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,.0f MiB", bytes / (1024.0 * 1024));
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
