package id.cakupan.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Outline;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Small hand-made boundary sets and coverage records shared by the store tests. */
final class StoreFixtures {
  static final GeometryFactory GF = new GeometryFactory();
  static final KelurahanCode KOJA = KelurahanCode.parse("31.72.03.1001");
  static final KelurahanCode LAGOA = KelurahanCode.parse("31.72.03.1003");
  static final KelurahanCode PLUIT = KelurahanCode.parse("31.72.01.1005");
  static final Period SEP = Period.of(2026, 9);
  static final Period OCT = Period.of(2026, 10);

  private StoreFixtures() {}

  /** Koja with a hole, Lagoa in two parts, Pluit without a BPS code; one full and one sparse unmatched feature. */
  static BoundarySet jakartaUtara() {
    // Coordinates with all their digits, to catch any rounding on the way in or out.
    Polygon koja = polygon(
        ring(106.8912345678901, -6.1123456789012, 106.9087654321098, -6.1123456789012,
            106.9087654321098, -6.0998765432109, 106.8912345678901, -6.0998765432109),
        ring(106.8950000000001, -6.1100000000001, 106.8950000000001, -6.1050000000003,
            106.9000000000007, -6.1050000000003, 106.9000000000007, -6.1100000000001));
    Polygon lagoaMain = polygon(ring(106.905, -6.118, 106.915, -6.118, 106.915, -6.110, 106.905, -6.110));
    Polygon lagoaIsle = polygon(ring(106.9170001, -6.1090002, 106.9190003, -6.1090002, 106.9180004, -6.1070005));
    Polygon pluit = polygon(ring(106.78, -6.12, 106.80, -6.12, 106.80, -6.10, 106.78, -6.10));
    return new BoundarySet("jakut-test.geojson", false,
        List.of(
            new Kelurahan(KOJA, "3175040006", "Koja", "Koja", "Jakarta Utara", multi(koja), 2.59),
            new Kelurahan(LAGOA, "3175040004", "Lagoa", "Koja", "Jakarta Utara", multi(lagoaMain, lagoaIsle),
                1.5700000000000003),
            new Kelurahan(PLUIT, null, "Pluit", "Penjaringan", "Jakarta Utara", multi(pluit), 7.61)),
        List.of(
            new UnmatchedFeature(4, "3175030888", "Danau Sunter", "Tanjung Priok", "no kelurahan with this code"),
            new UnmatchedFeature(9, null, "Tanah Timbul", null, "no code and no kecamatan")),
        // Stand-ins for what the import dissolves: a store keeps any outline as given.
        List.of(new Outline("31.72.03", multi(koja, lagoaMain, lagoaIsle)), new Outline("31.72.01", multi(pluit)),
            new Outline("31.72", multi(koja, lagoaMain, lagoaIsle, pluit)), new Outline("31", multi(koja))));
  }

  /** A different, schematic set: replacing with it must leave nothing of the first. */
  static BoundarySet schematicPluitOnly() {
    Polygon pluit = polygon(ring(106.781, -6.121, 106.801, -6.121, 106.801, -6.101, 106.781, -6.101));
    return new BoundarySet("schematic", true,
        List.of(new Kelurahan(PLUIT, "3175010005", "Pluit", "Penjaringan", "Jakarta Utara", multi(pluit), 7.0)),
        List.of());
  }

  /** A closed ring from x,y pairs (the first point is repeated at the end here). */
  static LinearRing ring(double... xy) {
    Coordinate[] c = new Coordinate[xy.length / 2 + 1];
    for (int i = 0; i < xy.length / 2; i++) c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    c[c.length - 1] = c[0].copy();
    return GF.createLinearRing(c);
  }

  static Polygon polygon(LinearRing shell, LinearRing... holes) {
    return GF.createPolygon(shell, holes);
  }

  static MultiPolygon multi(Polygon... parts) {
    return GF.createMultiPolygon(parts);
  }

  static CoverageRecord rec(KelurahanCode code, Period period, Sector sector, long participants, Long workforce) {
    return new CoverageRecord(code, period, sector, participants, workforce);
  }

  static ImportRecord log(String kind, int rows, String second) {
    // Microsecond precision: what a timestamptz keeps.
    return new ImportRecord(Instant.parse("2026-10-01T08:00:" + second + ".123456Z"), kind, "operator@bpjs",
        kind + ".csv", "ab".repeat(32), rows);
  }

  /** Sorted by code, month, then sector in enum order, whatever order a store returns. */
  static List<CoverageRecord> sorted(List<CoverageRecord> records) {
    List<CoverageRecord> out = new ArrayList<>(records);
    out.sort(Comparator.comparing(CoverageRecord::code).thenComparing(CoverageRecord::period)
        .thenComparing(CoverageRecord::sector));
    return out;
  }

  /** Equal in every attribute and every coordinate bit, with messages that say where not. */
  static void assertSameBoundaries(BoundarySet expected, BoundarySet actual) {
    assertEquals(expected.source(), actual.source(), "source");
    assertEquals(expected.schematic(), actual.schematic(), "schematic");
    assertEquals(expected.unmatched(), actual.unmatched(), "unmatched features");
    assertEquals(expected.kelurahan().size(), actual.kelurahan().size(), "number of kelurahan");
    for (int i = 0; i < expected.kelurahan().size(); i++) {
      Kelurahan e = expected.kelurahan().get(i);
      Kelurahan a = actual.kelurahan().get(i);
      String at = "kelurahan " + i + " (" + e.code() + ")";
      assertEquals(e.code(), a.code(), at + " code");
      assertEquals(e.bpsCode(), a.bpsCode(), at + " kode_bps");
      assertEquals(e.name(), a.name(), at + " name");
      assertEquals(e.kecamatan(), a.kecamatan(), at + " kecamatan");
      assertEquals(e.kota(), a.kota(), at + " kota");
      assertEquals(e.areaKm2(), a.areaKm2(), 0.0, at + " luas_km2");
      assertEquals(e.geometry().getNumGeometries(), a.geometry().getNumGeometries(), at + " parts");
      for (int p = 0; p < e.geometry().getNumGeometries(); p++) {
        Polygon ep = (Polygon) e.geometry().getGeometryN(p);
        Polygon ap = (Polygon) a.geometry().getGeometryN(p);
        assertEquals(ep.getNumInteriorRing(), ap.getNumInteriorRing(), at + " part " + p + " holes");
        assertArrayEquals(ep.getExteriorRing().getCoordinates(), ap.getExteriorRing().getCoordinates(),
            at + " part " + p + " exterior ring");
        for (int h = 0; h < ep.getNumInteriorRing(); h++) {
          assertArrayEquals(ep.getInteriorRingN(h).getCoordinates(), ap.getInteriorRingN(h).getCoordinates(),
              at + " part " + p + " hole " + h);
        }
      }
      assertTrue(e.geometry().equalsExact(a.geometry(), 0.0), at + " geometry");
    }
    // Outlines are found by code: a store need not keep their order.
    List<Outline> expectedOutlines = byCode(expected.outlines());
    List<Outline> actualOutlines = byCode(actual.outlines());
    assertEquals(expectedOutlines.stream().map(Outline::code).toList(),
        actualOutlines.stream().map(Outline::code).toList(), "outline codes");
    for (int i = 0; i < expectedOutlines.size(); i++) {
      Outline e = expectedOutlines.get(i);
      Outline a = actualOutlines.get(i);
      assertEquals(e.geometry().getNumGeometries(), a.geometry().getNumGeometries(), "outline " + e.code() + " parts");
      assertTrue(e.geometry().equalsExact(a.geometry(), 0.0), "outline " + e.code() + " geometry");
    }
  }

  private static List<Outline> byCode(List<Outline> outlines) {
    return outlines.stream().sorted(Comparator.comparing(Outline::code)).toList();
  }
}
