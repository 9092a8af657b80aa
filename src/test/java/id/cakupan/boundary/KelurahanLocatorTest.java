package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.cakupan.SharedGeodata;
import org.junit.jupiter.api.Test;

class KelurahanLocatorTest {
  @Test
  void theSpecsInteriorPointsFallInTheirOwnKelurahanOnTheRealBoundaries() throws Exception {
    Gazetteer g = Gazetteer.builtIn();
    BoundarySet set = BoundaryMatcher.match(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.SHAPEFILE)), g);
    KelurahanLocator locator = new KelurahanLocator(set.kelurahan());
    for (GazetteerEntry e : g.entries()) {
      assertEquals(e.code(), locator.locate(e.lon(), e.lat()), e.name());
    }
    assertNull(locator.locate(106.80, -5.90), "Java Sea");
    assertNull(locator.locate(106.85, -6.20), "Jakarta Pusat is not in this set");
  }
}
