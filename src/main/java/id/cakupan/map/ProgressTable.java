package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Figures;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.sheet.XlsxTable;
import id.cakupan.targeting.ProgressRule;
import id.cakupan.targeting.Target;
import id.cakupan.targeting.TargetProgress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/progress} (SPEC §6): one row per kelurahan with its figures, the target it is
 * measured against and where it stands. The target of a row is the kelurahan's target for the
 * sector whose month is the earliest at or after the row's month (the next one due), or, when all
 * are already due, the latest (a missed target stays visible as behind); see
 * {@link id.cakupan.targeting.TargetBook#relevant}.
 *
 * <p>Missing data is never low priority: rows with a record for the month and a known workforce
 * ({@code complete: true}, group {@value #RANKED}) come first, most uncovered first (ties by
 * code); the rest ({@code complete: false}, group {@value #CHECK_DATA}) follow by code.
 */
public final class ProgressTable {
  /** The group of complete rows, ordered for action. */
  public static final String RANKED = "peringkat";
  /** The group of rows whose data is incomplete: "periksa data". */
  public static final String CHECK_DATA = "periksa_data";

  /** One kelurahan's row; target and progress are null without a target. */
  public record Row(MapUnit unit, String bpsCode, Figures figures, Target target, TargetProgress progress) {
    public boolean complete() {
      return figures.participants() != null && figures.workforce() != null;
    }

    public String group() {
      return complete() ? RANKED : CHECK_DATA;
    }
  }

  private ProgressTable() {}

  public static List<Row> rows(Atlas atlas, ProgressQuery q, Period period) {
    List<Row> rows = new ArrayList<>();
    for (MapUnit u : q.layer().withLevel(Level.KELURAHAN).units(atlas)) {
      KelurahanCode code = new KelurahanCode(u.code());
      Figures f = atlas.coverage().figures(u.members(), q.sector(), period, u.areaKm2());
      Target t = atlas.targets().relevant(code, q.sector(), period);
      TargetProgress p = t == null ? null
          : ProgressRule.evaluate(t, period, m -> atlas.coverage().participants(code, q.sector(), m));
      rows.add(new Row(u, u.bpsCode(), f, t, p));
    }
    rows.sort(Comparator.comparing(Row::complete).reversed()
        .thenComparing(r -> r.complete() ? r.figures().uncovered() : null, Comparator.nullsLast(Comparator.reverseOrder()))
        .thenComparing(r -> r.unit().code()));
    return rows;
  }

  /** @param hot the kelurahan inside a significant low-coverage cluster, or null when unknown */
  public static byte[] json(Atlas atlas, ProgressQuery q, Set<String> hot) {
    Period period = q.layer().resolvedPeriod();
    List<Row> rows = rows(atlas, q, period);
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("kecamatan", q.kecamatanCode());
      g.writeStringField("sector", q.sector().name());
      g.writeStringField("period", period.toString());
      g.writeBooleanField("synthetic", atlas.synthetic());
      g.writeArrayFieldStart("rows");
      Map<String, Boolean> untouched = atlas.belumTersentuh(period);
      for (Row r : rows) write(g, r, hotspot(hot, r), untouched.get(r.unit().code()));
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static Boolean hotspot(Set<String> hot, Row r) {
    return hot == null ? null : hot.contains(r.unit().code());
  }

  private static void write(JsonGenerator g, Row r, Boolean hotspot, Boolean belumTersentuh) throws IOException {
    Figures f = r.figures();
    Target t = r.target();
    TargetProgress p = r.progress();
    g.writeStartObject();
    g.writeStringField("code", r.unit().code());
    g.writeStringField("bps_code", r.bpsCode());
    g.writeStringField("name", r.unit().name());
    FiguresJson.number(g, "participants", f.participants());
    FiguresJson.number(g, "workforce", f.workforce());
    FiguresJson.number(g, "uncovered", f.uncovered());
    FiguresJson.number(g, "target", t == null ? null : t.target());
    g.writeStringField("target_period", t == null ? null : t.period().toString());
    g.writeStringField("baseline_period", t == null ? null : t.baseline().toString());
    FiguresJson.number(g, "gap", p == null ? null : p.gap());
    FiguresJson.decimal(g, "progress", p == null ? null : p.progress(), 6);
    FiguresJson.number(g, "pace_needed", p == null ? null : p.paceNeeded());
    FiguresJson.decimal(g, "pace", p == null ? null : p.pace(), 2);
    g.writeStringField("projected_period", p == null || p.projected() == null ? null : p.projected().toString());
    g.writeStringField("status", p == null || p.status() == null ? null : p.status().label());
    g.writeBooleanField("complete", r.complete());
    if (hotspot == null) g.writeNullField("hotspot");
    else g.writeBooleanField("hotspot", hotspot);
    g.writeStringField("assignee", t == null ? null : t.assignee());
    g.writeStringField("note", t == null ? null : t.note());
    g.writeStringField("group", r.group());
    if (belumTersentuh == null) g.writeNullField("belum_tersentuh");
    else g.writeBooleanField("belum_tersentuh", belumTersentuh);
    g.writeEndObject();
  }

  public static byte[] csv(Atlas atlas, ProgressQuery q, CsvWriter.Dialect dialect, Set<String> hot) {
    Period period = q.layer().resolvedPeriod();
    CsvWriter w = new CsvWriter(dialect);
    w.head("code", "kode").head("bps_code", "kode_bps").head("name", "nama").head("sector", "sektor")
        .head("period", "periode").head("participants", "peserta_aktif").head("workforce", "tenaga_kerja")
        .head("uncovered", "belum_terlindungi").head("target", "target").head("target_period", "periode_target")
        .head("baseline_period", "periode_dasar").head("gap", "kekurangan").rateHead("progress", "capaian")
        .head("pace_needed", "laju_dibutuhkan_per_bulan").head("pace", "laju_per_bulan")
        .head("projected_period", "perkiraan_tercapai").head("status", "status").head("complete", "data_lengkap")
        .head("hotspot", "hotspot").head("assignee", "penanggung_jawab").head("note", "catatan")
        .head("group", "kelompok");
    w.endRow();
    for (Row r : rows(atlas, q, period)) {
      Figures f = r.figures();
      Target t = r.target();
      TargetProgress p = r.progress();
      w.text(r.unit().code()).text(r.bpsCode()).text(r.unit().name()).text(q.sector().name()).text(period.toString())
          .integer(f.participants()).integer(f.workforce()).integer(f.uncovered())
          .integer(t == null ? null : t.target()).text(t == null ? null : t.period().toString())
          .text(t == null ? null : t.baseline().toString()).integer(p == null ? null : p.gap())
          .rate(p == null ? null : p.progress()).integer(p == null ? null : p.paceNeeded())
          .decimal(p == null ? null : p.pace(), 2)
          .text(p == null || p.projected() == null ? null : p.projected().toString())
          .text(p == null || p.status() == null ? null : p.status().label())
          .text(yesNo(r.complete(), dialect))
          .text(yesNo(hotspot(hot, r), dialect)).text(t == null ? null : t.assignee()).text(t == null ? null : t.note()).text(r.group());
      w.endRow();
    }
    return w.bytes();
  }

  static String yesNo(Boolean v, CsvWriter.Dialect dialect) {
    if (v == null) return null;
    return dialect == CsvWriter.Dialect.INDONESIAN ? (v ? "ya" : "tidak") : String.valueOf(v);
  }

  private static final List<XlsxTable.Column> XLSX_COLUMNS = List.of(
      new XlsxTable.Column("No.", XlsxTable.Kind.INTEGER, 5),
      new XlsxTable.Column("Kelompok", XlsxTable.Kind.TEXT, 12),
      new XlsxTable.Column("Kode", XlsxTable.Kind.TEXT, 14),
      new XlsxTable.Column("Kode BPS", XlsxTable.Kind.TEXT, 12),
      new XlsxTable.Column("Kelurahan", XlsxTable.Kind.TEXT, 22),
      new XlsxTable.Column("Peserta aktif", XlsxTable.Kind.INTEGER, 11),
      new XlsxTable.Column("Tenaga kerja", XlsxTable.Kind.INTEGER, 11),
      new XlsxTable.Column("Belum terlindungi", XlsxTable.Kind.INTEGER, 11),
      new XlsxTable.Column("Perubahan 3 bulan", XlsxTable.Kind.INTEGER, 10),
      new XlsxTable.Column("Perubahan 12 bulan", XlsxTable.Kind.INTEGER, 10),
      new XlsxTable.Column("Target", XlsxTable.Kind.INTEGER, 10),
      new XlsxTable.Column("Bulan target", XlsxTable.Kind.TEXT, 9),
      new XlsxTable.Column("Bulan dasar", XlsxTable.Kind.TEXT, 9),
      new XlsxTable.Column("Kekurangan", XlsxTable.Kind.INTEGER, 10),
      new XlsxTable.Column("Capaian (%)", XlsxTable.Kind.PERCENT, 9),
      new XlsxTable.Column("Perlu per bulan", XlsxTable.Kind.INTEGER, 10),
      new XlsxTable.Column("Laju per bulan (3 bulan terakhir)", XlsxTable.Kind.DECIMAL, 12),
      new XlsxTable.Column("Perkiraan bulan tercapai", XlsxTable.Kind.TEXT, 10),
      new XlsxTable.Column("Status", XlsxTable.Kind.TEXT, 12),
      new XlsxTable.Column("Hot spot", XlsxTable.Kind.TEXT, 8),
      new XlsxTable.Column("Penanggung jawab", XlsxTable.Kind.TEXT, 20),
      new XlsxTable.Column("Catatan", XlsxTable.Kind.TEXT, 40));

  /**
   * The camat's worklist as a one-sheet workbook: title and source lines, an Indonesian header,
   * then the rows in the same order and groups as the JSON ({@code prioritas} numbered, then
   * {@code periksa data}), with the participants' change over 3 and 12 months beside them.
   */
  public static byte[] xlsx(Atlas atlas, ProgressQuery q, Set<String> hot) {
    Period period = q.layer().resolvedPeriod();
    List<Row> rows = rows(atlas, q, period);
    if (rows.size() > XlsxTable.MAX_ROWS) {
      throw new InvalidQueryException("format", rows.size() + " rows: " + XlsxTable.tooManyRows(XlsxTable.MAX_ROWS));
    }
    List<String> title = SheetTitle.lines(atlas, "Daftar kerja kelurahan", q.kecamatanCode(), q.sector(), period);
    try (XlsxTable sheet = new XlsxTable("Daftar kerja", title, XLSX_COLUMNS)) {
      int rank = 0;
      for (Row r : rows) {
        Figures f = r.figures();
        Target t = r.target();
        TargetProgress p = r.progress();
        Boolean hotspot = hotspot(hot, r);
        sheet.row(r.complete() ? ++rank : null, r.complete() ? "prioritas" : "periksa data", r.unit().code(), r.bpsCode(),
            r.unit().name(), f.participants(), f.workforce(), f.uncovered(),
            change(atlas, r.unit(), q, period, 3), change(atlas, r.unit(), q, period, 12),
            t == null ? null : t.target(), t == null ? null : t.period(), t == null ? null : t.baseline(),
            p == null ? null : p.gap(), p == null ? null : p.progress(), p == null ? null : p.paceNeeded(),
            p == null ? null : p.pace(), p == null ? null : p.projected(),
            p == null || p.status() == null ? null : p.status().label(),
            hotspot == null ? null : hotspot ? "ya" : "tidak", t == null ? null : t.assignee(), t == null ? null : t.note());
      }
      return sheet.bytes();
    }
  }

  /** Participants of the month minus those {@code months} earlier; null when either has no record. */
  static Long change(Atlas atlas, MapUnit u, ProgressQuery q, Period period, int months) {
    Long now = atlas.coverage().figures(u.members(), q.sector(), period, u.areaKm2()).participants();
    Long before = atlas.coverage().figures(u.members(), q.sector(), period.minusMonths(months), u.areaKm2()).participants();
    return now == null || before == null ? null : now - before;
  }
}
