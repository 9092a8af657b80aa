package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.coverage.KelurahanCode;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKTReader;

class PackedCoordinatesTest {
  private static final String WKT =
      "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 2, 2 2, 2 1, 1 1)), ((10 10, 11 10, 11 11, 10 10)))";

  @Test
  void aPackedGeometryIsTheSameShapeWithItsSequencesPacked() throws Exception {
    MultiPolygon source = (MultiPolygon) new WKTReader(new GeometryFactory()).read(WKT);
    MultiPolygon packed = PackedCoordinates.pack(source);
    assertTrue(packed.equalsExact(source), packed.toText());
    assertEquals(source.getArea(), packed.getArea(), 0);
    assertEquals(2, packed.getNumGeometries());
    assertTrue(packed.isValid());
    assertTrue(((org.locationtech.jts.geom.Polygon) packed.getGeometryN(0)).getExteriorRing().getCoordinateSequence()
        instanceof PackedCoordinates);
    assertSame(packed, PackedCoordinates.pack(packed), "packing twice copies nothing");
  }

  @Test
  void keepsNoCoordinateObjectsAfterAnAlgorithmAskedForThem() throws Exception {
    MultiPolygon packed = PackedCoordinates.pack((MultiPolygon) new WKTReader().read(WKT));
    Coordinate[] first = packed.getCoordinates();
    Coordinate[] second = packed.getCoordinates();
    assertEquals(first.length, second.length);
    assertNotSame(first[0], second[0], "a fresh array each time, none cached");
    first[0].x = 99; // changing a copy leaves the geometry alone
    assertEquals(0, packed.getCoordinates()[0].x, 0);
  }

  @Test
  void operationsOnPackedGeometryGivePackedResults() throws Exception {
    MultiPolygon packed = PackedCoordinates.pack((MultiPolygon) new WKTReader().read(WKT));
    Geometry union = packed.union();
    assertSame(PackedCoordinates.FACTORY, union.getFactory());
    assertEquals(packed.getArea(), union.getArea(), 1e-12);
  }

  @Test
  void aSequenceOverAnArrayOfPairs() {
    PackedCoordinates ring = PackedCoordinates.of(new double[] {0, 0, 1, 0, 1, 1, 0, 0});
    assertEquals(4, ring.size());
    assertEquals(1, ring.getY(2), 0);
    assertTrue(PackedCoordinates.FACTORY.createLinearRing(ring).isClosed());
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> PackedCoordinates.of(new double[] {0, 0, 1}));
  }

  @Test
  void kelurahanKeepTheirBoundaryPacked() throws Exception {
    MultiPolygon plain = (MultiPolygon) new WKTReader().read(WKT);
    Kelurahan k = new Kelurahan(KelurahanCode.parse("31.72.03.1001"), null, "K", "Kec", "Kota", plain, 1);
    assertSame(PackedCoordinates.FACTORY, k.geometry().getFactory());
    assertTrue(k.geometry().equalsExact(plain));
  }
}
