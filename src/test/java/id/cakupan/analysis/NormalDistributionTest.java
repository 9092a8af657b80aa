package id.cakupan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Tail probabilities against published values (computed as erfc(z/√2)/2 in double precision). */
class NormalDistributionTest {
  private static void assertTail(double expected, double z) {
    double q = NormalDistribution.upperTail(z);
    assertEquals(expected, q, Math.max(1e-15, 1e-12 * expected), "Q(" + z + ")");
  }

  @Test
  void upperTailMatchesTheTableFromTheCentreToFarOut() {
    assertTail(0.5, 0);
    assertTail(0.15865525393145707, 1);
    assertTail(0.05, 1.6448536269514722);
    assertTail(0.025, 1.959963984540054);
    assertTail(0.005, 2.5758293035489004);
    assertTail(0.0013503412829549248, 2.9999);
    assertTail(0.0013498980316300957, 3);
    assertTail(0.001349454913260717, 3.0001);
    assertTail(3.1671241833119965e-05, 4);
    assertTail(9.865876450377012e-10, 6);
    assertTail(6.220960574271819e-16, 8);
    assertTail(7.619853024160593e-24, 10);
    assertTail(2.7536241186063314e-89, 20);
    assertTail(0.8413447460685429, -1);
  }

  @Test
  void twoSidedPIsSymmetricAndAtMostOne() {
    assertEquals(0.05, NormalDistribution.twoSidedP(1.959963984540054), 1e-15);
    assertEquals(0.05, NormalDistribution.twoSidedP(-1.959963984540054), 1e-15);
    assertEquals(0.01, NormalDistribution.twoSidedP(2.5758293035489004), 1e-15);
    assertEquals(1.0, NormalDistribution.twoSidedP(0), 0);
  }
}
