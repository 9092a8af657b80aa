package id.cakupan.targeting;

/** Where a kelurahan stands against its target in a month (SPEC §6), with the words the API uses. */
public enum TargetStatus {
  /** Reached: participants at or above the target. */
  TERCAPAI("tercapai"),
  /** On track: between baseline and target month, at or above the straight line. */
  SESUAI_JALUR("sesuai jalur"),
  /** Behind: below the line, or past the target month without reaching it. */
  TERTINGGAL("tertinggal");

  private final String label;

  TargetStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
