package id.cakupan.map;

/**
 * A query whose parameters are each well-formed but do not fit together (a kecamatan filter on
 * the kota level). It names the parameter, so the HTTP layer answers 400 without guessing.
 */
public class InvalidQueryException extends RuntimeException {
  private final String parameter;

  public InvalidQueryException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
