package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.config.Config;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser hardening headers on every kind of response: pages, data, errors and 304s. */
class SecurityHeadersTest {
  @TempDir static Path dataDir;
  @TempDir static Path basemapDataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, null, null, null, "token-for-header-tests", null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertHardened(HttpResponse<?> r, String what) {
    String csp = r.headers().firstValue("Content-Security-Policy").orElse(null);
    assertTrue(csp != null, what + ": no Content-Security-Policy");
    Set<String> directives = Arrays.stream(csp.split(";")).map(String::trim).map(SecurityHeadersTest::withoutStyleHashes)
        .collect(Collectors.toSet());
    for (String d : List.of("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
        "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'")) {
      assertTrue(directives.contains(d), what + ": CSP lacks " + d + " in " + csp);
    }
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null), what);
  }

  /** style-src may name the pages' inlined stylesheets by their hashes after 'self', and nothing else. */
  private static String withoutStyleHashes(String directive) {
    return directive.matches("style-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')*") ? "style-src 'self'" : directive;
  }

  @Test
  void pagesScriptsAndDataCarryTheHeaders() throws Exception {
    HttpResponse<String> page = server.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<html"), "the map page");
    assertHardened(page, "GET /");
    assertHardened(server.get("/app.js"), "GET /app.js");
    assertHardened(server.get("/js/table.js"), "GET /js/table.js");
    assertHardened(server.get("/webjars/leaflet/1.9.4/dist/leaflet.js"), "GET leaflet.js");
    assertHardened(server.get("/api/health"), "GET /api/health");
    assertHardened(server.get("/api/ranking?format=csv"), "GET /api/ranking csv");
    assertHardened(server.get("/tiles/kelurahan.json"), "GET TileJSON");
  }

  @Test
  void errorsAndNotModifiedCarryTheHeadersToo() throws Exception {
    HttpResponse<String> missing = server.get("/no/such/thing");
    assertEquals(404, missing.statusCode());
    assertHardened(missing, "404");
    HttpResponse<String> bad = server.get("/api/choropleth?level=planet");
    assertEquals(400, bad.statusCode());
    assertHardened(bad, "400");
    HttpResponse<String> unauthorized = server.post("/api/imports/coverage", "x".getBytes(StandardCharsets.UTF_8), "text/csv");
    assertEquals(401, unauthorized.statusCode());
    assertHardened(unauthorized, "401");
    HttpResponse<String> script = server.get("/app.js");
    HttpResponse<String> scriptAgain = server.get("/app.js", "If-None-Match", script.headers().firstValue("ETag").orElseThrow());
    assertEquals(304, scriptAgain.statusCode(), "a static file not modified");
    assertHardened(scriptAgain, "static 304");

    HttpResponse<String> first = server.get("/api/choropleth");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again = server.get("/api/choropleth", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertHardened(again, "304");
  }

  @Test
  void corsStaysOpenForReadsOnly() throws Exception {
    assertEquals("*", server.get("/api/health").headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    HttpResponse<String> write = server.post("/api/imports/coverage", "x".getBytes(StandardCharsets.UTF_8), "text/csv");
    assertNull(write.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
  }

  @Test
  void aBasemapAddsItsTileOriginToImagesOnly() throws Exception {
    try (ServerFixture withBasemap = new ServerFixture(new Config(0, basemapDataDir, null, null, null, null,
        "https://{s}.tile.example.org/{z}/{x}/{y}.png"))) {
      String csp = withBasemap.get("/").headers().firstValue("Content-Security-Policy").orElseThrow();
      assertTrue(csp.contains("img-src 'self' data: blob: https://*.tile.example.org;"), csp);
      assertTrue(csp.contains("connect-src 'self';") && csp.contains("script-src 'self';"), csp);
    }
  }

  @Test
  void tileOriginsAreOriginsOrNothing() {
    assertEquals("https://tiles.example.org", SecurityHeaders.tileOrigin("https://tiles.example.org/{z}/{x}/{y}.png"));
    assertEquals("https://*.tile.openstreetmap.org", SecurityHeaders.tileOrigin("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"));
    assertEquals("http://localhost:8080", SecurityHeaders.tileOrigin("http://localhost:8080/t/{z}/{x}/{y}.png?key=a;b"));
    assertNull(SecurityHeaders.tileOrigin("/tiles/{z}/{x}/{y}.png"), "same origin needs nothing");
    assertNull(SecurityHeaders.tileOrigin("javascript://x/{z}"));
    // A template that would smuggle a directive into the header is not trusted at all.
    assertNull(SecurityHeaders.tileOrigin("https://evil.example; script-src *;/{z}/{x}/{y}.png"));
    assertNull(SecurityHeaders.tileOrigin("https://a.{s}.example.org/{z}/{x}/{y}.png"));
  }
}
