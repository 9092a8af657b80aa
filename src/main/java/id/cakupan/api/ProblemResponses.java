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
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (parameter != null) body.put("parameter", parameter);
    body.put("instance", ctx.path());
    ctx.status(status);
    if (status == 503) ctx.header(Header.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS));
    ctx.contentType(MEDIA_TYPE);
    ctx.result(body.toString());
  }

  private static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Content too large";
      case 415 -> "Unsupported media type";
      default -> "Error";
    };
  }
}
