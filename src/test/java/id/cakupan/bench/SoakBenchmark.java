package id.cakupan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.store.PostgresCluster;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark (a command, not a test): soaks the real service, started as a separate process,
 * with mixed reads from a fixed number of connections for some minutes, while an admin imports
 * a coverage CSV every minute and PostGIS is restarted once half-way. After every minute it
 * prints requests, failures, latency, throughput, the server's heap, the import and what
 * {@code /api/health} said; at the end a summary. It prints figures and exits 0 whatever they
 * are: reading them is the point. Run it with {@code bench/soak.sh}.
 *
 * <p>The service serves the DKI Jakarta kelurahan of {@code ../shared/geodata} with the DKI
 * gazetteer; coverage is 12 months generated here and imported over HTTP before the soak.
 */
public final class SoakBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
  /** Seconds into a minute at which the import is posted, and at which PostGIS is restarted. */
  private static final int IMPORT_AT = 10;
  private static final int RESTART_AT = 30;
  private static final int HISTORY_MONTHS = 12;
  private static final String[] SECTORS = {"PU", "BPU", "JAKON"};
  private static final Pattern PERIOD = Pattern.compile("\"(\\d{4}-\\d{2})\"");
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"(\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4})\"");

  private record Options(int minutes, int connections, String store, int restartMinute, String serverHeap,
      Path geodata, Path serverLog, long maxRequests, long seed) {}

  /** What happened in one minute besides the reads. */
  private static final class Minute {
    final SoakStats stats = new SoakStats();
    final AtomicLong heapPeak = new AtomicLong(-1);
    final Map<String, Long> health = new TreeMap<>();
    volatile String importResult = "-";
    volatile String restart = "";

    synchronized void health(String status) {
      health.merge(status, 1L, Long::sum);
    }

    synchronized String healthText() {
      if (health.isEmpty()) return "-";
      return health.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
  }

  private record Failure(long at, String kind) {}

  private final Options options;
  private final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
  private final HttpClient control = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final Map<String, String> etags = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
  private final Map<String, String> examples = new ConcurrentHashMap<>();
  /** The whole run by kind of request, for the summary. */
  private final Map<String, SoakStats> byKind = new ConcurrentHashMap<>();
  private PostgresCluster cluster;
  private Process server;
  private Path dataDir;
  private String base;
  private Minute[] minutes;
  private long t0;
  private volatile long restartStart = -1;
  private volatile long restartEnd = -1;
  private volatile long healthyAfterRestart = -1;
  private volatile long firstDegraded = -1;
  private volatile YearMonth newestImported;

  private SoakBenchmark(Options options) {
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    Options options = options(args);
    if (options == null) return;
    SoakBenchmark soak = new SoakBenchmark(options);
    // Ctrl-C or a crash must not leave a server process or a cluster behind.
    Thread cleanup = new Thread(soak::stopEverything, "soak-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      soak.run();
    } finally {
      soak.stopEverything();
      Runtime.getRuntime().removeShutdownHook(cleanup);
    }
    System.exit(0);
  }

  private static Options options(String[] args) {
    int minutes = 10;
    int connections = 64;
    String store = "postgis";
    Integer restartMinute = null;
    String heap = "1g";
    Path geodata = Path.of(System.getProperty("cakupan.sharedGeodata", "../shared/geodata"));
    Path log = Path.of("target/soak-server.log");
    long maxRequests = 0;
    long seed = 20_261_201L;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--minutes" -> minutes = Integer.parseInt(value(args, ++i, a));
        case "--connections" -> connections = Integer.parseInt(value(args, ++i, a));
        case "--store" -> store = value(args, ++i, a);
        case "--restart-minute" -> restartMinute = Integer.parseInt(value(args, ++i, a));
        case "--server-heap" -> heap = value(args, ++i, a);
        case "--geodata" -> geodata = Path.of(value(args, ++i, a));
        case "--server-log" -> log = Path.of(value(args, ++i, a));
        case "--max-requests" -> maxRequests = Long.parseLong(value(args, ++i, a));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, a));
        case "-h", "--help" -> {
          System.out.println("""
              usage: SoakBenchmark [--minutes N] [--connections N] [--store postgis|embedded] [--restart-minute N]
                                   [--server-heap SIZE] [--max-requests N] [--geodata DIR] [--server-log FILE] [--seed N]
                --minutes N         how long to soak (default 10)
                --connections N     concurrent connections sending reads, each waiting for its answer (default 64)
                --store S           postgis: a throwaway PostgreSQL+PostGIS cluster (default); embedded: the
                                    file store in a temp directory (no database restart then)
                --restart-minute N  the minute (1..N) in whose middle PostGIS is restarted (default: half-way)
                --server-heap SIZE  the server's -Xmx (default 1g)
                --max-requests N    stop the reads after N requests even if time is left (default: no limit)
                --geodata DIR       where the DKI boundary GeoJSON and gazetteer are (default ../shared/geodata)
                --server-log FILE   the server's output (default target/soak-server.log)""");
          return null;
        }
        default -> throw new IllegalArgumentException("unknown argument " + a + " (try --help)");
      }
    }
    if (minutes < 1) throw new IllegalArgumentException("--minutes must be at least 1");
    if (connections < 1) throw new IllegalArgumentException("--connections must be at least 1");
    if (!store.equals("postgis") && !store.equals("embedded")) {
      throw new IllegalArgumentException("--store is postgis or embedded, not " + store);
    }
    int restart = restartMinute == null ? (minutes + 1) / 2 : restartMinute;
    if (restart < 1 || restart > minutes) throw new IllegalArgumentException("--restart-minute must be in 1.." + minutes);
    return new Options(minutes, connections, store, restart, heap, geodata, log, maxRequests, seed);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[i];
  }

  // --- the run

  private void run() throws Exception {
    Path boundaries = options.geodata().resolve("dki-jakarta-kelurahan-bps2020.geojson");
    Path gazetteerFile = options.geodata().resolve("dki-jakarta-gazetteer.csv");
    printMachine();
    if (options.store().equals("postgis")) {
      long t = System.nanoTime();
      cluster = PostgresCluster.start();
      // The test cluster runs without fsync for speed; a soak measures a real server's defaults.
      cluster.sql("postgres", "ALTER SYSTEM SET fsync = on", "ALTER SYSTEM SET synchronous_commit = on",
          "ALTER SYSTEM SET full_page_writes = on");
      cluster.restart();
      System.out.printf(Locale.ROOT, "database: throwaway PostgreSQL+PostGIS cluster %s, fsync on (%.1f s)%n",
          cluster.url(), seconds(System.nanoTime() - t));
    } else {
      dataDir = Files.createTempDirectory("cakupan-soak-data-");
      System.out.println("store: embedded, in " + dataDir);
    }
    startServer(boundaries, gazetteerFile);

    Gazetteer gazetteer = Gazetteer.read(gazetteerFile);
    List<String> importCodes = gazetteer.entries().stream().map(e -> e.code().toString()).sorted().toList();
    YearMonth lastHistory = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    long t = System.nanoTime();
    String history = importCsv(importCodes, lastHistory.minusMonths(HISTORY_MONTHS - 1), HISTORY_MONTHS, 0);
    System.out.printf(Locale.ROOT, "history: %d months x %d kelurahan x 3 sectors imported over HTTP: %s%n",
        HISTORY_MONTHS, importCodes.size(), history);
    newestImported = lastHistory;

    SoakRequests requests = discover();
    ProcessHeap heap = attachHeap();
    System.out.printf(Locale.ROOT, "soak: %d minutes, %d connections, an import at second %d of every minute%s%n",
        options.minutes(), options.connections(), IMPORT_AT, cluster == null ? ", no database restart (embedded)"
            : ", PostGIS restarted (pg_ctl stop -m fast, then start) at second " + RESTART_AT + " of minute "
            + options.restartMinute());
    System.out.println("heap: the server's heap used (sampled every second: the minute's peak, and after the last GC);"
        + " rss: the server's resident memory");
    soak(requests, heap, importCodes);
    if (heap != null) heap.close();
    printServerLog();
  }

  private void soak(SoakRequests requests, ProcessHeap heap, List<String> importCodes) throws Exception {
    minutes = new Minute[options.minutes()];
    for (int i = 0; i < minutes.length; i++) minutes[i] = new Minute();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
    t0 = System.nanoTime();
    long deadline = t0 + options.minutes() * MINUTE;
    AtomicLong issued = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < options.connections(); i++) {
      Random random = new Random(options.seed() + i);
      Thread w = new Thread(() -> readLoop(client, requests, random, deadline, issued), "soak-reader-" + i);
      w.setDaemon(true);
      workers.add(w);
    }
    ScheduledExecutorService monitors = Executors.newScheduledThreadPool(2, r -> {
      Thread th = new Thread(r, "soak-monitor");
      th.setDaemon(true);
      return th;
    });
    ProcessHeap.Reading[] lastReading = new ProcessHeap.Reading[1];
    if (heap != null) {
      monitors.scheduleWithFixedDelay(() -> {
        try {
          ProcessHeap.Reading r = heap.read();
          synchronized (lastReading) {
            lastReading[0] = r;
          }
          minutes[minuteOf(System.nanoTime())].heapPeak.accumulateAndGet(r.used(), Math::max);
        } catch (IOException | RuntimeException e) {
          // The server is busy or gone; the next sample tries again.
        }
      }, 0, 1, TimeUnit.SECONDS);
    }
    monitors.scheduleWithFixedDelay(this::pollHealth, 0, 1, TimeUnit.SECONDS);
    Thread events = new Thread(() -> events(importCodes, requests), "soak-events");
    events.setDaemon(true);
    workers.forEach(Thread::start);
    events.start();

    System.out.println();
    System.out.println("minute  requests   4xx   5xx  conn    p50 ms    p99 ms    req/s   heap peak  after GC      rss"
        + "   gc  import                           health");
    SoakStats total = new SoakStats();
    long maxHeap = -1;
    long gcCount = heap == null ? 0 : safeRead(heap).gcCount();
    long gcMillis = heap == null ? 0 : safeRead(heap).gcMillis();
    for (int m = 0; m < minutes.length; m++) {
      long end = t0 + (m + 1) * MINUTE;
      if (m == minutes.length - 1) {
        // The last minute ends when the last answers are in.
        for (Thread w : workers) w.join(REQUEST_TIMEOUT.toMillis() + 70_000);
      } else {
        sleepUntil(end + TimeUnit.SECONDS.toNanos(1));
      }
      ProcessHeap.Reading r;
      synchronized (lastReading) {
        r = lastReading[0];
      }
      SoakStats.Snapshot s = minutes[m].stats.snapshot();
      total.addAll(minutes[m].stats);
      long heapPeak = minutes[m].heapPeak.get();
      maxHeap = Math.max(maxHeap, heapPeak);
      long gcs = r == null ? 0 : r.gcCount() - gcCount;
      if (r != null) {
        gcCount = r.gcCount();
        gcMillis = r.gcMillis();
      }
      System.out.printf(Locale.ROOT, "%6d %9d %5d %5d %5d %9.1f %9.1f %8.0f %11s %9s %8s %4d  %-32s %s%s%n", m + 1,
          s.requests(), s.failuresStartingWith("4"), s.failuresStartingWith("5"), s.failuresStartingWith("io"),
          s.millis(0.50), s.millis(0.99), s.requests() / 60.0, mib(heapPeak),
          r == null ? "-" : mib(r.afterLastGc()), r == null ? "-" : mib(r.rss()), gcs, minutes[m].importResult,
          minutes[m].healthText(), minutes[m].restart);
      if (!s.failures().isEmpty()) System.out.println("         failed: " + s.failures());
    }
    events.join(TimeUnit.SECONDS.toMillis(70));
    monitors.shutdownNow();
    printSummary(total.snapshot(), maxHeap, gcMillis);
  }

  private void readLoop(HttpClient client, SoakRequests requests, Random random, long deadline, AtomicLong issued) {
    while (System.nanoTime() < deadline) {
      if (options.maxRequests() > 0 && issued.incrementAndGet() > options.maxRequests()) return;
      SoakRequests.Read read = requests.next(random);
      HttpRequest.Builder b = HttpRequest.newBuilder(read.uri()).timeout(REQUEST_TIMEOUT)
          .header("Accept-Encoding", "gzip");
      String etag = etags.get(read.uri().toString());
      // A map page revalidating what it has: a quarter of the repeats send the ETag they got.
      if (etag != null && random.nextInt(4) == 0) b.header("If-None-Match", etag);
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        int status = response.statusCode();
        Minute minute = minutes[minuteOf(System.nanoTime())];
        if (status / 100 == 2 || status == 304) {
          minute.stats.ok(took, response.body().length, status == 304);
          kind(read).ok(took, response.body().length, status == 304);
          if (etags.size() < 50_000) response.headers().firstValue("ETag").ifPresent(e -> etags.put(read.uri().toString(), e));
        } else {
          kind(read).failed(Integer.toString(status), took);
          fail(minute, status + " " + read.label(), took, read.uri() + " -> " + status + " "
              + excerpt(response.body()));
        }
      } catch (IOException e) {
        kind(read).failed("io", -1);
        fail(minutes[minuteOf(System.nanoTime())], "io " + e.getClass().getSimpleName() + " " + read.label(), -1,
            read.uri() + " -> " + e);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private SoakStats kind(SoakRequests.Read read) {
    return byKind.computeIfAbsent(read.label(), k -> new SoakStats());
  }

  private void fail(Minute minute, String kind, long took, String example) {
    minute.stats.failed(kind, took);
    failures.add(new Failure(System.nanoTime(), kind));
    examples.putIfAbsent(kind, example);
  }

  /** The admin's side: an import every minute, and the database restart once. */
  private void events(List<String> importCodes, SoakRequests requests) {
    for (int m = 0; m < minutes.length; m++) {
      if (!sleepUntil(t0 + m * MINUTE + TimeUnit.SECONDS.toNanos(IMPORT_AT))) return;
      // A new month, and the month before it revised: both paths of the merge every time.
      YearMonth month = newestImported.plusMonths(1);
      String result = importCsv(importCodes, month.minusMonths(1), 2, m + 1);
      if (result.startsWith("200")) newestImported = month;
      minutes[m].importResult = month + " " + result;
      requests.periods(periods());
      if (cluster != null && m + 1 == options.restartMinute()) {
        if (!sleepUntil(t0 + m * MINUTE + TimeUnit.SECONDS.toNanos(RESTART_AT))) return;
        restartStart = System.nanoTime();
        try {
          cluster.restart();
          restartEnd = System.nanoTime();
          minutes[m].restart = String.format(Locale.ROOT, "  [PostGIS restarted at %s, down %.1f s]",
              clock(restartStart), seconds(restartEnd - restartStart));
        } catch (RuntimeException e) {
          restartEnd = System.nanoTime();
          minutes[m].restart = "  [PostGIS restart FAILED: " + e.getMessage().lines().findFirst().orElse("") + "]";
        }
      }
    }
  }

  private void pollHealth() {
    long now = System.nanoTime();
    String status;
    try {
      HttpResponse<byte[]> r = control.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
          .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() == 200) {
        JsonNode body = JSON.readTree(r.body());
        status = body.path("status").asText("?");
      } else {
        status = "http " + r.statusCode();
      }
    } catch (IOException e) {
      status = "io " + e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!status.equals("ok") && firstDegraded < 0) firstDegraded = now;
    if (status.equals("ok") && restartEnd > 0 && healthyAfterRestart < 0) healthyAfterRestart = System.nanoTime();
    minutes[minuteOf(now)].health(status);
  }

  private int minuteOf(long nanos) {
    return (int) Math.max(0, Math.min(minutes.length - 1, (nanos - t0) / MINUTE));
  }

  // --- the server process

  private void startServer(Path boundaries, Path gazetteer) throws Exception {
    int port = freePort();
    base = "http://127.0.0.1:" + port;
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + options.serverHeap(), "-cp", serverClasspath(), "id.cakupan.cli.Main", "serve",
        "--port", Integer.toString(port), "--boundaries", boundaries.toString(), "--gazetteer", gazetteer.toString()));
    if (cluster != null) cmd.addAll(List.of("--db", cluster.url()));
    else cmd.addAll(List.of("--data-dir", dataDir.toString()));
    Files.createDirectories(options.serverLog().toAbsolutePath().getParent());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(options.serverLog().toFile());
    // The caller's own settings must not steer the server under test.
    pb.environment().keySet().removeIf(k -> k.startsWith("CAKUPAN_"));
    pb.environment().put("CAKUPAN_ADMIN_TOKEN", token);
    long t = System.nanoTime();
    synchronized (this) {
      server = pb.start();
    }
    long limit = t + TimeUnit.MINUTES.toNanos(5);
    while (true) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited with " + server.exitValue() + "; see "
            + options.serverLog());
      }
      try {
        HttpResponse<Void> r = control.send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) break;
      } catch (IOException e) {
        // Not listening yet.
      }
      if (System.nanoTime() > limit) throw new IllegalStateException("the server did not answer in 5 minutes");
      Thread.sleep(200);
    }
    System.out.printf(Locale.ROOT, "server: pid %d, -Xmx%s, %s, DKI Jakarta boundaries %s + gazetteer %s; answering"
        + " after %.1f s; log in %s%n", server.pid(), options.serverHeap(), base, boundaries.getFileName(),
        gazetteer.getFileName(), seconds(System.nanoTime() - t), options.serverLog());
  }

  /** The runtime classpath the script hands over, else this JVM's without the test classes. */
  private static String serverClasspath() {
    String given = System.getProperty("cakupan.soak.serverClasspath");
    if (given != null && !given.isBlank()) return given;
    return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(p -> !p.endsWith("test-classes") && !p.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private ProcessHeap attachHeap() {
    try {
      return ProcessHeap.attach(server.pid());
    } catch (Exception e) {
      System.out.println("heap: cannot attach to the server (" + e + "); heap columns stay empty");
      return null;
    }
  }

  private static ProcessHeap.Reading safeRead(ProcessHeap heap) {
    try {
      return heap.read();
    } catch (IOException e) {
      return new ProcessHeap.Reading(-1, -1, -1, -1, 0, 0, -1);
    }
  }

  /** Kills the server (politely, then not) and removes the cluster and temp files; safe to call twice. */
  private synchronized void stopEverything() {
    if (server != null && server.isAlive()) {
      server.destroy();
      try {
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
          server.destroyForcibly();
          server.waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        server.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    if (cluster != null) cluster.close();
    if (dataDir != null) PostgresCluster.deleteTree(dataDir);
  }

  // --- discovery and imports

  /** What to ask for: kelurahan on the map, their kecamatan, a vertex of each, and the months. */
  private SoakRequests discover() throws Exception {
    String ranking = get("/api/ranking?format=json&limit=100000");
    TreeSet<String> codes = new TreeSet<>();
    Matcher m = CODE.matcher(ranking);
    while (m.find()) codes.add(m.group(1));
    if (codes.isEmpty()) throw new IllegalStateException("the ranking lists no kelurahan after the history import");
    List<String> kecamatan = codes.stream().map(c -> c.substring(0, 8)).distinct().toList();
    List<double[]> points = new ArrayList<>();
    JsonNode items = JSON.readTree(get("/ogc/collections/kelurahan/items?limit=10000"));
    for (JsonNode f : items.path("features")) {
      JsonNode c = f.path("geometry").path("coordinates");
      while (c.isArray() && c.size() > 0 && c.get(0).isArray()) c = c.get(0);
      if (c.isArray() && c.size() >= 2) points.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
    }
    if (points.isEmpty()) throw new IllegalStateException("/ogc/collections/kelurahan/items has no geometry");
    List<String> periods = periods();
    System.out.printf(Locale.ROOT, "reads: %d kelurahan on the map, %d kecamatan, %d months; mix: choropleth 25%%,"
        + " tiles z10-15 25%%, ranking json 10%% / csv 5%%, kelurahan detail 13%%, periods 5%%, OGC items 12%%,"
        + " download csv 5%%; Accept-Encoding gzip, a quarter of repeats with If-None-Match%n",
        codes.size(), kecamatan.size(), periods.size());
    return new SoakRequests(base, new ArrayList<>(codes), kecamatan, points, periods);
  }

  private List<String> periods() {
    try {
      List<String> periods = new ArrayList<>();
      Matcher m = PERIOD.matcher(get("/api/periods"));
      while (m.find()) periods.add(m.group(1));
      return periods;
    } catch (IOException | InterruptedException | RuntimeException e) {
      return List.of();
    }
  }

  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = control.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IllegalStateException("GET " + path + " -> " + r.statusCode() + " " + r.body());
    return r.body();
  }

  /**
   * Posts a SPEC §3 CSV for every code, {@code months} months from {@code first}, 3 sectors, with
   * values that differ per {@code revision}; returns "status rows in seconds".
   */
  private String importCsv(List<String> codes, YearMonth first, int months, int revision) {
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    for (String code : codes) {
      for (int s = 0; s < SECTORS.length; s++) {
        Random r = new Random(options.seed() * 31 + code.hashCode() * 7L + s);
        long workforce = 200 + r.nextInt(20_000);
        double rate = 0.2 + 0.6 * r.nextDouble();
        for (int i = 0; i < months; i++) {
          YearMonth month = first.plusMonths(i);
          // Slow growth month by month, and every revision a little more: each import changes values.
          double drift = 1 + 0.005 * ((month.getYear() * 12L + month.getMonthValue()) % 36) + 0.01 * revision;
          long participants = Math.min(workforce, Math.round(workforce * rate * drift));
          csv.append(code).append(',').append(month).append(',').append(SECTORS[s]).append(',')
              .append(participants).append(',').append(workforce).append('\n');
        }
      }
    }
    long t = System.nanoTime();
    try {
      HttpResponse<String> r = control.send(HttpRequest.newBuilder(
          URI.create(base + "/api/imports/coverage?name=soak-" + first + "-r" + revision + ".csv"))
          .timeout(Duration.ofMinutes(2)).header("Content-Type", "text/csv")
          .header("Authorization", "Bearer " + token)
          .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofString());
      String rows = "";
      Matcher m = Pattern.compile("\"rows\"\\s*:\\s*(\\d+)").matcher(r.body());
      if (r.statusCode() == 200 && m.find()) rows = " " + m.group(1) + " rows";
      else if (r.statusCode() != 200) examples.putIfAbsent("import " + r.statusCode(), excerpt(r.body().getBytes()));
      return String.format(Locale.ROOT, "%d%s in %.1f s", r.statusCode(), rows, seconds(System.nanoTime() - t));
    } catch (IOException e) {
      return String.format(Locale.ROOT, "%s after %.1f s", e.getClass().getSimpleName(), seconds(System.nanoTime() - t));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  // --- reporting

  private void printSummary(SoakStats.Snapshot all, long maxHeap, long gcMillis) {
    System.out.println();
    System.out.printf(Locale.ROOT, "summary: %,d requests in %d min (%.0f req/s), %,d failed, %s received;"
        + " p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; %,d answered 304%n", all.requests(),
        options.minutes(), all.requests() / (options.minutes() * 60.0), all.failed(), mib(all.bytes()),
        all.millis(0.5), all.millis(0.99), all.millis(0.999), all.millis(1.0), all.notModified());
    System.out.printf(Locale.ROOT, "server heap: max used %s (of -Xmx%s); GC time since the server started %.1f s%n", mib(maxHeap),
        options.serverHeap(), gcMillis / 1000.0);
    Map<String, Long> health = new TreeMap<>();
    for (Minute m : minutes) {
      synchronized (m) {
        m.health.forEach((k, v) -> health.merge(k, v, Long::sum));
      }
    }
    System.out.printf(Locale.ROOT, "health (polled every second): %s%s%n", health, firstDegraded < 0 ? ""
        : ", first not ok at " + clock(firstDegraded));
    if (restartStart > 0) {
      long windowEnd = Math.max(restartEnd, healthyAfterRestart) + TimeUnit.SECONDS.toNanos(5);
      long inside = 0;
      long outside = 0;
      for (Failure f : failures) {
        if (!f.kind().startsWith("5")) continue;
        if (f.at() >= restartStart && f.at() <= windowEnd) inside++;
        else outside++;
      }
      System.out.printf(Locale.ROOT, "PostGIS restart: stop + start took %.1f s; health ok again %s after it began;"
          + " 5xx inside the restart window (until 5 s after health was ok): %d, outside it: %d%n",
          seconds(restartEnd - restartStart), healthyAfterRestart < 0 ? "never"
              : String.format(Locale.ROOT, "%.1f s", seconds(healthyAfterRestart - restartStart)), inside, outside);
    }
    System.out.println("by kind of request:   requests  failed    p50 ms    p99 ms   KiB/answer");
    new TreeMap<>(byKind).forEach((k, v) -> {
      SoakStats.Snapshot s = v.snapshot();
      System.out.printf(Locale.ROOT, "  %-18s %10d %7d %9.1f %9.1f %12.1f%n", k, s.requests(), s.failed(),
          s.millis(0.5), s.millis(0.99), s.requests() == s.failed() ? 0.0
              : s.bytes() / 1024.0 / (s.requests() - s.failed()));
    });
    if (all.failures().isEmpty()) {
      System.out.println("failures: none");
    } else {
      System.out.println("failures by kind:");
      all.failures().forEach((k, v) -> System.out.printf(Locale.ROOT, "  %7d  %s%n", v, k));
    }
    if (!examples.isEmpty()) {
      System.out.println("first example of each:");
      new TreeMap<>(examples).forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }
  }

  private void printServerLog() {
    try (Stream<String> lines = Files.lines(options.serverLog())) {
      Map<String, Long> levels = new LinkedHashMap<>();
      lines.forEach(l -> {
        if (l.contains(" WARN ")) levels.merge("WARN", 1L, Long::sum);
        if (l.contains(" ERROR ")) levels.merge("ERROR", 1L, Long::sum);
        if (l.contains("Exception")) levels.merge("lines naming an exception", 1L, Long::sum);
      });
      System.out.println("server log " + options.serverLog() + ": " + (levels.isEmpty() ? "no WARN or ERROR lines"
          : levels.toString()));
    } catch (IOException | java.io.UncheckedIOException e) {
      System.out.println("server log unreadable: " + e);
    }
  }

  private static void printMachine() {
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "cakupan soak benchmark; java %s, %d processors%n", System.getProperty("java.version"),
        rt.availableProcessors());
    try {
      System.out.println("load average: " + Files.readString(Path.of("/proc/loadavg")).trim());
    } catch (IOException e) {
      // Not Linux: nothing to show.
    }
  }

  // --- small helpers

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Sleeps until System.nanoTime() reaches the moment; false when interrupted. */
  private static boolean sleepUntil(long nanos) {
    try {
      long left;
      while ((left = nanos - System.nanoTime()) > 0) TimeUnit.NANOSECONDS.sleep(left);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private String clock(long nanos) {
    long s = TimeUnit.NANOSECONDS.toSeconds(nanos - t0);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static String excerpt(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return body.length > 300 ? s + "…" : s;
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", bytes / (1024.0 * 1024.0));
  }
}
