package id.cakupan.store;

import id.cakupan.boundary.Kelurahan;
import id.cakupan.ogc.filter.FeatureValues;
import id.cakupan.ogc.filter.Queryable;
import id.cakupan.ogc.filter.Queryable.Type;
import id.cakupan.ogc.filter.Queryables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a filter over the stored kelurahan may name, the same properties with the same values as
 * the OGC {@code kelurahan} collection: in memory from a {@link Kelurahan}, in PostGIS as column
 * expressions over the {@code kelurahan} table (strings in byte order, as Java compares them).
 */
public final class KelurahanQueryables {
  public static final Queryables QUERYABLES = new Queryables(List.of(
      Queryable.of("code", Type.STRING, "Kemendagri code"),
      Queryable.of("bps_code", Type.STRING, "BPS code"),
      Queryable.of("name", Type.STRING, "Name"),
      Queryable.of("level", Type.STRING, "Level"),
      Queryable.of("kecamatan", Type.STRING, "Kecamatan name"),
      Queryable.of("kecamatan_code", Type.STRING, "Kecamatan code"),
      Queryable.of("kota", Type.STRING, "Kota name"),
      Queryable.of("kota_code", Type.STRING, "Kota code"),
      Queryable.of("luas_km2", Type.NUMBER, "Area in km², 3 decimals"),
      Queryable.of("geometry", Type.GEOMETRY, "Boundary")));

  /** Column expressions of the {@code kelurahan} table aliased {@code k}; trusted SQL, never client text. */
  static final Map<String, String> COLUMNS = columns();

  private KelurahanQueryables() {}

  private static Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("code", "k.code");
    m.put("bps_code", "(CASE WHEN btrim(k.kode_bps) ~ '^[0-9]{10}$' THEN btrim(k.kode_bps) END) COLLATE \"C\"");
    m.put("name", "k.name COLLATE \"C\"");
    m.put("level", "CAST('kelurahan' AS text)");
    m.put("kecamatan", "k.kecamatan COLLATE \"C\"");
    m.put("kecamatan_code", "left(k.code, 8)");
    m.put("kota", "k.kota COLLATE \"C\"");
    m.put("kota_code", "left(k.code, 5)");
    // Java's Math.round(x * 1000) / 1000.0 in double precision: floor(x + 0.5).
    m.put("luas_km2", "(floor(k.luas_km2 * 1000 + 0.5) / 1000)");
    m.put("geometry", "k.geom");
    return Map.copyOf(m);
  }

  /** The values a filter sees for one stored kelurahan. */
  static FeatureValues values(Kelurahan k) {
    return property -> switch (property) {
      case "code" -> k.code().value();
      case "bps_code" -> {
        String s = k.bpsCode() == null ? "" : k.bpsCode().trim();
        yield s.matches("\\d{10}") ? s : null;
      }
      case "name" -> k.name();
      case "level" -> "kelurahan";
      case "kecamatan" -> k.kecamatan();
      case "kecamatan_code" -> k.kecamatanCode();
      case "kota" -> k.kota();
      case "kota_code" -> k.kotaCode();
      case "luas_km2" -> Math.round(k.areaKm2() * 1000) / 1000.0;
      case "geometry" -> k.geometry();
      default -> throw new IllegalArgumentException("no kelurahan queryable " + property);
    };
  }
}
