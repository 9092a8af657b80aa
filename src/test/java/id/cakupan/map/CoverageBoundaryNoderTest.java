package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Region;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** The dissolve of a coverage gives what JTS's CoverageUnion gives, on the real DKI Jakarta kelurahan. */
class CoverageBoundaryNoderTest {
  private static final WKTReader WKT = new WKTReader();

  @Test
  void everyKecamatanAndKotaOfDkiDissolvesAsCoverageUnionDoes() throws Exception {
    BoundarySet dki = Region.DKI_JAKARTA.boundaries(Region.DKI_JAKARTA.gazetteer());
    assertTrue(dki.kelurahan().size() > 250, "the real set: " + dki.kelurahan().size());
    int compared = 0;
    int notCoverages = 0;
    for (Function<Kelurahan, String> group : List.<Function<Kelurahan, String>>of(Kelurahan::kecamatanCode,
        Kelurahan::kotaCode, k -> "all")) {
      Map<String, List<Geometry>> groups = new TreeMap<>();
      for (Kelurahan k : dki.kelurahan()) groups.computeIfAbsent(group.apply(k), c -> new ArrayList<>()).add(k.geometry());
      for (Map.Entry<String, List<Geometry>> g : groups.entrySet()) {
        Geometry expected;
        try {
          expected = CoverageUnion.union(g.getValue().toArray(new Geometry[0]));
        } catch (RuntimeException notACoverage) {
          notCoverages++; // edges that do not quite match: Geography takes the full overlay there
          continue;
        }
        Geometry actual = Geography.dissolveCoverage(g.getValue());
        assertTrue(expected.equalsNorm(actual), g.getKey() + ": " + actual.getNumGeometries() + " parts against "
            + expected.getNumGeometries());
        compared++;
      }
    }
    assertTrue(compared > 40 && compared > 4 * notCoverages, "kecamatan, kota and the province compared: " + compared
        + ", not a coverage for CoverageUnion: " + notCoverages);
  }

  @Test
  void aRingOfSquaresKeepsTheHoleInItsMiddle() throws Exception {
    List<Geometry> squares = new ArrayList<>();
    for (int x = 0; x < 3; x++) {
      for (int y = 0; y < 3; y++) {
        if (x == 1 && y == 1) continue;
        squares.add(WKT.read(String.format("POLYGON ((%d %d, %d %d, %d %d, %d %d, %d %d))",
            x, y, x + 1, y, x + 1, y + 1, x, y + 1, x, y)));
      }
    }
    Geometry u = Geography.dissolveCoverage(squares);
    assertTrue(u.isValid());
    assertEquals(1, u.getNumGeometries());
    assertEquals(1, ((Polygon) u.getGeometryN(0)).getNumInteriorRing());
    assertEquals(8, u.getArea(), 1e-12);
    assertTrue(u.equalsTopo(WKT.read("POLYGON ((0 0, 3 0, 3 3, 0 3, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1))")), u.toText());
  }

  @Test
  void anEdgeWalkedTheSameWayByBothNeighboursIsStillShared() throws Exception {
    // The second square's ring runs clockwise: the shared edge is (1 0)-(1 1) in both.
    Geometry u = Geography.dissolveCoverage(List.of(
        WKT.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        WKT.read("POLYGON ((1 0, 1 1, 2 1, 2 0, 1 0))")));
    assertTrue(u.equalsTopo(WKT.read("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))")), u.toText());
    assertEquals(1, u.getNumGeometries());
  }
}
