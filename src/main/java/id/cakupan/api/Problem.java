package id.cakupan.api;

/**
 * A client or service error that becomes an RFC 9457 problem+json response.
 *
 * @param parameter the query parameter, path segment or field at fault, or null
 */
public class Problem extends RuntimeException {
  private final int status;
  private final String title;
  private final String parameter;

  public Problem(int status, String title, String detail, String parameter) {
    super(detail);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
  }

  public static Problem badParameter(String parameter, String detail) {
    return new Problem(400, "Invalid parameter", detail, parameter);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String parameter() {
    return parameter;
  }
}
