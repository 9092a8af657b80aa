package id.cakupan.map;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.coverage.CoverageSimplifier;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * The polygons of one level drawn at one zoom: simplified together as a polygonal coverage, so a
 * border two units share is simplified once and both keep the same vertices (no gaps, no
 * overlaps), then rounded to the decimals the zoom needs (or the few more that keep it a valid
 * coverage). Rounding is pointwise, so a shared vertex rounds the same in both neighbours.
 */
public final class SimplifiedCoverage {
  private final MapZoom zoom;
  private final Map<String, Geometry> geometry;
  private final Map<String, String> json;
  private final long bytes;

  private SimplifiedCoverage(MapZoom zoom, Map<String, Geometry> geometry, Map<String, String> json) {
    this.zoom = zoom;
    this.geometry = geometry;
    this.json = json;
    long sum = 0;
    for (String s : json.values()) sum += s.length() + 64L;
    for (Geometry g : geometry.values()) sum += 40L * g.getNumPoints() + 200;
    this.bytes = sum;
  }

  /**
   * The units' geometry at {@code zoom}. A level whose polygons do not form a clean coverage (the
   * simplifier refuses it) is served as stored: a map with too many vertices beats one with gaps.
   */
  public static SimplifiedCoverage of(List<MapUnit> units, MapZoom zoom) {
    Geometry[] source = new Geometry[units.size()];
    for (int i = 0; i < source.length; i++) source[i] = units.get(i).geometry();
    Geometry[] rounded = zoom.fullDetail() ? source : simplified(source, zoom);
    Map<String, Geometry> geometry = new LinkedHashMap<>();
    Map<String, String> json = new LinkedHashMap<>();
    for (int i = 0; i < source.length; i++) {
      String code = units.get(i).code();
      geometry.put(code, rounded[i]);
      json.put(code, zoom.fullDetail() ? units.get(i).geometryJson() : GeoJsonGeometryWriter.toJson(rounded[i]));
    }
    return new SimplifiedCoverage(zoom, geometry, json);
  }

  /**
   * The coverage simplified with half a pixel of tolerance and rounded; a polygon that moved more
   * than a pixel is simplified again with half its tolerance (its borders with it), until none
   * does. The simplifier's tolerance bounds the area of what it cuts off (Visvalingam–Whyatt),
   * not the distance, so a long thin cut can go further than the tolerance.
   */
  private static Geometry[] simplified(Geometry[] source, MapZoom zoom) {
    double[] tolerances = new double[source.length];
    Arrays.fill(tolerances, zoom.toleranceDegrees());
    for (int attempt = 0; attempt < 8; attempt++) {
      Geometry[] out;
      try {
        out = rounded(CoverageSimplifier.simplify(source, tolerances), zoom.decimals());
      } catch (RuntimeException notACoverage) {
        break;
      }
      boolean within = true;
      for (int i = 0; i < source.length; i++) {
        if (!withinPixel(source[i], out[i], zoom.pixelDegrees())) {
          tolerances[i] /= 2;
          within = false;
        }
      }
      if (within) return out;
    }
    return source;
  }

  /** Whether the outline of {@code moved} lies within a pixel of its source's, and the other way round. */
  static boolean withinPixel(Geometry source, Geometry moved, double pixel) {
    // Sampled every quarter pixel, the distance is off by an eighth at most: keep that margin.
    double step = pixel / 4;
    return outlineDistance(source, moved, step) <= pixel - step / 2;
  }

  /**
   * The Hausdorff distance between two outlines, sampled every {@code step} along each and measured
   * to the other's segments through an index: the brute-force measure costs vertices times
   * vertices, minutes for DKI's detailed boundaries.
   */
  static double outlineDistance(Geometry a, Geometry b, double step) {
    return Math.max(directedDistance(a, b, step), directedDistance(b, a, step));
  }

  private static double directedDistance(Geometry from, Geometry to, double step) {
    IndexedFacetDistance target = new IndexedFacetDistance(to.getBoundary());
    GeometryFactory factory = from.getFactory();
    double most = 0;
    for (Coordinate c : Densifier.densify(from.getBoundary(), step).getCoordinates()) {
      most = Math.max(most, target.distance(factory.createPoint(c)));
    }
    return most;
  }

  /**
   * The coverage rounded pointwise to the fewest decimals, from {@code decimals} up to 6, that keep
   * every polygon valid and the whole a valid coverage: rounding moves a vertex that lies close to
   * a neighbour's edge across it now and then, and one more decimal is cheaper than a sliver.
   */
  private static Geometry[] rounded(Geometry[] coverage, int decimals) {
    for (int d = decimals; d <= 6; d++) {
      PrecisionModel grid = new PrecisionModel(Math.pow(10, d));
      Geometry[] out = new Geometry[coverage.length];
      boolean valid = true;
      for (int i = 0; i < coverage.length && valid; i++) {
        out[i] = GeometryPrecisionReducer.reducePointwise(coverage[i], grid);
        valid = out[i].isValid();
      }
      if (valid && CoverageValidator.isValid(out)) return out;
    }
    return coverage; // as valid as the source; the writer rounds it to 6 decimals as every layer
  }

  public MapZoom zoom() {
    return zoom;
  }

  /** The simplified, rounded geometry of a unit, as written; null for a unit not of this level. */
  public Geometry geometry(String code) {
    return geometry.get(code);
  }

  /** {@link #geometry} as RFC 7946 JSON. */
  public String json(String code) {
    return json.get(code);
  }

  /** An estimate of the heap this holds. */
  public long bytes() {
    return bytes;
  }
}
