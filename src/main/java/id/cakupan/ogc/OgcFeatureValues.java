package id.cakupan.ogc;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.MapUnit;
import id.cakupan.ogc.filter.FeatureValues;

/**
 * One OGC feature's queryable values as a filter sees them: the same values, rounded the same
 * way, as its GeoJSON properties. The metrics are computed only when a filter asks for one.
 */
final class OgcFeatureValues implements FeatureValues {
  private final OgcData data;
  private final MapUnit unit;
  private final Period period;
  private final Sector sector;
  private Figures figures;

  OgcFeatureValues(OgcData data, MapUnit unit, Period period, Sector sector) {
    this.data = data;
    this.unit = unit;
    this.period = period;
    this.sector = sector;
  }

  /** The feature id: the unit code, or {@code CODE_YYYY-MM_SECTOR} for coverage. */
  String id() {
    return period == null ? unit.code() : unit.code() + "_" + period + "_" + sector.name();
  }

  MapUnit unit() {
    return unit;
  }

  Period period() {
    return period;
  }

  Sector sector() {
    return sector;
  }

  @Override
  public Object value(String property) {
    return switch (property) {
      case "code" -> unit.code();
      case "bps_code" -> unit.bpsCode();
      case "name" -> unit.name();
      case "level" -> unit.level().key();
      case "kecamatan" -> unit.kecamatan();
      case "kecamatan_code" -> unit.kecamatanCode();
      case "kota" -> unit.kota();
      case "kota_code" -> unit.kotaCode();
      case "luas_km2" -> FiguresJson.round(unit.areaKm2(), 3);
      case OgcQueryables.GEOMETRY -> unit.geometry();
      case "sector" -> sector == null ? null : sector.name();
      case "period" -> period == null ? null : period.toString();
      case "period_start" -> period == null ? null : period.month().atDay(1);
      case "period_end" -> period == null ? null : period.month().atEndOfMonth();
      case "participants" -> figures() == null ? null : figures.participants();
      case "workforce" -> figures() == null ? null : figures.workforce();
      case "coverage_rate" -> figures() == null ? null : rounded(figures.coverageRate(), 6);
      case "uncovered" -> figures() == null ? null : figures.uncovered();
      case "change" -> figures() == null ? null : figures.change();
      case "density" -> figures() == null ? null : rounded(figures.density(), 2);
      default -> throw new IllegalStateException("no queryable " + property);
    };
  }

  private Figures figures() {
    if (figures == null && period != null) {
      figures = data.atlas.coverage().figures(unit.members(), sector, period, unit.areaKm2());
    }
    return figures;
  }

  private static Double rounded(Double v, int digits) {
    return v == null || v.isNaN() ? null : FiguresJson.round(v, digits);
  }
}
