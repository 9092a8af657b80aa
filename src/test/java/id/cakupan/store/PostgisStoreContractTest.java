package id.cakupan.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The store contract for PostGIS: one throwaway cluster for the class, and for each test a fresh
 * database copied from one that the store has already migrated (copying is quicker than
 * creating PostGIS again).
 */
class PostgisStoreContractTest extends StoreContractTest {
  private static final String TEMPLATE = "contract_template";
  private static PostgresCluster cluster;
  private static int databases;
  private String database;

  @BeforeAll
  static void startCluster() {
    cluster = PostgresCluster.start();
    cluster.createDatabase(TEMPLATE);
    PostgisStore.open(cluster.url(TEMPLATE)).close();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @BeforeEach
  void freshDatabase() {
    database = "contract_" + ++databases;
    cluster.createDatabase(database, TEMPLATE);
  }

  @Override
  protected boolean marksCoverage() {
    return true;
  }

  @Override
  protected Store open() {
    return PostgisStore.open(cluster.url(database));
  }
}
