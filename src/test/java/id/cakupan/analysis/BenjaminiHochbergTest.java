package id.cakupan.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class BenjaminiHochbergTest {
  /**
   * The 15 p-values of Benjamini and Hochberg (1995, §4.1). Sorted, m = 15, p₍ₖ₎·m/k:
   * 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695, 0.063857, 0.0645, 0.0765, 0.486, 0.581182,
   * 0.714875, 0.753231, 0.813214, 1; the running minimum from the largest down turns 0.0695
   * (k = 6) into 0.063857 and leaves the rest. At q = 0.05 the first four are rejected, as in the paper.
   */
  @Test
  void theTextbookExampleStepsUpAndStaysMonotone() {
    double[] p = {0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262,
        0.5719, 0.6528, 0.7590, 1.0000};
    double[] expected = {0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0298 * 15 / 7, 0.0298 * 15 / 7, 0.0645, 0.0765,
        0.486, 0.4262 * 15 / 11, 0.5719 * 15 / 12, 0.6528 * 15 / 13, 0.7590 * 15 / 14, 1.0};
    double[] adjusted = BenjaminiHochberg.adjust(p);
    assertArrayEquals(expected, adjusted, 1e-12);
    int rejected = 0;
    for (double a : adjusted) if (a <= 0.05) rejected++;
    assertEquals(4, rejected);
  }

  @Test
  void orderOfTheInputIsKeptAndTiesShareAValue() {
    // Sorted: 0.01, 0.02, 0.02, 0.5 → ·4/k: 0.04, 0.04, 0.02667, 0.5 → running min: 0.02667, 0.02667, 0.02667, 0.5
    double[] adjusted = BenjaminiHochberg.adjust(new double[] {0.5, 0.02, 0.01, 0.02});
    assertArrayEquals(new double[] {0.5, 0.08 / 3, 0.08 / 3, 0.08 / 3}, adjusted, 1e-15);
  }

  @Test
  void emptyAndSingleInputs() {
    assertEquals(0, BenjaminiHochberg.adjust(new double[0]).length);
    assertArrayEquals(new double[] {0.03}, BenjaminiHochberg.adjust(new double[] {0.03}), 0);
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {Double.NaN}));
    assertThrows(IllegalArgumentException.class, () -> BenjaminiHochberg.adjust(new double[] {1.5}));
  }
}
