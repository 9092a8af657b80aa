package id.cakupan.api;

import io.javalin.http.Context;
import java.util.regex.Pattern;

/** The scheme, host and port a client used, for the absolute links of OGC and TileJSON documents. */
final class RequestUrls {
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

  private RequestUrls() {}

  /**
   * {@code http://host:port} as the client addressed the server; behind a reverse proxy, what
   * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} say. Anything that does not look
   * like a host name is ignored, so a request cannot put arbitrary text into the links.
   */
  static String base(Context ctx) {
    String proto = first(ctx.header("X-Forwarded-Proto"));
    if (!"http".equalsIgnoreCase(proto) && !"https".equalsIgnoreCase(proto)) proto = ctx.scheme();
    String host = first(ctx.header("X-Forwarded-Host"));
    if (host == null || !HOST.matcher(host).matches()) host = ctx.host();
    if (host == null || !HOST.matcher(host).matches()) {
      host = "localhost:" + ctx.port();
    }
    return proto.toLowerCase(java.util.Locale.ROOT) + "://" + host;
  }

  private static String first(String header) {
    if (header == null) return null;
    int comma = header.indexOf(',');
    return (comma < 0 ? header : header.substring(0, comma)).trim();
  }
}
