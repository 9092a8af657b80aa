package id.cakupan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.api.ServerFixture;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Outline;
import id.cakupan.config.Config;
import id.cakupan.map.Geography;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.ImportRecord;
import id.cakupan.store.PostgisStore;
import id.cakupan.store.PostgresCluster;
import id.cakupan.store.Store;
import id.cakupan.store.StoreException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kecamatan, kota and provinsi outlines are dissolved once, when boundaries are stored, and read
 * back at start-up; boundaries stored before outlines were kept get theirs at the next start.
 */
class StoredOutlinesTest {
  @Test
  void theFirstStartStoresTheBundledBoundariesWithTheirOutlines(@TempDir Path dir) throws Exception {
    Config config = new Config(0, dir, null, null, null, null, null);
    try (Cakupan app = Cakupan.open(config, ServerFixture.CLOCK)) {
      BoundarySet stored = app.store().boundaries().orElseThrow();
      assertOutlinesAreTheGeographys(stored, app.layers().atlas().geography());
    }
  }

  @Test
  void boundariesStoredWithoutOutlinesGetThemAtTheNextStartAndOnlyThen(@TempDir Path dir) throws Exception {
    Config config = new Config(0, dir, null, null, null, null, null);
    Cakupan.open(config, ServerFixture.CLOCK).close();
    stripOutlines(new EmbeddedStore(dir)); // as a version that kept no outlines left them

    Counting first = new Counting(new EmbeddedStore(dir), false);
    try (Cakupan app = Cakupan.open(config, first.store, ServerFixture.CLOCK)) {
      assertEquals(1, first.keeps.get());
      assertOutlinesAreTheGeographys(app.store().boundaries().orElseThrow(), app.layers().atlas().geography());
    }
    Counting second = new Counting(new EmbeddedStore(dir), false);
    try (Cakupan app = Cakupan.open(config, second.store, ServerFixture.CLOCK)) {
      assertEquals(0, second.keeps.get(), "read back, not dissolved and kept again");
      assertOutlinesAreTheGeographys(app.store().boundaries().orElseThrow(), app.layers().atlas().geography());
    }
  }

  @Test
  void aStoreThatRefusesTheWriteStillServes(@TempDir Path dir) throws Exception {
    Config config = new Config(0, dir, null, null, null, null, null);
    Cakupan.open(config, ServerFixture.CLOCK).close();
    stripOutlines(new EmbeddedStore(dir));
    Counting readOnly = new Counting(new EmbeddedStore(dir), true); // a read replica, say
    try (Cakupan app = Cakupan.open(config, readOnly.store, ServerFixture.CLOCK)) {
      assertEquals(1, readOnly.keeps.get());
      assertEquals(31, app.layers().atlas().geography().units(Level.KELURAHAN).size());
      assertFalse(app.layers().atlas().geography().units(Level.KECAMATAN).isEmpty(), "dissolved at start instead");
      assertTrue(app.store().boundaries().orElseThrow().outlines().isEmpty());
    }
  }

  @Test
  void onPostgisAnOlderStoreGetsItsOutlinesAtTheNextStart(@TempDir Path dir) throws Exception {
    try (PostgresCluster cluster = PostgresCluster.start()) {
      Config config = new Config(0, dir, null, null, cluster.url(), null, null);
      Cakupan.open(config, ServerFixture.CLOCK).close();
      try (Store s = PostgisStore.open(cluster.url())) {
        assertFalse(s.boundaries().orElseThrow().outlines().isEmpty(), "stored with the bundled boundaries");
      }
      try (Connection c = cluster.connect("cakupan");
          Statement st = c.createStatement()) {
        st.execute("DELETE FROM boundary_outline"); // what migration V8 leaves for an older store
      }
      try (Cakupan app = Cakupan.open(config, ServerFixture.CLOCK)) {
        assertOutlinesAreTheGeographys(app.store().boundaries().orElseThrow(), app.layers().atlas().geography());
      }
      try (Store s = PostgisStore.open(cluster.url())) {
        BoundarySet stored = s.boundaries().orElseThrow();
        assertOutlinesAreTheGeographys(stored, new Geography(stored.withOutlines(List.of())));
      }
    }
  }

  /** Every dissolved unit has its outline stored, and it is exactly the unit's geometry. */
  private static void assertOutlinesAreTheGeographys(BoundarySet stored, Geography geography) {
    Map<String, Outline> byCode = new TreeMap<>();
    for (Outline o : stored.outlines()) byCode.put(o.code(), o);
    int units = 0;
    for (Level level : List.of(Level.KECAMATAN, Level.KOTA, Level.PROVINSI)) {
      for (MapUnit u : geography.units(level)) {
        units++;
        Outline o = byCode.get(u.code());
        assertTrue(o != null, u.code() + " has no stored outline");
        assertTrue(o.polygonal().equalsExact(u.geometry(), 0.0), u.code() + " outline differs from the geography's");
      }
    }
    assertEquals(units, byCode.size());
  }

  private static void stripOutlines(Store store) throws Exception {
    try (store) {
      BoundarySet set = store.boundaries().orElseThrow();
      store.replaceBoundaries(set.withOutlines(List.of()), ImportRecord.lastBoundaries(store.imports()));
      assertTrue(store.boundaries().orElseThrow().outlines().isEmpty());
    }
  }

  /** Counts {@link Store#keepOutlines} calls; one that refuses answers them as a read-only database would. */
  private static final class Counting {
    final AtomicInteger keeps = new AtomicInteger();
    final Store store;

    Counting(Store delegate, boolean refuse) {
      this.store = (Store) java.lang.reflect.Proxy.newProxyInstance(Store.class.getClassLoader(),
          new Class<?>[] {Store.class}, (proxy, method, args) -> {
            if (method.getName().equals("keepOutlines")) {
              keeps.incrementAndGet();
              if (refuse) throw new StoreException("keep boundary outlines: read-only transaction", null);
            }
            try {
              return method.invoke(delegate, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
