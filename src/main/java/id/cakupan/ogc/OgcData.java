package id.cakupan.ogc;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Atlas;
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
 */
final class OgcData {
  final Atlas atlas;
  private final Map<Level, List<MapUnit>> units = new EnumMap<>(Level.class);
  private final Map<Level, Map<String, MapUnit>> byCode = new EnumMap<>(Level.class);
  private final Map<Level, Envelope> extent = new EnumMap<>(Level.class);
  final List<Period> periods;
  /** The outreach activities of the snapshot, located, in id order. */
  final List<ActivityFeatures.Located> activities;

  private OgcData(Atlas atlas) {
    this.atlas = atlas;
    for (Level level : Level.values()) {
      List<MapUnit> sorted = new ArrayList<>(atlas.geography().units(level));
      sorted.sort(Comparator.comparing(MapUnit::code));
      units.put(level, List.copyOf(sorted));
      Map<String, MapUnit> codes = new HashMap<>();
      Envelope e = new Envelope();
      for (MapUnit u : sorted) {
        codes.put(u.code(), u);
        e.expandToInclude(u.geometry().getEnvelopeInternal());
      }
      byCode.put(level, codes);
      extent.put(level, e);
    }
    periods = List.copyOf(atlas.coverage().periods());
    activities = ActivityFeatures.locate(atlas.activities(), code -> byCode.get(Level.KELURAHAN).get(code));
  }

  static OgcData of(Layers.Snapshot snapshot) {
    return snapshot.derived("ogc-data", OgcData::new);
  }

  List<MapUnit> units(Level level) {
    return units.get(level);
  }

  MapUnit unit(Level level, String code) {
    return byCode.get(level).get(code);
  }

  /** The lon/lat envelope of every unit of the level; a null envelope when there are none. */
  Envelope extent(Level level) {
    return extent.get(level);
  }

  /** The sectors a coverage feature can have, in the order items are listed. */
  static List<Sector> sectors() {
    return List.of(Sector.values());
  }
}
