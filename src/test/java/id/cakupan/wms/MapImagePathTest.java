package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;
import org.junit.jupiter.api.Test;

/**
 * A unit's path in pixels grows with the image, not with the detail of its boundary: a circle of
 * 200,000 vertices drawn 100 pixels wide becomes a path of about its perimeter in quarter pixels,
 * and still covers what the circle covers.
 */
class MapImagePathTest {
  @Test
  void verticesFinerThanTheRasterAreLeftOutOfThePath() {
    GeometricShapeFactory f = new GeometricShapeFactory(new GeometryFactory());
    f.setCentre(new Coordinate(106.8, -6.1));
    f.setSize(0.1);
    f.setNumPoints(200_000);
    Polygon circle = f.createCircle();
    AffineTransform toPixels = new MapWindow(new Envelope(106.75, 106.85, -6.15, -6.05), 100, 100).toPixels();
    Path2D.Double path = MapImage.pixelPath(circle, toPixels);
    int segments = 0;
    for (PathIterator it = path.getPathIterator(null); !it.isDone(); it.next()) segments++;
    double perimeterPx = Math.PI * 100;
    assertTrue(segments < perimeterPx / MapImage.MIN_STEP_PX * 2, segments + " segments for a 100-pixel circle");
    assertTrue(segments > perimeterPx, "still round: " + segments);
    assertTrue(path.contains(50, 50), "centre inside");
    assertTrue(path.contains(50, 1.5) && path.contains(98.5, 50), "near the edge inside");
    assertTrue(!path.contains(2, 2), "corner outside");
  }
}
