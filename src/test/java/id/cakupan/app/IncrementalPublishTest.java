package id.cakupan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.api.ServerFixture;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.config.Config;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.PostgisStore;
import id.cakupan.store.PostgresCluster;
import id.cakupan.store.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An own import is published from the records in hand; the store is read whole only after another process wrote. */
class IncrementalPublishTest {
  private static final KelurahanCode KOJA = KelurahanCode.parse("31.72.03.1001");
  private static final KelurahanCode LAGOA = KelurahanCode.parse("31.72.03.1003");
  private static final KelurahanCode PLUIT = KelurahanCode.parse("31.72.01.1005");
  private static final Period OCT = Period.parse("2026-10");
  private static final Period NOV = Period.parse("2026-11");

  @Test
  void ownImportsArePublishedWithoutReadingTheCoverageBack(@TempDir Path dir) throws Exception {
    Config config = new Config(0, dir, null, null, null, null, null);
    Cakupan.open(config, ServerFixture.CLOCK).close(); // a first start stores the bundled borders and the demo seed
    CountingStore store = new CountingStore(new EmbeddedStore(dir));
    try (Cakupan app = Cakupan.open(config, store.store, ServerFixture.CLOCK)) {
      assertTrue(app.layers().atlas().synthetic());
      Imports imports = app.imports(ServerFixture.CLOCK);
      store.coverageReads.set(0);

      // The first real import supersedes the synthetic seed.
      imports.coverage("a.csv", csv("31.72.03.1001,2026-10,BPU,100,400", "31.72.03.1003,2026-10,BPU,50,"), "test");
      assertEquals(0, store.coverageReads.get(), "the coverage table was read back");
      CoverageTable published = app.layers().atlas().coverage();
      assertFalse(app.layers().atlas().synthetic());
      assertEquals(100, published.cell(KOJA, Sector.BPU, OCT).participants());
      assertNull(published.cell(PLUIT, Sector.BPU, OCT), "the seed's figures are gone");

      // A re-import replaces one value and adds a month.
      imports.coverage("b.csv", csv("31.72.03.1001,2026-10,BPU,120,400", "31.72.03.1001,2026-11,PU,7,9"), "test");
      assertEquals(0, store.coverageReads.get());
      published = app.layers().atlas().coverage();
      assertEquals(120, published.cell(KOJA, Sector.BPU, OCT).participants());
      assertEquals(50, published.cell(LAGOA, Sector.BPU, OCT).participants());
      assertEquals(NOV, published.newest());
      assertSameFigures(new CoverageTable(store.delegate.coverage()), published);
      String choropleth = new String(app.layers().snapshot().choropleth(
          id.cakupan.map.LayerQuery.DEFAULT.withPeriod(OCT)).body(), StandardCharsets.UTF_8);
      assertTrue(choropleth.contains("\"participants\":120"), "the map shows the new figure");

      // Another process (the CLI) imports into the same directory: the next own import reads the store whole.
      try (EmbeddedStore cli = new EmbeddedStore(dir)) {
        new Imports(cli, app.gazetteer(), ServerFixture.CLOCK, () -> { })
            .coverage("cli.csv", csv("31.72.01.1005,2026-10,JAKON,30,60"), "cli");
      }
      imports.coverage("c.csv", csv("31.72.03.1003,2026-10,BPU,55,"), "test");
      assertEquals(1, store.coverageReads.get(), "another process wrote: read once");
      published = app.layers().atlas().coverage();
      assertEquals(30, published.cell(PLUIT, Sector.JAKON, OCT).participants());
      assertEquals(55, published.cell(LAGOA, Sector.BPU, OCT).participants());
      assertSameFigures(new CoverageTable(store.delegate.coverage()), published);
    }
  }

  @Test
  void onPostgisOwnImportsAreNotReadBackAndAnotherProcesssImportIsReadOnce(@TempDir Path dir) throws Exception {
    try (PostgresCluster cluster = PostgresCluster.start()) {
      Config config = new Config(0, dir, null, null, cluster.url(), null, null);
      CountingStore store = new CountingStore(PostgisStore.open(cluster.url()));
      try (Cakupan app = Cakupan.open(config, store.store, ServerFixture.CLOCK)) {
        Imports imports = app.imports(ServerFixture.CLOCK);
        store.coverageReads.set(0);
        imports.coverage("a.csv", csv("31.72.03.1001,2026-10,BPU,100,400"), "test");
        imports.coverage("b.csv", csv("31.72.03.1003,2026-10,BPU,50,"), "test");
        assertEquals(0, store.coverageReads.get(), "an own import was read back");
        assertEquals(50, app.layers().atlas().coverage().cell(LAGOA, Sector.BPU, OCT).participants());

        try (PostgisStore cli = PostgisStore.open(cluster.url())) {
          new Imports(cli, app.gazetteer(), ServerFixture.CLOCK, () -> { })
              .coverage("cli.csv", csv("31.72.01.1005,2026-10,JAKON,30,60"), "cli");
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120); // a hang guard only
        while (app.layers().atlas().coverage().cell(PLUIT, Sector.JAKON, OCT) == null) {
          assertTrue(System.nanoTime() < deadline, "the other process's import never arrived");
          Thread.sleep(20);
        }
        assertEquals(0, store.coverageReads.get(), "another process's import is read alone, not the whole table");
        assertEquals(1, store.changeReads.get());
        assertSameFigures(new CoverageTable(store.delegate.coverage()), app.layers().atlas().coverage());

        // Another change of a value, and an own import after it: each read or applied alone.
        try (PostgisStore cli = PostgisStore.open(cluster.url())) {
          new Imports(cli, app.gazetteer(), ServerFixture.CLOCK, () -> { })
              .coverage("cli2.csv", csv("31.72.01.1005,2026-10,JAKON,31,60", "31.72.03.1003,2026-11,PU,4,"), "cli");
        }
        while (app.layers().atlas().coverage().cell(LAGOA, Sector.PU, NOV) == null) {
          assertTrue(System.nanoTime() < deadline, "the other process's second import never arrived");
          Thread.sleep(20);
        }
        imports.coverage("c.csv", csv("31.72.03.1001,2026-11,BPU,9,10"), "test");
        assertEquals(0, store.coverageReads.get());
        assertEquals(2, store.changeReads.get());
        assertEquals(31, app.layers().atlas().coverage().cell(PLUIT, Sector.JAKON, OCT).participants());
        assertSameFigures(new CoverageTable(store.delegate.coverage()), app.layers().atlas().coverage());

        // Every record replaced (as when a real import supersedes a seed): no list of written records tells
        // what was removed, so the table is read whole.
        try (PostgisStore cli = PostgisStore.open(cluster.url())) {
          cli.replaceAllCoverage(List.of(new CoverageRecord(KOJA, OCT, Sector.PU, 1, 2L)),
              new ImportRecord(ServerFixture.CLOCK.instant(), ImportRecord.COVERAGE, "cli", "all.csv", null, 1));
        }
        while (app.layers().atlas().coverage().size() != 1) {
          assertTrue(System.nanoTime() < deadline, "the replacement never arrived");
          Thread.sleep(20);
        }
        assertEquals(1, store.coverageReads.get(), "records were removed: read whole");
        assertSameFigures(new CoverageTable(store.delegate.coverage()), app.layers().atlas().coverage());
      }
    }
  }

  private static void assertSameFigures(CoverageTable expected, CoverageTable actual) {
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.periods(), actual.periods());
    for (KelurahanCode code : List.of(KOJA, LAGOA, PLUIT)) {
      for (Sector s : Sector.IMPORTED) {
        for (Period p : expected.periods()) {
          assertEquals(expected.cell(code, s, p), actual.cell(code, s, p), code + " " + s + " " + p);
        }
      }
    }
  }

  private static byte[] csv(String... rows) {
    return ("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n" + String.join("\n", rows) + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A store that counts whole reads of the coverage table and reads of its changes; every other call goes straight through. */
  private static final class CountingStore {
    final AtomicInteger coverageReads = new AtomicInteger();
    /** Reads of what changed since a mark. */
    final AtomicInteger changeReads = new AtomicInteger();
    final Store delegate;
    final Store store;

    CountingStore(Store delegate) {
      this.delegate = delegate;
      this.store = (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(), new Class<?>[] {Store.class},
          (proxy, method, args) -> {
            if (method.getName().equals("coverage") && method.getParameterCount() == 0) coverageReads.incrementAndGet();
            if (method.getName().equals("coverageChangedSince")) changeReads.incrementAndGet();
            try {
              return method.invoke(delegate, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
