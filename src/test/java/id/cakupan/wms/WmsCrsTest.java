package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Envelope;

/** Axis order per CRS as WMS 1.3.0 defines it, and BBOX parsing. */
class WmsCrsTest {

  @Test
  void epsg4326IsLatitudeFirst() {
    assertTrue(WmsCrs.EPSG_4326.northingFirst());
    Envelope e = WmsCrs.EPSG_4326.parseBbox("-6.19,106.68,-6.08,106.99");
    assertEquals(106.68, e.getMinX(), 0);
    assertEquals(106.99, e.getMaxX(), 0);
    assertEquals(-6.19, e.getMinY(), 0);
    assertEquals(-6.08, e.getMaxY(), 0);
    assertArrayEquals(new double[] {-6.19, 106.68, -6.08, 106.99}, WmsCrs.EPSG_4326.bboxValues(e));
  }

  @Test
  void crs84IsLongitudeFirst() {
    assertFalse(WmsCrs.CRS_84.northingFirst());
    Envelope e = WmsCrs.CRS_84.parseBbox("106.68,-6.19,106.99,-6.08");
    assertEquals(new Envelope(106.68, 106.99, -6.19, -6.08), e);
    assertArrayEquals(new double[] {106.68, -6.19, 106.99, -6.08}, WmsCrs.CRS_84.bboxValues(e));
  }

  @Test
  void projectedCrsAreEastingFirst() {
    Envelope utm = WmsCrs.EPSG_32748.parseBbox("690000,9320000,720000,9330000");
    assertEquals(new Envelope(690000, 720000, 9320000, 9330000), utm);
    Envelope mercator = WmsCrs.EPSG_3857.parseBbox("11875000,-690000,11910000,-675000");
    assertEquals(11875000, mercator.getMinX(), 0);
    assertEquals(-675000, mercator.getMaxY(), 0);
  }

  @Test
  void aLonLatBboxGivenToEpsg4326IsRefusedAsOutOfRange() {
    // The classic 1.1.1 habit: lon,lat under EPSG:4326. 106° is no latitude.
    WmsException e = assertThrows(WmsException.class, () -> WmsCrs.EPSG_4326.parseBbox("106.68,-6.19,106.99,-6.08"));
    assertEquals("BBOX", e.parameter());
    assertTrue(e.getMessage().contains("latitude, then longitude"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1,2,3", "1,2,3,4,5", "a,b,c,d", "1,2,NaN,4", "1,2,Infinity,4", "3,2,1,4", "1,4,3,2", "1,1,1,1", ""})
  void malformedBboxesNameTheParameter(String bbox) {
    WmsException e = assertThrows(WmsException.class, () -> WmsCrs.CRS_84.parseBbox(bbox));
    assertEquals("BBOX", e.parameter());
  }

  @Test
  void crsNamesAreCaseInsensitiveAndOthersAreInvalidCrs() {
    assertEquals(WmsCrs.EPSG_32748, WmsCrs.parse("epsg:32748"));
    assertEquals(WmsCrs.CRS_84, WmsCrs.parse("crs:84"));
    WmsException e = assertThrows(WmsException.class, () -> WmsCrs.parse("EPSG:2154"));
    assertEquals(WmsException.INVALID_CRS, e.code());
    assertEquals("CRS", e.parameter());
  }

  @Test
  void everyOfferedCrsIsKnownToProj4j() {
    for (WmsCrs crs : WmsCrs.values()) assertEquals(crs.geographic(), crs.crs().isWgs84LonLat(), crs.code());
  }
}
