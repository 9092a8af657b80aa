package id.cakupan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Atlas;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The atlas-level accessors on the real Jakarta Utara boundaries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotsTest {
  private BoundarySet boundaries;
  private Atlas atlas;

  @BeforeAll
  void load() throws Exception {
    boundaries = ClusterData.jakartaUtara();
    atlas = Atlas.build(boundaries, ClusterData.records(boundaries), false);
  }

  @Test
  void aClusterAcrossTheKojaTanjungPriokBorderIsFoundOnBothSides() {
    Set<String> low = Hotspots.lowCoverageCluster(atlas, Sector.BPU, ClusterData.PERIOD);
    // Found with these data: Kebon Bawang (Tanjung Priok), Rawa Badak Utara and Rawa Badak Selatan (Koja).
    assertTrue(low.stream().allMatch(this::inOrBesideTheBlock), "only the block and kelurahan bordering it: " + low);
    Set<String> kecamatan = new TreeSet<>();
    for (String c : low) kecamatan.add(c.substring(0, 8));
    assertTrue(kecamatan.contains("31.72.03") && kecamatan.contains("31.72.02"), "both kecamatan: " + low);
    assertTrue(low.contains("31.72.03.1004"), "Rawa Badak Utara, the block's middle");
    assertFalse(low.contains("31.72.01.1002"), "Kamal Muara, at the far west end");
    assertFalse(low.contains(ClusterData.UNKNOWN_WORKFORCE), "no data is not low coverage");
    assertEquals(low, Hotspots.lowCoverageCluster(atlas, Sector.BPU, null), "null is the newest month");
  }

  private boolean inOrBesideTheBlock(String code) {
    if (ClusterData.CLUSTER.contains(code)) return true;
    return Hotspots.contiguity(atlas).neighbours(code).stream().anyMatch(ClusterData.CLUSTER::contains);
  }

  @Test
  void bothMetricsAgreeOnTheBlockAndUnknownWorkforceIsNoData() {
    List<GiStar> uncovered = Hotspots.giStar(atlas, Sector.BPU, ClusterData.PERIOD, Metric.UNCOVERED);
    List<GiStar> rate = Hotspots.giStar(atlas, Sector.BPU, ClusterData.PERIOD, Metric.COVERAGE_RATE);
    assertEquals(31, uncovered.size());
    for (int i = 0; i < uncovered.size(); i++) {
      GiStar u = uncovered.get(i);
      GiStar r = rate.get(i);
      if (u.code().equals(ClusterData.UNKNOWN_WORKFORCE)) {
        assertEquals(HotspotClass.NO_DATA, u.hotspot());
        assertEquals(HotspotClass.NO_DATA, r.hotspot());
        continue;
      }
      // With one workforce everywhere, the rate is 1 − uncovered/10,000: the same z with the opposite sign.
      assertEquals(-u.z(), r.z(), 1e-9, u.code());
    }
  }

  @Test
  void noDataForTheMonthOrTheSectorGivesNoCluster() {
    assertEquals(Set.of(), Hotspots.lowCoverageCluster(atlas, Sector.BPU, Period.of(2020, 1)));
    assertEquals(Set.of(), Hotspots.lowCoverageCluster(atlas, Sector.PU, ClusterData.PERIOD));
    Atlas empty = Atlas.build(boundaries, List.of(), false);
    assertEquals(Set.of(), Hotspots.lowCoverageCluster(empty, Sector.ALL, null));
  }

  @Test
  void theNeighbourGraphIsBuiltOncePerBoundarySet() {
    Contiguity first = Hotspots.contiguity(atlas);
    assertSame(first, Hotspots.contiguity(atlas.withCoverage(List.of(), true)), "a coverage import keeps it");
    assertSame(first, Hotspots.contiguity(atlas));
  }

  @Test
  void onlyTheTwoMetricsHaveAnAnalysis() {
    assertThrows(IllegalArgumentException.class,
        () -> Hotspots.giStar(atlas, Sector.BPU, ClusterData.PERIOD, Metric.PARTICIPANTS));
    assertThrows(IllegalArgumentException.class, () -> new HotspotQuery(Sector.BPU, null, Metric.DENSITY));
  }
}
