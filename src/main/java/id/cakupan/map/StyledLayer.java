package id.cakupan.map;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import java.util.List;

/**
 * A choropleth layer before encoding: the units of one query with their figures, class and fill.
 * The GeoJSON choropleth and the vector tiles are both written from this, so they always agree.
 *
 * @param period the month actually shown (the query's, or the newest)
 * @param classOf per unit, the 0-based class, or null for no data
 * @param fill per unit, the {@code #rrggbb} fill (the no-data grey for a null class)
 * @param legend the classes, their colours, labels and counts
 */
public record StyledLayer(
    LayerQuery query,
    Period period,
    List<MapUnit> units,
    List<Figures> figures,
    List<Integer> classOf,
    List<String> fill,
    Legend legend) {

  public Classification classification() {
    return legend.classification();
  }

  /** One colour per class. */
  public List<String> colors() {
    return legend.colors();
  }

  public int size() {
    return units.size();
  }
}
