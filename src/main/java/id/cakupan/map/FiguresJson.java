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

  /** The same metrics as CSV cells, in the order of {@link #CSV_HEADER}. */
  public static final String CSV_HEADER = "participants,workforce,coverage_rate,uncovered,change,density";

  public static String csv(Figures f) {
    return cell(f.participants()) + "," + cell(f.workforce()) + ","
        + (f.coverageRate() == null ? "" : round(f.coverageRate(), 6)) + "," + cell(f.uncovered()) + ","
        + cell(f.change()) + "," + (f.density() == null ? "" : round(f.density(), 2));
  }

  private static String cell(Long v) {
    return v == null ? "" : v.toString();
  }
}
