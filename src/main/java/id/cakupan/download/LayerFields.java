package id.cakupan.download;

import id.cakupan.map.FiguresJson;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The attribute columns of the GeoPackage and Shapefile downloads, typed, with how each is read off
 * a row. A .dbf field name holds at most 10 characters, so the longer property names get a fixed
 * short name for the Shapefile instead of the cut GDAL would make ({@code kecamatan_},
 * {@code participan}, {@code coverage_r}); that mapping is shipped in the zip as {@code fields.csv}
 * and listed in the README.
 */
public final class LayerFields {

  /** How a column is stored. */
  public enum Kind {
    /** Text; in a .dbf as wide as its longest value in UTF-8 bytes (at most 254). */
    TEXT,
    /** A whole number. */
    INTEGER,
    /** A decimal number with a fixed count of decimals. */
    DECIMAL
  }

  /**
   * One column.
   *
   * @param dbfName the Shapefile's field name, at most 10 characters
   * @param property the name of the same value in the GeoJSON, CSV and GeoPackage downloads
   * @param width for numbers in a .dbf, the digits (sign and point included)
   */
  public record Field(String dbfName, String property, Kind kind, int width, int decimals, String description,
      BiFunction<DownloadQuery, LayerDownloads.Row, Object> value) {
    public Field {
      if (dbfName.length() > 10) throw new IllegalArgumentException(".dbf field names hold 10 characters: " + dbfName);
    }
  }

  /** Every column, in order. */
  public static final List<Field> ALL = List.of(
      text("code", "code", "Kemendagri code, e.g. 31.72.03.1004", (q, r) -> r.unit().code()),
      text("bps_code", "bps_code", "BPS code, e.g. 3175040005; empty where unknown", (q, r) -> r.unit().bpsCode()),
      text("name", "name", "official name", (q, r) -> r.unit().name()),
      text("level", "level", "kelurahan, kecamatan, kota or provinsi", (q, r) -> r.unit().level().key()),
      text("kecamatan", "kecamatan", "kecamatan name (empty for kota)", (q, r) -> r.unit().kecamatan()),
      text("kec_code", "kecamatan_code", "kecamatan code, e.g. 31.72.03 (empty for kota)",
          (q, r) -> r.unit().kecamatanCode()),
      text("kota", "kota", "kota name", (q, r) -> r.unit().kota()),
      text("kota_code", "kota_code", "kota code, e.g. 31.72", (q, r) -> r.unit().kotaCode()),
      new Field("luas_km2", "luas_km2", Kind.DECIMAL, 14, 3, "area in km2",
          (q, r) -> FiguresJson.round(r.unit().areaKm2(), 3)),
      text("sector", "sector", "PU, BPU, JAKON or ALL", (q, r) -> q.sector().name()),
      text("period", "period", "month, YYYY-MM", (q, r) -> q.period().toString()),
      integer("particip", "participants", "active participants at month end", (q, r) -> r.figures().participants()),
      integer("workforce", "workforce", "estimated workforce; empty when unknown", (q, r) -> r.figures().workforce()),
      new Field("cov_rate", "coverage_rate", Kind.DECIMAL, 14, 6,
          "participants / workforce (a fraction, may exceed 1); empty when unknown",
          (q, r) -> rounded(r.figures().coverageRate(), 6)),
      integer("uncovered", "uncovered", "max(workforce - participants, 0); empty when unknown",
          (q, r) -> r.figures().uncovered()),
      integer("change", "change", "participants minus the previous month's; empty without one",
          (q, r) -> r.figures().change()),
      new Field("density", "density", Kind.DECIMAL, 16, 2, "participants per km2",
          (q, r) -> rounded(r.figures().density(), 2)));

  private LayerFields() {}

  /** {@code fields.csv}: the mapping from .dbf names to the property names of the other formats. */
  public static String mappingCsv() {
    StringBuilder sb = new StringBuilder("field,property,type,description\n");
    for (Field f : ALL) {
      String type = switch (f.kind()) {
        case TEXT -> "String";
        case INTEGER -> "Integer64";
        case DECIMAL -> "Real";
      };
      sb.append(f.dbfName()).append(',').append(f.property()).append(',').append(type).append(",\"")
          .append(f.description().replace("\"", "\"\"")).append("\"\n");
    }
    return sb.toString();
  }

  private static Field text(String name, String property, String description,
      BiFunction<DownloadQuery, LayerDownloads.Row, Object> value) {
    return new Field(name, property, Kind.TEXT, 0, 0, description, value);
  }

  private static Field integer(String name, String property, String description,
      BiFunction<DownloadQuery, LayerDownloads.Row, Object> value) {
    return new Field(name, property, Kind.INTEGER, 12, 0, description, value);
  }

  private static Double rounded(Double v, int digits) {
    return v == null || v.isNaN() ? null : FiguresJson.round(v, digits);
  }
}
