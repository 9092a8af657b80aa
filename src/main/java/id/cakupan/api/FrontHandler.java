package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import id.cakupan.map.Layers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * The Jetty handler in front of Javalin's servlet. It gives every response the headers all of them
 * carry (browser hardening, CORS for reads), and answers a GET whose exact request text already
 * has a finished response (the map's default choropleth, read thousands of times per import) by
 * writing those bytes, as a static file server does: no routing, no servlet context, no Javalin
 * context. Everything else, and the first of each request, goes on to Javalin, whose handler
 * builds the response and remembers it under {@link #requestText}.
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
    // HEAD stays with Javalin, which answers it for a GET route without running the route.
    if (method.equals("GET")) {
      CachedResponse known = layers.snapshot().exact(requestText(req));
      if (known != null) {
        CachedResponses.send(req, res, known);
        base.setHandled(true);
        return;
      }
    }
    super.handle(target, base, req, res);
  }
}
