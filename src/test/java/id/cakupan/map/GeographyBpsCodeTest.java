package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** BPS codes of the units: from the gazetteer for a kelurahan, the shared prefix for kecamatan and kota. */
class GeographyBpsCodeTest {
  private static final GeometryFactory GF = new GeometryFactory();

  @Test
  void kecamatanAndKotaTakeThePrefixTheirKelurahanShare() {
    Geography g = geography(
        kelurahan("31.72.03.1001", "3175040006", 0), kelurahan("31.72.03.1004", "3175040005", 1),
        kelurahan("31.72.06.1001", "3175050002", 2));
    assertEquals("3175040006", g.unit("31.72.03.1001").bpsCode());
    assertEquals("3175040", g.unit("31.72.03").bpsCode());
    assertEquals("3175050", g.unit("31.72.06").bpsCode());
    assertEquals("3175", g.unit("31.72").bpsCode());
  }

  @Test
  void anUnknownOrMalformedCodeIsNullAndSoIsEveryAggregateHoldingIt() {
    Geography g = geography(
        kelurahan("31.72.03.1001", "3175040006", 0), kelurahan("31.72.03.1004", null, 1),
        kelurahan("31.72.06.1001", "31.75.05", 2), kelurahan("31.72.06.1002", "3175050003", 3));
    assertNull(g.unit("31.72.03.1004").bpsCode());
    assertNull(g.unit("31.72.06.1001").bpsCode(), "not 10 digits");
    assertNull(g.unit("31.72.03").bpsCode());
    assertNull(g.unit("31.72.06").bpsCode());
    assertNull(g.unit("31.72").bpsCode());
  }

  @Test
  void membersThatDisagreeGiveNoCode() {
    Geography g = geography(kelurahan("31.72.03.1001", "3175040006", 0), kelurahan("31.72.03.1002", "3175050003", 1));
    assertNull(g.unit("31.72.03").bpsCode());
    assertEquals("3175", g.unit("31.72").bpsCode());
    MapUnit provinsi = g.unit("31");
    assertEquals(Level.PROVINSI, provinsi.level());
    assertEquals("DKI Jakarta", provinsi.name());
    assertEquals("31", provinsi.bpsCode());
    assertEquals(2, provinsi.members().size());
    assertEquals(2.0, provinsi.geometry().getArea(), 1e-12, "dissolved from the kota");
  }

  private static Geography geography(Kelurahan... kelurahan) {
    return new Geography(new BoundarySet("test", true, List.of(kelurahan), List.of()));
  }

  /** A unit square, the i-th along the x axis, so that neighbours share an edge. */
  private static Kelurahan kelurahan(String code, String bps, int i) {
    Polygon square = GF.createPolygon(new Coordinate[] {
        new Coordinate(i, 0), new Coordinate(i + 1, 0), new Coordinate(i + 1, 1), new Coordinate(i, 1), new Coordinate(i, 0)});
    MultiPolygon mp = GF.createMultiPolygon(new Polygon[] {square});
    return new Kelurahan(KelurahanCode.parse(code), bps, "K" + i, "Kec", "Kota", mp, 1.0);
  }
}
