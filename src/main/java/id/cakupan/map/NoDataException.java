package id.cakupan.map;

/** A well-formed request names something the data does not have (a month, a kecamatan, a code). */
public class NoDataException extends RuntimeException {
  private final String parameter;

  public NoDataException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
