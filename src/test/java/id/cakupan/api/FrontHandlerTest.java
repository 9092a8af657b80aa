package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Repeats of a cached GET are answered by {@link FrontHandler} in front of Javalin: the response must
 * be the one Javalin's route gave the first time, header for header and byte for byte.
 */
class FrontHandlerTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  private static boolean known(String path) {
    return server.app.layers().snapshot().exact(path) != null;
  }

  /** The first request (Javalin's route, which remembers the response) and its repeat (FrontHandler). */
  private static List<HttpResponse<byte[]>> firstAndRepeat(String path, String... headers) throws Exception {
    assertFalse(known(path), "not yet remembered: " + path);
    HttpResponse<byte[]> first = server.getBytes(path, headers);
    assertTrue(known(path), "remembered by the route: " + path);
    return List.of(first, server.getBytes(path, headers));
  }

  private static Map<String, List<String>> headersButDate(HttpResponse<?> r) {
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(r.headers().map());
    h.remove("date");
    return h;
  }

  private static void assertSame(List<HttpResponse<byte[]>> pair, String what) {
    HttpResponse<byte[]> first = pair.get(0);
    HttpResponse<byte[]> repeat = pair.get(1);
    assertEquals(first.statusCode(), repeat.statusCode(), what);
    assertEquals(headersButDate(first), headersButDate(repeat), what);
    assertArrayEquals(first.body(), repeat.body(), what);
  }

  @Test
  void aRepeatIsTheResponseJavalinGave() throws Exception {
    List<HttpResponse<byte[]>> plain = firstAndRepeat("/api/choropleth?zoom=12&level=kelurahan");
    assertEquals(200, plain.get(0).statusCode());
    assertSame(plain, "plain");
    List<HttpResponse<byte[]>> gzip = firstAndRepeat("/api/choropleth?zoom=13", "Accept-Encoding", "gzip");
    assertEquals("gzip", gzip.get(0).headers().firstValue("Content-Encoding").orElse(null));
    assertSame(gzip, "gzip");
    assertSame(firstAndRepeat("/api/choropleth?zoom=14", "Accept-Encoding", "gzip;q=0"), "gzip refused");

    // The same resource under another request text: its first answer to If-None-Match comes from the route.
    String etag = plain.get(0).headers().firstValue("ETag").orElseThrow();
    List<HttpResponse<byte[]>> notModified = firstAndRepeat("/api/choropleth?level=kelurahan&zoom=12", "If-None-Match", etag);
    assertEquals(304, notModified.get(0).statusCode());
    assertSame(notModified, "304");
    assertFalse(notModified.get(1).headers().firstValue("Content-Type").isPresent(), "a 304 has no body, so no type");
    assertEquals("*", notModified.get(1).headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    assertNotNull(notModified.get(1).headers().firstValue("Content-Security-Policy").orElse(null));
  }

  @Test
  void onlyGoodRequestsAreRemembered() throws Exception {
    assertEquals(400, server.get("/api/choropleth?zoom=99").statusCode());
    assertNull(server.app.layers().snapshot().exact("/api/choropleth?zoom=99"));
    assertEquals(400, server.get("/api/choropleth?zoom=99").statusCode(), "still the route's problem");
  }
}
