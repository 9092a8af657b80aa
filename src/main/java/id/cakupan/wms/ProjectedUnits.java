package id.cakupan.wms;

import id.cakupan.boundary.Reprojection;
import id.cakupan.map.Atlas;
import id.cakupan.map.Depends;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The units of one level projected into one CRS once per atlas, ready to draw and to query (an
 * index of envelopes, point-in-polygon locators), in the order of
 * {@code Geography.units(level)}. Projecting per request would redo the same proj4j work for every
 * image; kept per atlas it is dropped with the atlas.
 */
public final class ProjectedUnits {
  private final List<MapUnit> units;
  private final Geometry[] geometry;
  private final IndexedPointInAreaLocator[] locators;
  private final STRtree index = new STRtree();

  ProjectedUnits(Atlas atlas, Level level, WmsCrs crs) {
    this.units = atlas.geography().units(level);
    int n = units.size();
    this.geometry = new Geometry[n];
    this.locators = new IndexedPointInAreaLocator[n];
    for (int i = 0; i < n; i++) {
      // Both geographic CRS hold longitude in x inside the service: the stored geometry as it is.
      Geometry g = crs.geographic() ? units.get(i).geometry() : Reprojection.fromWgs84(units.get(i).geometry(), crs.crs());
      geometry[i] = g;
      locators[i] = new IndexedPointInAreaLocator(g);
      index.insert(g.getEnvelopeInternal(), i);
    }
    index.build(); // queries are thread-safe only on a built tree
  }

  /** The projected units of a level in a CRS, built once per atlas. */
  public static ProjectedUnits of(Layers.Snapshot snapshot, Level level, WmsCrs crs) {
    // Keys are fixed (levels × offered CRS), never from a request's free text.
    String space = crs.geographic() ? "lon-lat" : crs.code();
    return snapshot.derived(Depends.COVERAGE, "wms-projected|" + level + "|" + space,
        atlas -> new ProjectedUnits(atlas, level, crs));
  }

  public List<MapUnit> units() {
    return units;
  }

  public Geometry geometry(int i) {
    return geometry[i];
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
  public int[] within(Envelope window) {
    @SuppressWarnings("unchecked")
    List<Integer> hits = index.query(window);
    return hits.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** Positions of the units covering a CRS position (on a shared edge, both), ascending. */
  public List<Integer> at(Coordinate c) {
    List<Integer> out = new ArrayList<>();
    for (int i : within(new Envelope(c))) {
      if (locators[i].locate(c) != Location.EXTERIOR) out.add(i);
    }
    return out;
  }
}
