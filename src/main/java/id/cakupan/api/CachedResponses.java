package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import io.javalin.http.Context;
import io.javalin.http.Header;

/** Sends a cached body with its ETag, answering 304 to a matching If-None-Match and gzip when accepted. */
final class CachedResponses {
  private CachedResponses() {}

  static void send(Context ctx, CachedResponse r) {
    ctx.header(Header.ETAG, r.etag());
    ctx.header(Header.VARY, "Accept-Encoding");
    ctx.header(Header.CACHE_CONTROL, "no-cache");
    String ifNoneMatch = ctx.header(Header.IF_NONE_MATCH);
    if (ifNoneMatch != null && matches(ifNoneMatch, r.etag())) {
      ctx.status(304);
      return;
    }
    ctx.contentType(r.contentType());
    String accept = ctx.header(Header.ACCEPT_ENCODING);
    if (accept != null && accept.contains("gzip")) {
      ctx.header(Header.CONTENT_ENCODING, "gzip");
      ctx.result(r.gzipped());
    } else {
      ctx.result(r.body());
    }
  }

  private static boolean matches(String ifNoneMatch, String etag) {
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.trim();
      if (t.equals("*") || t.equals(etag) || t.equals("W/" + etag)) return true;
    }
    return false;
  }
}
