package id.cakupan.map;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A choropleth layer before encoding: the figures of a resolved query's units, their classes and
 * fills (SPEC §4). The GeoJSON ({@link ChoroplethGeoJson}) and the vector tiles are both written
 * from what this builds, so they always agree.
 */
public final class ChoroplethLayer {

  private ChoroplethLayer() {}

  /** Figures, classes and fills of the query's units; the query's month must be resolved. */
  public static StyledLayer style(Atlas atlas, LayerQuery q) {
    Period period = q.resolvedPeriod();
    List<MapUnit> units = q.units(atlas);
    List<Figures> figures = new ArrayList<>(units.size());
    List<Double> values = new ArrayList<>(units.size());
    for (MapUnit u : units) {
      Figures f = atlas.coverage().figures(u.members(), q.sector(), period, u.areaKm2());
      figures.add(f);
      values.add(q.metric().valueOf(f));
    }
    Classification classes = Classifier.classify(q.method(), q.classes(), q.breaks(), values);
    Legend legend = Legend.of(q, classes, values);
    List<Integer> classOf = new ArrayList<>(units.size());
    List<String> fills = new ArrayList<>(units.size());
    for (Double v : values) {
      Integer cls = classes.classOf(v);
      classOf.add(cls);
      fills.add(legend.fill(cls));
    }
    return new StyledLayer(q, period, units, List.copyOf(figures),
        Collections.unmodifiableList(classOf), List.copyOf(fills), legend);
  }
}
