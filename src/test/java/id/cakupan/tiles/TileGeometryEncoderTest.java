package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class TileGeometryEncoderTest {
  private static final WKTReader WKT = new WKTReader();

  @Test
  void encodesThePolygonOfTheSpecExample() {
    // vector-tile-spec 2.1, 4.3.5.3 "Example Polygon": POLYGON ((3 6, 8 12, 20 34, 3 6))
    assertArrayEquals(new int[] {9, 6, 12, 18, 10, 12, 24, 44, 15},
        TileGeometryEncoder.commands(new int[] {3, 6, 8, 12, 20, 34}));
  }

  @Test
  void theCursorCarriesOnFromRingToRing() {
    // The spec's multipolygon example: the second part starts relative to the end of the first.
    int[] commands = TileGeometryEncoder.commands(
        new int[] {0, 0, 10, 0, 10, 10, 0, 10},
        new int[] {11, 11, 20, 11, 20, 20, 11, 20},
        new int[] {13, 13, 13, 17, 17, 17, 17, 13});
    assertArrayEquals(new int[] {9, 0, 0, 26, 20, 0, 0, 20, 19, 0, 15, 9, 22, 2, 26, 18, 0, 0, 18, 17, 0, 15,
        9, 4, 13, 26, 0, 8, 8, 0, 0, 7, 15}, commands);
  }

  @Test
  void aTileWholeInsideAPolygonIsTheBufferedSquareOrientedClockwiseOnScreen() throws Exception {
    TileGeometryEncoder encoder = new TileGeometryEncoder(new TileAddress(10, 815, 529), 4096, 64, 2);
    int[] commands = encoder.encode(WKT.read("POLYGON ((100 -10, 110 -10, 110 0, 100 0, 100 -10))"));
    List<int[]> rings = MvtDecoder.rings(commands);
    assertEquals(1, rings.size());
    int[] ring = rings.get(0);
    for (int v : ring) assertTrue(v == -64 || v == 4160, "corner coordinate " + v);
    assertTrue(TileGeometryEncoder.area2(ring) > 0, "exterior rings have positive area with y down");
  }

  @Test
  void aPartInTheBufferIsKeptAndAPartFarOutsideIsLeftOut() throws Exception {
    TileAddress tile = new TileAddress(10, 815, 529);
    org.locationtech.jts.geom.Envelope e = WebMercator.lonLatEnvelope(tile, 0);
    double midY = (e.getMinY() + e.getMaxY()) / 2;
    double d = e.getWidth() / 100; // the 64-unit buffer is 1/64 of the tile: a part 1/100 to 1.5/100 out lies in it
    String inside = square(e.getMinX() + 10 * d, midY, 20 * d);
    String inBuffer = square(e.getMaxX() + d, midY, d / 2);
    String farOut = square(e.getMaxX() + 300 * d, midY, 20 * d);
    TileGeometryEncoder encoder = new TileGeometryEncoder(tile, 4096, 64, 2);
    List<int[]> rings = MvtDecoder.rings(encoder.encode(WKT.read("MULTIPOLYGON (" + inside + ", " + inBuffer + ", " + farOut + ")")));
    assertEquals(2, rings.size(), "the part inside and the one in the buffer");
    for (int v = 0; v < rings.get(1).length; v += 2) {
      assertTrue(rings.get(1)[v] > 4096 && rings.get(1)[v] <= 4160, "x in the buffer: " + rings.get(1)[v]);
    }
    assertArrayEquals(encoder.encode(WKT.read("MULTIPOLYGON (" + inside + ", " + inBuffer + ")")),
        encoder.encode(WKT.read("MULTIPOLYGON (" + inside + ", " + inBuffer + ", " + farOut + ")")));
  }

  private static String square(double x, double y, double size) {
    return String.format(java.util.Locale.ROOT, "((%.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f))",
        x, y, x + size, y, x + size, y + size, x, y + size, x, y);
  }

  @Test
  void holesAreWoundTheOtherWayAndPartsOutsideTheTileAreDropped() throws Exception {
    // Zoom 0: the whole world is one tile. A square with a hole, and a part that is too small.
    Geometry g = WKT.read("MULTIPOLYGON (((-90 -45, 90 -45, 90 45, -90 45, -90 -45), (-10 -10, -10 10, 10 10, 10 -10, -10 -10)),"
        + " ((0 0, 0.00001 0, 0.00001 0.00001, 0 0)))");
    TileGeometryEncoder encoder = new TileGeometryEncoder(new TileAddress(0, 0, 0), 4096, 64, 2);
    List<int[]> rings = MvtDecoder.rings(encoder.encode(g));
    assertEquals(2, rings.size(), "shell and hole; the sub-unit part is gone");
    assertTrue(TileGeometryEncoder.area2(rings.get(0)) > 0);
    assertTrue(TileGeometryEncoder.area2(rings.get(1)) < 0);
    int minX = Integer.MAX_VALUE;
    int maxX = Integer.MIN_VALUE;
    for (int i = 0; i < rings.get(0).length; i += 2) {
      minX = Math.min(minX, rings.get(0)[i]);
      maxX = Math.max(maxX, rings.get(0)[i]);
    }
    assertEquals(1024, minX, "-90° is a quarter of the way across");
    assertEquals(3072, maxX, "90° is three quarters of the way across");
  }

  @Test
  void nothingOfAPolygonFarAwayIsEncoded() throws Exception {
    TileGeometryEncoder encoder = new TileGeometryEncoder(new TileAddress(12, 0, 0), 4096, 64, 2);
    assertEquals(0, encoder.encode(WKT.read("POLYGON ((106 -6, 107 -6, 107 -5, 106 -5, 106 -6))")).length);
  }

  @Test
  void coordinatesFollowWebMercator() throws Exception {
    // Jakarta Utara's Koja at zoom 14: check one corner of a small square against the formula.
    double lon = 106.9;
    double lat = -6.12;
    TileAddress t = new TileAddress(14, (int) (WebMercator.x(lon) * (1 << 14)), (int) (WebMercator.y(lat) * (1 << 14)));
    double x = (WebMercator.x(lon) * (1 << 14) - t.x()) * 4096;
    double y = (WebMercator.y(lat) * (1 << 14) - t.y()) * 4096;
    TileGeometryEncoder encoder = new TileGeometryEncoder(t, 4096, 64, 0);
    String wkt = String.format(java.util.Locale.ROOT, "POLYGON ((%f %f, %f %f, %f %f, %f %f))",
        lon, lat, lon + 0.001, lat, lon + 0.001, lat + 0.001, lon, lat);
    int[] ring = MvtDecoder.rings(encoder.encode(WKT.read(wkt))).get(0);
    boolean found = false;
    for (int i = 0; i < ring.length; i += 2) {
      if (ring[i] == Math.round(x) && ring[i + 1] == Math.round(y)) found = true;
    }
    assertTrue(found, "corner at " + Math.round(x) + "," + Math.round(y));
    assertEquals(-6.12, WebMercator.lat(WebMercator.y(-6.12)), 1e-12);
    assertEquals(106.9, WebMercator.lon(WebMercator.x(106.9)), 1e-12);
  }

  @Test
  void lowZoomTilesFromTheGeneralisedCopyMatchTilesFromEveryVertex() throws Exception {
    // A kelurahan-sized disc (about 2 km across, 720 vertices) near Koja, with a hole.
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    Geometry disc = gf.createPoint(new org.locationtech.jts.geom.Coordinate(106.9, -6.12)).buffer(0.01, 180)
        .difference(gf.createPoint(new org.locationtech.jts.geom.Coordinate(106.9, -6.12)).buffer(0.003, 90));
    for (int z = 5; z <= 8; z++) {
      TileAddress t = new TileAddress(z, (int) (WebMercator.x(106.9) * (1 << z)), (int) (WebMercator.y(-6.12) * (1 << z)));
      TileGeometryEncoder encoder = new TileGeometryEncoder(t, 4096, 64, 2);
      double tolerance = 1.0 / (4096.0 * (1 << 8));
      List<int[]> full = MvtDecoder.rings(encoder.encode(disc));
      List<int[]> generalised = MvtDecoder.rings(encoder.encodeWorld(TileGeometryEncoder.generalise(disc, tolerance)));
      assertEquals(full.size(), generalised.size(), "rings at zoom " + z);
      for (int r = 0; r < full.size(); r++) {
        double a = TileGeometryEncoder.area2(full.get(r));
        double b = TileGeometryEncoder.area2(generalised.get(r));
        assertEquals(a, b, Math.abs(a) * 0.05 + 8, "ring " + r + " at zoom " + z);
        assertTrue(generalised.get(r).length <= full.get(r).length + 2, "no more vertices than from the full geometry");
      }
    }
  }

  @Test
  void zoom9And10TilesFromTheSecondTierMatchTilesFromEveryVertex() throws Exception {
    // The same disc; copies for zoom 10 and zoom 8 made together, the second from the first.
    org.locationtech.jts.geom.GeometryFactory gf = new org.locationtech.jts.geom.GeometryFactory();
    Geometry disc = gf.createPoint(new org.locationtech.jts.geom.Coordinate(106.9, -6.12)).buffer(0.01, 180)
        .difference(gf.createPoint(new org.locationtech.jts.geom.Coordinate(106.9, -6.12)).buffer(0.003, 90));
    double fine = 1.0 / (4096.0 * (1 << 10));
    double coarse = 1.0 / (4096.0 * (1 << 8));
    double[][][][] tiers = TileGeometryEncoder.generalise(disc, new double[] {fine, coarse});
    double[][][] alone = TileGeometryEncoder.generalise(disc, fine);
    assertEquals(alone.length, tiers[0].length);
    for (int p = 0; p < alone.length; p++) {
      for (int r = 0; r < alone[p].length; r++) {
        assertArrayEquals(alone[p][r], tiers[0][p][r], "the finest copy is made from the source itself");
        assertTrue(tiers[1][p][r].length < tiers[0][p][r].length, "the coarser copy has fewer vertices");
      }
    }
    for (int z = 9; z <= 10; z++) {
      TileAddress t = new TileAddress(z, (int) (WebMercator.x(106.9) * (1 << z)), (int) (WebMercator.y(-6.12) * (1 << z)));
      TileGeometryEncoder encoder = new TileGeometryEncoder(t, 4096, 64, 2);
      List<int[]> full = MvtDecoder.rings(encoder.encode(disc));
      List<int[]> generalised = MvtDecoder.rings(encoder.encodeWorld(tiers[0]));
      assertEquals(full.size(), generalised.size(), "rings at zoom " + z);
      for (int r = 0; r < full.size(); r++) {
        double a = TileGeometryEncoder.area2(full.get(r));
        double b = TileGeometryEncoder.area2(generalised.get(r));
        assertEquals(a, b, Math.abs(a) * 0.01 + 8, "ring " + r + " at zoom " + z);
      }
    }
  }
}
