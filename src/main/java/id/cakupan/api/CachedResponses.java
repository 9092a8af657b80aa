package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.server.Request;

/**
 * Sends a finished body as a static file server does: a strong ETag answered with 304 on a
 * matching If-None-Match, the gzip made when the body was built when the client accepts it, and
 * the bytes written straight to the connection with their length (no copy, no chunking).
 */
final class CachedResponses {
  private static final String REVALIDATE = "no-cache";
  // The headers every cached response shares, encoded once (Jetty otherwise checks each character per response).
  private static final HttpField VARY_ENCODING = new PreEncodedHttpField(HttpHeader.VARY, "Accept-Encoding");
  private static final HttpField REVALIDATE_FIELD = new PreEncodedHttpField(HttpHeader.CACHE_CONTROL, REVALIDATE);
  private static final HttpField GZIP = new PreEncodedHttpField(HttpHeader.CONTENT_ENCODING, "gzip");

  private CachedResponses() {}

  /** A response of data: revalidated every time, since it changes on import and a 304 costs a round trip only. */
  static void send(Context ctx, CachedResponse r) {
    send(ctx, r, REVALIDATE);
  }

  /**
   * A JSON document built for this request (from the store or the request), sent as the cached
   * layers are: gzipped, with an ETag that answers a repeat with 304.
   */
  static void sendBuilt(Context ctx, com.fasterxml.jackson.databind.JsonNode body, String contentType) {
    send(ctx, CachedResponse.of(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType));
  }

  static void send(Context ctx, CachedResponse r, String cacheControl) {
    send(ctx.req(), ctx.res(), r, cacheControl);
  }

  /** Also the hot path's, in front of Javalin ({@link FrontHandler}): one way to send finished bytes. */
  static void send(HttpServletRequest req, HttpServletResponse res, CachedResponse r) {
    send(req, res, r, REVALIDATE);
  }

  private static void send(HttpServletRequest req, HttpServletResponse res, CachedResponse r, String cacheControl) {
    HttpFields.Mutable headers = Request.getBaseRequest(req).getResponse().getHttpFields();
    headers.put(HttpHeader.ETAG, r.etag());
    // A handler whose answer also varies with another header (Accept) has said so already.
    if (!headers.contains(HttpHeader.VARY)) headers.add(VARY_ENCODING);
    headers.put(cacheControl.equals(REVALIDATE) ? REVALIDATE_FIELD : new HttpField(HttpHeader.CACHE_CONTROL, cacheControl));
    String ifNoneMatch = req.getHeader(Header.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, r.etag())) {
      // No body, so no type: Javalin's default text/plain would tell a cache the stored body changed type.
      res.setContentType(null);
      res.setStatus(304);
      return;
    }
    res.setContentType(r.contentType());
    byte[] body = r.body();
    // An image or other packed file does not shrink: it goes as it is.
    if (r.gzipped().length < body.length && acceptsGzip(req.getHeader(Header.ACCEPT_ENCODING))) {
      headers.put(GZIP);
      body = r.gzipped();
    }
    res.setContentLength(body.length);
    if (FrontHandler.isHead(req)) return;
    try {
      res.getOutputStream().write(body);
    } catch (IOException clientGone) {
      // The client closed the connection mid-body: nobody is left to answer, and it is no server error.
    }
  }

  /** Whether Accept-Encoding admits gzip: named (or {@code *}) without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) return false;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.split(";");
      String coding = pieces[0].trim();
      if (!coding.equalsIgnoreCase("gzip") && !coding.equals("*")) continue;
      for (int i = 1; i < pieces.length; i++) {
        String p = pieces[i].trim().replace(" ", "");
        if (p.startsWith("q=") && p.substring(2).matches("0(\\.0{0,3})?")) return false;
      }
      return true;
    }
    return false;
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) return true;
    }
    return false;
  }
}
