package id.cakupan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.app.Cakupan;
import id.cakupan.config.Config;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A real cakupan server on a free port over an embedded store in a temp dir, with a fixed clock. */
public final class ServerFixture implements AutoCloseable {
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T08:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  public final Cakupan app;
  public final Javalin server;
  public final String base;

  public ServerFixture(Path dataDir, Path boundaries) throws Exception {
    this(new Config(0, dataDir, boundaries, null, null, null, null));
  }

  public ServerFixture(Config config) throws Exception {
    app = Cakupan.open(config, CLOCK);
    server = ApiServer.create(app, app.imports(CLOCK)).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port();
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
