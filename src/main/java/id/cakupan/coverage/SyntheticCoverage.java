package id.cakupan.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Made-up monthly coverage so that a fresh install shows a working map. Shaped like the real
 * situation in Jakarta Utara: formal (PU) coverage 70–95%, informal (BPU) 5–35% and slowly
 * rising, construction (JAKON) small. Deterministic for a seed, and always labelled synthetic.
 */
public final class SyntheticCoverage {
  private SyntheticCoverage() {}

  /**
   * @param areaKm2 the kelurahan to generate for, with their areas (workforce scales with area)
   * @param end the newest month generated
   * @param months how many months, ending at {@code end}
   */
  public static List<CoverageRecord> generate(Map<KelurahanCode, Double> areaKm2, Period end, int months, long seed) {
    List<CoverageRecord> out = new ArrayList<>();
    for (Map.Entry<KelurahanCode, Double> e : areaKm2.entrySet()) {
      KelurahanCode code = e.getKey();
      SplittableRandom rnd = new SplittableRandom(seed ^ (code.value().hashCode() * 0x9E3779B97F4A7C15L));
      double workers = Math.max(5_000, e.getValue() * rnd.nextDouble(3_000, 12_000));
      double puShare = rnd.nextDouble(0.50, 0.65);
      double jakonShare = rnd.nextDouble(0.01, 0.04);
      double bpuShare = 1 - puShare - jakonShare;
      double puRate = rnd.nextDouble(0.70, 0.92);
      double bpuRate = rnd.nextDouble(0.05, 0.20);
      double bpuTrend = rnd.nextDouble(0.002, 0.006);
      double jakonRate = rnd.nextDouble(0.20, 0.60);
      for (int i = months - 1; i >= 0; i--) {
        Period period = end.minusMonths(i);
        int t = months - 1 - i;
        double growth = Math.pow(1.001, t);
        long puWork = Math.round(workers * puShare * growth);
        long bpuWork = Math.round(workers * bpuShare * growth);
        long jakonWork = Math.round(workers * jakonShare * growth);
        double pu = clamp(puRate + 0.0005 * t + rnd.nextDouble(-0.01, 0.01), 0.70, 0.95);
        double bpu = clamp(bpuRate + bpuTrend * t + rnd.nextDouble(-0.006, 0.006), 0.05, 0.35);
        double jakon = clamp(jakonRate + rnd.nextDouble(-0.05, 0.05), 0.05, 0.90);
        out.add(new CoverageRecord(code, period, Sector.PU, Math.round(puWork * pu), puWork));
        out.add(new CoverageRecord(code, period, Sector.BPU, Math.round(bpuWork * bpu), bpuWork));
        out.add(new CoverageRecord(code, period, Sector.JAKON, Math.round(jakonWork * jakon), jakonWork));
      }
    }
    return out;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
