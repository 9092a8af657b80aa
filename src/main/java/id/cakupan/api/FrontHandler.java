package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import id.cakupan.map.Layers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The Jetty handler in front of Javalin's servlet. It gives every response the headers all of them
 * carry (browser hardening, CORS for reads), and answers a GET whose exact request text already
 * has a finished response (the map's default choropleth, read thousands of times per import) by
 * writing those bytes, as a static file server does: no routing, no servlet context, no Javalin
 * context. Everything else, and the first of each request, goes on to Javalin, whose handler
 * builds the response and remembers it under {@link #requestText}.
 *
 * <p>A HEAD goes on as the GET it asks about: the same route, status and headers (ETag, type,
 * length, a 304 or a problem), where Javalin alone would answer any GET route's HEAD with an empty
 * 200. Jetty still knows the request line said HEAD and sends no body.
 */
final class FrontHandler extends HandlerWrapper {
  private final SecurityHeaders security;
  private final Layers layers;

  FrontHandler(SecurityHeaders security, Layers layers) {
    this.security = security;
    this.layers = layers;
  }

  /** The key a finished response is remembered under: the path and query exactly as sent. */
  static String requestText(HttpServletRequest req) {
    String query = req.getQueryString();
    return query == null ? req.getRequestURI() : req.getRequestURI() + "?" + query;
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest req, HttpServletResponse res)
      throws IOException, jakarta.servlet.ServletException {
    String method = base.getMethod();
    HttpFields.Mutable headers = base.getResponse().getHttpFields();
    security.addTo(headers);
    Cors.allowReads(method, headers);
    boolean head = method.equals("HEAD");
    if (head) base.setMethod("GET");
    try {
      if (head || method.equals("GET")) {
        CachedResponse known = layers.snapshot().exact(requestText(req));
        if (known != null) {
          CachedResponses.send(req, res, known);
          base.setHandled(true);
          return;
        }
      }
      super.handle(target, base, req, res);
    } finally {
      // The request log and anything after the response see the method the client sent.
      if (head) base.setMethod("HEAD");
    }
  }

  /** Whether the client asked for the headers only (a HEAD runs as a GET: see the class comment). */
  static boolean isHead(HttpServletRequest req) {
    return HttpMethod.HEAD.is(Request.getBaseRequest(req).getMetaData().getMethod());
  }
}
