package id.cakupan.bench;

import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.Period;
import id.cakupan.store.DatabaseUrl;
import id.cakupan.store.PostgresCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long a fresh {@code serve --db} takes on the national PostGIS store (issue 10: start-up
 * ≤ 15 s): from launching the service's own command in a new JVM until {@code /api/health}
 * answers 200, with the service's {@code atlas:} log line saying where the time went.
 *
 * <p>A throwaway cluster (or {@code --db URL}, an empty database) gets the national synthetic set
 * of {@link TileBenchmark#replicate} stored as a boundary import stores it (with its dissolved
 * outlines) and {@code --months} × 3 sectors of coverage. Then {@code --runs} starts as deployed;
 * then, side by side, one start after the outlines are removed, as a store imported before they were
 * kept is: that start dissolves the boundaries (what every start did before) and stores them.
 *
 * <p>Not a test (timings depend on the machine): {@code bench/startup.sh}.
 */
public final class StartupBenchmark {
  private static final long GIVE_UP_SECONDS = 300;

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.options(args);
    int places = Integer.parseInt(opts.getOrDefault("places", "83800"));
    int months = Integer.parseInt(opts.getOrDefault("months", "24"));
    int runs = Integer.parseInt(opts.getOrDefault("runs", "3"));
    Path jar = Path.of(opts.getOrDefault("jar", "target/cakupan.jar"));
    List<String> javaOpts = Arrays.asList(opts.getOrDefault("java-opts", "-Xmx6g -XX:+UseZGC").trim().split("\\s+"));
    System.out.printf(Locale.ROOT, "cakupan start-up benchmark: %d places, %d months x 3 sectors, %d runs; service JVM %s;"
        + " %d cpus; load %s%n", places, months, runs, String.join(" ", javaOpts),
        Runtime.getRuntime().availableProcessors(), BenchArgs.loadAverage());

    Path work = Files.createTempDirectory("cakupan-startup-bench-");
    PostgresCluster cluster = opts.containsKey("db") ? null : PostgresCluster.start();
    String url = cluster == null ? opts.get("db") : cluster.url();
    try {
      long t = System.nanoTime();
      BoundarySet national = TileBenchmark.replicate(BoundaryFiles.read(BenchArgs.dkiGeojson(opts)), places);
      Path gazetteer = work.resolve("gazetteer.csv");
      PublishBenchmark.writeGazetteer(national, gazetteer);
      PublishBenchmark.load(url, national, months, Period.of(2026, 10));
      String tile = PublishBenchmark.tileAt(national.kelurahan().get(national.kelurahan().size() / 2), 8);
      national = null;
      System.out.printf(Locale.ROOT, "database loaded in %.1f s; load %s%n%n", BenchArgs.seconds(t), BenchArgs.loadAverage());

      List<Double> starts = new ArrayList<>();
      for (int run = 1; run <= runs; run++) {
        starts.add(start("run " + run + ", outlines stored", jar, javaOpts, url, gazetteer, work, tile));
      }
      try (Connection c = PublishBenchmark.connect(DatabaseUrl.parse(url)); Statement st = c.createStatement()) {
        st.execute("DELETE FROM boundary_outline");
      }
      double dissolving = start("outlines removed (dissolves, stores)", jar, javaOpts, url, gazetteer, work, tile);
      double after = start("the start after that", jar, javaOpts, url, gazetteer, work, tile);

      double worst = starts.stream().mapToDouble(Double::doubleValue).max().orElse(0);
      System.out.println();
      System.out.printf(Locale.ROOT, "target: start-up <= 15 s (launch to /api/health 200, outlines stored): worst %.1f s -> %s%n",
          worst, worst <= 15 ? "MET" : "NOT MET");
      System.out.printf(Locale.ROOT, "side by side: dissolving at start %.1f s, reading the outlines %.1f s (%.2fx)%n",
          dissolving, after, dissolving / after);
      System.out.printf(Locale.ROOT, "load at the end: %s%n", BenchArgs.loadAverage());
    } finally {
      if (cluster != null) cluster.close();
      try (var files = Files.walk(work)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Launches {@code serve --db}, waits for /api/health, then asks for one zoom-8 tile (what the
   * national map page asks first); prints both times and the atlas line, stops it.
   */
  private static double start(String what, Path jar, List<String> javaOpts, String url, Path gazetteer, Path work,
      String tile) throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = work.resolve("serve-" + port + ".log");
    Path data = Files.createDirectories(work.resolve("data-" + port));
    List<String> command = new ArrayList<>(List.of(PublishBenchmark.javaBin()));
    command.addAll(javaOpts);
    command.addAll(List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port), "--data-dir", data.toString(),
        "--db", url, "--gazetteer", gazetteer.toString()));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).GET().build();
    long t = System.nanoTime();
    Process serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      long deadline = t + TimeUnit.SECONDS.toNanos(GIVE_UP_SECONDS);
      while (true) {
        if (!serve.isAlive()) throw new IllegalStateException("serve exited: " + Files.readString(log));
        if (System.nanoTime() > deadline) throw new IllegalStateException("no /api/health within " + GIVE_UP_SECONDS + " s");
        try {
          if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) break;
        } catch (java.io.IOException notYet) {
          // not listening yet
        }
        Thread.sleep(50);
      }
      double seconds = BenchArgs.seconds(t);
      HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + tile)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      if (first.statusCode() != 200) throw new IllegalStateException(tile + " answered " + first.statusCode());
      System.out.printf(Locale.ROOT, "%-40s /api/health after %5.1f s, first tile (z8, %,d B) after %5.1f s; load %s%n", what,
          seconds, first.body().length, BenchArgs.seconds(t), BenchArgs.loadAverage());
      for (String line : Files.readAllLines(log)) {
        if (line.contains("atlas:") || line.contains("outlines:")) System.out.println("    " + line.replaceFirst("^.* - ", ""));
      }
      return seconds;
    } finally {
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
      serve.destroyForcibly();
    }
  }
}
