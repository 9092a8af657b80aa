package id.cakupan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.postgis.jdbc.PGgeometry;
import net.postgis.jdbc.PGgeometryLW;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

class PostgisGeometriesTest {
  private final GeometryFactory factory = new GeometryFactory();

  @Test
  void aMultiPolygonWithAHoleTravelsAsHexEwkbBitForBit() throws Exception {
    // Coordinates with all 17 significant digits: text would be the place to lose one.
    MultiPolygon jts = (MultiPolygon) new WKTReader(factory).read("MULTIPOLYGON("
        + "((106.90366012345678 -6.166851234567891, 106.95 -6.16, 106.93 -6.12, 106.90366012345678 -6.166851234567891),"
        + " (106.92 -6.15, 106.93 -6.14, 106.925 -6.145, 106.92 -6.15)),"
        + "((106.5 -5.7, 106.6 -5.7, 106.6 -5.6, 106.5 -5.7)))");
    PGgeometryLW parameter = PostgisGeometries.parameter(jts);
    String hex = parameter.getValue();
    assertTrue(hex.matches("[0-9A-F]+"), "hex EWKB, not WKT: " + hex.substring(0, 20));
    PGgeometry fromDriver = new PGgeometry(hex);
    assertEquals(PostgisGeometries.WGS84, fromDriver.getGeometry().getSrid());
    MultiPolygon back = PostgisGeometries.read(fromDriver, factory, "31.72.06.1001");
    assertTrue(jts.equalsExact(back), back.toText());
    assertEquals(1, ((org.locationtech.jts.geom.Polygon) back.getGeometryN(0)).getNumInteriorRing());
  }

  @Test
  void anythingButAMultiPolygonIsRefusedNamingTheKelurahan() throws Exception {
    PGgeometry point = new PGgeometry("SRID=4326;POINT(106.9 -6.1)");
    ParseException e = assertThrows(ParseException.class, () -> PostgisGeometries.read(point, factory, "31.72.03.1004"));
    assertTrue(e.getMessage().contains("31.72.03.1004") && e.getMessage().contains("POINT"), e.getMessage());
  }
}
