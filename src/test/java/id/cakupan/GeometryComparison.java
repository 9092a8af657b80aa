package id.cakupan;

import id.cakupan.boundary.Crs;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/** Distances between lon/lat geometries in metres, measured in WGS 84 / UTM 48S (Jakarta's zone). */
public final class GeometryComparison {
  private static final Crs UTM_48S = Crs.epsg(32748);

  private GeometryComparison() {}

  /** The Hausdorff distance in metres (densified, so long straight edges count too). */
  public static double hausdorffMetres(Geometry a, Geometry b) {
    return DiscreteHausdorffDistance.distance(utm(a), utm(b), 0.25);
  }

  public static Geometry utm(Geometry lonLat) {
    Geometry copy = lonLat.copy();
    CoordinateTransform t = UTM_48S.transformFromWgs84();
    copy.apply(new CoordinateSequenceFilter() {
      @Override
      public void filter(CoordinateSequence seq, int i) {
        ProjCoordinate out = t.transform(new ProjCoordinate(seq.getX(i), seq.getY(i)), new ProjCoordinate());
        seq.setOrdinate(i, 0, out.x);
        seq.setOrdinate(i, 1, out.y);
      }

      @Override
      public boolean isDone() {
        return false;
      }

      @Override
      public boolean isGeometryChanged() {
        return true;
      }
    });
    return copy;
  }
}
