package id.cakupan.worklist;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Atlas;
import id.cakupan.map.SheetTitle;
import id.cakupan.sheet.XlsxTable;
import id.cakupan.sheet.XlsxTable.Column;
import id.cakupan.sheet.XlsxTable.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The camat's worklist as an .xlsx sheet: one row per kelurahan of the kecamatan, those with
 * complete data first in the order for action (most uncovered first, ties by code), then, in a
 * group of their own, those whose data must be checked (SPEC §6: missing data is never low
 * priority, so it is never ranked at the bottom either).
 */
public final class WorklistSheet {
  private static final List<Column> COLUMNS = List.of(
      new Column("No.", Kind.INTEGER, 5),
      new Column("Kelompok", Kind.TEXT, 12),
      new Column("Kode", Kind.TEXT, 14),
      new Column("Kode BPS", Kind.TEXT, 12),
      new Column("Kelurahan", Kind.TEXT, 22),
      new Column("Peserta aktif", Kind.INTEGER, 11),
      new Column("Tenaga kerja", Kind.INTEGER, 11),
      new Column("Belum terlindungi", Kind.INTEGER, 11),
      new Column("Perubahan 3 bulan", Kind.INTEGER, 10),
      new Column("Perubahan 12 bulan", Kind.INTEGER, 10),
      new Column("Target", Kind.INTEGER, 10),
      new Column("Bulan target", Kind.TEXT, 9),
      new Column("Bulan dasar", Kind.TEXT, 9),
      new Column("Kekurangan", Kind.INTEGER, 10),
      new Column("Capaian (%)", Kind.PERCENT, 9),
      new Column("Perlu per bulan", Kind.INTEGER, 10),
      new Column("Laju per bulan (3 bulan terakhir)", Kind.DECIMAL, 12),
      new Column("Perkiraan bulan tercapai", Kind.TEXT, 10),
      new Column("Status", Kind.TEXT, 12),
      new Column("Hot spot", Kind.TEXT, 8),
      new Column("Penanggung jawab", Kind.TEXT, 20),
      new Column("Catatan", Kind.TEXT, 40));

  /**
   * One kelurahan's progress row (SPEC §6 fields) as the sheet needs it.
   *
   * @param status {@code tercapai}, {@code sesuai jalur}, {@code tertinggal} or null
   * @param hotspot null when not known
   */
  public record Line(String code, String bpsCode, String name, Long participants, Long workforce, Long uncovered,
      Long target, Period targetPeriod, Period baselinePeriod, Long gap, Double progress, Long paceNeeded, Double pace,
      Period projectedPeriod, String status, boolean complete, Boolean hotspot, String assignee, String note) {}

  private WorklistSheet() {}

  /** The lines in sheet order: complete ones by uncovered (most first), then the ones to check, each by code. */
  public static List<Line> ordered(List<Line> lines) {
    Comparator<Line> byCode = Comparator.comparing(Line::code);
    List<Line> ranked = new ArrayList<>(lines.stream().filter(Line::complete).toList());
    ranked.sort(Comparator.comparing((Line l) -> l.uncovered() == null ? Long.MIN_VALUE : l.uncovered()).reversed()
        .thenComparing(byCode));
    List<Line> check = new ArrayList<>(lines.stream().filter(l -> !l.complete()).toList());
    check.sort(byCode);
    ranked.addAll(check);
    return ranked;
  }

  public static byte[] xlsx(Atlas atlas, String kecamatanCode, Sector sector, Period period, List<Line> lines) {
    List<String> title = SheetTitle.lines(atlas, "Daftar kerja kelurahan", kecamatanCode, sector, period);
    try (XlsxTable sheet = new XlsxTable("Daftar kerja", title, COLUMNS)) {
      int rank = 0;
      for (Line l : ordered(lines)) {
        Integer no = l.complete() ? ++rank : null;
        sheet.row(no, l.complete() ? "prioritas" : "periksa data", l.code(), l.bpsCode(), l.name(), l.participants(),
            l.workforce(), l.uncovered(), change(atlas, l.code(), sector, period, 3), change(atlas, l.code(), sector, period, 12),
            l.target(), text(l.targetPeriod()), text(l.baselinePeriod()), l.gap(), l.progress(), l.paceNeeded(), l.pace(),
            text(l.projectedPeriod()), l.status(), l.hotspot() == null ? null : l.hotspot() ? "ya" : "tidak", l.assignee(),
            l.note());
      }
      return sheet.bytes();
    }
  }

  /** Participants now minus {@code months} earlier, null when either month has no record. */
  static Long change(Atlas atlas, String code, Sector sector, Period period, int months) {
    var unit = atlas.geography().unit(code);
    if (unit == null) return null;
    Long now = atlas.coverage().figures(unit.members(), sector, period, unit.areaKm2()).participants();
    Long before = atlas.coverage().figures(unit.members(), sector, period.minusMonths(months), unit.areaKm2()).participants();
    return now == null || before == null ? null : now - before;
  }

  private static String text(Period p) {
    return p == null ? null : p.toString();
  }
}
