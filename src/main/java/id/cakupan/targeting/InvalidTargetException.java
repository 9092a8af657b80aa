package id.cakupan.targeting;

/** A target that breaks a rule of SPEC §6, naming the field to fix. */
public final class InvalidTargetException extends IllegalArgumentException {
  private final TargetField field;

  public InvalidTargetException(TargetField field, String message) {
    super(message);
    this.field = field;
  }

  public TargetField field() {
    return field;
  }
}
