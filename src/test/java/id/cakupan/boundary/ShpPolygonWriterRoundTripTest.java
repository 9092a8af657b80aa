package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.download.ShpPolygonWriter;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/** The Shapefile download's geometry writer, read back by the boundary importer's own reader. */
class ShpPolygonWriterRoundTripTest {
  private static final GeometryFactory GF = new GeometryFactory();

  /** RFC 7946 orientation (exterior counter-clockwise, hole clockwise), as every layer holds it. */
  private static final String WITH_HOLE =
      "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)))";
  private static final String TWO_PARTS =
      "MULTIPOLYGON (((20 0, 21 0, 21 1, 20 1, 20 0)), ((30 0, 31 0, 31 2, 30 2, 30 0)))";

  @Test
  void polygonsWithHolesAndSeveralPartsComeBackTheSame() throws Exception {
    List<MultiPolygon> written = List.of(multi(WITH_HOLE), multi(TWO_PARTS));
    ShpPolygonWriter.Files files = ShpPolygonWriter.write(written);
    List<Geometry> read = new ShpGeometryReader("test.shp", GF)
        .read(new ByteArrayInputStream(files.shp()), files.shp().length);
    assertEquals(2, read.size());
    for (int i = 0; i < 2; i++) {
      assertTrue(read.get(i).equalsTopo(written.get(i)), read.get(i).toText());
      assertEquals(written.get(i).getArea(), read.get(i).getArea(), 1e-12);
    }
    assertEquals(96, read.get(0).getArea(), 1e-12, "the hole stays a hole");
  }

  @Test
  void ringsAreWrittenClockwiseOutsideAndCounterClockwiseInside() throws Exception {
    ShpPolygonWriter.Files files = ShpPolygonWriter.write(List.of(multi(WITH_HOLE)));
    ByteBuffer b = ByteBuffer.wrap(files.shp()).order(ByteOrder.LITTLE_ENDIAN);
    int content = 100 + 8; // after the file header and the record header
    assertEquals(5, b.getInt(content));
    assertEquals(2, b.getInt(content + 36), "parts");
    assertEquals(10, b.getInt(content + 40), "points");
    int points = content + 44 + 2 * 4;
    assertTrue(!Orientation.isCCW(ring(b, points, 0, 5)), "outer ring clockwise");
    assertTrue(Orientation.isCCW(ring(b, points, 5, 5)), "hole counter-clockwise");
  }

  @Test
  void anEmptyPolygonIsANullShapeAndTheIndexPointsAtEveryRecord() {
    ShpPolygonWriter.Files files = ShpPolygonWriter.write(List.of(multi(TWO_PARTS), GF.createMultiPolygon(), multi(WITH_HOLE)));
    ByteBuffer shp = ByteBuffer.wrap(files.shp());
    ByteBuffer shx = ByteBuffer.wrap(files.shx());
    assertEquals(9994, shp.getInt(0));
    assertEquals(files.shp().length / 2, shp.getInt(24), "file length in 16-bit words");
    assertEquals(files.shx().length / 2, shx.getInt(24));
    assertEquals(100 + 3 * 8, files.shx().length);
    int[] offsets = new int[3];
    for (int i = 0; i < 3; i++) {
      offsets[i] = shx.getInt(100 + 8 * i) * 2;
      int length = shx.getInt(104 + 8 * i) * 2;
      assertEquals(i + 1, shp.getInt(offsets[i]), "record number");
      assertEquals(length, shp.getInt(offsets[i] + 4) * 2);
    }
    int nullType = ByteBuffer.wrap(files.shp()).order(ByteOrder.LITTLE_ENDIAN).getInt(offsets[1] + 8);
    assertEquals(0, nullType);
    assertEquals(4, shx.getInt(112) * 2, "a null shape holds only its type");
    ByteBuffer header = ByteBuffer.wrap(files.shp()).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(List.of(0.0, 0.0, 31.0, 10.0),
        Arrays.asList(header.getDouble(36), header.getDouble(44), header.getDouble(52), header.getDouble(60)));
  }

  private static org.locationtech.jts.geom.Coordinate[] ring(ByteBuffer b, int points, int first, int n) {
    org.locationtech.jts.geom.Coordinate[] c = new org.locationtech.jts.geom.Coordinate[n];
    for (int i = 0; i < n; i++) {
      int at = points + 16 * (first + i);
      c[i] = new org.locationtech.jts.geom.Coordinate(b.getDouble(at), b.getDouble(at + 8));
    }
    return c;
  }

  private static MultiPolygon multi(String wkt) {
    try {
      Geometry g = new WKTReader(GF).read(wkt);
      return g instanceof Polygon p ? GF.createMultiPolygon(new Polygon[] {p}) : (MultiPolygon) g;
    } catch (org.locationtech.jts.io.ParseException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
