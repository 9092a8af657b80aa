package id.cakupan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database that holds a lock or stops answering must not hold a request thread forever: reads
 * and writes run under a statement timeout and a socket read timeout, on a throwaway cluster.
 */
class PostgisTimeoutsTest {
  private static PostgresCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = PostgresCluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  /** Short read bounds; the write bound stays long because it also bounds the schema migration at open. */
  private static PostgisStore store(String database, PostgisStore.Timeouts timeouts) {
    cluster.createDatabase(database);
    return new PostgisStore(DatabaseUrl.parse(cluster.url(database)), timeouts);
  }

  @Test
  void readsAndWritesRunUnderTheirOwnBounds() {
    try (PostgisStore store = store("bounds", PostgisStore.Timeouts.DEFAULT)) {
      PostgisStore.Bounds read = store.boundsInForce(false);
      assertEquals("2min", read.statementTimeout());
      assertEquals((120 + 15) * 1000, read.networkTimeoutMillis());
      PostgisStore.Bounds write = store.boundsInForce(true);
      assertEquals("15min", write.statementTimeout());
      assertEquals((900 + 15) * 1000, write.networkTimeoutMillis());
      // A connection back from a write keeps no write bound: the next read has its own again.
      assertEquals(read, store.boundsInForce(false));
    }
  }

  @Test
  void aReadWaitingOnALockIsCancelled() throws Exception {
    try (PostgisStore store = store("locked", new PostgisStore.Timeouts(1, 120, 5));
        Connection other = cluster.connect("locked")) {
      store.imports();
      other.setAutoCommit(false);
      try (Statement st = other.createStatement()) {
        st.execute("LOCK TABLE import_log IN ACCESS EXCLUSIVE MODE");
      }
      StoreException e = assertThrows(StoreException.class, store::imports);
      assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
      other.rollback();
      assertEquals(0, store.imports().size(), "the store works on once the lock is gone");
    }
  }

  @Test
  void aReadFromADatabaseThatHangsGivesUp() {
    try (PostgisStore store = store("frozen", new PostgisStore.Timeouts(1, 120, 1))) {
      store.imports();
      cluster.freeze();
      try {
        // A frozen server never answers, not even the cancel: the socket read timeout ends the wait.
        // The guard is far beyond the 2 s read bound plus the pool's 5 s connect timeout; the
        // connection's own 2 min 1 s default (the write bound) must not be what ends the wait.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(StoreException.class, store::imports));
      } finally {
        cluster.thaw();
      }
      assertEquals(0, store.imports().size(), "and recovers once the server answers again");
    }
  }
}
