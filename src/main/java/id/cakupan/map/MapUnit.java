package id.cakupan.map;

import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * One polygon of a layer at some level. Its RFC 7946 JSON is encoded when asked for, not kept:
 * at national scale (83,800 kelurahan) the pre-encoded text of every unit was 0.5 GB for layers
 * few ask for; finished responses are kept in the byte-bounded {@link ResponseCache} instead.
 *
 * @param bpsCode the BPS code (10 digits for a kelurahan, 7 for a kecamatan, 4 for a kota), null
 *     where unknown: BPS codes do not convert from Kemendagri ones, they come from the gazetteer
 * @param members the kelurahan whose counts sum into this unit (itself, for a kelurahan)
 */
public record MapUnit(
    String code,
    String bpsCode,
    String name,
    Level level,
    String kecamatanCode,
    String kecamatan,
    String kotaCode,
    String kota,
    List<KelurahanCode> members,
    double areaKm2,
    Geometry geometry) {

  /** The geometry as RFC 7946 GeoJSON (lon/lat, counter-clockwise shells, 6 decimals). */
  public String geometryJson() {
    return GeoJsonGeometryWriter.toJson(geometry);
  }
}
