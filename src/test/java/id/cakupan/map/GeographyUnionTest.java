package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.PackedCoordinates;
import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** Dissolving kelurahan into kecamatan and kota: fast for a true coverage, still right for anything else. */
class GeographyUnionTest {
  private static final WKTReader WKT = new WKTReader();

  private static Geometry g(String wkt) throws Exception {
    return WKT.read(wkt);
  }

  @Test
  void neighboursSharingAnEdgeBecomeOnePolygon() throws Exception {
    Geometry u = Geography.union(List.of(
        g("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        g("POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))")));
    assertTrue(u.isValid());
    assertEquals(1, u.getNumGeometries());
    assertEquals(2, u.getArea(), 1e-12);
    assertTrue(u.equalsTopo(g("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))")));
  }

  @Test
  void overlappingPolygonsAreNotACoverageAndStillUnionRight() throws Exception {
    Geometry u = Geography.union(List.of(
        g("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"),
        g("POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))")));
    assertTrue(u.isValid());
    assertEquals(7, u.getArea(), 1e-12);
  }

  @Test
  void edgesThatDoNotQuiteMatchStillUnionRight() throws Exception {
    // The second square's edge bends a hair into the first: a sliver of overlap, not a clean coverage.
    Geometry u = Geography.union(List.of(
        g("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        g("POLYGON ((1 0, 2 0, 2 1, 1 1, 0.9999999 0.5, 1 0))")));
    assertTrue(u.isValid());
    assertTrue(u.equalsTopo(g("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))")), u.toText());
  }

  @Test
  void dissolvedUnitsOfEveryLevelAreTheUnionOfTheirKelurahanKeptPacked() throws Exception {
    BoundarySet set = new BoundarySet("test", false, List.of(
        kelurahan("31.72.03.1001", "POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        kelurahan("31.72.03.1002", "POLYGON ((1 0, 2 0, 2 1, 1 1, 1 0))"),
        kelurahan("31.72.04.1001", "POLYGON ((0 1, 2 1, 2 2, 0 2, 0 1))")), List.of());
    Geography geography = new Geography(set);
    Geometry kecamatan = geography.unit("31.72.03").geometry();
    assertTrue(kecamatan.equalsTopo(g("POLYGON ((0 0, 2 0, 2 1, 0 1, 0 0))")), kecamatan.toText());
    Geometry kota = geography.unit("31.72").geometry();
    assertTrue(kota.equalsTopo(g("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")), kota.toText());
    for (Level level : Level.values()) {
      for (MapUnit u : geography.units(level)) {
        assertSame(PackedCoordinates.FACTORY, u.geometry().getFactory(), u.code() + ": packed, as held for the heap");
      }
    }
  }

  private static Kelurahan kelurahan(String code, String wkt) throws Exception {
    MultiPolygon m = new org.locationtech.jts.geom.GeometryFactory().createMultiPolygon(new Polygon[] {(Polygon) g(wkt)});
    return new Kelurahan(KelurahanCode.parse(code), null, code, "Kec", "Kota", m, m.getArea());
  }

  @Test
  void separatePartsStaySeparate() throws Exception {
    Geometry u = Geography.union(List.of(
        g("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
        g("POLYGON ((5 0, 6 0, 6 1, 5 1, 5 0))")));
    assertEquals(2, u.getNumGeometries());
    assertEquals(2, u.getArea(), 1e-12);
  }
}
