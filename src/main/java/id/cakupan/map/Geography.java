package id.cakupan.map;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.KelurahanCode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The map units of every level, built once per boundary set: kelurahan as stored, kecamatan and
 * kota dissolved from their kelurahan. Geometry is encoded here, once.
 */
public final class Geography {
  /**
   * Simplified levels kept per boundary set: at most 3 levels × 17 zooms, but at national scale
   * the detailed ones are large, so the bound is in bytes: 192 MiB, or an eighth of a smaller heap.
   */
  static final long DETAIL_BUDGET_BYTES = Math.min(192L << 20, Runtime.getRuntime().maxMemory() / 8);

  private final Map<Level, List<MapUnit>> units = new EnumMap<>(Level.class);
  private final Map<String, MapUnit> byCode = new LinkedHashMap<>();
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
          k.kecamatan(), k.kotaCode(), k.kota(), List.of(k.code()), k.areaKm2(), k.geometry(),
          GeoJsonGeometryWriter.toJson(k.geometry())));
    }
    units.put(Level.KELURAHAN, List.copyOf(kelurahan));
    units.put(Level.KECAMATAN, dissolve(boundaries.kelurahan(), Level.KECAMATAN, Kelurahan::kecamatanCode));
    units.put(Level.KOTA, dissolve(boundaries.kelurahan(), Level.KOTA, Kelurahan::kotaCode));
    units.values().forEach(list -> list.forEach(u -> byCode.put(u.code(), u)));
    Envelope extent = new Envelope();
    for (Kelurahan k : boundaries.kelurahan()) extent.expandToInclude(k.geometry().getEnvelopeInternal());
    defaultZoom = MapZoom.fitting(extent);
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

  private static List<MapUnit> dissolve(List<Kelurahan> all, Level level, Function<Kelurahan, String> groupCode) {
    Map<String, List<Kelurahan>> groups = new TreeMap<>();
    for (Kelurahan k : all) groups.computeIfAbsent(groupCode.apply(k), c -> new ArrayList<>()).add(k);
    List<MapUnit> out = new ArrayList<>();
    for (Map.Entry<String, List<Kelurahan>> g : groups.entrySet()) {
      List<Kelurahan> members = g.getValue();
      Kelurahan first = members.get(0);
      List<Geometry> parts = new ArrayList<>();
      List<KelurahanCode> codes = new ArrayList<>();
      double area = 0;
      for (Kelurahan k : members) {
        parts.add(k.geometry());
        codes.add(k.code());
        area += k.areaKm2();
      }
      Geometry union = union(parts);
      boolean kecamatan = level == Level.KECAMATAN;
      out.add(new MapUnit(g.getKey(), commonBpsPrefix(members, kecamatan ? 7 : 4),
          kecamatan ? first.kecamatan() : first.kota(), level,
          kecamatan ? first.kecamatanCode() : null, kecamatan ? first.kecamatan() : null,
          first.kotaCode(), first.kota(), List.copyOf(codes), area, union, GeoJsonGeometryWriter.toJson(union)));
    }
    return List.copyOf(out);
  }

  private static String bpsCode(Kelurahan k) {
    String s = k.bpsCode() == null ? "" : k.bpsCode().trim();
    return s.matches("\\d{10}") ? s : null;
  }

  /**
   * The BPS code of a kecamatan ({@code PPKKDDD}) or kota ({@code PPKK}): BPS codes nest, so it is
   * the prefix every member kelurahan's BPS code shares; null when one is unknown or they disagree.
   */
  private static String commonBpsPrefix(List<Kelurahan> members, int digits) {
    String prefix = null;
    for (Kelurahan k : members) {
      String code = bpsCode(k);
      if (code == null) return null;
      String own = code.substring(0, digits);
      if (prefix == null) prefix = own;
      else if (!prefix.equals(own)) return null;
    }
    return prefix;
  }

  /**
   * The dissolved outline of kelurahan. Administrative boundaries form a coverage (no overlaps,
   * shared edges match), which CoverageUnion dissolves by dropping the shared edges: at national
   * scale (83,800 kelurahan) that is minutes faster than a full overlay. It is only right for a
   * true coverage, so its result must be valid and as large as its parts together; otherwise
   * (overlaps, edges that do not quite match) the full overlay is used.
   */
  static Geometry union(List<Geometry> parts) {
    try {
      Geometry fast = CoverageUnion.union(parts.toArray(new Geometry[0]));
      double sum = 0;
      for (Geometry p : parts) sum += p.getArea();
      if (fast != null && fast.isValid() && Math.abs(fast.getArea() - sum) <= 1e-9 * Math.max(sum, 1e-12)) {
        return fast;
      }
    } catch (RuntimeException notACoverage) {
      // fall through to the overlay, which handles any input
    }
    return GeometryFixer.fix(UnaryUnionOp.union(parts));
  }

  public List<MapUnit> units(Level level) {
    return units.get(level);
  }

  /** A unit of any level by its Kemendagri code, or null. */
  public MapUnit unit(String code) {
    return byCode.get(code);
  }

  public boolean hasKecamatan(String kecamatanCode) {
    MapUnit u = byCode.get(kecamatanCode);
    return u != null && u.level() == Level.KECAMATAN;
  }
}
