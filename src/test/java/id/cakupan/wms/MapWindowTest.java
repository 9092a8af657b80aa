package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.geom.AffineTransform;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/** Pixel ↔ CRS arithmetic of GetMap and GetFeatureInfo. */
class MapWindowTest {
  // 100 × 50 CRS units over 200 × 100 pixels: 2 pixels per unit both ways.
  private final MapWindow window = new MapWindow(new Envelope(1000, 1100, 500, 550), 200, 100);

  @Test
  void cornersMapToTheImageCorners() {
    AffineTransform t = window.toPixels();
    double[] p = {1000, 550, 1100, 500};
    t.transform(p, 0, p, 0, 2);
    assertArrayEquals(new double[] {0, 0, 200, 100}, p, 1e-9);
  }

  @Test
  void northIsUp() {
    double[] p = {1050, 540};
    window.toPixels().transform(p, 0, p, 0, 1);
    assertArrayEquals(new double[] {100, 20}, p, 1e-9);
  }

  @Test
  void featureInfoPixelsAreReadAtTheirCentre() {
    Coordinate c = window.centreOfPixel(0, 0);
    assertEquals(1000.25, c.x, 1e-9);
    assertEquals(549.75, c.y, 1e-9);
    Coordinate last = window.centreOfPixel(199, 99);
    assertEquals(1099.75, last.x, 1e-9);
    assertEquals(500.25, last.y, 1e-9);
  }

  @Test
  void pixelAtInvertsCentreOfPixel() {
    for (int[] ij : new int[][] {{0, 0}, {17, 83}, {199, 99}}) {
      Coordinate c = window.centreOfPixel(ij[0], ij[1]);
      assertArrayEquals(ij, window.pixelAt(c.x, c.y));
    }
  }

  @Test
  void nonSquarePixelsStretchEachAxisOnItsOwn() {
    MapWindow stretched = new MapWindow(new Envelope(0, 10, 0, 10), 100, 20);
    assertEquals(10, stretched.scaleX(), 0);
    assertEquals(2, stretched.scaleY(), 0);
  }
}
