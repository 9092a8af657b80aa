package id.cakupan.wms;

import id.cakupan.boundary.Reprojection;
import id.cakupan.map.Atlas;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The units of one level projected into one CRS once per atlas, ready to draw (Java2D paths) and
 * to query (an index of envelopes, point-in-polygon locators), in the order of
 * {@code Geography.units(level)}. Projecting per request would redo the same proj4j work for every
 * image; kept per atlas it is dropped with the atlas.
 */
public final class ProjectedUnits {
  private final List<MapUnit> units;
  private final Geometry[] geometry;
  private final Path2D.Double[] paths;
  private final IndexedPointInAreaLocator[] locators;
  private final STRtree index = new STRtree();
  private final Envelope extent = new Envelope();

  ProjectedUnits(Atlas atlas, Level level, WmsCrs crs) {
    this.units = atlas.geography().units(level);
    int n = units.size();
    this.geometry = new Geometry[n];
    this.paths = new Path2D.Double[n];
    this.locators = new IndexedPointInAreaLocator[n];
    for (int i = 0; i < n; i++) {
      Geometry g = Reprojection.fromWgs84(units.get(i).geometry(), crs.crs());
      geometry[i] = g;
      paths[i] = path(g);
      locators[i] = new IndexedPointInAreaLocator(g);
      index.insert(g.getEnvelopeInternal(), i);
      extent.expandToInclude(g.getEnvelopeInternal());
    }
    index.build(); // queries are thread-safe only on a built tree
  }

  /** The projected units of a level in a CRS, built once per atlas. */
  public static ProjectedUnits of(id.cakupan.map.Layers.Snapshot snapshot, Level level, WmsCrs crs) {
    // Keys are fixed (levels × offered CRS), never from a request's free text.
    return snapshot.derived("wms-projected|" + level + "|" + crs, atlas -> new ProjectedUnits(atlas, level, crs));
  }

  public List<MapUnit> units() {
    return units;
  }

  public Path2D.Double path(int i) {
    return paths[i];
  }

  public Geometry geometry(int i) {
    return geometry[i];
  }

  /** The envelope of every unit, in the CRS. */
  public Envelope extent() {
    return new Envelope(extent);
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

  private static Path2D.Double path(Geometry g) {
    Path2D.Double p = new Path2D.Double(Path2D.WIND_EVEN_ODD);
    for (int k = 0; k < g.getNumGeometries(); k++) {
      if (!(g.getGeometryN(k) instanceof Polygon polygon)) continue;
      ring(p, polygon.getExteriorRing());
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) ring(p, polygon.getInteriorRingN(h));
    }
    return p;
  }

  private static void ring(Path2D.Double p, LineString ring) {
    Coordinate[] cs = ring.getCoordinates();
    if (cs.length == 0) return;
    p.moveTo(cs[0].x, cs[0].y);
    for (int i = 1; i < cs.length; i++) p.lineTo(cs[i].x, cs[i].y);
    p.closePath();
  }
}
