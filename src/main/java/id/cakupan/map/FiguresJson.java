package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Figures;
import java.io.IOException;

/** Writes the SPEC §3 metrics as JSON fields, the same way in every response. */
public final class FiguresJson {
  private FiguresJson() {}

  public static void write(JsonGenerator g, Figures f) throws IOException {
    number(g, "participants", f.participants());
    number(g, "workforce", f.workforce());
    decimal(g, "coverage_rate", f.coverageRate(), 6);
    number(g, "uncovered", f.uncovered());
    number(g, "change", f.change());
    decimal(g, "density", f.density(), 2);
  }

  static void number(JsonGenerator g, String field, Long v) throws IOException {
    if (v == null) g.writeNullField(field);
    else g.writeNumberField(field, v);
  }

  static void decimal(JsonGenerator g, String field, Double v, int digits) throws IOException {
    if (v == null || v.isNaN()) g.writeNullField(field);
    else g.writeNumberField(field, round(v, digits));
  }

  public static double round(double v, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(v * scale) / scale;
  }

  /** The header cells of {@link #csv}. */
  public static void csvHead(CsvWriter w) {
    w.head("participants", "peserta_aktif").head("workforce", "tenaga_kerja")
        .rateHead("coverage_rate", "cakupan").head("uncovered", "belum_terlindungi").head("change", "perubahan")
        .head("density", "kepadatan_per_km2");
  }

  /** The same metrics as CSV cells, in the order of {@link #csvHead}. */
  public static void csv(CsvWriter w, Figures f) {
    w.integer(f.participants()).integer(f.workforce()).rate(f.coverageRate()).integer(f.uncovered())
        .integer(f.change()).decimal(f.density(), 2);
  }
}
