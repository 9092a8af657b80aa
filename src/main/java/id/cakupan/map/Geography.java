package id.cakupan.map;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Outline;
import id.cakupan.boundary.PackedCoordinates;
import id.cakupan.boundary.ProvinsiNames;
import id.cakupan.coverage.KelurahanCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The map units of every level, built once per boundary set: kelurahan as stored, kecamatan, kota
 * and provinsi dissolved from the level below, or taken from the outlines stored with the set
 * (dissolved when it was imported). Coordinates are kept packed; GeoJSON is encoded when a
 * response asks for it.
 */
public final class Geography {
  /**
   * Simplified levels kept per boundary set: at most 4 levels × 17 zooms, but at national scale
   * the detailed ones are large, so the bound is in bytes: 192 MiB, or an eighth of a smaller heap.
   */
  static final long DETAIL_BUDGET_BYTES = Math.min(192L << 20, Runtime.getRuntime().maxMemory() / 8);
  /**
   * Coordinates as JTS's own arrays, for the members of one dissolve while it runs: the overlay
   * and the validity check ask each ring for its {@code Coordinate[]} several times, which a packed
   * sequence makes anew each time (a sixth of the start-up CPU at national scale). The result is
   * packed again once.
   */
  private static final GeometryFactory UNPACKED = new GeometryFactory();
  /** Digits of a BPS code per level: kecamatan {@code PPKKDDD}, kota {@code PPKK}, provinsi {@code PP}. */
  private static final Map<Level, Integer> BPS_DIGITS = Map.of(Level.KECAMATAN, 7, Level.KOTA, 4, Level.PROVINSI, 2);

  private final Map<Level, List<MapUnit>> units = new EnumMap<>(Level.class);
  private final Map<String, MapUnit> byCode = new LinkedHashMap<>();
  private final Map<String, Object> derived = new ConcurrentHashMap<>();
  private final MapZoom defaultZoom;
  private final Cache<String, SimplifiedCoverage> detail = Caffeine.newBuilder()
      .maximumWeight(DETAIL_BUDGET_BYTES)
      .weigher((String k, SimplifiedCoverage v) -> (int) Math.min(Integer.MAX_VALUE, v.bytes()))
      .executor(Runnable::run)
      .build();

  public Geography(BoundarySet boundaries) {
    List<MapUnit> kelurahan = new ArrayList<>();
    for (Kelurahan k : boundaries.kelurahan()) {
      kelurahan.add(new MapUnit(k.code().value(), bpsCode(k), k.name(), Level.KELURAHAN, k.kecamatanCode(),
          k.kecamatan(), k.kotaCode(), k.kota(), List.of(k.code()), k.areaKm2(), k.geometry()));
    }
    units.put(Level.KELURAHAN, List.copyOf(kelurahan));
    Map<KelurahanCode, String> bps = new HashMap<>();
    for (MapUnit u : kelurahan) bps.put(u.members().get(0), u.bpsCode());
    Map<String, Geometry> stored = new HashMap<>();
    for (Outline o : boundaries.outlines()) stored.put(o.code(), o.polygonal());
    Set<String> clean = ConcurrentHashMap.newKeySet(); // units the coverage union dissolved, checked
    units.put(Level.KECAMATAN, dissolve(units.get(Level.KELURAHAN), Level.KECAMATAN, bps, clean, stored));
    units.put(Level.KOTA, dissolve(units.get(Level.KECAMATAN), Level.KOTA, bps, clean, stored));
    units.put(Level.PROVINSI, dissolve(units.get(Level.KOTA), Level.PROVINSI, bps, clean, stored));
    units.values().forEach(list -> list.forEach(u -> byCode.put(u.code(), u)));
    Envelope extent = new Envelope();
    for (Kelurahan k : boundaries.kelurahan()) extent.expandToInclude(k.geometry().getEnvelopeInternal());
    defaultZoom = MapZoom.fitting(extent);
  }

  /**
   * The set with its kecamatan, kota and provinsi outlines dissolved, as a boundary import stores
   * it: a national dissolve is most of a start-up's CPU, paid once per import this way.
   */
  public static BoundarySet dissolved(BoundarySet set) {
    return set.withOutlines(new Geography(set).outlines());
  }

  /** The outlines of the dissolved levels (kecamatan, kota, provinsi), to be stored with the kelurahan. */
  public List<Outline> outlines() {
    List<Outline> out = new ArrayList<>();
    for (Level level : List.of(Level.KECAMATAN, Level.KOTA, Level.PROVINSI)) {
      for (MapUnit u : units.get(level)) out.add(Outline.of(u.code(), u.geometry()));
    }
    return out;
  }

  /** The zoom at which every kelurahan fits in a map pane: what a layer is drawn at when no zoom is asked. */
  public MapZoom defaultZoom() {
    return defaultZoom;
  }

  /**
   * The units of {@code level} simplified for {@code zoom}, computed once per boundary set and zoom
   * while they fit in {@link #DETAIL_BUDGET_BYTES}; a coverage import keeps them (same geography).
   */
  public SimplifiedCoverage detail(Level level, MapZoom zoom) {
    return detail.get(level.name() + "|" + zoom.level(), k -> SimplifiedCoverage.of(units(level), zoom));
  }

  /**
   * The units of {@code level} dissolved from those of the level below (kecamatan from kelurahan,
   * kota from kecamatan, provinsi from kota): each step unions a few large outlines rather than
   * every kelurahan again, which at national scale is most of the start-up time. A unit whose
   * outline is {@code stored} is not dissolved again.
   */
  private static List<MapUnit> dissolve(List<MapUnit> finer, Level level, Map<KelurahanCode, String> kelurahanBps,
      Set<String> clean, Map<String, Geometry> stored) {
    Map<String, List<MapUnit>> groups = new TreeMap<>();
    for (MapUnit u : finer) groups.computeIfAbsent(groupCode(u, level), c -> new ArrayList<>()).add(u);
    // Groups are independent: dissolved on every core (each union reads only its own members'
    // geometry), collected in code order.
    return groups.entrySet().parallelStream()
        .map(g -> dissolveGroup(g.getKey(), g.getValue(), level, kelurahanBps, clean, stored.get(g.getKey())))
        .toList();
  }

  private static MapUnit dissolveGroup(String code, List<MapUnit> members, Level level,
      Map<KelurahanCode, String> kelurahanBps, Set<String> clean, Geometry stored) {
    MapUnit first = members.get(0);
    List<KelurahanCode> codes = new ArrayList<>();
    double area = 0;
    for (MapUnit u : members) {
      codes.addAll(u.members());
      area += u.areaKm2();
    }
    Geometry union = stored != null ? stored : dissolveMembers(code, members, level, clean);
    String bps = commonBpsPrefix(codes, kelurahanBps, BPS_DIGITS.get(level));
    return switch (level) {
      case KECAMATAN -> new MapUnit(code, bps, first.kecamatan(), level, code, first.kecamatan(),
          first.kotaCode(), first.kota(), List.copyOf(codes), area, union);
      case KOTA -> new MapUnit(code, bps, first.kota(), level, null, null, code, first.kota(),
          List.copyOf(codes), area, union);
      case PROVINSI -> new MapUnit(code, bps, ProvinsiNames.of(code), level, null, null, null, null,
          List.copyOf(codes), area, union);
      case KELURAHAN -> throw new IllegalArgumentException("kelurahan are not dissolved");
    };
  }

  private static Geometry dissolveMembers(String code, List<MapUnit> members, Level level, Set<String> clean) {
    List<Geometry> parts = new ArrayList<>();
    for (MapUnit u : members) parts.add(UNPACKED.createGeometry(u.geometry()));
    // Kelurahan are checked as a coverage; outlines this class dissolved cleanly need not be again.
    boolean cleanMembers = level != Level.KECAMATAN && members.stream().allMatch(u -> clean.contains(u.code()));
    Geometry fast = coverageUnion(parts, !cleanMembers);
    if (fast != null) clean.add(code);
    return PackedCoordinates.pack(fast != null ? fast : overlayUnion(parts));
  }

  private static String groupCode(MapUnit u, Level level) {
    return switch (level) {
      case KECAMATAN -> u.kecamatanCode();
      case KOTA -> u.kotaCode();
      case PROVINSI -> u.kotaCode().substring(0, 2);
      case KELURAHAN -> u.code();
    };
  }

  private static String bpsCode(Kelurahan k) {
    String s = k.bpsCode() == null ? "" : k.bpsCode().trim();
    return s.matches("\\d{10}") ? s : null;
  }

  /**
   * The BPS code of a dissolved unit: BPS codes nest, so it is the prefix every member kelurahan's
   * BPS code shares; null when one is unknown or they disagree.
   */
  private static String commonBpsPrefix(List<KelurahanCode> members, Map<KelurahanCode, String> kelurahanBps, int digits) {
    String prefix = null;
    for (KelurahanCode k : members) {
      String code = kelurahanBps.get(k);
      if (code == null) return null;
      String own = code.substring(0, digits);
      if (prefix == null) prefix = own;
      else if (!prefix.equals(own)) return null;
    }
    return prefix;
  }

  /**
   * The dissolved outline of kelurahan. Administrative boundaries form a coverage (no overlaps,
   * shared edges match), which a coverage union ({@link #dissolveCoverage}) dissolves by dropping
   * the shared edges: at national
   * scale (83,800 kelurahan) that is minutes faster than a full overlay. It is only right for a
   * true coverage, so its result must be valid and as large as its parts together; otherwise
   * (overlaps, edges that do not quite match) the full overlay is used.
   */
  static Geometry union(List<Geometry> parts) {
    Geometry fast = coverageUnion(parts, true);
    return fast != null ? fast : overlayUnion(parts);
  }

  /**
   * The coverage union of these parts, or null where it is not right for them.
   *
   * @param checkValid false for parts that are themselves clean coverage unions (kota from
   *     kecamatan, provinsi from kota): the validity check of a provinsi with thousands of island
   *     shells takes tens of seconds, and the area check still catches overlapping parts
   */
  private static Geometry coverageUnion(List<Geometry> parts, boolean checkValid) {
    try {
      Geometry fast = dissolveCoverage(parts);
      double sum = 0;
      for (Geometry p : parts) sum += p.getArea();
      // the area first: it is cheap, the validity check of a large outline is not
      if (fast != null && Math.abs(fast.getArea() - sum) <= 1e-9 * Math.max(sum, 1e-12)
          && (!checkValid || fast.isValid())) {
        return fast;
      }
    } catch (RuntimeException notACoverage) {
      // the caller falls back to the overlay, which handles any input
    }
    return null;
  }

  /**
   * What JTS's {@code CoverageUnion} computes (an overlay whose noder drops the shared edges and
   * splits nothing), with a noder whose segment lookup is several times cheaper.
   */
  static Geometry dissolveCoverage(List<Geometry> parts) {
    Geometry coverage = UNPACKED.createGeometryCollection(parts.toArray(new Geometry[0]));
    return OverlayNG.overlay(coverage, null, OverlayNG.UNION, null, new CoverageBoundaryNoder());
  }

  private static Geometry overlayUnion(List<Geometry> parts) {
    return GeometryFixer.fix(UnaryUnionOp.union(parts));
  }

  public List<MapUnit> units(Level level) {
    return units.get(level);
  }

  /** A unit of any level by its Kemendagri code, or null. */
  public MapUnit unit(String code) {
    return byCode.get(code);
  }

  /**
   * A structure derived from the boundaries alone (the neighbour graph of the hot-spot analysis),
   * built once on first use and kept as long as this geography: a coverage import keeps the
   * geography, so it is not rebuilt. Keys are few and fixed, never from a request.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(String key, Function<Geography, T> build) {
    return (T) derived.computeIfAbsent(key, k -> build.apply(this));
  }

  public boolean hasKecamatan(String kecamatanCode) {
    MapUnit u = byCode.get(kecamatanCode);
    return u != null && u.level() == Level.KECAMATAN;
  }
}
