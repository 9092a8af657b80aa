package id.cakupan.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty answers some requests before any route sees them: a URI too long (414), headers too large
 * (431), a request line or URI it cannot parse (400, e.g. {@code %00} or {@code %zz}). Its own
 * pages are HTML; these are problem+json like every other error.
 */
final class JettyProblemErrors extends ErrorHandler {

  /** Errors found while parsing, before a request exists: Jetty sends these bytes itself. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE);
    String body = ProblemResponses.document(status, ProblemResponses.reason(status), detail(status, reason), null, null);
    return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
  }

  /** Errors raised once the request was parsed, e.g. a URI that decodes to something unsafe. */
  @Override
  protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
      HttpServletResponse response, int code, String message) throws IOException {
    baseRequest.setHandled(true);
    String body = ProblemResponses.document(code, ProblemResponses.reason(code), detail(code, message), null, null);
    response.setContentType(ProblemResponses.MEDIA_TYPE);
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static String detail(int status, String reason) {
    String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    return switch (status) {
      case 414 -> "the request URI is too long" + why;
      case 431 -> "the request headers are too large" + why;
      case 400 -> "the request could not be parsed: check the URI's percent-encoding and the headers" + why;
      default -> status >= 500 ? "the server could not handle this request" : "the request was refused" + why;
    };
  }
}
