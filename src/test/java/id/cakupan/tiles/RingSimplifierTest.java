package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RingSimplifierTest {
  @Test
  void pointsWithinTheToleranceOfAStraightEdgeGo() {
    double[] ring = {0, 0, 5, 0.5, 10, 0, 10, 10, 5, 9.6, 0, 10, 0, 0};
    assertArrayEquals(new double[] {0, 0, 10, 0, 10, 10, 0, 10, 0, 0}, RingSimplifier.simplify(ring, 1));
  }

  @Test
  void pointsBeyondTheToleranceStay() {
    double[] ring = {0, 0, 5, 3, 10, 0, 10, 10, 0, 10, 0, 0};
    assertSame(ring, RingSimplifier.simplify(ring, 1));
  }

  @Test
  void aFineCircleKeepsItsShapeWithinTheTolerance() {
    int n = 720;
    double[] ring = new double[2 * n + 2];
    for (int i = 0; i < n; i++) {
      ring[2 * i] = 1000 * Math.cos(2 * Math.PI * i / n);
      ring[2 * i + 1] = 1000 * Math.sin(2 * Math.PI * i / n);
    }
    ring[2 * n] = ring[0];
    ring[2 * n + 1] = ring[1];
    double[] simple = RingSimplifier.simplify(ring, 2);
    int kept = simple.length / 2;
    assertEquals(true, kept < n / 4 && kept > 16, kept + " points kept");
    for (int i = 0; i < simple.length; i += 2) {
      assertEquals(1000, Math.hypot(simple[i], simple[i + 1]), 1e-6, "kept points are original points");
    }
    assertEquals(simple[0], simple[simple.length - 2]);
    assertEquals(simple[1], simple[simple.length - 1]);
  }
}
