package id.cakupan.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticCoverageTest {
  @Test
  void shapedLikeJakartaUtaraAndDeterministic() {
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (int i = 1; i <= 7; i++) areas.put(KelurahanCode.parse("31.72.02.100" + i), 1.0 + i);
    Period end = Period.of(2026, 10);
    List<CoverageRecord> records = SyntheticCoverage.generate(areas, end, 24, 7);
    assertEquals(7 * 24 * 3, records.size());
    assertEquals(records, SyntheticCoverage.generate(areas, end, 24, 7));
    CoverageTable t = new CoverageTable(records);
    assertEquals(24, t.periods().size());
    assertEquals(end, t.newest());
    for (KelurahanCode code : areas.keySet()) {
      double pu = t.figures(List.of(code), Sector.PU, end, 1).coverageRate();
      assertTrue(pu >= 0.70 && pu <= 0.95, "PU " + pu);
      double bpuFirst = t.figures(List.of(code), Sector.BPU, end.minusMonths(23), 1).coverageRate();
      double bpuLast = t.figures(List.of(code), Sector.BPU, end, 1).coverageRate();
      assertTrue(bpuFirst >= 0.05 && bpuLast <= 0.35, "BPU " + bpuFirst + ".." + bpuLast);
      assertTrue(bpuLast > bpuFirst, "BPU coverage rises");
      long jakon = t.figures(List.of(code), Sector.JAKON, end, 1).workforce();
      long all = t.figures(List.of(code), Sector.ALL, end, 1).workforce();
      assertTrue(jakon < all * 0.05, "JAKON is small");
    }
  }
}
