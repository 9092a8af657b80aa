package id.cakupan.map;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import id.cakupan.sheet.XlsxTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The camat's target list: kelurahan ordered by uncovered workers or by lowest coverage. Missing
 * data is never low priority (SPEC §6): only kelurahan with the month's record and a known
 * workforce are ranked (1..n); the others follow in their own group, {@value #CHECK_DATA}, by
 * code and without a rank. A limit cuts the ranked rows only: the group to check is always listed.
 */
public final class Ranking {
  /** The group of ranked rows. */
  public static final String RANKED = ProgressTable.RANKED;
  /** The group of rows whose data is incomplete: "periksa data". */
  public static final String CHECK_DATA = ProgressTable.CHECK_DATA;

  /** @param rank 1..n among complete rows; null for a row to check */
  public record Row(Integer rank, MapUnit unit, Figures figures) {
    public boolean complete() {
      return figures.participants() != null && figures.workforce() != null;
    }

    public String group() {
      return complete() ? RANKED : CHECK_DATA;
    }
  }

  private Ranking() {}

  /** The rows of a ranking whose month is resolved. */
  public static List<Row> rows(Atlas atlas, RankingQuery q) {
    record Item(MapUnit unit, Figures figures) {}
    LayerQuery layer = q.layer();
    List<Item> ranked = new ArrayList<>();
    List<Item> check = new ArrayList<>();
    for (MapUnit u : layer.withLevel(Level.KELURAHAN).units(atlas)) {
      Figures f = atlas.coverage().figures(u.members(), layer.sector(), layer.resolvedPeriod(), u.areaKm2());
      (f.participants() != null && f.workforce() != null ? ranked : check).add(new Item(u, f));
    }
    ranked.sort(Comparator.comparing(Item::figures, q.order().comparator()).thenComparing(i -> i.unit().code()));
    check.sort(Comparator.comparing(i -> i.unit().code()));
    int n = q.limit() == null ? ranked.size() : Math.min(q.limit(), ranked.size());
    List<Row> rows = new ArrayList<>(n + check.size());
    for (int i = 0; i < n; i++) rows.add(new Row(i + 1, ranked.get(i).unit(), ranked.get(i).figures()));
    for (Item i : check) rows.add(new Row(null, i.unit(), i.figures()));
    return rows;
  }

  /** The same rows as a one-sheet .xlsx, headed in Bahasa Indonesia with the month and the data's source. */
  public static byte[] xlsx(Atlas atlas, RankingQuery q) {
    LayerQuery layer = q.layer();
    Period period = layer.resolvedPeriod();
    List<XlsxTable.Column> columns = List.of(
        new XlsxTable.Column("Peringkat", XlsxTable.Kind.INTEGER, 9),
        new XlsxTable.Column("Kelompok", XlsxTable.Kind.TEXT, 12),
        new XlsxTable.Column("Kode", XlsxTable.Kind.TEXT, 14),
        new XlsxTable.Column("Kode BPS", XlsxTable.Kind.TEXT, 12),
        new XlsxTable.Column("Kelurahan", XlsxTable.Kind.TEXT, 22),
        new XlsxTable.Column("Kecamatan", XlsxTable.Kind.TEXT, 16),
        new XlsxTable.Column("Kode kecamatan", XlsxTable.Kind.TEXT, 10),
        new XlsxTable.Column("Sektor", XlsxTable.Kind.TEXT, 7),
        new XlsxTable.Column("Periode", XlsxTable.Kind.TEXT, 9),
        new XlsxTable.Column("Peserta aktif", XlsxTable.Kind.INTEGER, 12),
        new XlsxTable.Column("Tenaga kerja", XlsxTable.Kind.INTEGER, 12),
        new XlsxTable.Column("Cakupan (%)", XlsxTable.Kind.PERCENT, 10),
        new XlsxTable.Column("Belum terlindungi", XlsxTable.Kind.INTEGER, 12),
        new XlsxTable.Column("Perubahan", XlsxTable.Kind.INTEGER, 10),
        new XlsxTable.Column("Peserta per km²", XlsxTable.Kind.DECIMAL, 10));
    String what = q.order() == RankOrder.UNCOVERED ? "Peringkat kelurahan menurut pekerja belum terlindungi"
        : "Peringkat kelurahan menurut cakupan terendah";
    try (XlsxTable sheet = new XlsxTable("Peringkat", SheetTitle.lines(atlas, what,
        layer.kecamatan() == null ? null : layer.kecamatan().value(), layer.sector(), period), columns)) {
      List<Row> rows = rows(atlas, q);
      if (rows.size() > XlsxTable.MAX_ROWS) {
        throw new InvalidQueryException("format", rows.size() + " rows: " + XlsxTable.tooManyRows(XlsxTable.MAX_ROWS));
      }
      for (Row r : rows) {
        Figures f = r.figures();
        // Missing data is never low priority: those rows carry no rank, only their group.
        sheet.row(r.rank(), r.complete() ? "prioritas" : "periksa data", r.unit().code(), r.unit().bpsCode(),
            r.unit().name(), r.unit().kecamatan(), r.unit().kecamatanCode(),
            layer.sector().name(), period.toString(), f.participants(), f.workforce(), f.coverageRate(), f.uncovered(),
            f.change(), f.density());
      }
      return sheet.bytes();
    }
  }
}
