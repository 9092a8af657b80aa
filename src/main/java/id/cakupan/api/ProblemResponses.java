package id.cakupan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.map.InvalidQueryException;
import id.cakupan.map.NoDataException;
import id.cakupan.store.StoreException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where failures become RFC 9457 application/problem+json. */
final class ProblemResponses {
  static final String MEDIA_TYPE = "application/problem+json";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** How long a client should wait after a 503: about one background check of the store while it is down. */
  static final int RETRY_AFTER_SECONDS = 5;

  private ProblemResponses() {}

  static void register(Javalin app) {
    register(app, e -> { });
  }

  /** @param storeFailures told of every store failure in a request, so health degrades without waiting */
  static void register(Javalin app, Consumer<StoreException> storeFailures) {
    app.exception(Problem.class, (e, ctx) -> send(ctx, e.status(), e.title(), e.getMessage(), e.parameter()));
    app.exception(InvalidQueryException.class, (e, ctx) -> send(ctx, 400, "Invalid parameter", e.getMessage(), e.parameter()));
    app.exception(NoDataException.class, (e, ctx) -> send(ctx, 404, "Not found", e.getMessage(), e.parameter()));
    app.exception(StoreException.class, (e, ctx) -> {
      LOG.warn("store unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      storeFailures.accept(e);
      send(ctx, 503, "Store unavailable", "the database cannot be reached; nothing was changed. Try again later.", null);
    });
    app.exception(HttpResponseException.class, (e, ctx) -> send(ctx, e.getStatus(), reason(e.getStatus()), e.getMessage(), null));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
      send(ctx, 500, "Internal server error", "the server failed to handle this request; see its log", null);
    });
    // Routing misses (404, 405) and anything else Javalin answers itself get the same shape.
    app.error(404, ctx -> {
      if (!MEDIA_TYPE.equals(ctx.res().getContentType())) {
        send(ctx, 404, "Not found", "no resource at " + ctx.path(), null);
      }
    });
    app.error(405, ctx -> send(ctx, 405, "Method not allowed", ctx.method() + " is not allowed on " + ctx.path(), null));
  }

  static void send(Context ctx, int status, String title, String detail, String parameter) {
    send(ctx, status, title, detail, parameter, Map.of());
  }

  /** @param members extension members of the problem document (RFC 9457 §3.2), e.g. a WMS exception {@code code} */
  static void send(Context ctx, int status, String title, String detail, String parameter, Map<String, String> members) {
    ctx.status(status);
    if (status == 503) ctx.header(Header.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    ctx.contentType(MEDIA_TYPE);
    // Bytes, not a String: Javalin would encode a String as Latin-1 for a media type Jetty does not know.
    byte[] body = document(status, title, detail, parameter, ctx.path(), members).getBytes(StandardCharsets.UTF_8);
    if (mayHaveUnreadBody(ctx)) sendAndClose(ctx, body);
    else ctx.result(body);
  }

  private static boolean mayHaveUnreadBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header(Header.TRANSFER_ENCODING) != null;
  }

  /**
   * Jetty, before sending a response that is not yet committed, reads and discards whatever of the
   * request body is still arriving, to keep the connection, for as long as a fast client keeps it
   * coming: a refused upload would be read on after all. So the answer is sent and flushed here,
   * with {@code Connection: close}, and the rest of the body is never read.
   */
  private static void sendAndClose(Context ctx, byte[] body) {
    HttpServletResponse res = ctx.res();
    res.setHeader(Header.CONNECTION, "close");
    res.setContentLength(body.length);
    try {
      res.getOutputStream().write(body);
      res.flushBuffer();
    } catch (IOException e) {
      LOG.debug("could not send the problem document to a client that went away", e);
    }
  }

  /** The problem document itself, also written by Jetty's error handler outside any route. */
  static String document(int status, String title, String detail, String parameter, String instance) {
    return document(status, title, detail, parameter, instance, Map.of());
  }

  static String document(int status, String title, String detail, String parameter, String instance,
      Map<String, String> members) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (parameter != null) body.put("parameter", parameter);
    if (instance != null) body.put("instance", instance);
    members.forEach(body::put);
    return body.toString();
  }

  /**
   * A java.lang.Error in a handler, in practice OutOfMemoryError under load: the request was fine,
   * the server was too busy, so 503 with a hint to retry rather than an empty 500.
   */
  static void serviceError(HttpServletResponse res, Error error) {
    LOG.warn("service overloaded: {}", error.toString());
    if (res.isCommitted()) return;
    try {
      res.resetBuffer();
      res.setStatus(503);
      res.setHeader("Retry-After", "30");
      res.setContentType(MEDIA_TYPE);
      res.getOutputStream().write(document(503, "Service unavailable",
          "the server ran short of resources for this request; nothing was changed. Try again shortly.", null, null)
          .getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not write the 503", e);
    }
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      case 414 -> "URI too long";
      case 415 -> "Unsupported media type";
      case 431 -> "Request header fields too large";
      case 503 -> "Service unavailable";
      default -> "Error";
    };
  }
}
