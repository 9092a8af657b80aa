package id.cakupan.analysis;

import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Atlas;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hot-spot analysis of an atlas (SPEC §6): Getis-Ord Gi* of a kelurahan metric over the
 * queen contiguity of the kelurahan boundaries. The whole region is analysed at once, so a
 * cluster is found wherever it lies, across kecamatan borders too. The neighbour graph is built
 * once per boundary set and kept with the atlas's geography.
 */
public final class Hotspots {
  /** The metrics Gi* is computed for: uncovered workers, and the coverage rate. */
  public static final List<Metric> METRICS = List.of(Metric.UNCOVERED, Metric.COVERAGE_RATE);

  private static final Logger LOG = LoggerFactory.getLogger(Hotspots.class);
  private static final String CONTIGUITY_KEY = "analysis.queen-contiguity";

  private Hotspots() {}

  /** The queen contiguity of the atlas's kelurahan, built on first use per boundary set. */
  public static Contiguity contiguity(Atlas atlas) {
    return atlas.geography().derived(CONTIGUITY_KEY, geography -> {
      Map<String, Geometry> units = new LinkedHashMap<>();
      for (MapUnit u : geography.units(Level.KELURAHAN)) units.put(u.code(), u.geometry());
      Contiguity w = QueenContiguity.of(units);
      // Islands are reported, not tested: say which, once per boundary set.
      LOG.info("hot spots: queen contiguity of {} kelurahan, {} neighbour pairs; without neighbours: {}",
          w.codes().size(), w.pairs(), describe(w.islands()));
      return w;
    });
  }

  /** At national scale thousands of island desa have no neighbour: the log names the first few. */
  private static String describe(List<String> islands) {
    if (islands.isEmpty()) return "none";
    int shown = Math.min(islands.size(), 12);
    String list = String.join(", ", islands.subList(0, shown));
    return islands.size() + " (" + list + (islands.size() > shown ? ", …" : "") + ")";
  }

  /**
   * Gi* of one metric for every kelurahan, in the atlas's order.
   *
   * @param period a month; a month without data gives every kelurahan {@code no_data}
   */
  public static List<GiStar> giStar(Atlas atlas, Sector sector, Period period, Metric metric) {
    if (!METRICS.contains(metric)) {
      throw new IllegalArgumentException("hot spots are computed for uncovered or coverage_rate, not " + metric.key());
    }
    Map<String, Double> values = new HashMap<>();
    for (MapUnit u : atlas.geography().units(Level.KELURAHAN)) {
      Double v = metric.valueOf(atlas.coverage().figures(u.members(), sector, period, u.areaKm2()));
      if (v != null) values.put(u.code(), v);
    }
    return GetisOrdGiStar.compute(contiguity(atlas), values);
  }

  /**
   * The kelurahan inside a significant low-coverage cluster (90 % or more after the FDR
   * correction): a hot spot of uncovered workers or a cold spot of the coverage rate, for the
   * worklist and progress views. Clusters are found over the whole region, so one that crosses a
   * kecamatan border marks the kelurahan on both sides.
   *
   * @param period the month, or null for the newest with data
   * @return Kemendagri codes, sorted; empty when there is no data
   */
  public static Set<String> lowCoverageCluster(Atlas atlas, Sector sector, Period period) {
    Period month = period != null ? period : atlas.coverage().newest();
    if (month == null) return Set.of();
    Set<String> codes = new TreeSet<>();
    for (GiStar g : giStar(atlas, sector, month, Metric.UNCOVERED)) {
      if (g.hotspot().hot()) codes.add(g.code());
    }
    for (GiStar g : giStar(atlas, sector, month, Metric.COVERAGE_RATE)) {
      if (g.hotspot().cold()) codes.add(g.code());
    }
    return Collections.unmodifiableSet(codes);
  }
}
