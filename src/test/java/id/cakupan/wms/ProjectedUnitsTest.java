package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.proj4j.BasicCoordinateTransform;
import org.locationtech.proj4j.ProjCoordinate;

/** The capabilities' bounding boxes: a longitude/latitude extent carried into each CRS. */
class ProjectedUnitsTest {
  private static final Envelope JAKARTA_UTARA = new Envelope(106.68, 107.00, -6.20, -6.07);

  @Test
  void geographicExtentsAreTheLonLatEnvelope() {
    assertEquals(JAKARTA_UTARA, ProjectedUnits.extentIn(JAKARTA_UTARA, WmsCrs.EPSG_4326));
    assertEquals(JAKARTA_UTARA, ProjectedUnits.extentIn(JAKARTA_UTARA, WmsCrs.CRS_84));
  }

  @Test
  void projectedExtentsHoldEveryCornerAndHugThem() {
    for (WmsCrs crs : new WmsCrs[] {WmsCrs.EPSG_3857, WmsCrs.EPSG_32748}) {
      Envelope extent = ProjectedUnits.extentIn(JAKARTA_UTARA, crs);
      Envelope corners = new Envelope();
      BasicCoordinateTransform t = new BasicCoordinateTransform(WmsCrs.CRS_84.crs().proj4j(), crs.crs().proj4j());
      for (double lon : new double[] {JAKARTA_UTARA.getMinX(), JAKARTA_UTARA.getMaxX()}) {
        for (double lat : new double[] {JAKARTA_UTARA.getMinY(), JAKARTA_UTARA.getMaxY()}) {
          ProjCoordinate out = t.transform(new ProjCoordinate(lon, lat), new ProjCoordinate());
          corners.expandToInclude(out.x, out.y);
        }
      }
      assertTrue(extent.covers(corners), crs + " " + extent + " covers " + corners);
      // UTM bends the rectangle's edges a little; never by a kilometre at this size.
      assertEquals(corners.getMinX(), extent.getMinX(), 1000, crs.code());
      assertEquals(corners.getMaxY(), extent.getMaxY(), 1000, crs.code());
    }
  }

  @Test
  void mercatorOfJakartaUtaraIsWhereWebMapsPutIt() {
    Envelope m = ProjectedUnits.extentIn(JAKARTA_UTARA, WmsCrs.EPSG_3857);
    // x = R·λ, R = 6378137 m; y = R·ln(tan(π/4 + φ/2)).
    assertEquals(6378137 * Math.toRadians(106.68), m.getMinX(), 0.01);
    assertEquals(6378137 * Math.log(Math.tan(Math.PI / 4 + Math.toRadians(-6.20) / 2)), m.getMinY(), 0.01);
  }
}
