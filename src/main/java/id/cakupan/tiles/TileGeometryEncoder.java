package id.cakupan.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Turns lon/lat polygons into the geometry commands of one vector tile: projected to Web
 * Mercator tile coordinates, clipped to the tile plus a buffer, simplified with Douglas-Peucker
 * at a tolerance in tile units (so detail follows the zoom), snapped to the integer grid, and
 * oriented as vector-tile-spec 2.1 §4.3.4.4 asks (exterior rings positive area with y down,
 * holes negative).
 *
 * <p>Rings are clipped one by one against the buffered square (Sutherland-Hodgman), as
 * renderers expect of tiled polygons: a concave ring may come out with edges running along the
 * buffer's border, which lies outside the visible tile. Neighbouring polygons are simplified
 * independently; their shared borders can then differ by at most the tolerance, a fraction of
 * a pixel.
 */
public final class TileGeometryEncoder {
  private static final int MOVE_TO = 1;
  private static final int LINE_TO = 2;
  private static final int CLOSE_PATH = 7;

  private final TileAddress tile;
  private final int extent;
  private final double min;
  private final double max;
  private final double tolerance;
  private final double scale;
  /** The buffered tile in lon/lat, a hair wider than {@link #lonLatEnvelope} against rounding. */
  private final Envelope window;

  /**
   * @param extent tile units across the tile (4096 is customary)
   * @param buffer tile units kept beyond each edge, so that strokes do not stop at tile seams
   * @param tolerance Douglas-Peucker tolerance in tile units; 0 keeps every vertex
   */
  public TileGeometryEncoder(TileAddress tile, int extent, int buffer, double tolerance) {
    this.tile = tile;
    this.extent = extent;
    this.min = -buffer;
    this.max = extent + buffer;
    this.tolerance = tolerance;
    this.scale = (double) tile.tiles() * extent;
    this.window = lonLatEnvelope();
    window.expandBy(1e-7);
  }

  /** The lon/lat envelope that holds the tile and its buffer. */
  public Envelope lonLatEnvelope() {
    return WebMercator.lonLatEnvelope(tile, (max - extent) / extent);
  }

  /**
   * The commands of a Polygon, MultiPolygon or collection of them; an empty array when nothing
   * of it is left in the tile at this zoom.
   */
  public int[] encode(Geometry polygonal) {
    Commands out = new Commands();
    addPolygons(polygonal, out);
    return out.toArray();
  }

  private void addPolygons(Geometry g, Commands out) {
    if (g == null || g.isEmpty()) return;
    if (g instanceof Polygon p) {
      // A part wholly outside the tile is not projected: a provinsi of many islands would
      // otherwise have every vertex of every island projected for each of its tiles.
      if (p.getEnvelopeInternal().intersects(window)) addPolygon(p, out);
    } else if (g instanceof GeometryCollection c) {
      for (int i = 0; i < c.getNumGeometries(); i++) addPolygons(c.getGeometryN(i), out);
    } else {
      throw new IllegalArgumentException("only polygons can be tiled here, not " + g.getGeometryType());
    }
  }

  private void addPolygon(Polygon p, Commands out) {
    int[] shell = ring(p.getExteriorRing(), true);
    if (shell == null) return; // the part lies outside the tile or is smaller than a tile unit
    out.ring(shell);
    for (int h = 0; h < p.getNumInteriorRing(); h++) {
      int[] hole = ring(p.getInteriorRingN(h), false);
      if (hole != null) out.ring(hole);
    }
  }

  /** The ring in integer tile coordinates x0,y0,x1,y1,… without the closing repeat, or null. */
  int[] ring(LinearRing ring, boolean exterior) {
    double[] xy = project(ring.getCoordinateSequence());
    return xy == null ? null : finish(xy, exterior);
  }

  /**
   * The commands of polygons already projected to world coordinates ({@link #generalise}), each
   * polygon its shell followed by its holes; an empty array when nothing is left in the tile.
   */
  public int[] encodeWorld(double[][][] polygons) {
    Commands out = new Commands();
    for (double[][] polygon : polygons) {
      int[] shell = worldRing(polygon[0], true);
      if (shell == null) continue;
      out.ring(shell);
      for (int h = 1; h < polygon.length; h++) {
        int[] hole = worldRing(polygon[h], false);
        if (hole != null) out.ring(hole);
      }
    }
    return out.toArray();
  }

  /**
   * A polygonal geometry in world coordinates, simplified once with a tolerance in world units:
   * the shared starting point of every low-zoom tile, so that those do not redo the full
   * projection and simplification of every vertex. A ring the tolerance would collapse is kept
   * whole (it is small, so cheap).
   */
  public static double[][][] generalise(Geometry polygonal, double worldTolerance) {
    return generalise(polygonal, new double[] {worldTolerance})[0];
  }

  /**
   * The same for several tolerances, finest first: each vertex is projected once, and each copy
   * is simplified from the one before (the finer copy is within its own tolerance of the source,
   * a fraction of the coarser one, and has far fewer vertices to look at).
   *
   * @return per tolerance, the polygons (each its shell, then its holes)
   */
  public static double[][][][] generalise(Geometry polygonal, double[] worldTolerances) {
    List<double[][][]> out = new ArrayList<>();
    for (int i = 0; i < polygonal.getNumGeometries(); i++) {
      Geometry part = polygonal.getGeometryN(i);
      if (!(part instanceof Polygon p) || p.isEmpty()) continue;
      double[][][] rings = new double[worldTolerances.length][1 + p.getNumInteriorRing()][];
      for (int r = 0; r < rings[0].length; r++) {
        CoordinateSequence seq = (r == 0 ? p.getExteriorRing() : p.getInteriorRingN(r - 1)).getCoordinateSequence();
        double[] world = new double[2 * seq.size()];
        for (int k = 0; k < seq.size(); k++) {
          world[2 * k] = WebMercator.x(seq.getX(k));
          world[2 * k + 1] = WebMercator.y(seq.getY(k));
        }
        double[] previous = world;
        for (int t = 0; t < worldTolerances.length; t++) {
          double[] simple = RingSimplifier.simplify(previous, worldTolerances[t]);
          rings[t][r] = simple.length >= 10 ? simple : previous; // at least 4 distinct points, or keep it as it was
          previous = rings[t][r];
        }
      }
      out.add(rings);
    }
    double[][][][] byTolerance = new double[worldTolerances.length][out.size()][][];
    for (int i = 0; i < out.size(); i++) {
      for (int t = 0; t < worldTolerances.length; t++) byTolerance[t][i] = out.get(i)[t];
    }
    return byTolerance;
  }

  private int[] worldRing(double[] world, boolean exterior) {
    double[] xy = new double[world.length];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double ox = (double) tile.x() * extent;
    double oy = (double) tile.y() * extent;
    for (int i = 0; i < world.length; i += 2) {
      double x = world[i] * scale - ox;
      double y = world[i + 1] * scale - oy;
      xy[i] = x;
      xy[i + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (maxX < min || minX > max || maxY < min || minY > max) return null;
    return finish(xy, exterior);
  }

  /** Clips, simplifies, snaps and orients a ring in tile coordinates; null when nothing is left. */
  private int[] finish(double[] xy, boolean exterior) {
    xy = RingClipper.clip(xy, min, max);
    if (xy == null) return null;
    if (tolerance > 0) xy = RingSimplifier.simplify(xy, tolerance);
    int[] snapped = snap(xy);
    if (snapped == null) return null;
    long area2 = area2(snapped);
    if (area2 == 0) return null;
    if ((area2 > 0) != exterior) reverse(snapped);
    return snapped;
  }

  /** Closed ring in tile coordinates (doubles), or null when its envelope misses the buffered tile. */
  private double[] project(CoordinateSequence seq) {
    int n = seq.size();
    double[] xy = new double[2 * n];
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double x = WebMercator.x(seq.getX(i)) * scale - (double) tile.x() * extent;
      double y = WebMercator.y(seq.getY(i)) * scale - (double) tile.y() * extent;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    if (maxX < min || minX > max || maxY < min || minY > max) return null;
    return xy;
  }

  /** Rounds to the grid and drops repeated points and the closing point; null with fewer than 3 left. */
  private static int[] snap(double[] xy) {
    int n = xy.length / 2;
    int[] out = new int[xy.length];
    int len = 0;
    for (int i = 0; i < n; i++) {
      int x = (int) Math.round(xy[2 * i]);
      int y = (int) Math.round(xy[2 * i + 1]);
      if (len > 0 && out[len - 2] == x && out[len - 1] == y) continue;
      out[len++] = x;
      out[len++] = y;
    }
    while (len >= 4 && out[0] == out[len - 2] && out[1] == out[len - 1]) len -= 2;
    return len < 6 ? null : Arrays.copyOf(out, len);
  }

  /** The commands of rings already in tile coordinates (each x0,y0,x1,y1,… without the closing point). */
  static int[] commands(int[]... rings) {
    Commands out = new Commands();
    for (int[] ring : rings) out.ring(ring);
    return out.toArray();
  }

  /** Twice the signed area by the surveyor's formula; positive is clockwise on screen (y down). */
  static long area2(int[] xy) {
    long sum = 0;
    int n = xy.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      sum += (long) xy[2 * i] * xy[2 * j + 1] - (long) xy[2 * j] * xy[2 * i + 1];
    }
    return sum;
  }

  private static void reverse(int[] xy) {
    for (int i = 0, j = xy.length - 2; i < j; i += 2, j -= 2) {
      int x = xy[i];
      int y = xy[i + 1];
      xy[i] = xy[j];
      xy[i + 1] = xy[j + 1];
      xy[j] = x;
      xy[j + 1] = y;
    }
  }

  /** The command stream of one feature; the cursor carries on from ring to ring. */
  private static final class Commands {
    private int[] buf = new int[64];
    private int size;
    private int cx;
    private int cy;

    void ring(int[] xy) {
      int n = xy.length / 2;
      ensure(2 * n + 3);
      buf[size++] = command(MOVE_TO, 1);
      point(xy[0], xy[1]);
      buf[size++] = command(LINE_TO, n - 1);
      for (int i = 1; i < n; i++) point(xy[2 * i], xy[2 * i + 1]);
      buf[size++] = command(CLOSE_PATH, 1);
    }

    private void point(int x, int y) {
      buf[size++] = ProtobufWriter.zigzag(x - cx);
      buf[size++] = ProtobufWriter.zigzag(y - cy);
      cx = x;
      cy = y;
    }

    private static int command(int id, int count) {
      return (id & 0x7) | (count << 3);
    }

    private void ensure(int extra) {
      if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(2 * buf.length, size + extra));
    }

    int[] toArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
