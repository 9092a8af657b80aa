package id.cakupan.wms;

import id.cakupan.map.MapUnit;
import id.cakupan.map.StyledLayer;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Draws choropleth layers into a PNG with Java2D: each unit filled with exactly the {@code fill}
 * of its {@link StyledLayer} (the colour /api/choropleth gives it), outlined like the map page
 * (#66717c, 0.8 px), anti-aliased, optionally labelled with the unit's name. Anti-aliasing
 * only blends pixels an edge crosses, so a pixel inside a unit has its fill exactly.
 */
public final class MapImage {
  static final Color BORDER = new Color(0x66, 0x71, 0x7c);
  static final float BORDER_WIDTH = 0.8f;
  /** Beyond this many units in view, labels are left out. */
  static final int MAX_LABELLED = 400;
  /** Vertices nearer than this to the last one drawn are left out of a path: finer than the antialiasing shows. */
  static final double MIN_STEP_PX = 0.25;
  private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  static {
    // A server has no display; Java2D must not look for one.
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  /** One layer to draw: its styled units and their shapes in the image's CRS. */
  public record Drawing(StyledLayer styled, UnitShapes shapes) {}

  private MapImage() {}

  /**
   * @param background the colour behind the layers; ignored when {@code transparent}
   */
  public static byte[] png(List<Drawing> layers, MapWindow window, boolean transparent, Color background,
      boolean labels) {
    BufferedImage image = new BufferedImage(window.width(), window.height(),
        transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      if (!transparent) {
        g.setColor(background);
        g.fillRect(0, 0, window.width(), window.height());
      }
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      AffineTransform toPixels = window.toPixels();
      // A margin of a few pixels, so outlines of units just outside still reach in.
      Envelope query = new Envelope(window.world());
      query.expandBy(4 / window.scaleX(), 4 / window.scaleY());
      for (Drawing d : layers) draw(g, d, toPixels, query);
      if (labels) {
        for (Drawing d : layers) label(g, d, window, query);
      }
    } finally {
      g.dispose();
    }
    return encode(image);
  }

  private static void draw(Graphics2D g, Drawing d, AffineTransform toPixels, Envelope query) {
    int[] visible = d.shapes().within(query);
    StyledLayer styled = d.styled();
    Shape[] shapes = d.shapes().pixelPaths(visible, toPixels);
    // Fills first, then every outline: a neighbour's fill never covers half an outline.
    for (int k = 0; k < visible.length; k++) {
      g.setColor(Color.decode(styled.fill().get(visible[k])));
      g.fill(shapes[k]);
    }
    g.setColor(BORDER);
    g.setStroke(new BasicStroke(BORDER_WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    for (Shape s : shapes) g.draw(s);
  }

  /** Names at each unit's pole of inaccessibility, where a unit is wide enough on screen to hold them. */
  private static void label(Graphics2D g, Drawing d, MapWindow window, Envelope query) {
    g.setFont(LABEL_FONT);
    FontMetrics metrics = g.getFontMetrics();
    AffineTransform toPixels = window.toPixels();
    int[] visible = d.shapes().within(query);
    if (visible.length > MAX_LABELLED) return; // a name per unit would be unreadable, and slow to place
    for (int i : visible) {
      MapUnit unit = d.shapes().units().get(i);
      Geometry geometry = d.shapes().geometry(i);
      // A pixel's precision, but never finer than the unit's own size calls for: deep zooms would
      // otherwise refine the circle far below what double coordinates can tell apart.
      Envelope e = geometry.getEnvelopeInternal();
      double tolerance = Math.max(1 / window.scaleX(), Math.max(e.getWidth(), e.getHeight()) / 2000);
      MaximumInscribedCircle circle = new MaximumInscribedCircle(geometry, tolerance);
      Coordinate centre = circle.getCenter().getCoordinate();
      double radiusPx = circle.getRadiusLine().getLength() * window.scaleX();
      String name = unit.name();
      int w = metrics.stringWidth(name);
      if (radiusPx * 2 < Math.max(w * 0.45, 12)) continue; // too small here to be read
      double[] p = {centre.x, centre.y};
      toPixels.transform(p, 0, p, 0, 1);
      float x = (float) (p[0] - w / 2.0);
      float y = (float) (p[1] + metrics.getAscent() / 2.0 - 1);
      Shape outline = new TextLayout(name, LABEL_FONT, g.getFontRenderContext()).getOutline(
          AffineTransform.getTranslateInstance(x, y));
      g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(255, 255, 255, 220));
      g.draw(outline);
      g.setColor(new Color(0x1d, 0x23, 0x2a));
      g.fill(outline);
    }
  }

  /** A unit's polygons, holes included, as one path in pixel coordinates. */
  static Path2D.Double pixelPath(Geometry g, AffineTransform toPixels) {
    return pixelPath(g, null, null, toPixels);
  }

  /**
   * A unit's polygons in longitude/latitude, holes included, as one path in pixel coordinates of
   * a projected CRS: each vertex goes through {@code toCrs} (null: none) on its way to a pixel,
   * exactly as a projected copy of the unit would have, but no copy is made.
   *
   * @param reach bounds on the pixels a degree moves across the unit, as |∂px/∂λ|, |∂px/∂φ|,
   *     |∂py/∂λ|, |∂py/∂φ|: a vertex they keep within {@link #MIN_STEP_PX} of the last one drawn is
   *     passed over unprojected, as it would be left out once projected; null to project every one
   */
  static Path2D.Double pixelPath(Geometry g, CoordinateTransform toCrs, double[] reach, AffineTransform toPixels) {
    Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    double[] xy = new double[2];
    ProjCoordinate in = toCrs == null ? null : new ProjCoordinate();
    ProjCoordinate out = toCrs == null ? null : new ProjCoordinate();
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (!(g.getGeometryN(k) instanceof Polygon polygon)) continue;
      ring(p, polygon.getExteriorRing(), toCrs, reach, in, out, toPixels, xy);
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        ring(p, polygon.getInteriorRingN(h), toCrs, reach, in, out, toPixels, xy);
      }
    }
    return p;
  }

  /**
   * A ring's vertices in pixels, leaving out each that lies within {@link #MIN_STEP_PX} of the
   * last one kept: what the raster cannot show. The path then grows with the image, not with the
   * detail of the boundaries, so a whole country of full-detail kelurahan in one image costs a
   * pass over its vertices and a path of about its outlines' length in pixels.
   */
  private static void ring(Path2D.Double p, LineString ring, CoordinateTransform toCrs, double[] reach,
      ProjCoordinate in, ProjCoordinate out, AffineTransform toPixels, double[] xy) {
    CoordinateSequence cs = ring.getCoordinateSequence();
    int n = cs.size();
    double lastX = 0;
    double lastY = 0;
    // The last vertex projected (kept or not) and how far, in pixels, it lies from the last one
    // kept: a vertex near it is within the quarter pixel too if its own reach keeps it there.
    double anchorLon = 0;
    double anchorLat = 0;
    double offX = 0;
    double offY = 0;
    for (int i = 0; i < n; i++) {
      double lon = cs.getX(i);
      double lat = cs.getY(i);
      if (toCrs == null) {
        xy[0] = lon;
        xy[1] = lat;
      } else {
        if (reach != null && i > 0 && i < n - 1) {
          double dLon = Math.abs(lon - anchorLon);
          double dLat = Math.abs(lat - anchorLat);
          if (offX + reach[0] * dLon + reach[1] * dLat < MIN_STEP_PX
              && offY + reach[2] * dLon + reach[3] * dLat < MIN_STEP_PX) {
            continue;
          }
        }
        in.x = lon;
        in.y = lat;
        toCrs.transform(in, out);
        xy[0] = out.x;
        xy[1] = out.y;
        anchorLon = lon;
        anchorLat = lat;
      }
      toPixels.transform(xy, 0, xy, 0, 1);
      if (i == 0) {
        p.moveTo(xy[0], xy[1]);
      } else if (i == n - 1 || Math.abs(xy[0] - lastX) >= MIN_STEP_PX || Math.abs(xy[1] - lastY) >= MIN_STEP_PX) {
        p.lineTo(xy[0], xy[1]);
      } else {
        offX = Math.abs(xy[0] - lastX);
        offY = Math.abs(xy[1] - lastY);
        continue;
      }
      lastX = xy[0];
      lastY = xy[1];
      offX = 0;
      offY = 0;
    }
    if (n > 0) p.closePath();
  }

  /** The colour a WMS BGCOLOR names: {@code 0xRRGGBB}. */
  public static Color parseBackground(String text) {
    String s = text.trim();
    if (!s.matches("(?i)0x[0-9a-f]{6}")) {
      throw WmsException.invalid("BGCOLOR", "BGCOLOR must be 0xRRGGBB, e.g. 0xFFFFFF");
    }
    return new Color(Integer.parseInt(s.substring(2), 16));
  }

  static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer in this JDK");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
