package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.config.Config;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finished bytes served as a static file server does: gzip by Accept-Encoding, Vary, strong ETags and 304, Cache-Control. */
class StaticBytesTest {
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, null, null, null, null, null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void gzipOnlyWhenAcceptedAndAlwaysVaryingOnIt() throws Exception {
    for (String path : new String[] {"/api/choropleth", "/app.js", "/", "/webjars/leaflet/1.9.4/dist/leaflet.js",
        "/api/activities/reach"}) {
      HttpResponse<byte[]> plain = server.getBytes(path);
      HttpResponse<byte[]> gz = server.getBytes(path, "Accept-Encoding", "br, gzip;q=0.8");
      HttpResponse<byte[]> refused = server.getBytes(path, "Accept-Encoding", "gzip;q=0, identity");
      for (HttpResponse<byte[]> r : java.util.List.of(plain, gz, refused)) {
        assertEquals(200, r.statusCode(), path);
        assertEquals("Accept-Encoding", r.headers().firstValue("Vary").orElse(null), path);
      }
      assertFalse(plain.headers().firstValue("Content-Encoding").isPresent(), path);
      assertFalse(refused.headers().firstValue("Content-Encoding").isPresent(), path + " with gzip;q=0");
      assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(null), path);
      assertEquals(gz.body().length, Long.parseLong(gz.headers().firstValue("Content-Length").orElseThrow()), path);
      assertArrayEquals(plain.body(), new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), path);
      assertEquals(plain.headers().firstValue("ETag"), gz.headers().firstValue("ETag"), "one representation, one tag: " + path);
    }
  }

  @Test
  void aMatchingIfNoneMatchIsA304WithoutBody() throws Exception {
    for (String path : new String[] {"/api/choropleth?zoom=14", "/app.css", "/webjars/leaflet/1.9.4/dist/leaflet.css",
        "/api/activities/reach", "/api/activities/reach?kecamatan=31.72.03", "/api/activities?format=geojson", "/api/config"}) {
      HttpResponse<byte[]> first = server.getBytes(path, "Accept-Encoding", "gzip");
      String etag = first.headers().firstValue("ETag").orElseThrow();
      assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "a strong tag: " + etag);
      HttpResponse<byte[]> again = server.getBytes(path, "If-None-Match", "\"other\", " + etag, "Accept-Encoding", "gzip");
      assertEquals(304, again.statusCode(), path);
      assertEquals(0, again.body().length, path);
      assertEquals(etag, again.headers().firstValue("ETag").orElse(null));
      assertEquals(200, server.getBytes(path, "If-None-Match", "\"other\"").statusCode(), path);
    }
  }

  @Test
  void versionedLibrariesAreImmutableAndThePagesOwnFilesRevalidated() throws Exception {
    assertEquals(StaticAssets.IMMUTABLE,
        server.get("/webjars/leaflet/1.9.4/dist/leaflet.js").headers().firstValue("Cache-Control").orElse(null));
    for (String path : new String[] {"/", "/app.js", "/js/mapview.js", "/api/choropleth"}) {
      assertEquals("no-cache", server.get(path).headers().firstValue("Cache-Control").orElse(null), path);
    }
    assertEquals("text/javascript; charset=utf-8", server.get("/js/mapview.js").headers().firstValue("Content-Type").orElse(null));
    assertEquals(404, server.get("/js/nothing.js").statusCode());
    int escape = server.get("/webjars/leaflet/1.9.4/dist/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/web/index.html").statusCode();
    assertTrue(escape == 400 || escape == 404, "a path out of the WebJars: " + escape);
    assertEquals(404, server.get("/webjars/leaflet/1.9.4/dist/nothing.js").statusCode());
  }

  @Test
  void leafletBlocksNoRendering() throws Exception {
    String page = server.get("/").body();
    String head = page.substring(0, page.indexOf("</head>"));
    assertFalse(head.contains("rel=\"stylesheet\" href=\"/webjars/leaflet"), "Leaflet's stylesheet is not in the head");
    assertTrue(page.contains("<script defer src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\">"), "Leaflet's script is deferred");
  }

  /** The pages' own stylesheets come inside the page (no round trip before the first paint), admitted by their hash alone. */
  @Test
  void thePagesCarryTheirOwnStylesheetsAndThePolicyAdmitsExactlyThose() throws Exception {
    for (String path : new String[] {"/", "/worklist.html", "/kegiatan.html"}) {
      HttpResponse<String> page = server.get(path);
      String head = page.body().substring(0, page.body().indexOf("</head>"));
      assertFalse(head.contains("<link rel=\"stylesheet\""), path + ": no stylesheet blocks the first paint");
      String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
      int styles = 0;
      for (int at = head.indexOf("<style>"); at >= 0; at = head.indexOf("<style>", at + 1)) {
        String text = head.substring(at + "<style>".length(), head.indexOf("</style>", at));
        String hash = java.util.Base64.getEncoder().encodeToString(
            java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(policy.contains("style-src 'self' ") && policy.contains("'sha256-" + hash + "'"), path + ": " + policy);
        styles++;
      }
      assertTrue(styles >= 1, path + " has its styles inline");
      assertFalse(policy.contains("'unsafe-inline'"), policy);
    }
    // The same text as the file, which stays served for whoever links it.
    String css = server.get("/app.css").body();
    assertTrue(server.get("/").body().contains("<style>" + css + "</style>"));
  }

  @Test
  void acceptEncodingIsReadAsHttpSaysIt() {
    assertTrue(CachedResponses.acceptsGzip("gzip"));
    assertTrue(CachedResponses.acceptsGzip("deflate, GZIP;q=0.5"));
    assertTrue(CachedResponses.acceptsGzip("*"));
    assertFalse(CachedResponses.acceptsGzip(null));
    assertFalse(CachedResponses.acceptsGzip("br, deflate"));
    assertFalse(CachedResponses.acceptsGzip("gzip; q=0.000"));
    assertFalse(CachedResponses.acceptsGzip("x-gzip-not"));
  }
}
