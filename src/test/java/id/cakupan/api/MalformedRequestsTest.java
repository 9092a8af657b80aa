package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client's mistake is a 4xx problem+json, whoever notices it: Jetty parsing the request line
 * and headers, its multipart parser, or a handler. None of them is a 5xx or logs at ERROR.
 */
class MalformedRequestsTest {
  static final String TOKEN = "malformed-token";
  static final String B = "corpus-boundary";
  static Path dataDir;
  static ServerFixture server;
  static ErrorLogs logs;

  @BeforeAll
  static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    dataDir = dir;
    logs = new ErrorLogs();
    server = new ServerFixture(new Config(0, dataDir, null, null, null, TOKEN, null));
  }

  @AfterAll
  static void stop() {
    try {
      assertEquals(List.of(), logs.errors(), "client mistakes log no ERROR");
    } finally {
      logs.close();
      server.close();
    }
  }

  static String part(String boundary, String headers, String content) {
    return "--" + boundary + "\r\n" + headers + "\r\n\r\n" + content + "\r\n";
  }

  static final String FILE_PART = part(B, "Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"",
      "kode_wilayah,periode,sektor,peserta_aktif\n31.72.03.1004,2026-10,PU,5\n");

  static Stream<Arguments> uploads() {
    return Stream.of(
        Arguments.of("multipart without a boundary", "multipart/form-data", FILE_PART + "--" + B + "--\r\n"),
        Arguments.of("multipart with an empty boundary", "multipart/form-data; boundary=", FILE_PART),
        Arguments.of("multipart with an unterminated quoted boundary", "multipart/form-data; boundary=\"" + B,
            FILE_PART + "--" + B + "--\r\n"),
        Arguments.of("truncated multipart", "multipart/form-data; boundary=" + B,
            FILE_PART.substring(0, FILE_PART.length() / 2)),
        Arguments.of("multipart with only the headers of a part", "multipart/form-data; boundary=" + B,
            "--" + B + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"),
        Arguments.of("multipart with another boundary", "multipart/form-data; boundary=" + B,
            part("other", "Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"", "x") + "--other--\r\n"),
        Arguments.of("multipart without a file field", "multipart/form-data; boundary=" + B,
            part(B, "Content-Disposition: form-data; name=\"other\"", "x") + "--" + B + "--\r\n"),
        Arguments.of("multipart part without Content-Disposition", "multipart/form-data; boundary=" + B,
            part(B, "Content-Type: text/csv", "x") + "--" + B + "--\r\n"),
        Arguments.of("empty multipart", "multipart/form-data; boundary=" + B, ""),
        Arguments.of("multipart with garbage", "multipart/form-data; boundary=" + B, "\u0000\u0001garbage\r\n\r\n--"),
        Arguments.of("multipart/mixed", "multipart/mixed; boundary=" + B, FILE_PART + "--" + B + "--\r\n"),
        Arguments.of("Multipart in capitals", "MULTIPART/FORM-DATA; BOUNDARY=" + B, FILE_PART + "--" + B + "--\r\n"),
        Arguments.of("an unknown charset", "text/csv; charset=latin9", "x"),
        Arguments.of("a made-up charset", "text/csv; charset=no-such-charset", "x"),
        Arguments.of("a charset with illegal characters", "text/csv; charset=\"utf 8\"", "x"),
        Arguments.of("a content type of parameters only", ";;;=;", "x"),
        Arguments.of("a content type that is a slash", "/", "x"),
        Arguments.of("an empty body", "text/csv", ""),
        Arguments.of("JSON to the CSV endpoint", "application/json", "{\"periode\": "));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("uploads")
  void malformedUploadsAre4xxProblems(String what, String contentType, String body) throws Exception {
    for (String path : List.of("/api/imports/coverage?name=a.csv", "/api/imports/boundaries?name=a.zip")) {
      byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
      ByteArrayOutputStream request = new ByteArrayOutputStream();
      request.write(RawHttp.ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + TOKEN
          + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
          + "\r\nConnection: close\r\n\r\n"));
      request.write(bytes);
      assertClientProblem(what + " to " + path, RawHttp.exchange(server.server.port(), request.toByteArray()));
    }
  }

  static Stream<Arguments> requests() {
    String get = "GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    return Stream.of(
        Arguments.of("%00 in the path", String.format(get, "/api/kelurahan/31.72%00")),
        Arguments.of("%zz in the path", String.format(get, "/api/kelurahan/%zz")),
        Arguments.of("a lone % in the path", String.format(get, "/api/choropleth%")),
        Arguments.of("encoded slash and dots", String.format(get, "/api/%2e%2e/%2fetc%2fpasswd")),
        Arguments.of("%00 in the query", String.format(get, "/api/choropleth?periode=%00")),
        Arguments.of("%zz in the query", String.format(get, "/api/choropleth?periode=%zz")),
        Arguments.of("invalid UTF-8 in the query", String.format(get, "/api/choropleth?periode=%c3%28")),
        Arguments.of("a 9 KB path", String.format(get, "/" + "a".repeat(9 * 1024))),
        Arguments.of("a 20 KB query", String.format(get, "/api/choropleth?periode=" + "9".repeat(20 * 1024))),
        Arguments.of("a 20 KB header", "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "h".repeat(20 * 1024)
            + "\r\nConnection: close\r\n\r\n"),
        Arguments.of("a bad Host header", "GET /api/health HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n"),
        Arguments.of("two Host headers", "GET /api/health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"),
        Arguments.of("no Host header", "GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n"),
        Arguments.of("a garbage request line", "GARBAGE\r\n\r\n"),
        Arguments.of("a header without a colon", "GET /api/health HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n\r\n"),
        Arguments.of("a bad Content-Length", "POST /api/imports/coverage HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Length: nine\r\nConnection: close\r\n\r\n"),
        Arguments.of("a bad chunk size", "POST /api/imports/coverage HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + TOKEN + "\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void malformedRequestsAre4xxProblems(String what, String request) throws Exception {
    assertClientProblem(what, RawHttp.exchange(server.server.port(), RawHttp.ascii(request)));
  }

  /** 505 is HTTP's own answer to an unknown version; it is still a problem document, not HTML. */
  @org.junit.jupiter.api.Test
  void anUnknownHttpVersionIsAProblemDocument() throws Exception {
    RawHttp.Response r = RawHttp.exchange(server.server.port(),
        RawHttp.ascii("GET /api/health HTTP/9.9\r\nHost: localhost\r\n\r\n"));
    assertEquals(505, r.status(), r.text());
    assertEquals(ProblemResponses.MEDIA_TYPE, r.contentType());
    assertEquals(505, ServerFixture.parse(r.text()).path("status").asInt());
  }

  private static void assertClientProblem(String what, RawHttp.Response r) throws IOException {
    String shown = what + " -> " + r.status() + " " + r.contentType() + " "
        + (r.text().length() > 300 ? r.text().substring(0, 300) : r.text());
    assertTrue(r.status() >= 400 && r.status() < 500, shown);
    assertEquals(ProblemResponses.MEDIA_TYPE, r.contentType(), shown);
    JsonNode problem;
    try {
      problem = ServerFixture.parse(r.text());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + shown, e);
    }
    // A rejected import keeps the report shape the SPEC fixes: the status number and an outcome.
    if (problem.has("errors")) assertEquals("rejected", problem.path("outcome").asText(), shown);
    assertEquals(r.status(), problem.path("status").asInt(), shown);
    assertTrue(problem.path("title").isTextual() && problem.path("detail").isTextual(), shown);
  }
}
