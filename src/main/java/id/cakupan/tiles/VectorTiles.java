package id.cakupan.tiles;

import id.cakupan.coverage.Figures;
import id.cakupan.map.Atlas;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ChoroplethGeoJson;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.Depends;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.Geography;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.ResponseCache;
import id.cakupan.map.StyledLayer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;

/**
 * Mapbox Vector Tiles of the choropleth layers, for one atlas. Work is cached at three steps: the
 * styled layer of a query, the clipped, simplified geometry of a tile (independent of sector,
 * month and metric, so switching those redoes no geometry), and the finished tile of one query.
 * All three live in the service's one byte-bounded response cache, under this atlas's generation.
 */
public final class VectorTiles {
  public static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";
  public static final int EXTENT = 4096;
  /** Tile units kept beyond each edge (1/64 of the tile), so outlines do not stop at seams. */
  public static final int BUFFER = 64;
  /** Douglas-Peucker tolerance in tile units: 1/16 px on a 256 px tile, 1/8 px at 512 px. */
  public static final double TOLERANCE = 2.0;
  /** Zooms the TileJSON advertises; clients over-zoom the last level. */
  public static final int MIN_ZOOM = 0;
  public static final int MAX_ZOOM = 16;
  private final Atlas atlas;
  private final Layers.Snapshot cache;
  private final TileGeometryIndex geometry;

  /** The polygons of one tile as commands, by position in {@code Geography.units(level)}. */
  record TileShapes(int[] units, int[][] geometry) {
    long bytes() {
      long b = 64 + 4L * units.length;
      for (int[] g : geometry) b += 16 + 4L * g.length;
      return b;
    }
  }

  /** A styled layer and, per unit of the level, its position in it (-1 when filtered out). */
  private record Style(StyledLayer layer, int[] position) {
    /** A generous estimate: figures, class and fill of each unit, the lists holding them, positions. */
    long bytes() {
      return 1024 + 256L * layer.size() + 4L * position.length;
    }
  }

  private VectorTiles(Layers.Snapshot snapshot) {
    this.atlas = snapshot.atlas();
    this.cache = snapshot;
    this.geometry = TileGeometryIndex.of(atlas.geography());
  }

  /**
   * The tiles of the snapshot's atlas, made on first use. The geometry they are cut from is made
   * once per geography (see {@link #prepare}), so a new atlas with the same boundaries reuses it.
   * Kept with the geography and coverage: later snapshots after a target or activity write get
   * this one, made from an earlier snapshot, as it reads nothing but geography and coverage.
   */
  public static VectorTiles of(Layers.Snapshot snapshot) {
    return snapshot.derived(Depends.COVERAGE, "vector-tiles", atlas -> new VectorTiles(snapshot));
  }

  /**
   * Builds what every tile of this geography is cut from (the units' R-trees and the low-zoom
   * generalised copies), so that no tile request pays for it; nothing when already built. Called
   * when a geography is published: about a second for a national region on two cores.
   */
  public static void prepare(Geography geography) {
    TileGeometryIndex.of(geography);
  }

  /** For benchmarks and tests that hold an atlas without a server: a cache of a quarter of the heap. */
  public static VectorTiles forAtlas(Atlas atlas) {
    return of(new Layers(atlas, new ResponseCache(Runtime.getRuntime().maxMemory() / 4)).snapshot());
  }

  public Atlas atlas() {
    return atlas;
  }

  /** True when tiles draw a coarser level at low zooms ({@link TileLevels}). */
  public boolean national() {
    return geometry.national();
  }

  /**
   * The tile for a resolved choropleth query, or null when no feature reaches into it. The tile
   * draws the query's level, or in national mode the coarser level of the zoom ({@link TileLevels});
   * its MVT layer is named by the level drawn.
   */
  public CachedResponse tile(LayerQuery asked, TileAddress address) {
    Level level = TileLevels.drawn(asked.level(), address.z(), national(), asked.kecamatan() != null);
    LayerQuery query = level == asked.level() ? asked : asked.withLevel(level);
    Style style = style(query);
    String key = "tile|" + style.layer().query().cacheKey() + "|" + address;
    CachedResponse tile =
        cache.cached(Depends.COVERAGE, key, () -> encode(style, shapes(query.level(), address)), MEDIA_TYPE);
    return tile.body().length == 0 ? null : tile;
  }

  /** The styled layer of a resolved query (cached: classification is not free at scale). */
  public StyledLayer styled(LayerQuery query) {
    return style(query).layer();
  }

  /**
   * The figures of the layer these tiles draw for {@code query}, as the choropleth without
   * geometry ({@code geometry=none}): the same styled layer, so its legend, classes and fills are
   * the tiles' own. With {@code bbox} (lon/lat envelopes) only the units whose extent meets it are
   * listed; the legend still describes the whole layer, as the tiles are coloured by it.
   */
  public CachedResponse figures(LayerQuery query, List<Envelope> bbox) {
    Style style = style(query);
    String key = "figures|" + query.cacheKey() + "|" + (bbox == null ? "all" : bbox.toString());
    return cache.cached(Depends.COVERAGE, key,
        () -> ChoroplethGeoJson.writeFigures(atlas, style.layer(), rows(style, query.level(), bbox)),
        Layers.GEOJSON);
  }

  /** Positions in the styled layer of the units whose extent meets {@code bbox}, ascending; null for all. */
  private int[] rows(Style style, Level level, List<Envelope> bbox) {
    if (bbox == null) return null;
    TreeSet<Integer> rows = new TreeSet<>();
    for (Envelope box : bbox) {
      for (int unit : geometry.candidates(level, box)) {
        int at = style.position()[unit];
        if (at >= 0) rows.add(at);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  private Style style(LayerQuery query) {
    return cache.memo(Depends.COVERAGE, "tile-style|" + query.cacheKey(), () -> buildStyle(query), Style::bytes);
  }

  private Style buildStyle(LayerQuery query) {
    StyledLayer layer = ChoroplethLayer.style(atlas, query);
    List<MapUnit> all = atlas.geography().units(query.level());
    Map<MapUnit, Integer> at = new IdentityHashMap<>(layer.size() * 2);
    for (int i = 0; i < layer.size(); i++) at.put(layer.units().get(i), i);
    int[] position = new int[all.size()];
    for (int i = 0; i < all.size(); i++) position[i] = at.getOrDefault(all.get(i), -1);
    return new Style(layer, position);
  }

  TileShapes shapes(Level level, TileAddress address) {
    return cache.memo(Depends.COVERAGE, "tile-shapes|" + level + "|" + address, () -> buildShapes(level, address),
        TileShapes::bytes);
  }

  private TileShapes buildShapes(Level level, TileAddress address) {
    TileGeometryEncoder encoder = new TileGeometryEncoder(address, EXTENT, BUFFER, TOLERANCE);
    Envelope window = encoder.lonLatEnvelope();
    List<Integer> candidates = geometry.candidates(level, window);
    List<MapUnit> units = atlas.geography().units(level);
    double[][][][] simple = geometry.generalised(level, address.z());
    List<Integer> kept = new ArrayList<>(candidates.size());
    List<int[]> geometry = new ArrayList<>(candidates.size());
    for (int i : candidates) {
      int[] commands = simple != null ? encoder.encodeWorld(simple[i]) : encoder.encode(units.get(i).geometry());
      if (commands.length > 0) {
        kept.add(i);
        geometry.add(commands);
      }
    }
    return new TileShapes(kept.stream().mapToInt(Integer::intValue).toArray(), geometry.toArray(new int[0][]));
  }

  private static byte[] encode(Style style, TileShapes shapes) {
    StyledLayer layer = style.layer();
    VectorTileWriter writer = new VectorTileWriter();
    VectorTileWriter.Layer out = writer.layer(layer.query().level().key(), EXTENT);
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int k = 0; k < shapes.units().length; k++) {
      int at = style.position()[shapes.units()[k]];
      if (at < 0) continue;
      MapUnit u = layer.units().get(at);
      attributes.clear();
      attributes(attributes, layer, at);
      out.feature(featureId(u.code()), VectorTileWriter.GeomType.POLYGON, shapes.geometry()[k], attributes);
    }
    return writer.isEmpty() ? new byte[0] : writer.toByteArray();
  }

  /** The same properties as a feature of /api/choropleth; nulls are left out (MVT has no null). */
  static void attributes(Map<String, Object> a, StyledLayer layer, int i) {
    MapUnit u = layer.units().get(i);
    Figures f = layer.figures().get(i);
    a.put("code", u.code());
    a.put("bps_code", u.bpsCode());
    a.put("name", u.name());
    a.put("level", u.level().key());
    a.put("kecamatan", u.kecamatan());
    a.put("kecamatan_code", u.kecamatanCode());
    a.put("kota", u.kota());
    a.put("kota_code", u.kotaCode());
    a.put("luas_km2", FiguresJson.round(u.areaKm2(), 3));
    a.put("sector", layer.query().sector().name());
    a.put("period", layer.period().toString());
    a.put("participants", f.participants());
    a.put("workforce", f.workforce());
    a.put("coverage_rate", f.coverageRate() == null ? null : FiguresJson.round(f.coverageRate(), 6));
    a.put("uncovered", f.uncovered());
    a.put("change", f.change());
    a.put("density", f.density() == null ? null : FiguresJson.round(f.density(), 2));
    Figures.Partial p = f.partial();
    if (p != null) { // an aggregate: what is known over its complete members (SPEC §6)
      a.put("members", p.members());
      a.put("members_with_data", p.membersWithData());
      a.put("coverage_rate_partial", p.coverageRatePartial() == null ? null : FiguresJson.round(p.coverageRatePartial(), 6));
      a.put("uncovered_partial", p.uncoveredPartial());
    }
    a.put("class", layer.classOf().get(i));
    a.put("fill", layer.fill().get(i));
  }

  /** The Kemendagri code's digits as the numeric feature id MVT wants (31.72.03.1004 → 3172031004). */
  static long featureId(String code) {
    String digits = code.replace(".", "");
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Units that reach into the tile's window, for tests. */
  int shapeCount(Level level, TileAddress address) {
    return shapes(level, address).units().length;
  }
}
