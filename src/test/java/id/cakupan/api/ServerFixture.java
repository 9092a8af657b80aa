package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.app.Cakupan;
import id.cakupan.config.Config;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real cakupan server on a free port over an embedded store in a temp dir, with a fixed clock. Most API tests share
 * one per class: {@code @RegisterExtension static final ServerFixture server = ServerFixture.perClass();} starts it
 * over the built-in geodata before the class's first test and stops it, temp dir and all, after the last.
 */
public final class ServerFixture implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T08:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  /** Set once started: by the constructor, or before the class's first test for {@link #perClass()}. */
  public Cakupan app;
  public Javalin server;
  public String base;
  private Path ownDataDir;
  private Path perClassBoundaries;

  public ServerFixture(Path dataDir, Path boundaries) throws Exception {
    this(config(dataDir, boundaries));
  }

  public ServerFixture(Config config) throws Exception {
    start(config);
  }

  private ServerFixture() {}

  /** A server over the built-in geodata in its own temp dir, for {@code @RegisterExtension} on a static field. */
  public static ServerFixture perClass() {
    return new ServerFixture();
  }

  /** As {@link #perClass()}, over the boundary file or directory {@code boundaries}. */
  public static ServerFixture perClass(Path boundaries) {
    ServerFixture f = new ServerFixture();
    f.perClassBoundaries = boundaries;
    return f;
  }

  private static Config config(Path dataDir, Path boundaries) {
    return new Config(0, dataDir, boundaries, null, null, null, null);
  }

  private void start(Config config) throws Exception {
    app = Cakupan.open(config, CLOCK);
    server = ApiServer.create(app, app.imports(CLOCK)).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    ownDataDir = Files.createTempDirectory("cakupan-server-");
    start(config(ownDataDir, perClassBoundaries));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (server != null) close();
    try (Stream<Path> files = Files.walk(ownDataDir)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
    }
  }

  public HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, byte[] body, String contentType, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A multipart/form-data body with one file field named {@code file}. */
  public HttpResponse<String> postMultipart(String path, String fileName, byte[] content, String... headers)
      throws Exception {
    String boundary = "cakupan-test-boundary";
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    out.write(content);
    out.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return post(path, out.toByteArray(), "multipart/form-data; boundary=" + boundary, headers);
  }

  public HttpResponse<byte[]> getBytes(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
    for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** {@code /api/download?query}, checked to be a 200 attachment named {@code expectedName}, written into {@code dir}. */
  public Path download(String query, String expectedName, Path dir) throws Exception {
    HttpResponse<byte[]> r = getBytes("/api/download?" + query);
    assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
    assertEquals("attachment; filename=\"" + expectedName + "\"", r.headers().firstValue("content-disposition").orElse(null));
    return Files.write(dir.resolve(expectedName), r.body());
  }

  public JsonNode json(String path) throws Exception {
    HttpResponse<String> r = get(path);
    if (r.statusCode() != 200) throw new AssertionError(path + " -> " + r.statusCode() + " " + r.body());
    return JSON.readTree(r.body());
  }

  public static JsonNode parse(String body) throws Exception {
    return JSON.readTree(body);
  }

  @Override
  public void close() {
    server.stop();
    app.close();
  }
}
