package id.cakupan.boundary;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** Areas of WGS 84 geometries in square kilometres. */
public final class Areas {

    private Areas() {
    }

    /**
     * The area of a WGS 84 lon/lat geometry, measured in the WGS 84 UTM zone of its centroid.
     * Degrees are never used as a unit of area: a square degree shrinks away from the equator.
     */
    public static double areaKm2(Geometry wgs84) {
        if (wgs84 == null || wgs84.isEmpty()) {
            return 0.0;
        }
        Point centroid = wgs84.getCentroid();
        Crs utm = Crs.utmZoneOf(centroid.getX(), centroid.getY());
        return Reprojection.fromWgs84(wgs84, utm).getArea() / 1e6;
    }
}
