package id.cakupan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class GetisOrdGiStarTest {
  private static Map<String, GiStar> byCode(List<GiStar> results) {
    Map<String, GiStar> out = new LinkedHashMap<>();
    for (GiStar g : results) out.put(g.code(), g);
    return out;
  }

  private static Map<String, Double> values(String[] codes, double[] xs) {
    Map<String, Double> out = new HashMap<>();
    for (int i = 0; i < codes.length; i++) out.put(codes[i], xs[i]);
    return out;
  }

  /**
   * 3×3 queen grid, values
   * <pre>
   *   a1=8 b1=6 c1=2
   *   a2=6 b2=4 c2=2
   *   a3=2 b3=2 c3=4
   * </pre>
   * n = 9, Σx = 36, x̄ = 4; Σx² = 64+36+4+36+16+4+4+4+16 = 184, S = √(184/9 − 16) = √(40/9).
   *
   * <p>Corner a1: itself + b1, a2, b2 → Σw = Σw² = 4, Σwx = 8+6+6+4 = 24, numerator 24 − 4·4 = 8;
   * √((9·4 − 16)/8) = √2.5, S·√2.5 = √(100/9) = 10/3; z = 8 / (10/3) = 2.4.
   * Corners c1 (2+6+2+4 = 14) and a3 (2+6+2+4 = 14): z = (14 − 16)/(10/3) = −0.6; c3 (4+4+2+2 = 12): −1.2.
   *
   * <p>Edge b1: itself + a1, c1, a2, b2, c2 → Σw = 6, Σwx = 6+8+2+6+4+2 = 28, numerator 28 − 24 = 4;
   * √((54 − 36)/8) = 1.5, S·1.5 = √10; z = 4/√10 = 1.2649. a2 alike (28): 4/√10;
   * c2 (2+6+2+4+2+4 = 20) and b3 (2+6+4+2+2+4 = 20): −4/√10.
   *
   * <p>Centre b2: every unit is its neighbour, Σw = n, so 9·9 − 81 = 0: no test.
   *
   * <p>Two-sided p: z = 2.4 → 0.016395; 1.2649 → 0.205903; 1.2 → 0.230139; 0.6 → 0.548506. BH over
   * the m = 8 tested: a1 ranks 1st, 0.016395·8 = 0.13116; the running minimum from the top gives
   * ranks 2–6 the value of rank 6 (c3: 0.230139·8/6 = 0.306852), which is above a1's 0.13116, so
   * a1 keeps 0.13116 ≥ 0.10: not significant after the FDR correction, although its raw p is 0.016.
   */
  @Test
  void theThreeByThreeGridByHand() {
    Contiguity w = QueenContiguity.of(Grids.squares(3, 3));
    Map<String, GiStar> r = byCode(GetisOrdGiStar.compute(w, values(
        new String[] {"a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3"},
        new double[] {8, 6, 2, 6, 4, 2, 2, 2, 4})));
    double edge = 4 / Math.sqrt(10);
    assertEquals(2.4, r.get("a1").z(), 1e-12);
    assertEquals(-0.6, r.get("c1").z(), 1e-12);
    assertEquals(-0.6, r.get("a3").z(), 1e-12);
    assertEquals(-1.2, r.get("c3").z(), 1e-12);
    assertEquals(edge, r.get("b1").z(), 1e-12);
    assertEquals(edge, r.get("a2").z(), 1e-12);
    assertEquals(-edge, r.get("c2").z(), 1e-12);
    assertEquals(-edge, r.get("b3").z(), 1e-12);
    assertNull(r.get("b2").z());
    assertEquals(HotspotClass.NOT_SIGNIFICANT, r.get("b2").hotspot());

    assertEquals(0.016395071849192276, r.get("a1").p(), 1e-12);
    assertEquals(0.20590321073206833, r.get("b1").p(), 1e-12);
    assertEquals(0.016395071849192276 * 8, r.get("a1").pAdjusted(), 1e-12);
    assertEquals(0.2301393404434166 * 8 / 6, r.get("b1").pAdjusted(), 1e-12);
    assertEquals(0.2301393404434166 * 8 / 6, r.get("c3").pAdjusted(), 1e-12);
    assertEquals(0.5485062355001472, r.get("c1").pAdjusted(), 1e-12);
    for (GiStar g : r.values()) assertEquals(HotspotClass.NOT_SIGNIFICANT, g.hotspot(), g.code());
    assertEquals(List.of("a2", "b1", "b2"), r.get("a1").neighbours());
  }

  /**
   * A 6×6 grid with a block of high values in the top-left and low ones in the bottom-right,
   * checked against the formula evaluated here with plain loops over a weight matrix (the
   * Σx²/n − x̄² form of S, the raw sums of w and w²), and against the class rule.
   */
  @Test
  void aSixBySixGridAgreesWithTheFormulaComputedIndependently() {
    int cols = 6;
    int rows = 6;
    Map<String, Geometry> cells = Grids.squares(cols, rows);
    String[] codes = cells.keySet().toArray(new String[0]);
    int n = codes.length;
    double[] x = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        // high in the top-left 3×3, low in the bottom-right 2×2, a deterministic ripple elsewhere
        double v = 100 + 7 * ((3 * r + 5 * c) % 4);
        if (r < 3 && c < 3) v += 60 + 3 * r;
        if (r >= 4 && c >= 4) v -= 60 + 2 * c;
        x[r * cols + c] = v;
      }
    }
    double[][] weights = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int ri = i / cols, ci = i % cols, rj = j / cols, cj = j % cols;
        weights[i][j] = Math.abs(ri - rj) <= 1 && Math.abs(ci - cj) <= 1 ? 1 : 0; // queen, self included
      }
    }
    double sum = 0, sumSquares = 0;
    for (double v : x) {
      sum += v;
      sumSquares += v * v;
    }
    double mean = sum / n;
    double s = Math.sqrt(sumSquares / n - mean * mean);

    Map<String, GiStar> r = byCode(GetisOrdGiStar.compute(QueenContiguity.of(cells), values(codes, x)));
    boolean hot = false, cold = false;
    for (int i = 0; i < n; i++) {
      double wx = 0, w = 0, w2 = 0;
      for (int j = 0; j < n; j++) {
        wx += weights[i][j] * x[j];
        w += weights[i][j];
        w2 += weights[i][j] * weights[i][j];
      }
      double z = (wx - mean * w) / (s * Math.sqrt((n * w2 - w * w) / (n - 1)));
      GiStar g = r.get(codes[i]);
      assertEquals(z, g.z(), 1e-9, codes[i]);
      assertEquals(HotspotClass.of(z, g.pAdjusted()), g.hotspot());
      hot |= g.hotspot().hot();
      cold |= g.hotspot().cold();
    }
    assertTrue(hot && cold, "the blocks come out as a hot and a cold spot");
    assertTrue(r.get("a1").hotspot().hot());
    assertTrue(r.get("f6").hotspot().cold());
  }

  @Test
  void classesFollowTheAdjustedPAndTheSignOfZ() {
    assertEquals(HotspotClass.HOT_99, HotspotClass.of(3.1, 0.009));
    assertEquals(HotspotClass.HOT_95, HotspotClass.of(2.2, 0.01));
    assertEquals(HotspotClass.HOT_90, HotspotClass.of(1.8, 0.0999));
    assertEquals(HotspotClass.NOT_SIGNIFICANT, HotspotClass.of(1.7, 0.10));
    assertEquals(HotspotClass.COLD_99, HotspotClass.of(-3.1, 0.001));
    assertEquals(HotspotClass.COLD_95, HotspotClass.of(-2.1, 0.049));
    assertEquals(HotspotClass.COLD_90, HotspotClass.of(-1.9, 0.05));
  }

  @Test
  void equalValuesGiveNoTestAndNoDivisionByZero() {
    Map<String, GiStar> r = byCode(GetisOrdGiStar.compute(QueenContiguity.of(Grids.squares(3, 3)),
        values(new String[] {"a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3"},
            new double[] {0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3})));
    for (GiStar g : r.values()) {
      assertEquals(HotspotClass.NOT_SIGNIFICANT, g.hotspot(), g.code());
      assertNull(g.z());
      assertNull(g.pAdjusted());
    }
  }

  @Test
  void fewerThanThreeUnitsWithDataAreNotTested() {
    Map<String, Double> v = new HashMap<>();
    v.put("a1", 10.0);
    v.put("b1", 2.0);
    Map<String, GiStar> r = byCode(GetisOrdGiStar.compute(QueenContiguity.of(Grids.squares(3, 1)), v));
    assertEquals(HotspotClass.NOT_SIGNIFICANT, r.get("a1").hotspot());
    assertEquals(HotspotClass.NOT_SIGNIFICANT, r.get("b1").hotspot());
    assertEquals(HotspotClass.NO_DATA, r.get("c1").hotspot());
    assertNull(r.get("a1").z());
  }

  /**
   * A 4×1 row a1–d1 plus an island; c1 has no data. n = 4 (a1, b1, d1, island) with values
   * 1, 3, 5, 7: x̄ = 4, Σx² = 1+9+25+49 = 84, S = √(84/4 − 16) = √5.
   * a1: itself + b1 (c1 has no data, a1 does not touch it) → Σw = 2, Σwx = 4, numerator 4 − 8 = −4,
   * √((4·2 − 4)/3) = √(4/3), z = −4 / (√5 · √(4/3)) = −√(12/5) = −1.549193.
   * b1: its neighbours a1 and c1, c1 without data → same weights as a1, Σwx = 4, z = −1.549193.
   * d1: its only neighbour c1 has no data → no_neighbours. The island: no_neighbours, but its 7 counts in x̄ and S.
   */
  @Test
  void unitsWithoutDataWeighNothingAndIslandsAreReportedNotTested() {
    Map<String, Geometry> cells = Grids.squares(4, 1);
    cells.put("island", Grids.square(107.6, -5.7, 0.01));
    Map<String, Double> v = new HashMap<>();
    v.put("a1", 1.0);
    v.put("b1", 3.0);
    v.put("d1", 5.0);
    v.put("island", 7.0);
    v.put("c1", Double.NaN);
    Map<String, GiStar> r = byCode(GetisOrdGiStar.compute(QueenContiguity.of(cells), v));
    double z = -Math.sqrt(12.0 / 5);
    assertEquals(z, r.get("a1").z(), 1e-12);
    assertEquals(z, r.get("b1").z(), 1e-12);
    assertEquals(HotspotClass.NO_DATA, r.get("c1").hotspot());
    assertNull(r.get("c1").value());
    assertEquals(HotspotClass.NO_NEIGHBOURS, r.get("d1").hotspot());
    assertEquals(List.of("c1"), r.get("d1").neighbours());
    assertEquals(HotspotClass.NO_NEIGHBOURS, r.get("island").hotspot());
    assertEquals(List.of(), r.get("island").neighbours());
    assertEquals(7.0, r.get("island").value());
    // Two tests with the same p: BH leaves both at p·2/2.
    assertEquals(r.get("a1").p(), r.get("a1").pAdjusted(), 1e-15);
  }
}
