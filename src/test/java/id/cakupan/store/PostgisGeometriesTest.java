package id.cakupan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.PackedCoordinates;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

class PostgisGeometriesTest {
  private final GeometryFactory factory = new GeometryFactory();

  private MultiPolygon withAHoleAndTwoParts() throws Exception {
    // Coordinates with all 17 significant digits: text would be the place to lose one.
    return (MultiPolygon) new WKTReader(factory).read("MULTIPOLYGON("
        + "((106.90366012345678 -6.166851234567891, 106.95 -6.16, 106.93 -6.12, 106.90366012345678 -6.166851234567891),"
        + " (106.92 -6.15, 106.93 -6.14, 106.925 -6.145, 106.92 -6.15)),"
        + "((106.5 -5.7, 106.6 -5.7, 106.6 -5.6, 106.5 -5.7)))");
  }

  @Test
  void wkbOfEitherByteOrderReadsBackBitForBitIntoPackedCoordinates() throws Exception {
    MultiPolygon jts = withAHoleAndTwoParts();
    for (int order : new int[] {ByteOrderValues.LITTLE_ENDIAN, ByteOrderValues.BIG_ENDIAN}) {
      MultiPolygon back = PostgisGeometries.readWkb(new WKBWriter(2, order).write(jts), "31.72.06.1001");
      assertTrue(jts.equalsExact(back), back.toText());
      assertEquals(1, ((Polygon) back.getGeometryN(0)).getNumInteriorRing());
      assertSame(PackedCoordinates.FACTORY, back.getFactory(), "packed as read, not copied again");
    }
  }

  @Test
  void anythingButAMultiPolygonIsRefusedNamingTheKelurahan() throws Exception {
    byte[] point = new WKBWriter().write(new WKTReader(factory).read("POINT(106.9 -6.1)"));
    ParseException e = assertThrows(ParseException.class, () -> PostgisGeometries.readWkb(point, "31.72.03.1004"));
    assertTrue(e.getMessage().contains("31.72.03.1004") && e.getMessage().contains("MultiPolygon"), e.getMessage());
  }

  @Test
  void truncatedWkbIsAParseErrorNotAnArrayOfAnyLength() throws Exception {
    byte[] whole = new WKBWriter().write(withAHoleAndTwoParts());
    for (int length : new int[] {0, 9, 20, whole.length - 1}) {
      byte[] cut = Arrays.copyOf(whole, length);
      ParseException e = assertThrows(ParseException.class, () -> PostgisGeometries.readWkb(cut, "31.72.03.1004"),
          "cut at " + length);
      assertTrue(e.getMessage().contains("31.72.03.1004"), e.getMessage());
    }
  }
}
