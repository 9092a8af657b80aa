package id.cakupan.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

/**
 * Queen contiguity from polygon boundaries: two units are neighbours when their boundaries share
 * at least one point, an edge or a single vertex.
 *
 * <p>Real boundary files are not a perfect coverage. Units digitised separately leave slivers and
 * near misses, and where three or four kelurahan meet the corners rarely coincide to the last
 * digit, so "shares a point" is tested as "overlaps, or comes within a tolerance of" the other
 * boundary. The tolerance is given in metres on the ground and turned into degrees per unit at
 * its own latitude: a degree of longitude shrinks with cos(latitude) (about 110.7 km at
 * Jakarta's 6° S, 96 km at 30°), and dividing by the longitude scale gives the larger of the two
 * degree distances, so no pair within the tolerance on the ground is missed.
 *
 * <p>An STR-tree of the envelopes (grown by the tolerance) picks candidate pairs; each candidate
 * is tested once with a prepared intersection, then with an indexed facet distance.
 */
public final class QueenContiguity {
  /**
   * 5 m, chosen on the BPS 2020 kelurahan of DKI Jakarta: kelurahan that do not intersect but come
   * within 0.2–2.9 m of each other do so at seven junctions of three or four kelurahan (corners
   * that almost meet, e.g. Gunung / Senayan at 0.4 m), and the next closest pairs are 7.2 m and
   * more apart (e.g. Sunter Jaya / Papanggo at 7.9 m, across the corner of Sunter Agung and Sungai
   * Bambu). 5 m lies in that gap; it is far below a street block, so units facing each other across
   * a road or river do not become neighbours. In Jakarta Utara no such near miss exists: the graph
   * equals the exact one.
   */
  public static final double DEFAULT_TOLERANCE_METRES = 5.0;

  /** Metres per degree of latitude, and of longitude at the equator (WGS 84, rounded). */
  private static final double METRES_PER_DEGREE = 111_320.0;

  private QueenContiguity() {}

  /** Neighbours with the default tolerance. */
  public static Contiguity of(Map<String, ? extends Geometry> units) {
    return of(units, DEFAULT_TOLERANCE_METRES);
  }

  /**
   * @param units code → polygon in WGS 84 lon/lat, in the order results are listed
   * @param toleranceMetres how far apart two boundaries may be and still count as touching; 0 for exact topology
   */
  public static Contiguity of(Map<String, ? extends Geometry> units, double toleranceMetres) {
    if (!(toleranceMetres >= 0) || Double.isInfinite(toleranceMetres)) {
      throw new IllegalArgumentException("tolerance must be a finite number of metres >= 0, got " + toleranceMetres);
    }
    List<String> codes = new ArrayList<>(units.keySet());
    int n = codes.size();
    Geometry[] geometries = new Geometry[n];
    double[] tolerance = new double[n];
    STRtree index = new STRtree();
    for (int i = 0; i < n; i++) {
      Geometry g = units.get(codes.get(i));
      geometries[i] = g;
      tolerance[i] = degrees(toleranceMetres, g.getEnvelopeInternal());
      Envelope grown = new Envelope(g.getEnvelopeInternal());
      grown.expandBy(tolerance[i]);
      index.insert(grown, i);
    }
    index.build();
    PreparedGeometry[] prepared = new PreparedGeometry[n];
    IndexedFacetDistance[] facets = new IndexedFacetDistance[n];
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Geometry gi = geometries[i];
      if (gi.isEmpty()) continue;
      Envelope search = new Envelope(gi.getEnvelopeInternal());
      search.expandBy(tolerance[i]);
      for (Object o : index.query(search)) {
        int j = (Integer) o;
        if (j <= i || geometries[j].isEmpty()) continue; // each pair once
        if (prepared[i] == null) prepared[i] = PreparedGeometryFactory.prepare(gi);
        if (prepared[i].intersects(geometries[j]) || within(i, j, geometries, facets, Math.max(tolerance[i], tolerance[j]))) {
          pairs.add(new String[] {codes.get(i), codes.get(j)});
        }
      }
    }
    return Contiguity.of(codes, pairs);
  }

  private static boolean within(int i, int j, Geometry[] geometries, IndexedFacetDistance[] facets, double distance) {
    if (distance == 0) return false;
    if (facets[i] == null) facets[i] = new IndexedFacetDistance(geometries[i]);
    return facets[i].isWithinDistance(geometries[j], distance);
  }

  /** Metres on the ground as degrees at the envelope's widest latitude (where a degree of longitude is shortest). */
  static double degrees(double metres, Envelope lonLat) {
    double lat = Math.min(89.0, Math.max(Math.abs(lonLat.getMinY()), Math.abs(lonLat.getMaxY())));
    return metres / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
  }
}
