package id.cakupan.tiles;

import id.cakupan.map.Geography;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What every tile of one geography is cut from: per level, an R-tree of the units' envelopes (to
 * find the units reaching into a tile) and, for the levels tiles draw at zooms up to
 * {@value #GENERALISED_UP_TO_ZOOM}, each unit projected to world coordinates and simplified once
 * for the zooms of its tier ({@link #TIERS}). It depends on the boundaries alone, so it is kept with the {@link Geography} (a coverage import
 * does not rebuild it) and built when the geography is published, not by the first tile: for a
 * national region generalising the 14,277 kecamatan took the first zoom-8 tile 0.6 s.
 */
final class TileGeometryIndex {
  private static final String KEY = "tile-geometry-index";
  /**
   * Tiles up to a tier's zoom (and above the tier before) start from a copy of each unit projected
   * and simplified once, at half the tier zoom's tolerance, instead of from every vertex: a zoom-5
   * tile can hold thousands of kelurahan, and a zoom-10 tile a dozen kecamatan of ~900 vertices
   * each, while a tile keeps a vertex only every pixel or so. Kelurahan of a national region are
   * drawn from zoom 11 only, at full detail (a zoom-12 copy of 83,800 of them would be most of
   * their 22.7 M vertices again).
   */
  static final int[] TIERS = {8, 10};
  static final int GENERALISED_UP_TO_ZOOM = 10;

  private final Geography geography;
  private final boolean national;
  private final Map<Level, STRtree> index = new EnumMap<>(Level.class);
  /** Generalised units by tier and level; a level no tile of the tier draws is generalised on first use. */
  private final List<Map<Level, double[][][][]>> generalised = new ArrayList<>();

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
    for (int t = 0; t < TIERS.length; t++) generalised.add(new EnumMap<>(Level.class));
    for (Level level : Level.values()) {
      List<Integer> tiers = new ArrayList<>();
      for (int t = TIERS.length - 1; t >= 0; t--) { // finest first: each is simplified from the one before
        if (drawnInTier(t, national).contains(level)) tiers.add(t);
      }
      if (tiers.isEmpty()) continue;
      double[][][][][] built = generalise(geography.units(level), tiers.stream().mapToInt(t -> TIERS[t]).toArray());
      for (int k = 0; k < tiers.size(); k++) generalised.get(tiers.get(k)).put(level, built[k]);
    }
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
  List<Integer> candidates(Level level, Envelope window) {
    List<Integer> candidates = index.get(level).query(window);
    candidates.sort(null); // stable feature order, whatever the tree's
    return candidates;
  }

  /**
   * Every unit of the level projected and simplified for tiles at zoom {@code z}, or null above
   * {@value #GENERALISED_UP_TO_ZOOM} (those start from every vertex).
   */
  double[][][][] generalised(Level level, int z) {
    int t = tier(z);
    if (t < 0) return null;
    Map<Level, double[][][][]> tier = generalised.get(t);
    synchronized (tier) {
      return tier.computeIfAbsent(level, l -> generalise(geography.units(l), TIERS[t])[0]);
    }
  }

  /** The tier whose copies tiles at zoom z start from, or -1 for none. */
  static int tier(int z) {
    for (int t = 0; t < TIERS.length; t++) {
      if (z <= TIERS[t]) return t;
    }
    return -1;
  }

  /**
   * The levels some tile at a zoom of tier {@code t} draws, whatever layer and filter it asks for:
   * all of them for a city, the coarse ones of {@link TileLevels} for a national region (there
   * kelurahan tiles start at zoom 11, and generalising 83,800 kelurahan would cost seconds and
   * hundreds of MB for nothing).
   */
  static Set<Level> drawnInTier(int t, boolean national) {
    Set<Level> out = EnumSet.noneOf(Level.class);
    for (Level asked : Level.values()) {
      for (int z = t == 0 ? VectorTiles.MIN_ZOOM : TIERS[t - 1] + 1; z <= TIERS[t]; z++) {
        out.add(TileLevels.drawn(asked, z, national, false));
        out.add(TileLevels.drawn(asked, z, national, true));
      }
    }
    return out;
  }

  /**
   * Every unit projected and simplified for tiles up to each of {@code zooms} (finest first), by
   * zoom then unit. Units are independent, so both cores share the work.
   */
  private static double[][][][][] generalise(List<MapUnit> units, int... zooms) {
    double[] tolerances = new double[zooms.length];
    for (int k = 0; k < zooms.length; k++) {
      tolerances[k] = VectorTiles.TOLERANCE / 2 / ((double) VectorTiles.EXTENT * (1L << zooms[k]));
    }
    double[][][][][] built = new double[zooms.length][units.size()][][][];
    IntStream.range(0, units.size()).parallel().forEach(i -> {
      double[][][][] unit = TileGeometryEncoder.generalise(units.get(i).geometry(), tolerances);
      for (int k = 0; k < zooms.length; k++) built[k][i] = unit[k];
    });
    return built;
  }
}
