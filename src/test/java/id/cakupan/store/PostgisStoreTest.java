package id.cakupan.store;

import static id.cakupan.store.StoreFixtures.KOJA;
import static id.cakupan.store.StoreFixtures.LAGOA;
import static id.cakupan.store.StoreFixtures.OCT;
import static id.cakupan.store.StoreFixtures.PLUIT;
import static id.cakupan.store.StoreFixtures.SEP;
import static id.cakupan.store.StoreFixtures.assertSameBoundaries;
import static id.cakupan.store.StoreFixtures.log;
import static id.cakupan.store.StoreFixtures.rec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What only the PostGIS store has: the schema, the database's view of the data, COPY, and failures. */
class PostgisStoreTest {
  private static PostgresCluster cluster;
  private static int databases;
  private final List<Store> opened = new ArrayList<>();
  private String database;

  @BeforeAll
  static void startCluster() {
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @BeforeEach
  void emptyDatabase() {
    database = "store_" + ++databases;
    cluster.createDatabase(database);
  }

  @AfterEach
  void closeStores() {
    for (Store s : opened) s.close();
  }

  private PostgisStore store() {
    PostgisStore s = PostgisStore.open(cluster.url(database));
    opened.add(s);
    return s;
  }

  @Test
  void kindIsPostgis() {
    assertEquals("postgis", store().kind());
  }

  // --- schema

  @Test
  void migrationsApplyToAnEmptyDatabaseAndAreIdempotent() throws Exception {
    store().close();
    List<String> applied = migrationFiles();
    assertEquals(applied, rows("SELECT version || '|' || success FROM flyway_schema_history"
        + " WHERE version IS NOT NULL ORDER BY installed_rank"));
    List<String> tables = rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        + " AND table_type = 'BASE TABLE' AND table_name NOT IN ('flyway_schema_history', 'spatial_ref_sys')"
        + " ORDER BY table_name");
    assertTrue(tables.containsAll(List.of("api_token", "audit_log", "boundary_set", "coverage", "import_log",
        "kelurahan", "unmatched_feature")), tables.toString());
    // Opening again (a restart) finds the schema current and changes nothing.
    store().close();
    PostgisStore again = store();
    assertEquals(applied, rows("SELECT version || '|' || success FROM flyway_schema_history"
        + " WHERE version IS NOT NULL ORDER BY installed_rank"));
    assertTrue(again.coverage().isEmpty());
  }

  @Test
  void aDatabaseAtALaterVersionStillGetsAMigrationNumberedBelowIt() throws Exception {
    // Capabilities merged from parallel branches: a database that already has V5 (activities) but
    // not V3 (targets) must get V3 when the merged service opens it, not refuse to start.
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("migrations");
    try {
      java.nio.file.Path shipped = java.nio.file.Path.of(PostgisStoreTest.class.getResource("/db/migration").toURI());
      try (var files = java.nio.file.Files.list(shipped)) {
        for (java.nio.file.Path f : files.filter(f -> !f.getFileName().toString().startsWith("V3__")).toList()) {
          java.nio.file.Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      org.flywaydb.core.Flyway.configure()
          .dataSource("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/" + database, "postgres", "")
          .locations("filesystem:" + dir).load().migrate();
      assertTrue(rows("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL").contains("5"));
      assertFalse(rows("SELECT version FROM flyway_schema_history WHERE version IS NOT NULL").contains("3"));
    } finally {
      PostgresCluster.deleteTree(dir);
    }
    PostgisStore s = store();
    assertEquals(List.of("3|true"), rows("SELECT version || '|' || success FROM flyway_schema_history WHERE version = '3'"));
    assertEquals(List.of(), s.targets(null, null, null), "the targets table is there");
  }

  /** {@code 1|true, 2|true, …}: every migration shipped, in version order (features add their own). */
  private static List<String> migrationFiles() throws Exception {
    java.nio.file.Path dir = java.nio.file.Path.of(PostgisStoreTest.class.getResource("/db/migration").toURI());
    try (var files = java.nio.file.Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().map(v -> v + "|true").toList();
    }
  }

  @Test
  void kelurahanGeometryHasAGistIndexAndATypedColumn() throws SQLException {
    store();
    List<String> indexes = rows("SELECT indexdef FROM pg_indexes WHERE tablename = 'kelurahan'");
    assertTrue(indexes.stream().anyMatch(d -> d.matches("(?i).*USING gist \\(geom\\).*")), indexes.toString());
    assertEquals(List.of("MULTIPOLYGON|4326|2"), rows(
        "SELECT type || '|' || srid || '|' || coord_dimension FROM geometry_columns WHERE f_table_name = 'kelurahan'"));
  }

  @Test
  void migratesWhenAnAdministratorCreatedPostgisAndTheAppIsNoSuperuser() {
    // The usual production set-up: the app role owns the database but may not create extensions.
    cluster.sql("postgres", "CREATE ROLE app_" + databases + " LOGIN PASSWORD 'not-shown'",
        "ALTER DATABASE " + database + " OWNER TO app_" + databases);
    cluster.sql(database, "CREATE EXTENSION postgis", "ALTER SCHEMA public OWNER TO app_" + databases);
    String url = "postgresql://app_" + databases + ":not-shown@127.0.0.1:" + cluster.port() + "/" + database;
    try (PostgisStore s = PostgisStore.open(url)) {
      s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"));
      assertEquals(3, s.boundaries().orElseThrow().kelurahan().size());
    }
  }

  @Test
  void withoutPostgisANonSuperuserIsToldWhatToAskFor() {
    cluster.sql("postgres", "CREATE ROLE plain_" + databases + " LOGIN",
        "ALTER DATABASE " + database + " OWNER TO plain_" + databases);
    cluster.sql(database, "ALTER SCHEMA public OWNER TO plain_" + databases);
    String url = "postgresql://plain_" + databases + "@127.0.0.1:" + cluster.port() + "/" + database;
    StoreException e = assertThrows(StoreException.class, () -> PostgisStore.open(url));
    assertTrue(e.getMessage().contains("127.0.0.1:" + cluster.port() + "/" + database), e.getMessage());
    assertTrue(e.getMessage().contains("CREATE EXTENSION postgis"), e.getMessage());
  }

  // --- boundaries as the database sees them

  @Test
  void boundariesAreRealPostgisGeometriesThatReadBackExactly() throws SQLException {
    PostgisStore s = store();
    BoundarySet set = StoreFixtures.jakartaUtara();
    s.replaceBoundaries(set, log(ImportRecord.BOUNDARIES, 3, "00"));
    assertEquals(List.of(
            "31.72.01.1005|4326|ST_MultiPolygon|1|0|true",
            "31.72.03.1001|4326|ST_MultiPolygon|1|1|true",
            "31.72.03.1003|4326|ST_MultiPolygon|2|0|true"),
        rows("SELECT code || '|' || ST_SRID(geom) || '|' || ST_GeometryType(geom) || '|' || ST_NumGeometries(geom)"
            + " || '|' || ST_NRings(geom) - ST_NumGeometries(geom) || '|' || ST_IsValid(geom) FROM kelurahan ORDER BY code"));
    // A spatial query works on them: which kelurahan holds a point inside Koja but outside its hole?
    assertEquals(List.of("31.72.03.1001"), rows("SELECT code FROM kelurahan"
        + " WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(106.892, -6.111), 4326))"));
    assertEquals(List.of(), rows("SELECT code FROM kelurahan"
        + " WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(106.897, -6.107), 4326))"));
    assertSameBoundaries(set, s.boundaries().orElseThrow());
    // And a new instance reads the same, within 1e-9 as well as exactly.
    BoundarySet again = store().boundaries().orElseThrow();
    for (int i = 0; i < set.kelurahan().size(); i++) {
      assertTrue(set.kelurahan().get(i).geometry().equalsExact(again.kelurahan().get(i).geometry(), 1e-9));
    }
  }

  @Test
  void failedBoundaryReplacementKeepsTheOldBoundaries() {
    PostgisStore s = store();
    BoundarySet old = StoreFixtures.jakartaUtara();
    s.replaceBoundaries(old, log(ImportRecord.BOUNDARIES, 3, "00"));
    Kelurahan pluit = StoreFixtures.schematicPluitOnly().kelurahan().get(0);
    // The same code twice breaks the primary key after the old rows were already deleted.
    BoundarySet broken = new BoundarySet("broken", true, List.of(pluit, pluit), List.of());
    StoreException e = assertThrows(StoreException.class,
        () -> s.replaceBoundaries(broken, log(ImportRecord.BOUNDARIES, 2, "01")));
    assertTrue(e.getMessage().contains("replace boundaries"), e.getMessage());
    assertSameBoundaries(old, s.boundaries().orElseThrow());
    assertEquals(1, s.imports().size());
  }

  // --- coverage as the database sees it

  @Test
  void coverageRowsHoldMonthsAsDatesAndUnknownWorkforceAsNull() throws SQLException {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, null), rec(KOJA, SEP, Sector.JAKON, 7, 70L)),
        log(ImportRecord.COVERAGE, 2, "00"));
    assertEquals(List.of("31.72.03.1001|2026-09-01|JAKON|7|70", "31.72.03.1001|2026-10-01|BPU|100|null"),
        rows("SELECT code || '|' || period || '|' || sector || '|' || participants || '|'"
            + " || coalesce(workforce::text, 'null') FROM coverage ORDER BY period"));
  }

  @Test
  void coverageReadsBackSortedByCodePeriodAndSector() {
    PostgisStore s = store();
    List<CoverageRecord> records = new ArrayList<>();
    for (KelurahanCode code : List.of(PLUIT, KOJA, LAGOA)) {
      for (Period p : List.of(OCT, SEP)) {
        for (Sector sector : Sector.IMPORTED) records.add(rec(code, p, sector, 1, null));
      }
    }
    Collections.shuffle(records, new Random(7));
    s.importCoverage(records, log(ImportRecord.COVERAGE, records.size(), "00"));
    List<String> keys = s.coverage().stream().map(r -> r.code() + " " + r.period() + " " + r.sector()).toList();
    List<String> expected = new ArrayList<>(keys);
    Collections.sort(expected);
    assertEquals(expected, keys);
    assertEquals("31.72.01.1005 2026-09 BPU", keys.get(0));
    assertEquals(18, keys.size());
  }

  @Test
  void reImportingUnchangedRowsLeavesThemAsTheyAre() throws SQLException {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, 1000L), rec(LAGOA, OCT, Sector.BPU, 5, null),
        rec(PLUIT, OCT, Sector.PU, 7, null)), log(ImportRecord.COVERAGE, 3, "00"));
    String versions = "SELECT code || '|' || xmin FROM coverage ORDER BY code";
    List<String> before = rows(versions);
    // Koja and Pluit come again unchanged (Pluit's workforce still unknown); Lagoa's workforce becomes known.
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, 1000L), rec(LAGOA, OCT, Sector.BPU, 5, 50L),
        rec(PLUIT, OCT, Sector.PU, 7, null)), log(ImportRecord.COVERAGE, 3, "01"));
    List<String> after = rows(versions);
    // Rewriting an unchanged row would give it a new row version (xmin), index entry and WAL for nothing.
    assertEquals(before.get(0), after.get(0), "Pluit");
    assertEquals(before.get(1), after.get(1), "Koja");
    assertFalse(before.get(2).equals(after.get(2)), "Lagoa changed, so it is rewritten");
    assertEquals(List.of("31.72.01.1005|7|null", "31.72.03.1001|100|1000", "31.72.03.1003|5|50"),
        rows("SELECT code || '|' || participants || '|' || coalesce(workforce::text, 'null') FROM coverage"
            + " ORDER BY code"));
    assertEquals(2, s.imports().size());
  }

  @Test
  void importLogRowsCarryTheirFields() throws SQLException {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), log(ImportRecord.COVERAGE, 1, "05"));
    try (Connection c = cluster.connect(database); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT id, at, kind, by, file_name, sha256, rows FROM import_log")) {
      assertTrue(rs.next());
      assertEquals(1, rs.getLong(1));
      assertEquals(OffsetDateTime.parse("2026-10-01T08:00:05.123456Z").toInstant(),
          rs.getObject(2, OffsetDateTime.class).toInstant());
      assertEquals("coverage", rs.getString(3));
      assertEquals("operator@bpjs", rs.getString(4));
      assertEquals("coverage.csv", rs.getString(5));
      assertEquals("ab".repeat(32), rs.getString(6));
      assertEquals(1, rs.getInt(7));
      assertFalse(rs.next());
    }
  }

  @Test
  void anImportThatBreaksAConstraintChangesNothing() {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, 1000L), rec(LAGOA, OCT, Sector.BPU, 5, null)),
        log(ImportRecord.COVERAGE, 2, "00"));
    List<CoverageRecord> before = s.coverage();
    List<ImportRecord> logBefore = s.imports();
    // The import log's CHECK (rows >= 0) fails last, after COPY and the merge have run.
    List<CoverageRecord> changes = List.of(rec(KOJA, OCT, Sector.BPU, 999, 999L), rec(PLUIT, OCT, Sector.PU, 1, 1L));
    StoreException e = assertThrows(StoreException.class,
        () -> s.importCoverage(changes, log(ImportRecord.COVERAGE, -1, "01")));
    assertTrue(e.getMessage().contains("import_log_rows_check"), e.getMessage());
    assertTrue(e.getMessage().contains("127.0.0.1:" + cluster.port() + "/" + database), e.getMessage());
    assertEquals(before, s.coverage());
    assertEquals(logBefore, s.imports());
  }

  @Test
  void anImportThatFailsInTheMiddleOfCopyChangesNothingAndTheStoreStaysUsable() {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, 1000L)), log(ImportRecord.COVERAGE, 1, "00"));
    List<CoverageRecord> before = s.coverage();
    // Enough records that several COPY chunks are already on the server when the list fails.
    List<CoverageRecord> failing = new AbstractList<>() {
      @Override
      public CoverageRecord get(int i) {
        if (i == 20_000) throw new IllegalStateException("source failed at record " + i);
        return rec(KelurahanCode.parse(String.format("31.72.%02d.%04d", i / 10_000, i % 10_000)), OCT, Sector.PU, i, null);
      }

      @Override
      public int size() {
        return 30_000;
      }
    };
    StoreException e = assertThrows(StoreException.class,
        () -> s.importCoverage(failing, log(ImportRecord.COVERAGE, 30_000, "01")));
    assertTrue(e.getMessage().contains("source failed at record 20000"), e.getMessage());
    assertEquals(before, s.coverage());
    assertEquals(1, s.imports().size());
    // Every pooled connection must still work: more imports than the pool has connections.
    for (int i = 0; i < PostgisStore.POOL_SIZE + 2; i++) {
      s.importCoverage(List.of(rec(PLUIT, OCT, Sector.PU, i, null)), log(ImportRecord.COVERAGE, 1, "0" + i));
    }
    assertEquals(2, s.coverage().size());
    assertEquals(PostgisStore.POOL_SIZE + 1, find(s.coverage(), PLUIT).participants(), "the last import wins");
  }

  @Test
  void aLargeImportGoesThroughCopy() throws SQLException {
    PostgisStore s = store();
    // 200,000 records: 5,000 kelurahan x 20 months x 2 sectors.
    List<CoverageRecord> records = new ArrayList<>(200_000);
    long participants = 0;
    long unknownWorkforce = 0;
    for (int k = 0; k < 5_000; k++) {
      KelurahanCode code = KelurahanCode.parse(String.format("31.%02d.%02d.%04d", 70 + k / 1000, k / 100 % 10, k));
      for (int m = 0; m < 20; m++) {
        Period p = new Period(OCT.month().minusMonths(m));
        records.add(rec(code, p, Sector.PU, k + m, (long) (k + m) * 2));
        Long workforce = m % 3 == 0 ? null : (long) m * 10;
        records.add(rec(code, p, Sector.BPU, m, workforce));
        participants += k + m + m;
        if (workforce == null) unknownWorkforce++;
      }
    }
    s.importCoverage(records, log(ImportRecord.COVERAGE, records.size(), "00"));
    assertEquals(List.of("200000|" + participants + "|" + unknownWorkforce),
        rows("SELECT count(*) || '|' || sum(participants) || '|' || count(*) FILTER (WHERE workforce IS NULL)"
            + " FROM coverage"));
    assertEquals(200_000, s.coverage().size());
  }

  // --- an unreachable database

  @Test
  void aClosedPortFailsFastWithHostAndDatabaseButNotThePassword() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "postgresql://app:hunter2@127.0.0.1:" + port + "/cakupan";
    StoreException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> assertThrows(StoreException.class, () -> PostgisStore.open(url)));
    assertTrue(e.getMessage().contains("127.0.0.1:" + port + "/cakupan"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void aServerThatAcceptsButNeverAnswersFailsWithinTheLoginTimeout() throws IOException {
    // The kernel completes the TCP handshake into the backlog; nothing ever replies to the driver.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String url = "postgresql://app@127.0.0.1:" + silent.getLocalPort() + "/cakupan";
      StoreException e = assertTimeoutPreemptively(Duration.ofSeconds(PostgisStore.CONNECT_TIMEOUT_SECONDS + 5),
          () -> assertThrows(StoreException.class, () -> PostgisStore.open(url)));
      assertTrue(e.getMessage().contains("127.0.0.1:" + silent.getLocalPort() + "/cakupan"), e.getMessage());
    }
  }

  @Test
  void anUnknownDatabaseIsNamed() {
    StoreException e = assertThrows(StoreException.class,
        () -> PostgisStore.open(cluster.url("no_such_db")));
    assertTrue(e.getMessage().contains("no_such_db"), e.getMessage());
  }

  @Test
  void aServerThatGoesAwayFailsCallsQuicklyAndIsUsedAgainWhenBack() {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), log(ImportRecord.COVERAGE, 1, "00"));
    cluster.stop();
    try {
      StoreException e = assertTimeoutPreemptively(Duration.ofSeconds(15),
          () -> assertThrows(StoreException.class, s::coverage));
      assertTrue(e.getMessage().contains("read coverage"), e.getMessage());
      assertTrue(e.getMessage().contains("127.0.0.1:" + cluster.port()), e.getMessage());
    } finally {
      cluster.restart();
    }
    assertEquals(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), s.coverage());
  }

  // --- connections that die under the pool

  @Test
  void everyCallSucceedsAfterThePooledConnectionsWereTerminated() throws Exception {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), log(ImportRecord.COVERAGE, 1, "00"));
    fillPool(s);
    // Within the pool's half second of trust in recently used connections, as after a failover.
    cluster.sql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
        + " WHERE application_name = 'cakupan' AND datname = '" + database + "'");
    everyCallSucceeds(s);
  }

  @Test
  void everyCallSucceedsAfterTheServerRestarted() throws Exception {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), log(ImportRecord.COVERAGE, 1, "00"));
    fillPool(s);
    cluster.restart();
    everyCallSucceeds(s);
  }

  @Test
  void aStatementThatFailsOnItsOwnIsNotRetried() throws SQLException {
    PostgisStore s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), log(ImportRecord.COVERAGE, 1, "00"));
    // The import log's id comes from a sequence, which a rollback does not give back: each attempt
    // of the failing import below draws one number.
    assertEquals(List.of("1"), rows("SELECT last_value FROM import_log_id_seq"));
    assertThrows(StoreException.class,
        () -> s.importCoverage(List.of(rec(LAGOA, OCT, Sector.PU, 1, 2L)), log(ImportRecord.COVERAGE, -1, "01")));
    assertEquals(List.of("2"), rows("SELECT last_value FROM import_log_id_seq"), "one attempt");
  }

  @Test
  void connectionLossIsRecognisedByItsSqlStateAnywhereInTheCauseChain() {
    assertTrue(PostgisStore.isConnectionLoss(new SQLException("io", "08006")));
    assertTrue(PostgisStore.isConnectionLoss(new SQLException("terminated", "57P01")));
    assertTrue(PostgisStore.isConnectionLoss(new SQLException("crash", "57P02")));
    assertTrue(PostgisStore.isConnectionLoss(new SQLException("starting up", "57P03")));
    assertTrue(PostgisStore.isConnectionLoss(new IllegalStateException("wrapped",
        new RuntimeException(new SQLException("closed", "08003")))));
    SQLException batch = new SQLException("batch failed", "XX000");
    batch.setNextException(new SQLException("io", "08006"));
    assertTrue(PostgisStore.isConnectionLoss(batch));
    assertFalse(PostgisStore.isConnectionLoss(new SQLException("check violated", "23514")));
    assertFalse(PostgisStore.isConnectionLoss(new SQLException("syntax", "42601")));
    assertFalse(PostgisStore.isConnectionLoss(new SQLException("query canceled", "57014")));
    assertFalse(PostgisStore.isConnectionLoss(new SQLException("no state")));
    assertFalse(PostgisStore.isConnectionLoss(new IllegalStateException("not SQL")));
  }

  /** Concurrent reads until the pool holds more than one connection to the server. */
  private void fillPool(PostgisStore s) throws Exception {
    String backends = "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'cakupan'"
        + " AND datname = '" + database + "'";
    ExecutorService threads = Executors.newFixedThreadPool(PostgisStore.POOL_SIZE);
    try {
      for (int round = 0; round < 50 && Integer.parseInt(rows(backends).get(0)) < 2; round++) {
        List<Future<?>> reads = new ArrayList<>();
        for (int i = 0; i < PostgisStore.POOL_SIZE; i++) reads.add(threads.submit(s::coverage));
        for (Future<?> f : reads) f.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertTrue(Integer.parseInt(rows(backends).get(0)) >= 2, "the pool holds several connections");
  }

  /** A write and a dozen reads at once from several threads: not one of them may fail. */
  private static void everyCallSucceeds(PostgisStore s) throws Exception {
    List<Callable<Object>> calls = new ArrayList<>();
    calls.add(() -> {
      s.importCoverage(List.of(rec(LAGOA, OCT, Sector.BPU, 3, 4L)), log(ImportRecord.COVERAGE, 1, "01"));
      return null;
    });
    List<Callable<Object>> reads = List.of(s::coverage, s::imports, s::version, s::boundaries);
    for (int i = 0; i < 12; i++) calls.add(reads.get(i % reads.size()));
    ExecutorService threads = Executors.newFixedThreadPool(PostgisStore.POOL_SIZE);
    try {
      List<String> failures = new ArrayList<>();
      for (Future<Object> f : threads.invokeAll(calls)) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failures.add(String.valueOf(e.getCause()));
        }
      }
      assertEquals(List.of(), failures);
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L), rec(LAGOA, OCT, Sector.BPU, 3, 4L)), s.coverage());
    assertEquals(2, s.imports().size(), "the write happened once");
  }

  // --- helpers

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = cluster.connect(database); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) out.add(rs.getString(1));
    }
    return out;
  }

  private static CoverageRecord find(List<CoverageRecord> records, KelurahanCode code) {
    return records.stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
  }
}
