package id.cakupan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.BufferedWriter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real {@code import-coverage} process (SIGKILL) while it is writing, and shows that the
 * store still holds exactly what it held before.
 */
class KillMidImportTest {
  static final Path DKI = SharedGeodata.file("dki-jakarta-gazetteer.csv");

  @Test
  void embeddedStoreKeepsItsFilesWhenTheImporterDiesMidWrite(@TempDir Path dir, @TempDir Path tmp) throws Exception {
    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      store.importCoverage(before(), log());
    }
    byte[] coverage = Files.readAllBytes(dir.resolve("coverage.csv"));
    byte[] imports = Files.readAllBytes(dir.resolve("imports.json"));
    Path csv = bigCsv(tmp);

    Process p = importer(csv, "--data-dir", dir.toString());
    killWhen(p, () -> Files.exists(dir.resolve("coverage.csv.tmp")));

    assertArrayEquals(coverage, Files.readAllBytes(dir.resolve("coverage.csv")));
    assertArrayEquals(imports, Files.readAllBytes(dir.resolve("imports.json")));
    try (EmbeddedStore reopened = new EmbeddedStore(dir)) {
      assertEquals(before(), reopened.coverage());
      assertEquals(1, reopened.imports().size());
    }
    assertTrue(!Files.exists(dir.resolve("coverage.csv.tmp")), "the half-written file is cleared on open");
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
      Process p = importer(csv, "--db", cluster.url());
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

  private static Process importer(Path csv, String... storeArgs) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "id.cakupan.cli.Main",
        "import-coverage", csv.toString(), "--gazetteer", DKI.toString()));
    cmd.addAll(List.of(storeArgs));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(new File("/dev/null")).start();
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
