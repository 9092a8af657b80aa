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
    Figures.Partial p = f.partial();
    if (p != null) {
      g.writeNumberField("members", p.members());
      g.writeNumberField("members_with_data", p.membersWithData());
      decimal(g, "coverage_rate_partial", p.coverageRatePartial(), 6);
      number(g, "uncovered_partial", p.uncoveredPartial());
    }
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

  /** The header cells of {@link #csvPartial}, for layers of aggregates. */
  public static void csvPartialHead(CsvWriter w) {
    w.head("members", "jumlah_kelurahan").head("members_with_data", "kelurahan_berdata")
        .rateHead("coverage_rate_partial", "cakupan_sebagian").head("uncovered_partial", "belum_terlindungi_sebagian");
  }

  /** An aggregate's {@link Figures.Partial} as CSV cells; empty cells when the figures have none. */
  public static void csvPartial(CsvWriter w, Figures f) {
    Figures.Partial p = f.partial();
    if (p == null) {
      w.integer((Long) null).integer((Long) null).rate(null).integer((Long) null);
      return;
    }
    w.integer(p.members()).integer(p.membersWithData()).rate(p.coverageRatePartial()).integer(p.uncoveredPartial());
  }

  /** The same metrics as CSV cells, in the order of {@link #csvHead}. */
  public static void csv(CsvWriter w, Figures f) {
    w.integer(f.participants()).integer(f.workforce()).rate(f.coverageRate()).integer(f.uncovered())
        .integer(f.change()).decimal(f.density(), 2);
  }
}
