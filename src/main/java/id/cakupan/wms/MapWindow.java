package id.cakupan.wms;

import java.awt.geom.AffineTransform;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The part of a CRS an image shows: {@code world} (x = easting or longitude) stretched over
 * {@code width} × {@code height} pixels, pixel (0, 0) at the top left, as WMS GetMap draws it.
 */
public record MapWindow(Envelope world, int width, int height) {

  public MapWindow {
    if (world.getWidth() <= 0 || world.getHeight() <= 0) throw new IllegalArgumentException("empty window " + world);
    if (width <= 0 || height <= 0) throw new IllegalArgumentException("no pixels: " + width + "x" + height);
  }

  /** Pixels per CRS unit across. */
  public double scaleX() {
    return width / world.getWidth();
  }

  /** Pixels per CRS unit down. */
  public double scaleY() {
    return height / world.getHeight();
  }

  /** CRS coordinates to pixel coordinates (y grows downwards). */
  public AffineTransform toPixels() {
    double sx = scaleX();
    double sy = scaleY();
    return new AffineTransform(sx, 0, 0, -sy, -world.getMinX() * sx, world.getMaxY() * sy);
  }

  /** The CRS position at the centre of pixel column {@code i}, row {@code j} (GetFeatureInfo's I and J). */
  public Coordinate centreOfPixel(int i, int j) {
    return new Coordinate(world.getMinX() + (i + 0.5) / scaleX(), world.getMaxY() - (j + 0.5) / scaleY());
  }

  /** The pixel column and row holding a CRS position (may lie outside the image). */
  public int[] pixelAt(double x, double y) {
    return new int[] {
        (int) Math.floor((x - world.getMinX()) * scaleX()),
        (int) Math.floor((world.getMaxY() - y) * scaleY())};
  }
}
