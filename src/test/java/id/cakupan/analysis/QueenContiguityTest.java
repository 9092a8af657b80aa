package id.cakupan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Queen contiguity on hand-made squares. */
class QueenContiguityTest {
  @Test
  void aThreeByThreeGridHasQueenNeighboursEdgesAndCorners() {
    Contiguity w = QueenContiguity.of(Grids.squares(3, 3), 0);
    assertEquals(List.of("a1", "a2", "a3", "b1", "b3", "c1", "c2", "c3"), w.neighbours("b2"));
    assertEquals(List.of("a2", "b1", "b2"), w.neighbours("a1"), "a corner cell: two edges and one vertex");
    assertEquals(List.of("a1", "a2", "b2", "c1", "c2"), w.neighbours("b1"));
    assertEquals(List.of(), w.islands());
    // 12 edge pairs (6 horizontal, 6 vertical) and 8 diagonal vertex pairs.
    assertEquals(20, w.pairs());
  }

  @Test
  void aVertexAloneMakesNeighboursAndSoDoesAGapWithinTheTolerance() {
    Map<String, Geometry> units = new LinkedHashMap<>();
    units.put("base", Grids.square(106.80, -6.10, 0.01));
    // Touches base at its bottom-right vertex only (the same arithmetic, so the same double).
    units.put("corner", Grids.square(106.80 + 0.01, -6.10 - 0.01, 0.01));
    // 0.00001° ≈ 1.1 m east of base's right edge: a digitising gap.
    units.put("gap", Grids.square(106.81001, -6.10, 0.0099));
    // 0.001° ≈ 110 m away: a street block, not a gap.
    units.put("apart", Grids.square(106.790, -6.10, 0.009));
    units.put("island", Grids.square(107.50, -5.80, 0.01));

    Contiguity exact = QueenContiguity.of(units, 0);
    assertEquals(List.of("corner"), exact.neighbours("base"));
    assertEquals(List.of("gap", "apart", "island"), exact.islands());

    Contiguity tolerant = QueenContiguity.of(units); // 5 m
    assertEquals(List.of("corner", "gap"), tolerant.neighbours("base"));
    assertEquals(List.of("base"), tolerant.neighbours("gap"));
    assertEquals(List.of("apart", "island"), tolerant.islands());
  }

  @Test
  void overlappingPolygonsAreNeighbours() {
    Map<String, Geometry> units = new LinkedHashMap<>();
    units.put("x", Grids.square(106.80, -6.10, 0.01));
    units.put("y", Grids.square(106.8099, -6.10, 0.01)); // overlaps x by a sliver 0.0001° wide
    assertEquals(List.of("y"), QueenContiguity.of(units, 0).neighbours("x"));
  }

  @Test
  void toleranceIsMetresTurnedIntoDegreesAtTheLatitude() {
    // At the equator a degree of longitude is ~111.3 km; at 60° half that, so the same metres are twice the degrees.
    double equator = QueenContiguity.degrees(5, new org.locationtech.jts.geom.Envelope(0, 1, 0, 0));
    double sixty = QueenContiguity.degrees(5, new org.locationtech.jts.geom.Envelope(0, 1, 59, -60));
    assertEquals(5 / 111_320.0, equator, 1e-9);
    assertEquals(2 * 5 / 111_320.0, sixty, 1e-9);
    assertTrue(QueenContiguity.degrees(5, new org.locationtech.jts.geom.Envelope(106, 107, -6.2, -6.0)) > equator);
    assertThrows(IllegalArgumentException.class, () -> QueenContiguity.of(Grids.squares(2, 2), -1));
    assertThrows(IllegalArgumentException.class, () -> QueenContiguity.of(Grids.squares(2, 2), Double.NaN));
  }
}
