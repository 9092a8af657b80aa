package id.cakupan.map;

import id.cakupan.coverage.Figures;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The camat's target list: kelurahan ordered by uncovered workers or by lowest coverage. */
public final class Ranking {

  public record Row(int rank, MapUnit unit, Figures figures) {}

  private Ranking() {}

  /** The rows of a ranking whose month is resolved. */
  public static List<Row> rows(Atlas atlas, RankingQuery q) {
    record Item(MapUnit unit, Figures figures) {}
    LayerQuery layer = q.layer();
    List<Item> items = new ArrayList<>();
    for (MapUnit u : layer.withLevel(Level.KELURAHAN).units(atlas)) {
      items.add(new Item(u, atlas.coverage().figures(u.members(), layer.sector(), layer.resolvedPeriod(), u.areaKm2())));
    }
    items.sort(Comparator.comparing(Item::figures, q.order().comparator()).thenComparing(i -> i.unit().code()));
    int n = q.limit() == null ? items.size() : Math.min(q.limit(), items.size());
    List<Row> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) rows.add(new Row(i + 1, items.get(i).unit(), items.get(i).figures()));
    return rows;
  }
}
