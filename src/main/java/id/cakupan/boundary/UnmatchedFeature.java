package id.cakupan.boundary;

/** A boundary polygon the gazetteer could not place, kept out of every layer and reported. */
public record UnmatchedFeature(int index, String bpsCode, String name, String kecamatan, String reason) {
  public String describe() {
    return "feature " + index + " '" + name + "' (BPS " + (bpsCode == null ? "-" : bpsCode) + ", kecamatan "
        + (kecamatan == null ? "-" : kecamatan) + "): " + reason;
  }
}
