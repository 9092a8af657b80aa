package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class RingClipperTest {
  @Test
  void aRingInsideIsReturnedAsItIs() {
    double[] ring = {1, 1, 5, 1, 5, 5, 1, 1};
    assertSame(ring, RingClipper.clip(ring, 0, 10));
  }

  @Test
  void aSquareOverTheCornerIsCutToTheOverlap() {
    double[] ring = {-5, -5, 5, -5, 5, 5, -5, 5, -5, -5};
    double[] clipped = RingClipper.clip(ring, 0, 10);
    assertEquals(25, Math.abs(area(clipped)), 1e-9);
    for (double v : clipped) assertEquals(true, v >= 0 && v <= 10);
    assertEquals(clipped[0], clipped[clipped.length - 2]);
    assertEquals(clipped[1], clipped[clipped.length - 1]);
  }

  @Test
  void aRingOutsideIsGone() {
    assertNull(RingClipper.clip(new double[] {20, 20, 30, 20, 30, 30, 20, 20}, 0, 10));
  }

  @Test
  void aRingAroundTheSquareBecomesTheSquare() {
    double[] clipped = RingClipper.clip(new double[] {-50, -50, 50, -50, 50, 50, -50, 50, -50, -50}, 0, 10);
    assertEquals(100, Math.abs(area(clipped)), 1e-9);
  }

  @Test
  void keepsTheWindingOfTheInput() {
    double[] ccw = {-5, -5, 5, -5, 5, 5, -5, 5, -5, -5};
    double[] cw = {-5, -5, -5, 5, 5, 5, 5, -5, -5, -5};
    assertEquals(Math.signum(area(ccw)), Math.signum(area(RingClipper.clip(ccw, 0, 10))));
    assertEquals(Math.signum(area(cw)), Math.signum(area(RingClipper.clip(cw, 0, 10))));
    assertArrayEquals(new double[] {0, 0}, new double[] {0, 0});
  }

  static double area(double[] xy) {
    double sum = 0;
    for (int i = 0; i + 3 < xy.length; i += 2) sum += xy[i] * xy[i + 3] - xy[i + 2] * xy[i + 1];
    return sum / 2;
  }
}
