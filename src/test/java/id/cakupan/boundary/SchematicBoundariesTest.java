package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class SchematicBoundariesTest {
  @Test
  void oneValidCellPerKelurahanAroundItsOwnPointWithoutOverlaps() {
    Gazetteer g = Gazetteer.builtIn();
    BoundarySet set = SchematicBoundaries.generate(g);
    assertTrue(set.schematic());
    assertEquals(31, set.kelurahan().size());
    GeometryFactory f = new GeometryFactory();
    for (Kelurahan k : set.kelurahan()) {
      GazetteerEntry e = g.byCode(k.code()).orElseThrow();
      assertTrue(k.geometry().isValid(), k.name());
      assertTrue(k.geometry().covers(f.createPoint(new Coordinate(e.lon(), e.lat()))), k.name() + " holds its point");
      assertEquals(e.areaKm2(), k.areaKm2(), 1e-9, "density uses the official area");
      for (Kelurahan other : set.kelurahan()) {
        if (other != k) assertTrue(k.geometry().intersection(other.geometry()).getArea() < 1e-12);
      }
    }
  }
}
