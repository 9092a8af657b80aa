package id.cakupan.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.coverage.KelurahanCode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GazetteerMatchingTest {
  @Test
  void builtInGazetteerHasTheSpecsThirtyOneKelurahanAndTheirBpsSpellings() {
    Gazetteer g = Gazetteer.builtIn();
    assertEquals(31, g.size());
    assertEquals("31.72.02.1001", g.byName("Tanjung Priok", "Tanjung Priuk").orElseThrow().code().value());
    assertEquals("31.72.02.1003", g.byName("tanjung priok", "PAPANGO").orElseThrow().code().value());
    assertEquals("31.72.03.1004", g.byName("Koja", "Rawabadak Utara").orElseThrow().code().value());
    assertEquals("31.72.04.1002", g.byName("Cilincing", "Suka Pura").orElseThrow().code().value());
    assertEquals("31.72.04.1004", g.byName("Cilincing", "Kali Baru").orElseThrow().code().value());
    assertEquals("31.72.03.1004", g.byBpsCode("3175040005").orElseThrow().code().value());
    // The same name in another kecamatan does not match: names are only unique within a kecamatan.
    assertTrue(g.byName("Koja", "Kalibaru").isEmpty());
    assertEquals("Koja", g.kecamatanName("31.72.03"));
  }

  @Test
  void dkiGazetteerMatchesAll267KelurahanAndReportsExactlyTheThreeWaterBodies() throws Exception {
    Gazetteer g = Gazetteer.read(SharedGeodata.file("dki-jakarta-gazetteer.csv"));
    assertEquals(267, g.size());
    BoundarySet set = BoundaryMatcher.match(
        BoundaryFiles.read(SharedGeodata.file("dki-jakarta-kelurahan-bps2020.geojson")), g);
    assertEquals(267, set.kelurahan().size());
    assertEquals(267, set.kelurahan().stream().map(Kelurahan::code).distinct().count());
    assertEquals(3, set.unmatched().size(), () -> set.unmatched().toString());
    for (UnmatchedFeature u : set.unmatched()) {
      assertTrue(u.bpsCode().endsWith("888"), u.describe());
      assertTrue(u.reason().contains("water"), u.describe());
    }
  }

  @Test
  void jakartaUtaraShapefileMatchesThe31CodesByBpsCodeAndLeavesTheLakesOut() throws Exception {
    BoundarySet set = BoundaryMatcher.match(
        BoundaryFiles.read(SharedGeodata.file("jakarta-utara-kelurahan-utm48s.shp")), Gazetteer.builtIn());
    Set<String> expected = Gazetteer.builtIn().entries().stream()
        .map(e -> e.code().value()).collect(Collectors.toSet());
    assertEquals(expected, set.kelurahan().stream().map(k -> k.code().value()).collect(Collectors.toSet()));
    assertEquals(2, set.unmatched().size());
    Kelurahan rawaBadakUtara = set.kelurahan().stream()
        .filter(k -> k.code().equals(KelurahanCode.parse("31.72.03.1004"))).findFirst().orElseThrow();
    assertEquals("Rawa Badak Utara", rawaBadakUtara.name());
    assertEquals(1.27, rawaBadakUtara.areaKm2(), 1.27 * 0.01);
  }

  @Test
  void namesMatchWithinTheKecamatanWhenNoCodeIsGiven() {
    Gazetteer g = Gazetteer.builtIn();
    var geometry = (org.locationtech.jts.geom.MultiPolygon) new org.locationtech.jts.geom.GeometryFactory()
        .createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {
            (org.locationtech.jts.geom.Polygon) new org.locationtech.jts.geom.GeometryFactory()
                .toGeometry(new org.locationtech.jts.geom.Envelope(106.89, 106.90, -6.13, -6.12))});
    BoundaryLayer layer = new BoundaryLayer("names.geojson", "OGC:CRS84", List.of(
        new BoundaryFeature(java.util.Map.of("desa", "Rawabadak Utara", "kecamatan", "KOJA"), geometry),
        new BoundaryFeature(java.util.Map.of("desa", "Kampung Entah", "kecamatan", "Koja"), geometry)));
    BoundarySet set = BoundaryMatcher.match(layer, g);
    assertEquals(List.of("31.72.03.1004"), set.kelurahan().stream().map(k -> k.code().value()).toList());
    assertEquals(1, set.unmatched().size());
    assertTrue(set.unmatched().get(0).reason().contains("no match"));
  }
}
