package id.cakupan.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Cross-origin reads: any web page may GET the layers (they are public data, and web GIS clients
 * fetch them from their own origin). Writes stay same-origin: a preflight only ever allows GET.
 */
final class Cors {
  private static final PreEncodedHttpField ANY_ORIGIN = new PreEncodedHttpField(Header.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
  private static final PreEncodedHttpField EXPOSED =
      new PreEncodedHttpField(Header.ACCESS_CONTROL_EXPOSE_HEADERS, "ETag, Content-Disposition");

  private Cors() {}

  /** On every request before it is handled ({@link FrontHandler}): reads get the headers, whatever their outcome. */
  static void allowReads(String method, HttpFields.Mutable headers) {
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      headers.add(ANY_ORIGIN);
      headers.add(EXPOSED);
    }
  }

  /** Answers a preflight for a GET (e.g. one sending If-None-Match). */
  static void preflight(Context ctx) {
    ctx.header(Header.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, OPTIONS");
    String requested = ctx.header(Header.ACCESS_CONTROL_REQUEST_HEADERS);
    if (requested != null && requested.matches("[A-Za-z0-9\\-, ]*")) {
      ctx.header(Header.ACCESS_CONTROL_ALLOW_HEADERS, requested);
    }
    ctx.header(Header.ACCESS_CONTROL_MAX_AGE, "86400");
    ctx.status(HttpStatus.NO_CONTENT);
  }
}
