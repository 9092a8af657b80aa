package id.cakupan.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract for the embedded store, in a fresh temp directory per test. */
class EmbeddedStoreContractTest extends StoreContractTest {
  @TempDir
  Path dir;

  @Override
  protected Store open() {
    return new EmbeddedStore(dir);
  }
}
