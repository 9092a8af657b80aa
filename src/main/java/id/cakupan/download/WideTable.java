package id.cakupan.download;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.map.Atlas;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.MapUnit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The wide coverage table of one sector and metric: one row per unit (its codes and names), one
 * column per month with data, oldest first, headed {@code YYYY-MM}. The shape spreadsheets and
 * statistics packages want for a time series; no geometry (join on {@code code} or
 * {@code bps_code}). An empty cell is a value that is unknown that month (SPEC §3).
 */
public final class WideTable {
  private static final int LEAD_COLUMNS = 7;

  private WideTable() {}

  public static byte[] csv(Atlas atlas, DownloadQuery q, CsvWriter.Dialect dialect) {
    List<Period> months = new ArrayList<>(atlas.coverage().periods());
    Metric metric = q.layer().metric();
    CsvWriter w = new CsvWriter(dialect);
    w.head("code", "kode").head("bps_code", "kode_bps").head("name", "nama").head("level", "tingkat")
        .head("kecamatan", "kecamatan").head("kecamatan_code", "kode_kecamatan").head("metric", "ukuran");
    for (Period p : months) w.head(p.toString(), p.toString());
    w.endRow();
    for (MapUnit u : q.layer().units(atlas)) {
      w.text(u.code()).text(u.bpsCode()).text(u.name()).text(u.level().key()).text(u.kecamatan())
          .text(u.kecamatanCode()).text(metric.key());
      for (Period p : months) cell(w, metric, atlas.coverage().figures(u.members(), q.sector(), p, u.areaKm2()));
      w.endRow();
    }
    return w.bytes();
  }

  /** GDAL's {@code .csvt} of {@link #csv} in the plain dialect: codes String, months Integer64 or Real. */
  public static byte[] csvt(Atlas atlas, DownloadQuery q) {
    String month = integral(q.layer().metric()) ? "\"Integer64\"" : "\"Real\"";
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < LEAD_COLUMNS; i++) sb.append(i == 0 ? "" : ",").append("\"String\"");
    for (int i = 0; i < atlas.coverage().periods().size(); i++) sb.append(',').append(month);
    return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
  }

  /** The CSV with its {@code .csvt}, zipped under the download's name. */
  public static byte[] csvZip(Atlas atlas, DownloadQuery q) {
    String base = q.fileName().substring(0, q.fileName().length() - q.format().extension().length() - 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      zip.putNextEntry(new ZipEntry(base + ".csv"));
      zip.write(csv(atlas, q, CsvWriter.Dialect.PLAIN));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(base + ".csvt"));
      zip.write(csvt(atlas, q));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static boolean integral(Metric m) {
    return m != Metric.COVERAGE_RATE && m != Metric.DENSITY;
  }

  /** The metric as the long table writes it: rates as rates, density with 2 decimals, counts whole. */
  private static void cell(CsvWriter w, Metric metric, Figures f) {
    switch (metric) {
      case COVERAGE_RATE -> w.rate(f.coverageRate());
      case DENSITY -> w.decimal(f.density(), 2);
      default -> {
        Double v = metric.valueOf(f);
        w.integer(v == null ? null : Math.round(v));
      }
    }
  }
}
