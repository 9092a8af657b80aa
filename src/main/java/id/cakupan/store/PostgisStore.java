package id.cakupan.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityStatus;
import id.cakupan.activity.ActivityType;
import id.cakupan.auth.ApiToken;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Role;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Outline;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.ogc.filter.FilterException;
import id.cakupan.ogc.filter.SqlFilter;
import id.cakupan.targeting.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.BiFunction;
import net.postgis.jdbc.PGgeometry;
import org.flywaydb.core.Flyway;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in a PostgreSQL database with PostGIS, for national scale and for sharing the data
 * with GIS tools. The schema comes from the Flyway migrations in {@code db/migration}; geometry is
 * written as postgis-jdbc's hex EWKB and read as WKB bytes through a binary COPY
 * ({@link PostgisGeometries} converts to and from JTS), which keeps every coordinate bit for bit.
 * Every write is one transaction.
 */
public final class PostgisStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(PostgisStore.class);

  static final int POOL_SIZE = 4;
  /** An unreachable database must fail within seconds, not hang a start-up or a request. */
  static final int CONNECT_TIMEOUT_SECONDS = 5;
  private static final long KEEPALIVE_MILLIS = 30_000;
  private static final long IDLE_TIMEOUT_MILLIS = 300_000;
  private static final long MAX_LIFETIME_MILLIS = 1_800_000;
  private static final long VALIDATION_TIMEOUT_MILLIS = 2_000;
  private static final int BATCH = 500;
  private static final int COPY_CHUNK_CHARS = 1 << 16;
  private static final int FETCH_SIZE = 10_000;
  private static final int FILTER_TIMEOUT_SECONDS = 10;
  /**
   * How long a transaction's statements may run before the server cancels them: reads (start-up,
   * publishing an import, token look-ups) are quick, imports of a national file take minutes.
   */
  public record Timeouts(int readSeconds, int writeSeconds, int networkMarginSeconds) {
    /**
     * networkMarginSeconds: beyond the statement timeout, how long the driver waits for the
     * server's next bytes before it gives the connection up, so that a database host that hangs
     * (and never answers the cancel) frees the thread too.
     */
    public static final Timeouts DEFAULT = new Timeouts(120, 900, 15);
  }
  private static final java.util.concurrent.Executor DIRECT = Runnable::run;
  /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is going down or not up yet. */
  private static final Set<String> CONNECTION_LOSS_STATES = Set.of("57P01", "57P02", "57P03");

  private final DatabaseUrl url;
  private final Timeouts timeouts;
  private final HikariDataSource pool;
  private volatile ImportNotifications notifications;

  /** Opens the database named by a {@code --db} URL and brings its schema up to date. */
  public static PostgisStore open(String url) {
    return new PostgisStore(DatabaseUrl.parse(url));
  }

  public PostgisStore(DatabaseUrl url) {
    this(url, Timeouts.DEFAULT);
  }

  PostgisStore(DatabaseUrl url, Timeouts timeouts) {
    this.url = url;
    this.timeouts = timeouts;
    this.pool = openPool(url, timeouts);
    try {
      migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  @Override
  public String kind() {
    return "postgis";
  }

  public DatabaseUrl url() {
    return url;
  }

  // --- connections and schema

  private static HikariDataSource openPool(DatabaseUrl url, Timeouts timeouts) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("cakupan-postgis");
    config.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) config.setUsername(url.user());
    if (url.password() != null) config.setPassword(url.password());
    config.setMaximumPoolSize(POOL_SIZE);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
    // Idle connections are pinged, so one the server or a firewall dropped is replaced before a
    // request borrows it; connections are renewed well before any server or proxy limit. A restart
    // between two calls is caught by the retry in transaction(), not here.
    config.setKeepaliveTime(KEEPALIVE_MILLIS);
    config.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
    config.setMaxLifetime(MAX_LIFETIME_MILLIS);
    config.setValidationTimeout(VALIDATION_TIMEOUT_MILLIS);
    // Try once at start-up and fail, rather than coming up with a pool that cannot connect.
    config.setInitializationFailTimeout(1);
    // Defaults for the driver; parameters in the URL override them.
    config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    config.addDataSourceProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    config.addDataSourceProperty("tcpKeepAlive", "true");
    // Every connection's socket read gives up at last (schema migrations included); a transaction
    // narrows this to its own bound (attempt), and the pool puts this back when the connection returns.
    config.addDataSourceProperty("socketTimeout", String.valueOf(timeouts.writeSeconds() + timeouts.networkMarginSeconds()));
    config.addDataSourceProperty("ApplicationName", "cakupan");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to PostGIS at " + url.describe() + ": " + reason(e), e);
    }
  }

  private void migrate() {
    try {
      var result = Flyway.configure()
          .dataSource(pool)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          // Capabilities were built in parallel and numbered their migrations apart (targets V3,
          // activities V5): a database that already has a later one still gets an earlier newcomer.
          .outOfOrder(true)
          .load()
          .migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("PostGIS {}: schema migrated to version {}", url.describe(), result.targetSchemaVersion);
      }
    } catch (RuntimeException e) {
      String why = reason(e);
      if (why.contains("permission denied to create extension")) {
        why += " (a superuser must run CREATE EXTENSION postgis in database " + url.database() + " once)";
      }
      throw new StoreException("cannot set up the schema of PostGIS at " + url.describe() + ": " + why, e);
    }
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws Exception;
  }

  /** Runs work in one transaction; anything that goes wrong rolls all of it back. */
  private <T> T inTransaction(String what, Work<T> work) {
    return transaction(what, false, work);
  }

  /** Reads in one snapshot, so a read never mixes the data before and after a concurrent write. */
  private <T> T read(String what, Work<T> work) {
    return transaction(what, true, work);
  }

  /**
   * Runs work once, and once more on a fresh connection when the first one turned out to be dead
   * (the server restarted or dropped it): the failed transaction went with its connection, so
   * nothing of it is left. Every other error, and a lost connection during a write's commit (when
   * nobody knows whether it committed), fails at once.
   */
  private <T> T transaction(String what, boolean readOnly, Work<T> work) {
    try {
      return attempt(what, readOnly, work);
    } catch (LostConnection lost) {
      LOG.info("PostGIS {}: connection lost during {} ({}); once more on a fresh connection", url.describe(), what,
          reason(lost.failure));
      // A restart kills every pooled connection, and the pool skips its liveness check for those used in
      // the last half second: without this the retry could be handed another dead one.
      pool.getHikariPoolMXBean().softEvictConnections();
      try {
        return attempt(what, readOnly, work);
      } catch (LostConnection again) {
        throw failure(what, again.failure);
      }
    }
  }

  /**
   * A stuck database must not hold a thread forever: the server cancels a statement past the
   * transaction's timeout (lock waits included), and the driver gives up a socket that stays
   * silent a little longer than that (a hung host never even answers the cancel).
   */
  private <T> T attempt(String what, boolean readOnly, Work<T> work) throws LostConnection {
    Connection c = connection(what);
    boolean committing = false;
    try {
      int seconds = readOnly ? timeouts.readSeconds() : timeouts.writeSeconds();
      // Before the first round trip: setting the isolation level already waits on the server.
      c.setNetworkTimeout(DIRECT, (seconds + timeouts.networkMarginSeconds()) * 1000);
      c.setAutoCommit(false);
      if (readOnly) {
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
      }
      execute(c, "SET LOCAL statement_timeout = '" + seconds + "s'");
      T result = work.run(c);
      committing = true;
      c.commit();
      return result;
    } catch (Exception e) {
      if (isConnectionLoss(e)) {
        pool.evictConnection(c);
        if (readOnly || !committing) throw new LostConnection(e);
      } else {
        rollbackQuietly(c, e);
      }
      if (e instanceof StoreException s) throw s;
      throw failure(what, e);
    } finally {
      closeQuietly(c);
    }
  }

  /** What a read or write transaction runs under: the server's statement_timeout and the socket's read timeout. */
  record Bounds(String statementTimeout, int networkTimeoutMillis) {}

  Bounds boundsInForce(boolean write) {
    Work<Bounds> show = c -> {
      try (PreparedStatement st = c.prepareStatement("SHOW statement_timeout"); ResultSet rs = st.executeQuery()) {
        rs.next();
        return new Bounds(rs.getString(1), c.getNetworkTimeout());
      }
    };
    return write ? inTransaction("show the write timeouts", show) : read("show the read timeouts", show);
  }

  /** The connection, not the statement, failed: SQLSTATE class 08, or the server shutting down or restarting. */
  static boolean isConnectionLoss(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          String state = s.getSQLState();
          if (state != null && (state.startsWith("08") || CONNECTION_LOSS_STATES.contains(state))) return true;
        }
      }
    }
    return false;
  }

  /** Carries a lost connection from one attempt to the retry. */
  private static final class LostConnection extends Exception {
    final Exception failure;

    LostConnection(Exception failure) {
      super(failure);
      this.failure = failure;
    }
  }

  private Connection connection(String what) {
    try {
      Connection c = pool.getConnection();
      try {
        // A geometry column in a result set comes back as postgis-jdbc's PGgeometry (hex EWKB, every
        // bit kept), never as bare text; kelurahan themselves are read as WKB through COPY.
        c.unwrap(PGConnection.class).addDataType("geometry", PGgeometry.class);
      } catch (SQLException | RuntimeException e) {
        closeQuietly(c);
        throw e;
      }
      return c;
    } catch (SQLException e) {
      // The pool has already tried other and new connections for the whole connect timeout.
      throw failure(what, e);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      // An evicted or broken connection: the pool has already let it go.
    }
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private StoreException failure(String what, Exception e) {
    return new StoreException("cannot " + what + " in PostGIS at " + url.describe() + ": " + reason(e), e);
  }

  /** The message and, when it adds something, the root cause's: pool errors hide the real reason. */
  private static String reason(Throwable e) {
    String message = firstLine(e.getMessage());
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String rootMessage = firstLine(root.getMessage());
    if (root != e && rootMessage != null && (message == null || !message.contains(rootMessage))) {
      return (message == null ? e.getClass().getSimpleName() : message) + " (" + rootMessage + ")";
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String firstLine(String s) {
    if (s == null) return null;
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  // --- boundaries

  @Override
  public Optional<BoundarySet> boundaries() {
    return read("read boundaries", c -> {
      String source;
      boolean schematic;
      try (PreparedStatement st = c.prepareStatement("SELECT source, schematic FROM boundary_set");
          ResultSet rs = st.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        source = rs.getString(1);
        schematic = rs.getBoolean(2);
      }
      List<Kelurahan> kelurahan = kelurahanRows(c);
      List<Outline> outlines = outlineRows(c);
      List<UnmatchedFeature> unmatched = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
          "SELECT feature_index, kode_bps, name, kecamatan, reason FROM unmatched_feature ORDER BY ordinal");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          unmatched.add(new UnmatchedFeature(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
              rs.getString(5)));
        }
      }
      return Optional.of(new BoundarySet(source, schematic, kelurahan, unmatched, outlines));
    });
  }

  @Override
  public boolean hasBoundaries() {
    return read("look for boundaries", c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM boundary_set)");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    });
  }

  /**
   * The kelurahan through a binary {@code COPY … TO STDOUT} with geometry as WKB bytes: a national
   * set is 83,800 polygons and 22.7 M vertices, which as hex EWKB in a result set (parsed into the
   * driver's objects, then JTS's, then packed) took seconds of start-up.
   */
  private static List<Kelurahan> kelurahanRows(Connection c) throws SQLException, ParseException {
    List<Kelurahan> kelurahan = new ArrayList<>();
    CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT code, kode_bps, name, kecamatan,"
        + " kota, luas_km2, ST_AsBinary(geom) FROM kelurahan ORDER BY ordinal) TO STDOUT (FORMAT binary)");
    try {
      BinaryCopyRows row = new BinaryCopyRows(copy);
      while (row.next()) {
        String code = row.text(0);
        kelurahan.add(new Kelurahan(new KelurahanCode(code), row.text(1), row.text(2), row.text(3), row.text(4),
            PostgisGeometries.readWkb(row.bytes(6), code), row.float8(5)));
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the kelurahan COPY stream: " + e.getMessage(), e);
    } finally {
      BinaryCopyRows.cancel(copy);
    }
    return kelurahan;
  }

  /** The dissolved outlines, read as the kelurahan are (binary COPY of WKB). */
  private static List<Outline> outlineRows(Connection c) throws SQLException, ParseException {
    List<Outline> outlines = new ArrayList<>();
    CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI()
        .copyOut("COPY (SELECT code, ST_AsBinary(geom) FROM boundary_outline ORDER BY code) TO STDOUT (FORMAT binary)");
    try {
      BinaryCopyRows row = new BinaryCopyRows(copy);
      while (row.next()) {
        String code = row.text(0);
        outlines.add(new Outline(code, PostgisGeometries.readWkb(row.bytes(1), code)));
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the boundary_outline COPY stream: " + e.getMessage(), e);
    } finally {
      BinaryCopyRows.cancel(copy);
    }
    return outlines;
  }

  @Override
  public void replaceBoundaries(BoundarySet set, ImportRecord record, List<AuditEntry> audit) {
    inTransaction("replace boundaries", c -> {
      // Two replacements at once would each delete only what they saw and then clash on codes.
      execute(c, "LOCK TABLE boundary_set IN SHARE ROW EXCLUSIVE MODE");
      execute(c, "DELETE FROM kelurahan");
      execute(c, "DELETE FROM boundary_outline");
      execute(c, "DELETE FROM unmatched_feature");
      execute(c, "DELETE FROM boundary_set");
      try (PreparedStatement st = c.prepareStatement("INSERT INTO boundary_set (source, schematic) VALUES (?, ?)")) {
        st.setString(1, set.source());
        st.setBoolean(2, set.schematic());
        st.executeUpdate();
      }
      BinaryCopyWriter rows = new BinaryCopyWriter(c,
          "COPY kelurahan (ordinal, code, kode_bps, name, kecamatan, kota, luas_km2, geom) FROM STDIN (FORMAT binary)");
      try {
        WKBWriter wkb = new WKBWriter();
        int i = 0;
        for (Kelurahan k : set.kelurahan()) {
          rows.row(8).int4(i++).text(k.code().value()).text(k.bpsCode()).text(k.name()).text(k.kecamatan())
              .text(k.kota()).float8(k.areaKm2()).bytes(wkb.write(k.geometry()));
        }
        rows.finish();
      } catch (SQLException | RuntimeException e) {
        rows.cancel(e);
        throw e;
      }
      insertOutlines(c, set.outlines());
      try (PreparedStatement st = c.prepareStatement(
          "INSERT INTO unmatched_feature (ordinal, feature_index, kode_bps, name, kecamatan, reason)"
              + " VALUES (?, ?, ?, ?, ?, ?)")) {
        int i = 0;
        for (UnmatchedFeature u : set.unmatched()) {
          st.setInt(1, i++);
          st.setInt(2, u.index());
          st.setString(3, u.bpsCode());
          st.setString(4, u.name());
          st.setString(5, u.kecamatan());
          st.setString(6, u.reason());
          st.addBatch();
        }
        st.executeBatch();
      }
      insertImport(c, record);
      insertAudit(c, audit);
      return null;
    });
  }

  @Override
  public boolean keepOutlines(ImportRecord dissolvedFrom, List<Outline> outlines) {
    return inTransaction("keep boundary outlines", c -> {
      // The lock a boundary import takes: no import can come between the check and the insert.
      execute(c, "LOCK TABLE boundary_set IN SHARE ROW EXCLUSIVE MODE");
      ImportRecord last = null;
      try (PreparedStatement st = c.prepareStatement("SELECT at, kind, by, file_name, sha256, rows FROM import_log"
          + " WHERE kind = ? ORDER BY id DESC LIMIT 1")) {
        st.setString(1, ImportRecord.BOUNDARIES);
        try (ResultSet rs = st.executeQuery()) {
          if (rs.next()) last = importRecord(rs);
        }
      }
      try (PreparedStatement st = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM boundary_outline)");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1) || !dissolvedFrom.equals(last)) return false;
      }
      insertOutlines(c, outlines);
      return true;
    });
  }

  private static void insertOutlines(Connection c, List<Outline> outlines) throws SQLException {
    BinaryCopyWriter rows = new BinaryCopyWriter(c, "COPY boundary_outline (code, geom) FROM STDIN (FORMAT binary)");
    try {
      WKBWriter wkb = new WKBWriter();
      for (Outline o : outlines) rows.row(2).text(o.code()).bytes(wkb.write(o.geometry()));
      rows.finish();
    } catch (SQLException | RuntimeException e) {
      rows.cancel(e);
      throw e;
    }
  }

  // --- coverage

  @Override
  public List<CoverageRecord> coverage() {
    return read("read coverage", c -> coverageRows(c,
        "SELECT code, period, sector, participants, workforce FROM coverage ORDER BY code, period, sector"));
  }

  /** The highest import id on a coverage row: coverage writers log under the table lock, so ids rise in commit order. */
  @Override
  public OptionalLong coverageMark() {
    return OptionalLong.of(read("read the coverage mark", PostgisStore::coverageMark));
  }

  /**
   * The rows whose import id is above the mark, in one snapshot with the new mark. A write that
   * removed rows (replacing every record) leaves no row at or below the mark, nor one from before
   * rows carried import ids: then nothing is said, and the caller reads the table whole.
   */
  @Override
  public Optional<CoverageChanges> coverageChangedSince(long mark) {
    return read("read coverage changed since " + mark, c -> {
      try (PreparedStatement st = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM coverage WHERE import_id <= ?)"
          + " OR EXISTS (SELECT 1 FROM coverage WHERE import_id IS NULL)")) {
        st.setLong(1, mark);
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) return Optional.empty();
        }
      }
      long now = coverageMark(c);
      // The rows since a mark are the last import's or few more, found through the import_id index.
      // Right after a bulk load the table has no statistics yet, and the planner's default guess (a
      // third of the rows) chose a scan of all 6 million: 570 ms instead of 70 for a national month.
      execute(c, "SET LOCAL enable_seqscan = off");
      List<CoverageRecord> records = coverageRows(c,
          "SELECT code, period, sector, participants, workforce FROM coverage WHERE import_id > " + mark);
      return Optional.of(new CoverageChanges(now, records));
    });
  }

  private static long coverageMark(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT coalesce(max(import_id), 0) FROM coverage");
        ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The stored sectors' names as a COPY sends them, to tell a row's sector without making a string. */
  private static final byte[][] SECTOR_BYTES = Sector.IMPORTED.stream()
      .map(sector -> sector.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);

  private static Sector sector(BinaryCopyRows row) throws IOException {
    for (int i = 0; i < SECTOR_BYTES.length; i++) {
      if (row.holds(2, SECTOR_BYTES[i])) return Sector.IMPORTED.get(i);
    }
    throw new IOException("a coverage row with sector " + row.text(2));
  }

  /**
   * Coverage rows selected as code, period, sector, participants, workforce, read through a binary
   * {@code COPY … TO STDOUT} ({@link BinaryCopyRows}, as the kelurahan are): a national month is
   * 251,400 rows that another instance reads before it republishes, and the row-by-row result set
   * took twice as long.
   */
  private static List<CoverageRecord> coverageRows(Connection c, String select) throws SQLException {
    List<CoverageRecord> out = new ArrayList<>();
    // Millions of records share a few thousand codes and months: keep one object of each. Rows come
    // sorted by code, then month, so each is mostly the one before's: told by its bytes, nothing
    // decoded or made for it.
    Map<String, KelurahanCode> codes = new HashMap<>();
    Map<Integer, Period> periods = new HashMap<>();
    byte[] codeBytes = null;
    KelurahanCode code = null;
    int days = Integer.MIN_VALUE;
    Period period = null;
    CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + select + ") TO STDOUT (FORMAT binary)");
    try {
      BinaryCopyRows row = new BinaryCopyRows(copy);
      while (row.next()) {
        if (!row.holds(0, codeBytes)) {
          codeBytes = row.bytes(0);
          code = codes.computeIfAbsent(row.text(0), KelurahanCode::new);
        }
        if (row.date(1) != days) {
          days = row.date(1);
          period = periods.computeIfAbsent(days, d -> new Period(YearMonth.from(BinaryCopyRows.EPOCH.plusDays(d))));
        }
        out.add(new CoverageRecord(code, period, sector(row), row.int8(3), row.isNull(4) ? null : row.int8(4)));
      }
    } catch (IOException e) {
      throw new SQLException("cannot read the coverage COPY stream: " + e.getMessage(), e);
    } finally {
      BinaryCopyRows.cancel(copy);
    }
    return out;
  }

  /**
   * Streams the records through COPY into a staging table and merges them in one statement, all
   * in one transaction. If the same key comes twice, the later record wins, as in the embedded
   * store.
   */
  @Override
  public void importCoverage(List<CoverageRecord> records, ImportRecord record) {
    mergeCoverage(records, record, false);
  }

  @Override
  public void replaceAllCoverage(List<CoverageRecord> records, ImportRecord record) {
    mergeCoverage(records, record, true);
  }

  /**
   * Locks the coverage table against other writers (readers go on), so the seed check below still
   * holds when the merge commits; every coverage write logs in its own transaction, so log and
   * rows agree.
   */
  @Override
  public boolean acceptCoverage(List<CoverageRecord> records, ImportRecord record, List<AuditEntry> audit) {
    return inTransaction("import " + records.size() + " coverage records", c -> {
      execute(c, "LOCK TABLE coverage IN SHARE ROW EXCLUSIVE MODE");
      boolean replaceAll = false;
      if (ImportRecord.SYNTHETIC.equals(record.kind())) {
        if (countCoverage(c) > 0) return false;
      } else {
        try (PreparedStatement st = c.prepareStatement("SELECT kind, rows FROM import_log"
            + " WHERE kind IN ('coverage', 'synthetic') ORDER BY id DESC LIMIT 1");
            ResultSet rs = st.executeQuery()) {
          // Only the seed, untouched since: an older, torn store's real rows are kept, not wiped.
          // Counted only after a seed, so a national re-import does not pay for counting its table.
          replaceAll = rs.next() && ImportRecord.SYNTHETIC.equals(rs.getString(1))
              && rs.getLong(2) == countCoverage(c);
        }
      }
      mergeCoverage(c, records, record, replaceAll);
      insertAudit(c, audit);
      return true;
    });
  }

  private static long countCoverage(Connection c) throws SQLException {
    try (PreparedStatement st = c.prepareStatement("SELECT count(*) FROM coverage"); ResultSet rs = st.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void mergeCoverage(List<CoverageRecord> records, ImportRecord record, boolean replaceAll) {
    inTransaction("import " + records.size() + " coverage records", c -> {
      mergeCoverage(c, records, record, replaceAll);
      return null;
    });
  }

  private static void mergeCoverage(Connection c, List<CoverageRecord> records, ImportRecord record,
      boolean replaceAll) throws SQLException {
    // Every coverage writer holds this lock before it logs, so import ids rise in the order rows commit
    // (coverageChangedSince depends on it); acceptCoverage took it already.
    execute(c, "LOCK TABLE coverage IN SHARE ROW EXCLUSIVE MODE");
    long importId = insertImport(c, record);
    if (replaceAll) execute(c, "DELETE FROM coverage");
    execute(c, "CREATE TEMPORARY TABLE coverage_staging (seq bigint NOT NULL, code text COLLATE \"C\" NOT NULL,"
        + " period date NOT NULL, sector text COLLATE \"C\" NOT NULL, participants bigint NOT NULL,"
        + " workforce bigint) ON COMMIT DROP");
    copyToStaging(c, records);
    // Enough memory to sort a national import without spilling to disk.
    execute(c, "SET LOCAL work_mem = '64MB'");
    // Sorted by key: the later duplicate wins, and concurrent imports lock rows in the same order.
    execute(c, "INSERT INTO coverage (code, period, sector, participants, workforce, import_id)"
        + " SELECT DISTINCT ON (code, period, sector) code, period, sector, participants, workforce, " + importId
        + " FROM coverage_staging ORDER BY code, period, sector, seq DESC"
        + " ON CONFLICT (code, period, sector)"
        + " DO UPDATE SET participants = EXCLUDED.participants, workforce = EXCLUDED.workforce,"
        + " import_id = EXCLUDED.import_id"
        // Files often send earlier months again unchanged; rewriting those rows would cost a new row
        // version, an index entry and WAL each (about twice the time of the first import, and a table
        // twice its size until vacuum).
        + " WHERE (coverage.participants, coverage.workforce)"
        + " IS DISTINCT FROM (EXCLUDED.participants, EXCLUDED.workforce)");
  }

  /** Writes COPY text in chunks, so the records are never all held a second time as text. */
  private static void copyToStaging(Connection c, List<CoverageRecord> records) throws SQLException {
    CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
        "COPY coverage_staging (seq, code, period, sector, participants, workforce) FROM STDIN (FORMAT text)");
    try {
      StringBuilder chunk = new StringBuilder(COPY_CHUNK_CHARS + 256);
      long seq = 0;
      for (CoverageRecord r : records) {
        // Codes, dates, sector names and numbers: nothing here needs COPY escaping.
        chunk.append(seq++).append('\t')
            .append(r.code().value()).append('\t')
            .append(r.period().month().atDay(1)).append('\t')
            .append(r.sector().name()).append('\t')
            .append(r.participants()).append('\t');
        if (r.workforce() == null) chunk.append("\\N"); else chunk.append(r.workforce().longValue());
        chunk.append('\n');
        if (chunk.length() >= COPY_CHUNK_CHARS) {
          byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          chunk.setLength(0);
        }
      }
      byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
    } catch (SQLException | RuntimeException e) {
      // Leave the connection usable for the rollback and for the next borrower.
      if (copy.isActive()) {
        try {
          copy.cancelCopy();
        } catch (SQLException cancel) {
          e.addSuppressed(cancel);
        }
      }
      throw e;
    }
  }

  // --- points

  /** COPY the points into a temporary table and let the GiST index find the covering kelurahan. */
  @Override
  public List<KelurahanCode> locate(double[] lons, double[] lats) {
    return inTransaction("locate " + lons.length + " points", c -> {
      execute(c, "CREATE TEMPORARY TABLE point_staging (seq integer NOT NULL, lon double precision NOT NULL,"
          + " lat double precision NOT NULL) ON COMMIT DROP");
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY point_staging (seq, lon, lat) FROM STDIN (FORMAT text)");
      StringBuilder chunk = new StringBuilder(COPY_CHUNK_CHARS + 64);
      for (int i = 0; i < lons.length; i++) {
        chunk.append(i).append('\t').append(lons[i]).append('\t').append(lats[i]).append('\n');
        if (chunk.length() >= COPY_CHUNK_CHARS || i == lons.length - 1) {
          byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          chunk.setLength(0);
        }
      }
      copy.endCopy();
      List<KelurahanCode> out = new ArrayList<>(java.util.Collections.nCopies(lons.length, (KelurahanCode) null));
      try (PreparedStatement st = c.prepareStatement("SELECT p.seq, k.code FROM point_staging p"
          + " JOIN LATERAL (SELECT code FROM kelurahan k"
          + " WHERE ST_Covers(k.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326)) ORDER BY code LIMIT 1) k ON true");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.set(rs.getInt(1), KelurahanCode.parse(rs.getString(2)));
      }
      return out;
    });
  }

  // --- filters

  /**
   * The filter as SQL over the kelurahan table: values travel as bound parameters, property names
   * only as the column expressions of {@link KelurahanQueryables}. A statement timeout bounds what
   * a costly filter can take from the database.
   */
  @Override
  public List<KelurahanCode> kelurahanMatching(Filter filter) {
    SqlFilter where = SqlFilter.of(filter, KelurahanQueryables.COLUMNS);
    return filtering(() -> read("filter kelurahan", c -> {
      execute(c, "SET LOCAL statement_timeout = '" + FILTER_TIMEOUT_SECONDS + "s'");
      List<KelurahanCode> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT k.code FROM kelurahan k WHERE " + where.sql()
          + " ORDER BY k.code")) {
        int i = 1;
        for (Object v : where.parameters()) st.setObject(i++, v);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(KelurahanCode.parse(rs.getString(1)));
        }
      }
      return out;
    }));
  }

  /** SQLSTATE query_canceled: the statement timeout ended a filter. */
  private static final String QUERY_CANCELED = "57014";

  /**
   * A filter cut off by the statement timeout is the client's to narrow (a 400), not a sign that
   * the database is unwell: it must not mark the store degraded.
   */
  private static <T> T filtering(Supplier<T> query) {
    try {
      return query.get();
    } catch (StoreException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
          throw new FilterException("character 1", "the filter took longer than " + FILTER_TIMEOUT_SECONDS
              + " s in the database; narrow it (a smaller area, fewer months or sectors)");
        }
      }
      throw e;
    }
  }

  /** The same, over every kelurahan × month with data × sector, with SPEC §3's sums done in SQL. */
  @Override
  public List<CoverageFeature> coverageMatching(Filter filter, int limit) {
    SqlFilter where = SqlFilter.of(filter, CoverageQueryables.COLUMNS);
    return filtering(() -> read("filter coverage", c -> {
      execute(c, "SET LOCAL statement_timeout = '" + FILTER_TIMEOUT_SECONDS + "s'");
      List<CoverageFeature> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT f.code, f.period, f.sector FROM (" + CoverageQueryables.ROWS
          + ") f WHERE " + where.sql() + " ORDER BY f.code, f.period, f.ord LIMIT ?")) {
        int i = 1;
        for (Object v : where.parameters()) st.setObject(i++, v);
        st.setInt(i, limit);
        st.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new CoverageFeature(KelurahanCode.parse(rs.getString(1)),
                new Period(YearMonth.from(rs.getObject(2, LocalDate.class))), Sector.valueOf(rs.getString(3))));
          }
        }
      }
      return out;
    }));
  }

  // --- import log

  /**
   * The newest import's id plus the newest target revision plus the activity revision: cheap, and it fails fast when the database is gone. A server that
   * accepts but never answers (frozen, or cut off mid-connection) fails it within the connect
   * timeout too, instead of holding the background check forever.
   */
  @Override
  public long version() {
    return read("check the import log", c -> {
      c.setNetworkTimeout(Runnable::run, CONNECT_TIMEOUT_SECONDS * 1000);
      // Each only rises: their sum changes whenever an import, a target or an activity is stored.
      try (PreparedStatement st = c.prepareStatement("SELECT (SELECT coalesce(max(id), 0) FROM import_log)"
          + " + (SELECT coalesce(max(revision), 0) FROM target)"
          + " + (SELECT coalesce(max(revision), 0) FROM activity_revision)");
          ResultSet rs = st.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public List<ImportRecord> imports() {
    return read("read the import log", c -> {
      List<ImportRecord> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement(
          "SELECT at, kind, by, file_name, sha256, rows FROM import_log ORDER BY id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(importRecord(rs));
      }
      return out;
    });
  }

  /** The import log row of {@code SELECT at, kind, by, file_name, sha256, rows}. */
  private static ImportRecord importRecord(ResultSet rs) throws SQLException {
    return new ImportRecord(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), rs.getString(3),
        rs.getString(4), rs.getString(5), rs.getInt(6));
  }

  /** @return the log row's id */
  private static long insertImport(Connection c, ImportRecord record) throws SQLException {
    long id;
    try (PreparedStatement st = c.prepareStatement(
        "INSERT INTO import_log (at, kind, by, file_name, sha256, rows) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      Instant at = record.at();
      // timestamptz keeps microseconds; truncating here makes what is read back predictable.
      if (at == null) st.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
      else st.setObject(1, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
      st.setString(2, record.kind());
      st.setString(3, record.by());
      st.setString(4, record.fileName());
      st.setString(5, record.sha256());
      st.setInt(6, record.rows());
      try (ResultSet rs = st.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    ImportNotifications.announce(c, record.kind());
    return id;
  }

  // --- tokens and the audit log

  @Override
  public void createToken(ApiToken token, String sha256, List<AuditEntry> audit) {
    inTransaction("store a token", c -> {
      try (PreparedStatement st = c.prepareStatement(
          "INSERT INTO api_token (id, name, role, kecamatan, sha256, created) VALUES (?, ?, ?, ?, ?, ?)")) {
        st.setString(1, token.id());
        st.setString(2, token.name());
        st.setString(3, token.role().key());
        st.setString(4, token.kecamatan());
        st.setString(5, sha256);
        st.setObject(6, timestamp(token.created()));
        st.executeUpdate();
      }
      insertAudit(c, audit);
      return null;
    });
  }

  // --- targeting: camat targets

  private static final String TARGET_COLUMNS = "code, sector, period, target, baseline, assignee, note";

  @Override
  public List<Target> targets(String kecamatan, Sector sector, Period period) {
    return read("read targets", c -> {
      StringBuilder sql = new StringBuilder("SELECT " + TARGET_COLUMNS + " FROM target WHERE true");
      List<Object> args = new ArrayList<>();
      if (kecamatan != null) {
        // Codes are digits and dots only (checked by the table), so the prefix needs no LIKE escaping.
        sql.append(" AND code LIKE ?");
        args.add(kecamatan + ".%");
      }
      if (sector != null) {
        sql.append(" AND sector = ?");
        args.add(sector.name());
      }
      if (period != null) {
        sql.append(" AND period = ?");
        args.add(period.month().atDay(1));
      }
      sql.append(" ORDER BY code, sector, period");
      try (PreparedStatement st = c.prepareStatement(sql.toString())) {
        for (int i = 0; i < args.size(); i++) st.setObject(i + 1, args.get(i));
        st.setFetchSize(FETCH_SIZE);
        List<Target> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) out.add(target(rs));
        }
        // Sector order is the enum's, as in the embedded store.
        out.sort(Target.ORDER);
        return out;
      }
    });
  }

  private static Target target(ResultSet rs) throws SQLException {
    return new Target(new KelurahanCode(rs.getString(1)), Sector.valueOf(rs.getString(2)),
        new Period(YearMonth.from(rs.getObject(3, LocalDate.class))), rs.getLong(4),
        new Period(YearMonth.from(rs.getObject(5, LocalDate.class))), rs.getString(6), rs.getString(7));
  }

  /**
   * Target writers take turns (the table lock lets readers go on), so the old values read first
   * are the ones replaced; the rows go in batches.
   */
  @Override
  public List<Target> putTargets(List<Target> targets, ImportRecord record,
      BiFunction<Target, Target, AuditEntry> audit) {
    return inTransaction("store " + targets.size() + " targets", c -> {
      execute(c, "LOCK TABLE target IN SHARE ROW EXCLUSIVE MODE");
      Map<String, Target> stored = new HashMap<>();
      try (PreparedStatement st = c.prepareStatement("SELECT " + TARGET_COLUMNS + " FROM target")) {
        st.setFetchSize(FETCH_SIZE);
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            Target t = target(rs);
            stored.put(t.key(), t);
          }
        }
      }
      List<Target> before = new ArrayList<>(targets.size());
      List<AuditEntry> entries = new ArrayList<>(targets.size());
      try (PreparedStatement put = c.prepareStatement("INSERT INTO target (" + TARGET_COLUMNS + ")"
          + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (code, sector, period) DO UPDATE SET"
          + " target = EXCLUDED.target, baseline = EXCLUDED.baseline, assignee = EXCLUDED.assignee,"
          + " note = EXCLUDED.note, revision = nextval('target_revision')")) {
        int n = 0;
        for (Target t : targets) {
          Target was = stored.put(t.key(), t);
          before.add(was);
          entries.add(audit.apply(was, t));
          put.setString(1, t.code().value());
          put.setString(2, t.sector().name());
          put.setObject(3, t.period().month().atDay(1));
          put.setLong(4, t.target());
          put.setObject(5, t.baseline().month().atDay(1));
          put.setString(6, t.assignee());
          put.setString(7, t.note());
          put.addBatch();
          if (++n % BATCH == 0) put.executeBatch();
        }
        put.executeBatch();
      }
      if (record != null) insertImport(c, record);
      else ImportNotifications.announce(c, ImportRecord.TARGETS); // the others read the targets again, nothing more
      insertAudit(c, entries);
      return before;
    });
  }

  private static final String TOKEN_COLUMNS = "id, name, role, kecamatan, created, revoked";

  private static ApiToken token(ResultSet rs) throws SQLException {
    OffsetDateTime revoked = rs.getObject(6, OffsetDateTime.class);
    return new ApiToken(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)), rs.getString(4),
        rs.getObject(5, OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant());
  }

  @Override
  public List<ApiToken> tokens() {
    return read("read tokens", c -> {
      List<ApiToken> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT " + TOKEN_COLUMNS + " FROM api_token ORDER BY created, id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) out.add(token(rs));
      }
      return out;
    });
  }

  @Override
  public Optional<ApiToken> liveToken(String sha256) {
    return read("look up a token", c -> {
      try (PreparedStatement st = c.prepareStatement(
          "SELECT " + TOKEN_COLUMNS + " FROM api_token WHERE sha256 = ? AND revoked IS NULL")) {
        st.setString(1, sha256);
        try (ResultSet rs = st.executeQuery()) {
          return rs.next() ? Optional.of(token(rs)) : Optional.<ApiToken>empty();
        }
      }
    });
  }

  @Override
  public Optional<ApiToken> revokeToken(String id, Instant at, List<AuditEntry> audit) {
    return inTransaction("revoke a token", c -> {
      try (PreparedStatement st = c.prepareStatement("UPDATE api_token SET revoked = ? WHERE id = ? AND revoked IS NULL"
          + " RETURNING " + TOKEN_COLUMNS)) {
        st.setObject(1, timestamp(at));
        st.setString(2, id);
        try (ResultSet rs = st.executeQuery()) {
          if (!rs.next()) return Optional.<ApiToken>empty();
          ApiToken revoked = token(rs);
          insertAudit(c, audit);
          return Optional.of(revoked);
        }
      }
    });
  }

  @Override
  public void appendAudit(List<AuditEntry> entries) {
    if (entries.isEmpty()) return;
    inTransaction("append to the audit log", c -> {
      insertAudit(c, entries);
      return null;
    });
  }

  @Override
  public List<AuditEntry> audit(int limit, int offset) {
    return read("read the audit log", c -> {
      List<AuditEntry> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT at, actor, role, action, subject, old_value, new_value"
          + " FROM audit_log ORDER BY id DESC LIMIT ? OFFSET ?")) {
        st.setInt(1, Math.max(limit, 0));
        st.setInt(2, Math.max(offset, 0));
        try (ResultSet rs = st.executeQuery()) {
          while (rs.next()) {
            out.add(new AuditEntry(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2),
                Role.parse(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
          }
        }
      }
      return out;
    });
  }

  /**
   * Appends audit entries on the caller's connection, so they commit or roll back with the change
   * they describe: every audited write calls this inside its own {@code inTransaction}.
   */
  static void insertAudit(Connection c, List<AuditEntry> audit) throws SQLException {
    if (audit.isEmpty()) return;
    try (PreparedStatement st = c.prepareStatement("INSERT INTO audit_log (at, actor, role, action, subject,"
        + " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (AuditEntry e : audit) {
        st.setObject(1, timestamp(e.at()));
        st.setString(2, e.actor());
        st.setString(3, e.role().key());
        st.setString(4, e.action());
        st.setString(5, e.subject());
        st.setString(6, e.oldValue());
        st.setString(7, e.newValue());
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  // --- activities

  @Override
  public List<Activity> activities() {
    return read("read activities", c -> {
      List<Activity> out = new ArrayList<>();
      try (PreparedStatement st = c.prepareStatement("SELECT id, type, status, date, organiser, code, lon, lat,"
          + " target_group, attendees, registrations, note FROM activity ORDER BY date, id");
          ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          double lon = rs.getDouble(7);
          Double lonValue = rs.wasNull() ? null : lon;
          double lat = rs.getDouble(8);
          Double latValue = rs.wasNull() ? null : lat;
          int attendees = rs.getInt(10);
          Integer attendeesValue = rs.wasNull() ? null : attendees;
          int registrations = rs.getInt(11);
          Integer registrationsValue = rs.wasNull() ? null : registrations;
          out.add(new Activity(rs.getString(1), ActivityType.parse(rs.getString(2)), ActivityStatus.parse(rs.getString(3)),
              rs.getObject(4, LocalDate.class), rs.getString(5), new KelurahanCode(rs.getString(6)), lonValue, latValue,
              rs.getString(9), attendeesValue, registrationsValue, rs.getString(12)));
        }
      }
      return out;
    });
  }

  @Override
  public void putActivities(List<Activity> activities, List<AuditEntry> audit) {
    inTransaction("store " + activities.size() + " activities", c -> {
      try (PreparedStatement st = c.prepareStatement("INSERT INTO activity (id, type, status, date, organiser, code,"
          + " lon, lat, target_group, attendees, registrations, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, status = EXCLUDED.status, date = EXCLUDED.date,"
          + " organiser = EXCLUDED.organiser, code = EXCLUDED.code, lon = EXCLUDED.lon, lat = EXCLUDED.lat,"
          + " target_group = EXCLUDED.target_group, attendees = EXCLUDED.attendees,"
          + " registrations = EXCLUDED.registrations, note = EXCLUDED.note")) {
        int i = 0;
        for (Activity a : activities) {
          st.setString(1, a.id());
          st.setString(2, a.type().key());
          st.setString(3, a.status().key());
          st.setObject(4, a.date());
          st.setString(5, a.organiser());
          st.setString(6, a.code().value());
          st.setObject(7, a.lon(), Types.DOUBLE);
          st.setObject(8, a.lat(), Types.DOUBLE);
          st.setString(9, a.targetGroup());
          st.setObject(10, a.attendees(), Types.INTEGER);
          st.setObject(11, a.registrations(), Types.INTEGER);
          st.setString(12, a.note());
          st.addBatch();
          if (++i % BATCH == 0) st.executeBatch();
        }
        st.executeBatch();
      }
      activityWritten(c);
      insertAudit(c, audit);
      return null;
    });
  }

  /** Raises the activity revision ({@link #version}) and tells the other instances, both on commit. */
  private static void activityWritten(Connection c) throws SQLException {
    execute(c, "UPDATE activity_revision SET revision = revision + 1");
    ImportNotifications.announce(c, "activities");
  }

  @Override
  public boolean deleteActivity(String id, List<AuditEntry> audit) {
    return inTransaction("delete an activity", c -> {
      try (PreparedStatement st = c.prepareStatement("DELETE FROM activity WHERE id = ?")) {
        st.setString(1, id);
        if (st.executeUpdate() == 0) return false;
      }
      activityWritten(c);
      insertAudit(c, audit);
      return true;
    });
  }

  /** timestamptz keeps microseconds; truncating here makes what is read back predictable. */
  private static OffsetDateTime timestamp(Instant at) {
    return OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (PreparedStatement st = c.prepareStatement(sql)) {
      st.execute();
    }
  }

  @Override
  public void close() {
    ImportNotifications n = notifications;
    if (n != null) n.close();
    pool.close();
  }

  /** Every import, target or activity write into this database, by any process, is announced with NOTIFY; this listens. */
  @Override
  public synchronized void onImport(Runnable listener) {
    if (notifications != null) notifications.close();
    notifications = new ImportNotifications(url, listener);
  }

  @Override
  public String toString() {
    return "PostgisStore[" + url + "]";
  }
}
