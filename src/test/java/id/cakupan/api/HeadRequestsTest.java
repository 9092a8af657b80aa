package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * HEAD answers what GET would (RFC 9110 §9.3.2): the same status and headers, errors and 304s
 * included, and no body. Read off a raw socket so that a body sent after the headers is seen.
 */
class HeadRequestsTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  private static final String[] PATHS = {
      // API: built per request, cached layers (first and repeat), parameter errors, unknown things
      "/api/health",
      "/api/config",
      "/api/periods",
      "/api/choropleth?level=kecamatan",
      "/api/choropleth?level=kecamatan",
      "/api/choropleth?metric=nonsense",
      "/api/ranking?format=csv",
      "/api/kelurahan/31.72.03.1004",
      "/api/kelurahan/31.72.99.9999",
      "/api/kelurahan/not-a-code",
      "/api/places?level=kota&parent=31",
      "/api/places?q=koja",
      "/api/places?limit=0",
      "/api/download?level=kecamatan&format=csv",
      "/api/no-such-endpoint",
      "/api/imports/coverage",
      // OGC API - Features
      "/ogc",
      "/ogc/collections",
      "/ogc/collections/kelurahan/items?limit=2",
      "/ogc/collections/kelurahan/items/31.72.03.1004",
      "/ogc/collections/no-such-collection",
      "/ogc/collections/kelurahan/items?limit=-1",
      // tiles and WMS
      "/tiles/kelurahan.json",
      "/tiles/kelurahan/12/3344/2110.mvt",
      "/tiles/kelurahan/25/0/0.mvt",
      "/wms?SERVICE=WMS&REQUEST=GetCapabilities",
      // static files
      "/",
      "/app.js",
      "/webjars/leaflet/1.9.4/dist/leaflet.js",
      "/no-such-file.js",
  };

  record Raw(int status, Map<String, String> headers, byte[] afterHeaders) {}

  /** One request on its own connection; everything the server sends until it closes. */
  private static Raw exchange(String method, String path, String... headers) throws IOException {
    StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n");
    for (int i = 0; i < headers.length; i += 2) request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    request.append("Connection: close\r\n\r\n");
    byte[] all;
    try (Socket socket = RawHttp.open(server.server.port())) {
      socket.getOutputStream().write(RawHttp.ascii(request.toString()));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      all = out.toByteArray();
    }
    int end = indexOf(all, RawHttp.ascii("\r\n\r\n"));
    assertTrue(end > 0, method + " " + path + ": no end of headers in " + new String(all, StandardCharsets.ISO_8859_1));
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> h = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      h.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    h.remove("date");
    return new Raw(Integer.parseInt(lines[0].split(" ")[1]), h, Arrays.copyOfRange(all, end + 4, all.length));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
      return i;
    }
    return -1;
  }

  private static void assertHeadIsGetWithoutBody(String path, String... headers) throws IOException {
    Raw get = exchange("GET", path, headers);
    Raw head = exchange("HEAD", path, headers);
    assertEquals(get.status(), head.status(), path);
    assertEquals(get.headers(), head.headers(), path);
    assertEquals(0, head.afterHeaders().length, path + ": HEAD sent a body");
  }

  @Test
  void headAnswersTheGetsStatusAndHeadersWithoutTheBody() throws Exception {
    for (String path : PATHS) {
      assertHeadIsGetWithoutBody(path);
      assertHeadIsGetWithoutBody(path, "Accept-Encoding", "gzip");
    }
  }

  @Test
  void onAKeptAliveConnectionAHeadLeavesNothingBehindForTheNextResponse() throws Exception {
    try (Socket socket = RawHttp.open(server.server.port())) {
      InputStream in = socket.getInputStream();
      for (String path : PATHS) {
        socket.getOutputStream().write(RawHttp.ascii("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "HEAD " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n"
            + "GET /api/periods HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        socket.getOutputStream().flush();
        RawHttp.Response get = RawHttp.read(in);
        String head = headers(in);
        assertTrue(head.startsWith("HTTP/1.1 " + get.status() + " "), path + ": " + head);
        Map<String, String> getHeaders = new TreeMap<>(get.headers());
        getHeaders.remove("date");
        assertEquals(getHeaders, parse(head), path + " kept alive");
        // Whatever the HEAD's framing headers say, no body follows: the next bytes are the GET's answer.
        RawHttp.Response next = RawHttp.read(in);
        assertEquals(200, next.status(), path);
        assertTrue(next.text().startsWith("{\"periods\""), path + ": " + next.text());
      }
    }
  }

  private static Map<String, String> parse(String head) {
    Map<String, String> h = new TreeMap<>();
    String[] lines = head.split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      h.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
          (a, b) -> a + ", " + b);
    }
    h.remove("date");
    return h;
  }

  private static String headers(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (!out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("closed after " + out.toString(StandardCharsets.ISO_8859_1));
      out.write(b);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void errorsAreTheGetsProblemDocuments() throws Exception {
    Raw unknown = exchange("HEAD", "/api/kelurahan/31.72.99.9999");
    assertEquals(404, unknown.status());
    assertEquals(ProblemResponses.MEDIA_TYPE, unknown.headers().get("content-type"));
    assertTrue(Integer.parseInt(unknown.headers().get("content-length")) > 0, unknown.headers().toString());
    Raw bad = exchange("HEAD", "/api/choropleth?metric=nonsense");
    assertEquals(400, bad.status());
    assertEquals(ProblemResponses.MEDIA_TYPE, bad.headers().get("content-type"));
  }

  @Test
  void headOfADataResponseCarriesItsValidatorsAndRevalidates() throws Exception {
    for (String path : new String[] {"/api/choropleth?level=kota", "/api/periods", "/app.js", "/ogc/collections"}) {
      Raw head = exchange("HEAD", path);
      assertEquals(200, head.status(), path);
      String etag = head.headers().get("etag");
      assertNotNull(etag, path + " " + head.headers());
      assertNotNull(head.headers().get("content-type"), path);
      assertNotNull(head.headers().get("cache-control"), path);
      assertNotNull(head.headers().get("content-length"), path);
      assertEquals(0, head.afterHeaders().length, path);
      Raw notModified = exchange("HEAD", path, "If-None-Match", etag);
      assertEquals(304, notModified.status(), path);
      assertHeadIsGetWithoutBody(path, "If-None-Match", etag);
    }
  }
}
