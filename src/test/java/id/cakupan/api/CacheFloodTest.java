package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8: anonymous requests with open-ended parameters (manual breaks, Host and
 * X-Forwarded-Host in OGC links, kecamatan filters, item paging) each make a new cache entry. A
 * real service in a child JVM with a small heap, loaded with all of DKI Jakarta, takes a flood of
 * them and must still answer the ordinary map request, with its heap after a GC bounded by what
 * it held before plus the cache budget.
 */
class CacheFloodTest {
  private static final int HEAP_MB = 256;
  private static final int CACHE_MB = 24;
  /** Heap that is neither the baseline nor the cache: Jetty buffers, JIT data, the last responses in flight. */
  private static final long SLACK_BYTES = 40L << 20;
  private static final Pattern LISTENING = Pattern.compile("serving the map at http://localhost:(\\d+)/");
  private static final Pattern G1_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aFloodOfDistinctRequestsCannotExhaustTheHeap(@TempDir Path dataDir) throws Exception {
    Process child = serve(dataDir);
    Deque<String> output = new ArrayDeque<>();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> drain(child.getInputStream(), output, port), "child-output");
    reader.setDaemon(true);
    reader.start();
    try {
      child.onExit().thenRun(() -> port.completeExceptionally(new AssertionError("the service exited before listening")));
      String base = "http://127.0.0.1:" + port.get(300, TimeUnit.SECONDS);

      assertEquals(267, features(get(base, "/api/choropleth")), "all of DKI is served");
      long before = usedHeapAfterGc(child);

      List<Future<Integer>> sent = new ArrayList<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      try {
        for (int i = 0; i < 200; i++) {
          // Distinct thresholds, each a full kelurahan layer of real geometry.
          String breaks = String.format(Locale.ROOT, "%.6f,0.5,0.75", 0.1 + i * 1e-5);
          sent.add(clients.submit(() -> status(base, "/api/choropleth?method=manual&breaks=" + breaks)));
        }
        for (int i = 0; i < 60; i++) {
          String host = "client" + i + ".example:80";
          String items = "/ogc/collections/kelurahan/items?limit=300&offset=" + (i % 3);
          sent.add(clients.submit(() -> rawStatus(port.get(), items, "Host: " + host)));
          sent.add(clients.submit(() -> rawStatus(port.get(), "/ogc/api", "X-Forwarded-Host: fwd" + host)));
        }
        for (int i = 0; i < 60; i++) {
          String breaks = String.format(Locale.ROOT, "%.6f,0.9", 0.2 + i * 1e-5);
          String download = "/api/download?format=geojson&sector=PU&period=" + month(i);
          sent.add(clients.submit(() -> status(base, download)));
          sent.add(clients.submit(() -> status(base, "/tiles/kelurahan/10/815/529.mvt?method=manual&breaks=" + breaks)));
        }
        for (Future<Integer> f : sent) {
          int s;
          try {
            s = f.get(600, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            throw new AssertionError("flood request failed (" + e.getCause() + "), service "
                + (child.isAlive() ? "alive" : "exited " + child.waitFor()) + "; its output:\n" + tail(output), e);
          }
          assertTrue(s == 200 || s == 204, "flood request answered " + s + "; service output:\n" + tail(output));
        }
      } finally {
        clients.shutdownNow();
      }

      HttpResponse<String> ordinary = get(base, "/api/choropleth");
      assertEquals(200, ordinary.statusCode(), ordinary.body());
      assertEquals(267, features(ordinary));
      long after = usedHeapAfterGc(child);
      long bound = before + (CACHE_MB << 20) + SLACK_BYTES;
      System.out.printf(Locale.ROOT, "cache flood: heap used after GC %d MB before, %d MB after (bound %d MB, -Xmx%dm)%n",
          before >> 20, after >> 20, bound >> 20, HEAP_MB);
      assertTrue(after <= bound, "heap after the flood " + (after >> 20) + " MB exceeds baseline "
          + (before >> 20) + " MB + cache " + CACHE_MB + " MB + slack");
    } finally {
      child.destroy();
      if (!child.waitFor(30, TimeUnit.SECONDS)) child.destroyForcibly();
    }
  }

  private static Process serve(Path dataDir) throws IOException {
    List<String> cmd = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + HEAP_MB + "m", "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError",
        "-cp", System.getProperty("java.class.path"), "id.cakupan.cli.Main", "serve",
        "--port", "0", "--data-dir", dataDir.toString(),
        "--boundaries", SharedGeodata.file(SharedGeodata.DKI_GEOJSON).toString(),
        "--gazetteer", SharedGeodata.file("dki-jakarta-gazetteer.csv").toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    // The environment rather than the flag, so that the same test runs against a build without it.
    pb.environment().put("CAKUPAN_CACHE_MB", Integer.toString(CACHE_MB));
    return pb.start();
  }

  private static void drain(InputStream in, Deque<String> output, CompletableFuture<Integer> port) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > 40) output.removeFirst();
        }
        Matcher m = LISTENING.matcher(line);
        if (m.find()) port.complete(Integer.parseInt(m.group(1)));
      }
    } catch (IOException e) {
      port.completeExceptionally(e);
    }
  }

  private static String tail(Deque<String> output) {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  private static String month(int i) {
    return String.format(Locale.ROOT, "2026-%02d", 1 + i % 10);
  }

  /** Asks the child for a full GC, then reads what is left in use. */
  private static long usedHeapAfterGc(Process child) throws Exception {
    jcmd(child, "GC.run");
    Matcher m = G1_USED.matcher(jcmd(child, "GC.heap_info"));
    assertTrue(m.find(), "no G1 heap line in jcmd GC.heap_info");
    return Long.parseLong(m.group(1)) << 10;
  }

  private static String jcmd(Process child, String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(child.pid()), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "jcmd " + command + ": " + out);
    return out;
  }

  private HttpResponse<String> get(String base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private int status(String base, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static int features(HttpResponse<String> r) throws Exception {
    JsonNode doc = ServerFixture.parse(r.body());
    return doc.get("features").size();
  }

  /** A GET over a plain socket: java.net.http will not send a Host header of the caller's choosing. */
  private static int rawStatus(int port, String path, String header) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      OutputStream out = s.getOutputStream();
      String host = header.startsWith("Host:") ? "" : "Host: 127.0.0.1:" + port + "\r\n";
      out.write(("GET " + path + " HTTP/1.1\r\n" + host + header + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String statusLine = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
      in.transferTo(OutputStream.nullOutputStream());
      if (statusLine == null) throw new IOException("no answer to " + path);
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }
}
