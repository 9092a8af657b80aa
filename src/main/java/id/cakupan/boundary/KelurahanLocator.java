package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Finds the kelurahan that covers a lon/lat point: an STR-tree on the bounding boxes narrows the
 * candidates, prepared geometries answer the exact test. A point on a shared border goes to the
 * lowest code, so every point is counted once.
 */
public final class KelurahanLocator {
  private static final GeometryFactory FACTORY = new GeometryFactory();
  private final STRtree index = new STRtree();

  private record Candidate(KelurahanCode code, PreparedGeometry geometry) {}

  public KelurahanLocator(List<Kelurahan> kelurahan) {
    for (Kelurahan k : kelurahan) {
      index.insert(k.geometry().getEnvelopeInternal(), new Candidate(k.code(), PreparedGeometryFactory.prepare(k.geometry())));
    }
    index.build();
  }

  /** The covering kelurahan, or null when the point lies outside every one. */
  public KelurahanCode locate(double lon, double lat) {
    Point p = FACTORY.createPoint(new Coordinate(lon, lat));
    KelurahanCode best = null;
    for (Object o : index.query(new Envelope(lon, lon, lat, lat))) {
      Candidate c = (Candidate) o;
      if (c.geometry().covers(p) && (best == null || c.code().compareTo(best) < 0)) best = c.code();
    }
    return best;
  }
}
