package id.cakupan.tiles;

import id.cakupan.map.Geography;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What every tile of one geography is cut from: per level, an R-tree of the units' envelopes (to
 * find the units reaching into a tile) and, for the levels tiles draw at low zooms, each unit
 * projected to world coordinates and simplified once for zoom {@value #GENERALISED_UP_TO_ZOOM}.
 * It depends on the boundaries alone, so it is kept with the {@link Geography} (a coverage import
 * does not rebuild it) and built when the geography is published, not by the first tile: for a
 * national region generalising the 14,277 kecamatan took the first zoom-8 tile 0.6 s.
 */
final class TileGeometryIndex {
  private static final String KEY = "tile-geometry-index";
  /**
   * Tiles up to this zoom start from a copy of each unit projected and simplified once (at half
   * this zoom's tolerance) instead of from every vertex: a zoom 5 tile can hold thousands of
   * kelurahan, and their full detail is far below a pixel there.
   */
  static final int GENERALISED_UP_TO_ZOOM = 8;

  private final Geography geography;
  private final boolean national;
  private final Map<Level, STRtree> index = new EnumMap<>(Level.class);
  /** Generalised units by level; a level no low-zoom tile draws is generalised on first use. */
  private final Map<Level, double[][][][]> generalised = new EnumMap<>(Level.class);

  private TileGeometryIndex(Geography geography) {
    this.geography = geography;
    this.national = TileLevels.national(geography);
    for (Level level : Level.values()) {
      STRtree tree = new STRtree();
      List<MapUnit> units = geography.units(level);
      for (int i = 0; i < units.size(); i++) {
        tree.insert(units.get(i).geometry().getEnvelopeInternal(), i);
      }
      tree.build(); // queries are thread-safe only on a built tree
      index.put(level, tree);
    }
    for (Level level : drawnAtLowZooms(national)) generalised.put(level, generalise(geography.units(level)));
  }

  /** The index of a geography, built on first use and kept as long as the geography. */
  static TileGeometryIndex of(Geography geography) {
    return geography.derived(KEY, TileGeometryIndex::new);
  }

  boolean national() {
    return national;
  }

  /** Positions in {@code Geography.units(level)} of the units whose envelope meets {@code window}, ascending. */
  @SuppressWarnings("unchecked")
  List<Integer> candidates(Level level, org.locationtech.jts.geom.Envelope window) {
    List<Integer> candidates = index.get(level).query(window);
    candidates.sort(null); // stable feature order, whatever the tree's
    return candidates;
  }

  /** Every unit of the level projected and simplified for zooms up to {@value #GENERALISED_UP_TO_ZOOM}. */
  double[][][][] generalised(Level level) {
    synchronized (generalised) {
      return generalised.computeIfAbsent(level, l -> generalise(geography.units(l)));
    }
  }

  /**
   * The levels some tile at a zoom up to {@value #GENERALISED_UP_TO_ZOOM} draws, whatever layer
   * and filter it asks for: all of them for a city, the coarse ones of {@link TileLevels} for a
   * national region (there kelurahan tiles start at zoom 11, and generalising 83,800 kelurahan
   * would cost seconds and hundreds of MB for nothing).
   */
  static Set<Level> drawnAtLowZooms(boolean national) {
    Set<Level> out = EnumSet.noneOf(Level.class);
    for (Level asked : Level.values()) {
      for (int z = VectorTiles.MIN_ZOOM; z <= GENERALISED_UP_TO_ZOOM; z++) {
        out.add(TileLevels.drawn(asked, z, national, false));
        out.add(TileLevels.drawn(asked, z, national, true));
      }
    }
    return out;
  }

  /** Units are independent, so both cores share the work. */
  private static double[][][][] generalise(List<MapUnit> units) {
    double tolerance = VectorTiles.TOLERANCE / 2 / ((double) VectorTiles.EXTENT * (1L << GENERALISED_UP_TO_ZOOM));
    double[][][][] built = new double[units.size()][][][];
    IntStream.range(0, units.size()).parallel()
        .forEach(i -> built[i] = TileGeometryEncoder.generalise(units.get(i).geometry(), tolerance));
    return built;
  }
}
