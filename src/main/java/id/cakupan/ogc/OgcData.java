package id.cakupan.ogc;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Atlas;
import id.cakupan.map.Depends;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * What the OGC endpoints read from one atlas: the units of each level in code order (the order
 * of every items response) with their extents, the months with data and the located activities.
 * The units are kept with the geography and coverage; only the activities are located again
 * after an activity write.
 */
final class OgcData {
  final Atlas atlas;
  private final Units units;
  final List<Period> periods;
  /** The outreach activities of the snapshot, located, in id order. */
  final List<ActivityFeatures.Located> activities;

  /** The units of each level in code order, by code, and their extent: from the geography alone. */
  private static final class Units {
    private final Map<Level, List<MapUnit>> sorted = new EnumMap<>(Level.class);
    private final Map<Level, Map<String, MapUnit>> byCode = new EnumMap<>(Level.class);
    private final Map<Level, Envelope> extent = new EnumMap<>(Level.class);

    Units(Atlas atlas) {
      for (Level level : Level.values()) {
        List<MapUnit> list = new ArrayList<>(atlas.geography().units(level));
        list.sort(Comparator.comparing(MapUnit::code));
        sorted.put(level, List.copyOf(list));
        Map<String, MapUnit> codes = new HashMap<>();
        Envelope e = new Envelope();
        for (MapUnit u : list) {
          codes.put(u.code(), u);
          e.expandToInclude(u.geometry().getEnvelopeInternal());
        }
        byCode.put(level, codes);
        extent.put(level, e);
      }
    }
  }

  private OgcData(Atlas atlas, Units units) {
    this.atlas = atlas;
    this.units = units;
    periods = List.copyOf(atlas.coverage().periods());
    activities = ActivityFeatures.locate(atlas.activities(), code -> units.byCode.get(Level.KELURAHAN).get(code));
  }

  static OgcData of(Layers.Snapshot snapshot) {
    return snapshot.derived(Depends.ACTIVITIES, "ogc-data",
        atlas -> new OgcData(atlas, snapshot.derived(Depends.COVERAGE, "ogc-units", Units::new)));
  }

  List<MapUnit> units(Level level) {
    return units.sorted.get(level);
  }

  MapUnit unit(Level level, String code) {
    return units.byCode.get(level).get(code);
  }

  /** The lon/lat envelope of every unit of the level; a null envelope when there are none. */
  Envelope extent(Level level) {
    return units.extent.get(level);
  }

  /** The sectors a coverage feature can have, in the order items are listed. */
  static List<Sector> sectors() {
    return List.of(Sector.values());
  }
}
