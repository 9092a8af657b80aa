package id.cakupan.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL's {@value #CHANNEL} channel, on which every import into the database is
 * announced (its log row and the NOTIFY commit together), and every target or activity write
 * (the payload names what was written), and tells a listener. One dedicated
 * connection outside the pool, since LISTEN belongs to a session; when it drops, it reconnects
 * after a pause and tells the listener once, as an import may have gone unheard meanwhile.
 */
final class ImportNotifications implements AutoCloseable {
  static final String CHANNEL = "cakupan_imports";
  private static final Logger LOG = LoggerFactory.getLogger(ImportNotifications.class);
  /** How long one wait for notifications lasts: also how soon a close is noticed. */
  private static final int WAIT_MILLIS = 500;
  private static final long RECONNECT_PAUSE_MILLIS = 1000;

  private final DatabaseUrl url;
  private final Runnable listener;
  private final Thread thread;
  private volatile boolean closed;
  private volatile Connection connection;

  ImportNotifications(DatabaseUrl url, Runnable listener) {
    this.url = url;
    this.listener = listener;
    this.thread = new Thread(this::run, "postgis-import-listener");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    boolean heardBefore = false;
    while (!closed) {
      try (Connection c = connect()) {
        connection = c;
        try (Statement st = c.createStatement()) {
          st.execute("LISTEN " + CHANNEL);
        }
        if (heardBefore) listener.run(); // reconnected: whatever was announced meanwhile is unheard
        heardBefore = true;
        PGConnection pg = c.unwrap(PGConnection.class);
        while (!closed) {
          PGNotification[] got = pg.getNotifications(WAIT_MILLIS);
          if (got != null && got.length > 0) listener.run();
        }
      } catch (SQLException | RuntimeException e) {
        if (closed) return;
        LOG.debug("import notifications from {} interrupted, reconnecting: {}", url.describe(), e.getMessage());
        try {
          Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private Connection connect() throws SQLException {
    Properties p = new Properties();
    if (url.user() != null) p.setProperty("user", url.user());
    if (url.password() != null) p.setProperty("password", url.password());
    p.setProperty("connectTimeout", "5");
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", "cakupan-listen");
    return DriverManager.getConnection(url.jdbcUrl(), p);
  }

  /** Announces a write inside its transaction: listeners hear it when it commits, not before. */
  static void announce(Connection c, String what) throws SQLException {
    try (var st = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', ?)")) {
      st.setString(1, what);
      st.execute();
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c = connection;
    try {
      if (c != null) c.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
    thread.interrupt();
  }
}
