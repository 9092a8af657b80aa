package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;
import org.locationtech.jts.geom.MultiPolygon;

/** A kelurahan with its boundary in WGS 84 and the names of the places it belongs to. */
public record Kelurahan(
    KelurahanCode code,
    String bpsCode,
    String name,
    String kecamatan,
    String kota,
    MultiPolygon geometry,
    double areaKm2) {

  /** Boundaries are many and long-lived: their coordinates are kept packed (see {@link PackedCoordinates}). */
  public Kelurahan {
    geometry = PackedCoordinates.pack(geometry);
  }

  public String kecamatanCode() {
    return code.kecamatanCode();
  }

  public String kotaCode() {
    return code.kotaCode();
  }
}
