package id.cakupan.boundary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Stand-in kelurahan polygons for when no boundary file is given: a Voronoi diagram of the
 * gazetteer's interior points, clipped to the union of discs around them. They show where each
 * kelurahan lies and who its neighbours are, not where its border runs, so the service marks
 * them schematic everywhere.
 */
public final class SchematicBoundaries {
  /** Radius of the disc around each point that bounds the outer cells, in metres. */
  private static final double REACH_M = 2200;
  private static final double METRES_PER_DEGREE = 111_320;
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private SchematicBoundaries() {}

  public static BoundarySet generate(Gazetteer gazetteer) {
    List<GazetteerEntry> entries = new ArrayList<>();
    for (GazetteerEntry e : gazetteer.entries()) {
      if (e.lon() == null || e.lat() == null) {
        throw new IllegalArgumentException("gazetteer " + gazetteer.source() + " has no lon/lat for "
            + e.code() + "; schematic boundaries need them. Pass --boundaries FILE instead.");
      }
      entries.add(e);
    }
    double lat0 = entries.stream().mapToDouble(GazetteerEntry::lat).average().orElse(0);
    // Work in a local equirectangular plane so that distances are roughly isotropic metres.
    double kx = METRES_PER_DEGREE * Math.cos(Math.toRadians(lat0));
    double ky = METRES_PER_DEGREE;

    Map<Coordinate, GazetteerEntry> bySite = new HashMap<>();
    Coordinate[] sites = new Coordinate[entries.size()];
    for (int i = 0; i < entries.size(); i++) {
      GazetteerEntry e = entries.get(i);
      sites[i] = new Coordinate(e.lon() * kx, e.lat() * ky);
      bySite.put(sites[i], e);
    }
    MultiPoint points = FACTORY.createMultiPointFromCoords(sites);
    List<Geometry> discs = new ArrayList<>();
    for (Coordinate c : sites) discs.add(FACTORY.createPoint(c).buffer(REACH_M, 16));
    Geometry hull = UnaryUnionOp.union(discs);

    VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
    builder.setSites(points);
    Envelope clip = new Envelope(hull.getEnvelopeInternal());
    clip.expandBy(REACH_M);
    builder.setClipEnvelope(clip);
    Geometry cells = builder.getDiagram(FACTORY);

    List<Kelurahan> kelurahan = new ArrayList<>();
    for (int i = 0; i < cells.getNumGeometries(); i++) {
      Geometry cell = cells.getGeometryN(i);
      GazetteerEntry e = bySite.get((Coordinate) cell.getUserData());
      Geometry clipped = GeometryFixer.fix(cell.intersection(hull));
      Geometry lonLat = toLonLat(clipped, kx, ky);
      kelurahan.add(new Kelurahan(e.code(), e.bpsCode(), e.name(), e.kecamatan(), e.kota(),
          GeometryCleaner.clean(lonLat),
          // The cell's own area means nothing; the official area keeps density meaningful.
          e.areaKm2() != null ? e.areaKm2() : Areas.areaKm2(lonLat)));
    }
    kelurahan.sort((a, b) -> a.code().compareTo(b.code()));
    return new BoundarySet("schematic (Voronoi of " + gazetteer.source() + " points)", true, kelurahan, List.of());
  }

  private static Geometry toLonLat(Geometry g, double kx, double ky) {
    Geometry copy = g.copy();
    copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
      c.x = c.x / kx;
      c.y = c.y / ky;
    });
    copy.geometryChanged();
    return copy;
  }
}
