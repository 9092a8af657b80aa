package id.cakupan.targeting;

/** The fields of a target as the API, the CSV import and their error reports name them. */
public enum TargetField {
  CODE("code", "kode_wilayah"),
  SECTOR("sector", "sektor"),
  PERIOD("period", "periode"),
  TARGET("target", "target"),
  BASELINE_PERIOD("baseline_period", "periode_dasar"),
  ASSIGNEE("assignee", "penanggung_jawab"),
  NOTE("note", "catatan");

  private final String key;
  private final String column;

  TargetField(String key, String column) {
    this.key = key;
    this.column = column;
  }

  /** The JSON member or path parameter. */
  public String key() {
    return key;
  }

  /** The column of the target CSV import. */
  public String column() {
    return column;
  }
}
