package id.cakupan.bench;

import id.cakupan.store.PostgresCluster;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway PostgreSQL + PostGIS cluster for shell benchmarks ({@code bench/http.sh}), the same
 * the tests start: writes the {@code --db} URL to the file named by its argument, then runs until
 * it is terminated (SIGTERM), when the cluster is stopped and deleted.
 */
public final class ThrowawayPostgis {
  private ThrowawayPostgis() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) throw new IllegalArgumentException("usage: ThrowawayPostgis URL-FILE");
    PostgresCluster cluster = PostgresCluster.start();
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "throwaway-postgis-stop"));
    Path tmp = Path.of(args[0] + ".tmp");
    Files.writeString(tmp, cluster.url() + "\n");
    Files.move(tmp, Path.of(args[0]));
    Thread.sleep(Long.MAX_VALUE);
  }
}
