package id.cakupan.ogc.filter;

/**
 * A filter that cannot be parsed or does not fit the collection's queryables. The message starts
 * with where the fault is: a character position (CQL2-text, counted from 1) or a JSON pointer
 * (CQL2-JSON).
 */
public final class FilterException extends IllegalArgumentException {
  private final String at;

  public FilterException(String at, String message) {
    super("at " + at + ": " + message);
    this.at = at;
  }

  public String at() {
    return at;
  }
}
