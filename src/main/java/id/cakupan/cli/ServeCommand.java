package id.cakupan.cli;

import id.cakupan.api.ApiServer;
import id.cakupan.app.Cakupan;
import id.cakupan.boundary.BoundaryFormatException;
import id.cakupan.config.Config;
import id.cakupan.config.ConfigOptions;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve the map, the API and the GIS layers. With no --db, uses the embedded store in --data-dir,"
        + " seeded on first start with the region's surveyed borders (bundled) and synthetic coverage.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin ConfigOptions options;

  @Override
  public Integer call() throws Exception {
    Config config = options.toConfig();
    Cakupan app;
    try {
      app = Cakupan.open(config, Clock.systemDefaultZone());
    } catch (BoundaryFormatException | IllegalArgumentException e) {
      System.err.println("cakupan: " + e.getMessage());
      return 2;
    }
    Javalin server = ApiServer.create(app, app.imports(Clock.systemDefaultZone())).start(config.port());
    app.logSummary();
    LOG.info("serving the map at http://localhost:{}/", server.port());
    if (!config.trustedProxies().isEmpty()) {
      LOG.info("client addresses from X-Forwarded-For when the peer is a trusted proxy: {}", config.trustedProxies());
    }
    // The app watches the store itself: imports by other processes, and whether it answers.
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.stop();
      app.close();
      stopped.countDown();
    }));
    stopped.await();
    return 0;
  }
}
