package id.cakupan.store;

import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.ogc.filter.FeatureValues;
import id.cakupan.ogc.filter.Queryable;
import id.cakupan.ogc.filter.Queryable.Type;
import id.cakupan.ogc.filter.Queryables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a filter over the coverage of each kelurahan may name: the properties of the OGC
 * {@code coverage-kelurahan} collection with the same values, derived by the rules of SPEC §3
 * (ALL sums the sectors; a missing sector makes the workforce unknown) and rounded as served.
 * In PostGIS the rounding is done in double precision the way Java does it, so both agree.
 */
public final class CoverageQueryables {
  public static final Queryables QUERYABLES;

  static {
    List<Queryable> q = new ArrayList<>(KelurahanQueryables.QUERYABLES.all());
    q.removeIf(x -> x.type() == Type.GEOMETRY);
    q.add(Queryable.of("sector", Type.STRING, "Sector"));
    q.add(Queryable.of("period", Type.STRING, "Month, YYYY-MM"));
    q.add(Queryable.of("period_start", Type.DATE, "First day of the month"));
    q.add(Queryable.of("period_end", Type.DATE, "Last day of the month"));
    q.add(Queryable.of("participants", Type.INTEGER, "Participants"));
    q.add(Queryable.of("workforce", Type.INTEGER, "Workforce"));
    q.add(Queryable.of("coverage_rate", Type.NUMBER, "Coverage rate, 6 decimals"));
    q.add(Queryable.of("uncovered", Type.INTEGER, "Uncovered workers"));
    q.add(Queryable.of("change", Type.INTEGER, "Change from the month before"));
    q.add(Queryable.of("density", Type.NUMBER, "Participants per km², 2 decimals"));
    q.add(Queryable.of("geometry", Type.GEOMETRY, "Boundary"));
    QUERYABLES = new Queryables(q);
  }

  /**
   * One row per kelurahan, month with data and sector, with its counts summed as SPEC §3 says:
   * {@code n} records found (of 1, or 3 for ALL), participants, workforce (null unless every
   * record is there with one), and the month before's records and participants.
   */
  static final String ROWS = "SELECT k.code, k.kode_bps, k.name, k.kecamatan, k.kota, k.luas_km2, k.geom, m.period,"
      + " s.sector, s.ord, cur.n, cur.p, cur.w, prev.n AS prev_n, prev.p AS prev_p"
      + " FROM kelurahan k"
      + " CROSS JOIN (SELECT DISTINCT period FROM coverage) m"
      + " CROSS JOIN (VALUES (CAST('PU' AS text), 0), ('BPU', 1), ('JAKON', 2), ('ALL', 3)) s(sector, ord)"
      + " CROSS JOIN LATERAL (SELECT count(*) AS n, sum(c.participants) AS p,"
      + "   CASE WHEN count(*) = CASE WHEN s.sector = 'ALL' THEN 3 ELSE 1 END AND count(c.workforce) = count(*)"
      + "   THEN sum(c.workforce) END AS w"
      + "   FROM coverage c WHERE c.code = k.code AND c.period = m.period AND (s.sector = 'ALL' OR c.sector = s.sector)) cur"
      + " CROSS JOIN LATERAL (SELECT count(*) AS n, sum(c.participants) AS p"
      + "   FROM coverage c WHERE c.code = k.code AND c.period = CAST(m.period - interval '1 month' AS date)"
      + "   AND (s.sector = 'ALL' OR c.sector = s.sector)) prev";

  /** Column expressions over {@link #ROWS} aliased {@code f}; trusted SQL, never client text. */
  static final Map<String, String> COLUMNS = columns();

  private CoverageQueryables() {}

  private static Map<String, String> columns() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : KelurahanQueryables.COLUMNS.entrySet()) {
      m.put(e.getKey(), e.getValue().replace("k.", "f."));
    }
    String p = "CASE WHEN f.n > 0 THEN f.p END";
    m.put("sector", "f.sector COLLATE \"C\"");
    m.put("period", "to_char(f.period, 'YYYY-MM')");
    m.put("period_start", "f.period");
    m.put("period_end", "CAST(f.period + interval '1 month' - interval '1 day' AS date)");
    m.put("participants", "(" + p + ")");
    m.put("workforce", "f.w");
    // Java's Math.round(x * 1e6) / 1e6 in double precision: floor(x + 0.5).
    m.put("coverage_rate", "(CASE WHEN f.w > 0 THEN floor(CAST(f.p AS float8) / CAST(f.w AS float8) * 1e6 + 0.5) / 1e6 END)");
    m.put("uncovered", "(CASE WHEN f.w IS NOT NULL THEN greatest(f.w - f.p, 0) END)");
    m.put("change", "(CASE WHEN f.n > 0 AND f.prev_n > 0 THEN f.p - f.prev_p END)");
    m.put("density", "(CASE WHEN f.n > 0 AND f.luas_km2 > 0 THEN floor(CAST(f.p AS float8) / f.luas_km2 * 100 + 0.5) / 100 END)");
    return Map.copyOf(m);
  }

  /** The values a filter sees for one kelurahan, month and sector. */
  static FeatureValues values(Kelurahan k, Period period, Sector sector, CoverageTable table) {
    FeatureValues own = KelurahanQueryables.values(k);
    Figures[] figures = {null};
    return property -> {
      switch (property) {
        case "sector":
          return sector.name();
        case "period":
          return period.toString();
        case "period_start":
          return period.month().atDay(1);
        case "period_end":
          return period.month().atEndOfMonth();
        case "participants", "workforce", "coverage_rate", "uncovered", "change", "density": {
          if (figures[0] == null) figures[0] = table.figures(List.of(k.code()), sector, period, k.areaKm2());
          Figures f = figures[0];
          return switch (property) {
            case "participants" -> f.participants();
            case "workforce" -> f.workforce();
            case "coverage_rate" -> f.coverageRate() == null ? null : Math.round(f.coverageRate() * 1e6) / 1e6;
            case "uncovered" -> f.uncovered();
            case "change" -> f.change();
            default -> f.density() == null ? null : Math.round(f.density() * 100) / 100.0;
          };
        }
        default:
          return own.value(property);
      }
    };
  }
}
