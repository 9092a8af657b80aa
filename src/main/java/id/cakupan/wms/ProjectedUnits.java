package id.cakupan.wms;

import id.cakupan.boundary.Reprojection;
import id.cakupan.map.Geography;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.impl.CoordinateArraySequence;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * The units of one level as one CRS sees them, ready to draw and to query: per atlas, only an
 * index of each unit's envelope in the CRS and its {@link #stretch} (about 180 bytes a unit,
 * whatever its detail); the vertices are projected while a request draws or queries the units it
 * touches, and dropped with it. A kept projected copy of a national level was hundreds of MB for
 * each level and CRS, which any client could ask for; what every level in every CRS keeps now is
 * about 50 MB.
 */
public final class ProjectedUnits implements UnitShapes {
  /** Step in degrees of the finite differences that estimate {@link #stretch}. */
  private static final double STEP_DEGREES = 1e-4;
  /** Margin on the sampled stretch: a projection's derivatives change far less than this across a unit. */
  private static final double STRETCH_MARGIN = 1.25;

  private final List<MapUnit> units;
  private final WmsCrs crs;
  private final STRtree index = new STRtree();
  /**
   * Per unit, four bounds on how far the CRS moves per degree over its envelope: |∂x/∂λ|, |∂x/∂φ|,
   * |∂y/∂λ|, |∂y/∂φ| (sampled, with a margin). Drawing passes over a vertex these put
   * within a quarter pixel of the last one drawn without projecting it: at a country's scale most
   * of them. Null for a geographic CRS.
   */
  private final double[] stretch;

  ProjectedUnits(Geography geography, Level level, WmsCrs crs) {
    this.units = geography.units(level);
    this.crs = crs;
    Sampler sampler = crs.geographic() ? null : new Sampler(crs.crs().transformFromWgs84());
    this.stretch = sampler == null ? null : new double[4 * units.size()];
    for (int i = 0; i < units.size(); i++) {
      // Both geographic CRS hold longitude in x inside the service: the stored geometry as it is.
      Geometry g = units.get(i).geometry();
      if (sampler == null) {
        index.insert(g.getEnvelopeInternal(), i);
      } else {
        index.insert(sampler.envelope(g), i);
        sampler.stretch(g.getEnvelopeInternal(), stretch, 4 * i);
      }
    }
    index.build(); // queries are thread-safe only on a built tree
  }

  /** Projects for the index, one unit after another, reusing its coordinates (it runs over every vertex). */
  private static final class Sampler {
    private final CoordinateTransform toCrs;
    private final ProjCoordinate in = new ProjCoordinate();
    private final ProjCoordinate plus = new ProjCoordinate();
    private final ProjCoordinate minus = new ProjCoordinate();
    private final double[] max = new double[4];

    Sampler(CoordinateTransform toCrs) {
      this.toCrs = toCrs;
    }

    /**
     * The envelope a projected copy of {@code g} would have, without the copy: a polygon's is its
     * shell's, so only shells are projected.
     */
    Envelope envelope(Geometry g) {
      Envelope e = new Envelope();
      for (int k = 0; k < g.getNumGeometries(); k++) {
        Geometry part = g.getGeometryN(k);
        CoordinateSequence cs = part instanceof Polygon p ? p.getExteriorRing().getCoordinateSequence()
            : new CoordinateArraySequence(part.getCoordinates());
        for (int i = 0; i < cs.size(); i++) {
          in.x = cs.getX(i);
          in.y = cs.getY(i);
          toCrs.transform(in, plus);
          e.expandToInclude(plus.x, plus.y);
        }
      }
      return e;
    }

    /**
     * Writes at {@code out[at..at+3]} the largest |∂x/∂λ|, |∂x/∂φ|, |∂y/∂λ|, |∂y/∂φ| (CRS units
     * per degree) at nine points of {@code lonLat} (corners, edge middles, centre), times
     * {@link #STRETCH_MARGIN}; infinite where the CRS cannot say (nothing is then passed over).
     */
    void stretch(Envelope lonLat, double[] out, int at) {
      Arrays.fill(max, 0);
      double h = STEP_DEGREES;
      try {
        for (int a = 0; a <= 2; a++) {
          for (int b = 0; b <= 2; b++) {
            double lon = lonLat.getMinX() + a * lonLat.getWidth() / 2;
            double lat = lonLat.getMinY() + b * lonLat.getHeight() / 2;
            for (int axis = 0; axis < 2; axis++) { // 0: along longitude, 1: along latitude
              in.x = lon + (axis == 0 ? h : 0);
              in.y = lat + (axis == 1 ? h : 0);
              toCrs.transform(in, plus);
              in.x = lon - (axis == 0 ? h : 0);
              in.y = lat - (axis == 1 ? h : 0);
              toCrs.transform(in, minus);
              max[axis] = Math.max(max[axis], Math.abs(plus.x - minus.x) / (2 * h));
              max[2 + axis] = Math.max(max[2 + axis], Math.abs(plus.y - minus.y) / (2 * h));
            }
          }
        }
      } catch (RuntimeException e) { // proj4j refuses points outside its domain (beyond a pole)
        Arrays.fill(max, Double.NaN);
      }
      for (int k = 0; k < 4; k++) {
        double v = max[k] * STRETCH_MARGIN;
        out[at + k] = Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
      }
    }
  }

  /**
   * The units of a level in a CRS, their index built once per geography: it depends on the
   * boundaries alone, so a coverage import keeps it (projecting every vertex again is seconds at
   * national scale).
   */
  public static ProjectedUnits of(Layers.Snapshot snapshot, Level level, WmsCrs crs) {
    // Keys are fixed (levels × offered CRS), never from a request's free text.
    String space = crs.geographic() ? "lon-lat" : crs.code();
    return snapshot.atlas().geography().derived("wms-projected|" + level + "|" + space,
        geography -> new ProjectedUnits(geography, level, crs));
  }

  @Override
  public List<MapUnit> units() {
    return units;
  }

  /** One unit projected into the CRS (a fresh copy; the stored geometry for a geographic CRS). */
  @Override
  public Geometry geometry(int i) {
    Geometry g = units.get(i).geometry();
    return crs.geographic() ? g : Reprojection.fromWgs84(g, crs.crs());
  }

  @Override
  public Path2D.Double[] pixelPaths(int[] positions, AffineTransform toPixels) {
    // One transform for the whole request: proj4j's keep state, so none is shared between threads.
    CoordinateTransform toCrs = crs.geographic() ? null : crs.crs().transformFromWgs84();
    Path2D.Double[] paths = new Path2D.Double[positions.length];
    // Pixels per degree, at most, for the unit at hand: its stretch times the window's scale.
    double[] reach = toCrs == null ? null : new double[4];
    double sx = Math.abs(toPixels.getScaleX());
    double sy = Math.abs(toPixels.getScaleY());
    for (int k = 0; k < positions.length; k++) {
      int i = positions[k];
      if (reach != null) {
        reach[0] = sx * stretch[4 * i];
        reach[1] = sx * stretch[4 * i + 1];
        reach[2] = sy * stretch[4 * i + 2];
        reach[3] = sy * stretch[4 * i + 3];
      }
      paths[k] = MapImage.pixelPath(units.get(i).geometry(), toCrs, reach, toPixels);
    }
    return paths;
  }

  /**
   * The extent in {@code crs} of a longitude/latitude envelope, from points along its edges: a
   * projection maps the rectangle's outline onto the outline of its image, so the capabilities
   * need no unit projected to state every CRS's bounding box.
   */
  public static Envelope extentIn(Envelope lonLat, WmsCrs crs) {
    if (crs.geographic()) return new Envelope(lonLat);
    int steps = 64;
    List<Coordinate> edge = new ArrayList<>(4 * steps);
    for (int k = 0; k < steps; k++) {
      double t = (double) k / steps;
      double x = lonLat.getMinX() + t * lonLat.getWidth();
      double y = lonLat.getMinY() + t * lonLat.getHeight();
      edge.add(new Coordinate(x, lonLat.getMinY()));
      edge.add(new Coordinate(lonLat.getMaxX(), y));
      edge.add(new Coordinate(lonLat.getMaxX() - t * lonLat.getWidth(), lonLat.getMaxY()));
      edge.add(new Coordinate(lonLat.getMinX(), lonLat.getMaxY() - t * lonLat.getHeight()));
    }
    Geometry outline = new org.locationtech.jts.geom.GeometryFactory().createMultiPointFromCoords(
        edge.toArray(new Coordinate[0]));
    return Reprojection.fromWgs84(outline, crs.crs()).getEnvelopeInternal();
  }

  /** Positions of the units whose envelope meets {@code window}, in ascending order. */
  @Override
  public int[] within(Envelope window) {
    @SuppressWarnings("unchecked")
    List<Integer> hits = index.query(window);
    return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Positions of the units covering a CRS position (on a shared edge, both), ascending. */
  public List<Integer> at(Coordinate c) {
    List<Integer> out = new ArrayList<>();
    for (int i : within(new Envelope(c))) {
      // One point per unit: an indexed locator would index every segment only to answer it.
      if (SimplePointInAreaLocator.locate(c, geometry(i)) != Location.EXTERIOR) out.add(i);
    }
    return out;
  }
}
