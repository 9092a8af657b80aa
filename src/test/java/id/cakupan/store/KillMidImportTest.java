package id.cakupan.store;

import static id.cakupan.store.StoreFixtures.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.app.Imports;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.boundary.GazetteerPlaces;
import id.cakupan.coverage.CoverageCsv;
import id.cakupan.coverage.CoverageImport;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stops a real {@code import-coverage} process mid-write (SIGKILL for PostGIS, a halt at each write
 * step for the embedded store) and shows that the store holds a whole state afterwards.
 */
class KillMidImportTest {
  static final Path DKI = SharedGeodata.file("dki-jakarta-gazetteer.csv");

  /**
   * Starts from the synthetic seed and halts a real import at its 1st, 2nd, ... write step until
   * one run completes. After each halt the store must hold the seed with its log or the import
   * with its log entry, never the counts without their log (which would label real data
   * synthetic), with the boundaries unchanged; and the next one-row import must not delete the
   * stored rows.
   */
  @Test
  void embeddedImportHaltedAtEveryWriteStepLeavesTheOldOrTheNewStateWhole(@TempDir Path tmp) throws Exception {
    Path csv = smallCsv(tmp);
    String sha = sha256(Files.readAllBytes(csv));
    List<CoverageRecord> imported = rowsOf(csv);
    List<CoverageRecord> seed = before();
    ImportRecord boundaryLog = StoreFixtures.log(ImportRecord.BOUNDARIES, 3, "00");
    ImportRecord seedLog = new ImportRecord(Instant.parse("2026-11-01T00:00:00Z"), ImportRecord.SYNTHETIC, "seed",
        "synthetic", null, seed.size());
    int halted = 0;
    for (int step = 1; ; step++) {
      assertTrue(step < 100, "the import never completed");
      Path dir = Files.createDirectory(tmp.resolve("data-" + step));
      try (EmbeddedStore store = new EmbeddedStore(dir)) {
        store.replaceBoundaries(StoreFixtures.jakartaUtara(), boundaryLog);
        store.importCoverage(seed, seedLog);
      }
      Path out = tmp.resolve("importer-" + step + ".log");
      Process p = importer(csv, out, "-D" + KillPoints.PROPERTY + "=" + step, "--data-dir", dir.toString());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "importer hung at step " + step);
      String output = Files.readString(out);
      boolean completed = p.exitValue() == 0;
      assertTrue(completed || p.exitValue() == 137, "exit " + p.exitValue() + " at step " + step + ": " + output);
      String where = "after halting at step " + step + " ("
          + output.lines().filter(l -> l.contains(KillPoints.PROPERTY)).findFirst().orElse(output.strip()) + ")";

      try (EmbeddedStore store = new EmbeddedStore(dir)) {
        try (Stream<Path> entries = Files.list(dir)) {
          String current = Files.readString(dir.resolve(EmbeddedStore.CURRENT)).strip();
          assertEquals(Set.of(EmbeddedStore.CURRENT, EmbeddedStore.LOCK, current),
              entries.map(e -> e.getFileName().toString()).collect(Collectors.toSet()),
              "what the halted writer left is cleared on open " + where);
        }
        List<ImportRecord> log = store.imports();
        StoreFixtures.assertSameBoundaries(StoreFixtures.jakartaUtara(), store.boundaries().orElseThrow());
        boolean isNew = log.size() == 3;
        if (isNew) {
          ImportRecord last = log.get(2);
          assertEquals(ImportRecord.COVERAGE, last.kind(), where);
          assertEquals(sha, last.sha256(), where);
          assertEquals(imported.size(), last.rows(), where);
          assertSameRecords(imported, store.coverage(), "the new counts, complete, " + where);
          assertFalse(store.coverageIsSynthetic(), "real data labelled synthetic " + where);
        } else {
          assertTrue(!completed, "a completed import is in the log");
          assertEquals(List.of(boundaryLog, seedLog), log, where);
          assertSameRecords(seed, store.coverage(), "counts without their log entry " + where);
          assertTrue(store.coverageIsSynthetic(), where);
        }

        CoverageRecord one = new CoverageRecord(imported.get(0).code(), imported.get(0).period(),
            imported.get(0).sector(), 77, 100L);
        new Imports(store, gazetteer(), Clock.systemUTC(), () -> { })
            .coverage("one.csv", oneRowCsv(one), "test");
        List<CoverageRecord> expected = new ArrayList<>(isNew ? imported : List.of());
        expected.removeIf(r -> r.code().equals(one.code()) && r.period().equals(one.period())
            && r.sector() == one.sector());
        expected.add(one);
        assertSameRecords(expected, store.coverage(), "the next one-row import " + where);
      }
      if (completed) break;
      halted++;
    }
    assertTrue(halted >= 5, "only " + halted + " write steps were exercised");
  }

  @Test
  void postgisKeepsItsRowsWhenTheImporterDiesMidTransaction(@TempDir Path tmp) throws Exception {
    try (PostgresCluster cluster = PostgresCluster.start()) {
      List<CoverageRecord> stored;
      List<ImportRecord> log;
      try (PostgisStore store = PostgisStore.open(cluster.url())) {
        store.importCoverage(before(), log());
        stored = store.coverage();
        log = store.imports();
      }
      Path csv = bigCsv(tmp);
      Process p = importer(csv, tmp.resolve("importer.log"), "--db", cluster.url());
      try (Connection c = cluster.connect(PostgresCluster.DATABASE)) {
        killWhen(p, () -> importRunning(c));
        // The server notices the dead client and rolls its transaction back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (importRunning(c) && System.nanoTime() < deadline) Thread.sleep(100);
      }
      try (PostgisStore store = PostgisStore.open(cluster.url())) {
        assertEquals(stored, store.coverage());
        assertEquals(log, store.imports());
      }
    }
  }

  /** The same records in any order; a size mismatch is reported without printing thousands of rows. */
  private static void assertSameRecords(List<CoverageRecord> expected, List<CoverageRecord> actual, String what) {
    assertEquals(expected.size(), actual.size(), "number of records: " + what);
    assertEquals(sorted(expected), sorted(actual), what);
  }

  private static boolean importRunning(Connection c) {
    try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
        + " AND (query LIKE 'COPY coverage_staging%' OR query LIKE 'INSERT INTO coverage%') AND state <> 'idle'");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getInt(1) > 0;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<CoverageRecord> before() {
    Gazetteer g = gazetteer();
    List<CoverageRecord> out = new ArrayList<>();
    for (GazetteerEntry e : g.entries().stream().limit(3).toList()) {
      out.add(new CoverageRecord(e.code(), Period.of(2026, 10), Sector.BPU, 10, 100L));
    }
    return out;
  }

  private static Gazetteer gazetteer() {
    try {
      return Gazetteer.read(DKI);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static ImportRecord log() {
    return new ImportRecord(Instant.parse("2026-11-01T00:00:00Z"), ImportRecord.COVERAGE, "test", "before.csv", "00", 3);
  }

  /** 267 kelurahan x 2,400 months x 3 sectors: about 1.9 million rows, long enough to be caught mid-write. */
  private static Path bigCsv(Path dir) throws Exception {
    Path file = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
      for (GazetteerEntry e : gazetteer().entries()) {
        for (YearMonth m = YearMonth.of(1900, 1); m.getYear() < 2100; m = m.plusMonths(1)) {
          for (String s : List.of("PU", "BPU", "JAKON")) {
            w.write(e.code().value() + "," + m + "," + s + ",50,100\n");
          }
        }
      }
    }
    return file;
  }

  /** 267 kelurahan x 12 months x 3 sectors: small, since it is imported once per write step. */
  private static Path smallCsv(Path dir) throws Exception {
    Path file = dir.resolve("small.csv");
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
      for (GazetteerEntry e : gazetteer().entries()) {
        for (YearMonth m = YearMonth.of(2025, 1); m.getYear() < 2026; m = m.plusMonths(1)) {
          for (String s : List.of("PU", "BPU", "JAKON")) {
            w.write(e.code().value() + "," + m + "," + s + "," + (m.getMonthValue() + 10) + ",100\n");
          }
        }
      }
    }
    return file;
  }

  private static List<CoverageRecord> rowsOf(Path csv) throws Exception {
    CoverageImport parsed = CoverageCsv.parse(Files.readAllBytes(csv), new GazetteerPlaces(gazetteer()));
    assertTrue(parsed.accepted(), "the test file is valid");
    return parsed.records();
  }

  private static byte[] oneRowCsv(CoverageRecord r) {
    return ("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n" + r.code().value() + "," + r.period() + ","
        + r.sector() + "," + r.participants() + "," + r.workforce() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** A real {@code import-coverage} in its own JVM; arguments starting with -D go to the JVM. */
  private static Process importer(Path csv, Path output, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path")));
    List<String> rest = new ArrayList<>();
    for (String a : args) (a.startsWith("-D") ? cmd : rest).add(a);
    cmd.addAll(List.of("id.cakupan.cli.Main", "import-coverage", csv.toString(), "--gazetteer", DKI.toString()));
    cmd.addAll(rest);
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile()).start();
  }

  private static void killWhen(Process p, BooleanSupplier writing) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (!writing.getAsBoolean()) {
      assertTrue(p.isAlive(), "the importer finished before it could be caught writing (exit " + exitOf(p) + ")");
      assertTrue(System.nanoTime() < deadline, "the importer never started writing");
      Thread.sleep(1);
    }
    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, p.exitValue(), "killed by SIGKILL");
  }

  private static int exitOf(Process p) {
    return p.isAlive() ? -1 : p.exitValue();
  }
}
