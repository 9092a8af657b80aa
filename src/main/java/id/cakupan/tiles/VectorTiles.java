package id.cakupan.tiles;

import id.cakupan.coverage.Figures;
import id.cakupan.map.Atlas;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.ChoroplethQuery;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.StyledLayer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Mapbox Vector Tiles of the choropleth layers, for one atlas. Work is cached at two steps: the
 * clipped, simplified geometry of a tile (independent of sector, month and metric, so switching
 * those redoes no geometry), and the finished tile of one query. Both caches are bounded by
 * bytes and die with the atlas.
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
  /**
   * Tiles up to this zoom start from a copy of each unit projected and simplified once (at half
   * this zoom's tolerance) instead of from every vertex: a zoom 5 tile can hold thousands of
   * kelurahan, and their full detail is far below a pixel there.
   */
  static final int GENERALISED_UP_TO_ZOOM = 8;

  private static final long SHAPE_CACHE_BYTES = 128L << 20;
  private static final long TILE_CACHE_BYTES = 128L << 20;
  private static final long STYLE_CACHE_ENTRIES = 64;

  private final Atlas atlas;
  private final Map<Level, STRtree> index = new EnumMap<>(Level.class);
  private final LruCache<String, TileShapes> shapes = new LruCache<>(SHAPE_CACHE_BYTES, TileShapes::bytes);
  private final LruCache<String, CachedResponse> tiles =
      new LruCache<>(TILE_CACHE_BYTES, r -> r.body().length + r.gzipped().length + 200L);
  private final LruCache<String, Style> styles = new LruCache<>(STYLE_CACHE_ENTRIES, s -> 1);
  private final Map<Level, double[][][][]> generalised = new EnumMap<>(Level.class);

  /** The polygons of one tile as commands, by position in {@code Geography.units(level)}. */
  record TileShapes(int[] units, int[][] geometry) {
    long bytes() {
      long b = 64 + 4L * units.length;
      for (int[] g : geometry) b += 16 + 4L * g.length;
      return b;
    }
  }

  /** A styled layer and, per unit of the level, its position in it (-1 when filtered out). */
  private record Style(StyledLayer layer, int[] position) {}

  private VectorTiles(Atlas atlas) {
    this.atlas = atlas;
    for (Level level : Level.values()) {
      STRtree tree = new STRtree();
      List<MapUnit> units = atlas.geography().units(level);
      for (int i = 0; i < units.size(); i++) {
        tree.insert(units.get(i).geometry().getEnvelopeInternal(), i);
      }
      tree.build(); // queries are thread-safe only on a built tree
      index.put(level, tree);
    }
  }

  /** The tiles of the snapshot's atlas, made on first use. */
  public static VectorTiles of(Layers.Snapshot snapshot) {
    return snapshot.derived("vector-tiles", VectorTiles::new);
  }

  /** For benchmarks and tests that hold an atlas without a server. */
  public static VectorTiles forAtlas(Atlas atlas) {
    return new VectorTiles(atlas);
  }

  public Atlas atlas() {
    return atlas;
  }

  /**
   * The tile for a choropleth query (its level is the tile's layer), or null when no feature
   * reaches into it.
   */
  public CachedResponse tile(ChoroplethQuery query, TileAddress address) {
    Style style = style(query);
    String key = style.layer().query().cacheKey() + "|" + address;
    CachedResponse hit = tiles.get(key);
    if (hit != null) return hit.body().length == 0 ? null : hit;
    byte[] body = encode(style, shapes(query.level(), address));
    CachedResponse built = CachedResponse.of(body, MEDIA_TYPE);
    tiles.put(key, built);
    return body.length == 0 ? null : built;
  }

  /** The styled layer of a query with its month resolved (cached: classification is not free at scale). */
  public StyledLayer styled(ChoroplethQuery query) {
    return style(query).layer();
  }

  private Style style(ChoroplethQuery query) {
    ChoroplethQuery resolved = query.withPeriod(ChoroplethLayer.resolvePeriod(atlas, query.period()));
    String key = resolved.cacheKey();
    Style hit = styles.get(key);
    if (hit != null) return hit;
    StyledLayer layer = ChoroplethLayer.style(atlas, resolved);
    List<MapUnit> all = atlas.geography().units(query.level());
    Map<MapUnit, Integer> at = new IdentityHashMap<>(layer.size() * 2);
    for (int i = 0; i < layer.size(); i++) at.put(layer.units().get(i), i);
    int[] position = new int[all.size()];
    for (int i = 0; i < all.size(); i++) position[i] = at.getOrDefault(all.get(i), -1);
    Style style = new Style(layer, position);
    styles.put(key, style);
    return style;
  }

  TileShapes shapes(Level level, TileAddress address) {
    String key = level + "|" + address;
    TileShapes hit = shapes.get(key);
    if (hit != null) return hit;
    TileGeometryEncoder encoder = new TileGeometryEncoder(address, EXTENT, BUFFER, TOLERANCE);
    Envelope window = encoder.lonLatEnvelope();
    @SuppressWarnings("unchecked")
    List<Integer> candidates = index.get(level).query(window);
    candidates.sort(null); // stable feature order, whatever the tree's
    List<MapUnit> units = atlas.geography().units(level);
    double[][][][] simple = address.z() <= GENERALISED_UP_TO_ZOOM ? generalised(level) : null;
    List<Integer> kept = new ArrayList<>(candidates.size());
    List<int[]> geometry = new ArrayList<>(candidates.size());
    for (int i : candidates) {
      int[] commands = simple != null ? encoder.encodeWorld(simple[i]) : encoder.encode(units.get(i).geometry());
      if (commands.length > 0) {
        kept.add(i);
        geometry.add(commands);
      }
    }
    TileShapes built = new TileShapes(kept.stream().mapToInt(Integer::intValue).toArray(),
        geometry.toArray(new int[0][]));
    shapes.put(key, built);
    return built;
  }

  /** Every unit of the level projected and simplified for the low zooms, made on first use. */
  private double[][][][] generalised(Level level) {
    synchronized (generalised) {
      double[][][][] hit = generalised.get(level);
      if (hit != null) return hit;
      List<MapUnit> units = atlas.geography().units(level);
      double tolerance = TOLERANCE / 2 / ((double) EXTENT * (1L << GENERALISED_UP_TO_ZOOM));
      double[][][][] built = new double[units.size()][][][];
      for (int i = 0; i < units.size(); i++) {
        built[i] = TileGeometryEncoder.generalise(units.get(i).geometry(), tolerance);
      }
      generalised.put(level, built);
      return built;
    }
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
