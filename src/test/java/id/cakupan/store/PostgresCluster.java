package id.cakupan.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for tests: initdb into a temp directory, a private port on
 * 127.0.0.1 (and a unix socket in the temp directory), trust authentication, superuser
 * {@code postgres}, an empty database {@code cakupan}. Close it to stop the server and delete
 * everything; a shutdown hook does the same if a test run dies first.
 *
 * <p>Missing server binaries or a missing PostGIS make {@link #start()} fail, never skip: the
 * project's test script installs them, so their absence is a broken machine, not an option.
 * The binaries are found through {@code -Dcakupan.pgBin} or {@code CAKUPAN_PG_BIN}, else
 * {@code /usr/lib/postgresql/15/bin}, else the newest {@code /usr/lib/postgresql/N/bin}.
 */
public final class PostgresCluster implements AutoCloseable {
  public static final String DATABASE = "cakupan";
  private static final String SUPERUSER = "postgres";
  private static final long COMMAND_TIMEOUT_SECONDS = 120;

  private final Path bin;
  private final Path dir;
  private final Path data;
  private final Path log;
  private final boolean asPostgresUser;
  private final Thread shutdownHook;
  private int port;
  private boolean running;
  private boolean closed;

  private PostgresCluster(Path bin, Path dir, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.data = dir.resolve("data");
    this.log = dir.resolve("server.log");
    this.asPostgresUser = asPostgresUser;
    this.shutdownHook = new Thread(this::destroy, "postgres-cluster-cleanup");
  }

  /** initdb, start, create database {@code cakupan}, and check that PostGIS can be created. */
  public static PostgresCluster start() {
    Path bin = findBinaries();
    boolean root = runningAsRoot();
    Path dir;
    try {
      dir = Files.createTempDirectory("cakupan-pg-");
      // initdb refuses to run as root, so the server runs as the postgres OS user and must own its files.
      if (root) {
        UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(SUPERUSER);
        Files.setOwner(dir, owner);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a temp directory for the test cluster"
          + (root ? " owned by the OS user '" + SUPERUSER + "'" : "") + ": " + e, e);
    }
    PostgresCluster cluster = new PostgresCluster(bin, dir, root);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.initdb();
      cluster.startOnFreePort();
      cluster.checkPostgis();
      cluster.createDatabase(DATABASE);
      return cluster;
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  private static Path findBinaries() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty("cakupan.pgBin", System.getenv("CAKUPAN_PG_BIN"));
    if (configured != null && !configured.isBlank()) {
      candidates.add(Path.of(configured));
    } else {
      candidates.add(Path.of("/usr/lib/postgresql/15/bin"));
      try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        versions.map(v -> v.resolve("bin"))
            .sorted(Comparator.comparing((Path p) -> versionOf(p)).reversed())
            .forEach(candidates::add);
      } catch (IOException e) {
        // No PostgreSQL under /usr/lib at all: the message below says where we looked.
      }
    }
    for (Path p : candidates) {
      if (Files.isExecutable(p.resolve("initdb")) && Files.isExecutable(p.resolve("pg_ctl"))
          && Files.isExecutable(p.resolve("postgres"))) {
        return p;
      }
    }
    throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in " + candidates
        + ". Install postgresql-15 and postgresql-15-postgis-3 (Debian), or point -Dcakupan.pgBin / CAKUPAN_PG_BIN"
        + " at the bin directory. The PostGIS store tests need them and are not skipped.");
  }

  private static int versionOf(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean runningAsRoot() {
    try {
      // /proc/self belongs to this process's uid.
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  // --- the server

  private void initdb() {
    run("initdb", bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
        "-E", "UTF8", "--locale=C", "--no-sync");
  }

  private void startOnFreePort() {
    IllegalStateException last = null;
    // A free port can be taken between choosing it and the server binding it; try a few.
    for (int attempt = 0; attempt < 5; attempt++) {
      port = freePort();
      writeServerSettings();
      try {
        startServer();
        return;
      } catch (IllegalStateException e) {
        last = e;
        if (!serverLog().contains("could not bind") && !serverLog().contains("already in use")) throw e;
      }
    }
    throw last;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
    }
  }

  /** Appended to postgresql.conf (the last setting wins), so restart() comes back on the same port. */
  private void writeServerSettings() {
    // Unix socket paths are limited to about 107 bytes; a long temp path just goes without one.
    String socketDir = dir.toString().length() + 20 < 100 ? dir.toString() : "";
    String settings = "\n# cakupan test cluster\n"
        + "port = " + port + "\n"
        + "listen_addresses = '127.0.0.1'\n"
        + "unix_socket_directories = '" + socketDir + "'\n"
        // Durability is pointless for a throwaway cluster; speed is not.
        + "fsync = off\n"
        + "synchronous_commit = off\n"
        + "full_page_writes = off\n";
    try {
      Files.writeString(data.resolve("postgresql.conf"), settings, StandardCharsets.UTF_8,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the test cluster's settings", e);
    }
  }

  private void startServer() {
    run("pg_ctl start", bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(),
        "-w", "-t", "60", "start");
    running = true;
  }

  /** Stops the server (fast shutdown), keeping the data directory and port for {@link #restart()}. */
  public synchronized void stop() {
    if (!running) return;
    run("pg_ctl stop", bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "-t", "60",
        "stop");
    running = false;
  }

  /** Starts the server again on the same port and data directory (after {@link #stop()}, or while running). */
  public synchronized void restart() {
    if (closed) throw new IllegalStateException("the test cluster is closed");
    stop();
    startServer();
  }

  /**
   * Suspends the server and its backends (SIGSTOP): connections are accepted by the kernel but
   * nothing answers, as with a database host that hangs. {@link #thaw()} resumes it.
   */
  public void freeze() {
    signal("STOP");
  }

  public void thaw() {
    signal("CONT");
  }

  private void signal(String sig) {
    try {
      String pid = Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim();
      // The backends are the postmaster's children; stop them first so none is left running.
      new ProcessBuilder("pkill", "-" + sig, "-P", pid).inheritIO().start().waitFor();
      new ProcessBuilder("kill", "-" + sig, pid).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public synchronized boolean isRunning() {
    return running;
  }

  private void checkPostgis() {
    try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
      st.execute("CREATE EXTENSION postgis");
      st.execute("DROP EXTENSION postgis");
    } catch (SQLException e) {
      throw new IllegalStateException("PostGIS is not available to PostgreSQL in " + bin + ": " + e.getMessage()
          + ". Install postgresql-15-postgis-3 (Debian) for this server version.", e);
    }
  }

  // --- databases

  public int port() {
    return port;
  }

  /** The URL of database {@code cakupan}, as given to {@code --db}. */
  public String url() {
    return url(DATABASE);
  }

  public String url(String database) {
    return "postgresql://" + SUPERUSER + "@127.0.0.1:" + port + "/" + database;
  }

  /** A superuser connection, for setting up and inspecting tests. */
  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, "");
  }

  public void createDatabase(String name) {
    sql("postgres", "CREATE DATABASE " + quote(name));
  }

  public void createDatabase(String name, String template) {
    sql("postgres", "CREATE DATABASE " + quote(name) + " TEMPLATE " + quote(template));
  }

  public void dropDatabase(String name) {
    sql("postgres", "DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
  }

  /** Runs statements as the superuser in a database. */
  public void sql(String database, String... statements) {
    try (Connection c = connect(database); Statement st = c.createStatement()) {
      for (String s : statements) st.execute(s);
    } catch (SQLException e) {
      throw new IllegalStateException("test cluster: " + e.getMessage(), e);
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  // --- processes and cleanup

  private String run(String what, String... command) {
    List<String> cmd = new ArrayList<>();
    if (asPostgresUser) cmd.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    cmd.addAll(List.of(command));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("LC_ALL", "C");
    // The caller's PG* settings must not steer the throwaway cluster.
    pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
    try {
      Path out = Files.createTempFile("cakupan-pg-cmd-", ".log");
      try {
        Process p = pb.redirectOutput(out.toFile()).start();
        if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          throw new IllegalStateException(what + " did not finish in " + COMMAND_TIMEOUT_SECONDS + " s: " + cmd);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
          throw new IllegalStateException(what + " failed (exit " + p.exitValue() + "): " + cmd + "\n" + output
              + "\n--- server log ---\n" + serverLog());
        }
        return output;
      } finally {
        Files.deleteIfExists(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(what + " could not run: " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(what + " was interrupted", e);
    }
  }

  private String serverLog() {
    try {
      if (!Files.exists(log)) return "(no server log)";
      String s = Files.readString(log, StandardCharsets.UTF_8);
      return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    } catch (IOException e) {
      return "(server log unreadable: " + e + ")";
    }
  }

  /** Stops the server and deletes the temp directory. */
  @Override
  public synchronized void close() {
    if (closed) return;
    destroy();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private synchronized void destroy() {
    if (closed) return;
    closed = true;
    if (running) {
      try {
        stop();
      } catch (RuntimeException e) {
        // A fast shutdown that fails must not leave a server behind.
        try {
          run("pg_ctl stop", bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
              "stop");
        } catch (RuntimeException ignored) {
          // Nothing more to try; the directory goes anyway.
        }
        running = false;
      }
    }
    deleteTree(dir);
  }

  /** Removes a directory tree, best effort (also used by the benchmarks for their temp files). */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // Best effort: a leftover file in the temp directory is not worth failing a test for.
        }
      });
    } catch (IOException e) {
      // Same.
    }
  }

  @Override
  public String toString() {
    return "PostgresCluster[127.0.0.1:" + port + ", " + dir + "]";
  }
}
