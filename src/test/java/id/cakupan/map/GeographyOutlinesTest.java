package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Outline;
import id.cakupan.boundary.Region;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;

/**
 * Outlines dissolved at import and stored with the kelurahan (all of DKI, real boundaries): a
 * geography built from them is the one dissolving builds, and they are used, not dissolved again.
 */
class GeographyOutlinesTest {
  private static final List<Level> DISSOLVED = List.of(Level.KECAMATAN, Level.KOTA, Level.PROVINSI);
  private static BoundarySet dki;
  private static BoundarySet dissolved;
  private static Geography fresh;

  @BeforeAll
  static void dissolveDki() throws Exception {
    dki = Region.DKI_JAKARTA.boundaries(Region.DKI_JAKARTA.gazetteer());
    dissolved = Geography.dissolved(dki);
    fresh = new Geography(dki);
  }

  @Test
  void everyDissolvedUnitHasOneOutline() {
    int units = 0;
    for (Level level : DISSOLVED) units += fresh.units(level).size();
    assertEquals(units, dissolved.outlines().size());
    assertEquals(units, dissolved.outlines().stream().map(Outline::code).distinct().count());
    assertEquals(dki.kelurahan(), dissolved.kelurahan(), "the kelurahan are kept as they are");
  }

  @Test
  void aGeographyFromStoredOutlinesIsTheOneDissolvingBuilds() {
    Geography stored = new Geography(dissolved);
    for (Level level : Level.values()) {
      List<MapUnit> expected = fresh.units(level);
      List<MapUnit> actual = stored.units(level);
      assertEquals(expected.size(), actual.size(), level + " units");
      for (int i = 0; i < expected.size(); i++) {
        MapUnit e = expected.get(i);
        MapUnit a = actual.get(i);
        assertEquals(e.code(), a.code());
        assertEquals(e.bpsCode(), a.bpsCode(), e.code() + " BPS code");
        assertEquals(e.name(), a.name(), e.code() + " name");
        assertEquals(e.members(), a.members(), e.code() + " members");
        assertEquals(e.areaKm2(), a.areaKm2(), 0.0, e.code() + " area");
        // Same type too: a one-part outline is served as a Polygon, as the dissolve gives it.
        assertEquals(e.geometry().getGeometryType(), a.geometry().getGeometryType(), e.code() + " type");
        assertTrue(e.geometry().equalsExact(a.geometry(), 0.0), e.code() + " geometry");
      }
    }
  }

  @Test
  void aStoredOutlineIsUsedNotDissolvedAgain() throws Exception {
    Geometry square = new WKTReader().read("POLYGON ((106.8 -6.2, 106.9 -6.2, 106.9 -6.1, 106.8 -6.1, 106.8 -6.2))");
    String kecamatan = fresh.units(Level.KECAMATAN).get(0).code();
    List<Outline> outlines = new ArrayList<>();
    for (Outline o : dissolved.outlines()) outlines.add(o.code().equals(kecamatan) ? Outline.of(kecamatan, square) : o);
    Geography stored = new Geography(dki.withOutlines(outlines));
    assertTrue(stored.unit(kecamatan).geometry().equalsExact(square, 0.0), stored.unit(kecamatan).geometry().toText());
    assertTrue(stored.unit(kecamatan).geometry() instanceof Polygon);
  }

  @Test
  void aUnitWithoutAStoredOutlineIsDissolved() {
    String kecamatan = fresh.units(Level.KECAMATAN).get(1).code();
    List<Outline> outlines = dissolved.outlines().stream().filter(o -> !o.code().equals(kecamatan)).toList();
    Geography stored = new Geography(dki.withOutlines(outlines));
    assertTrue(fresh.unit(kecamatan).geometry().equalsExact(stored.unit(kecamatan).geometry(), 0.0));
  }

  @Test
  void anOutlineIsAMultipolygonAndGivesBackWhatWasDissolved() throws Exception {
    WKTReader wkt = new WKTReader();
    Geometry one = wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 0))");
    Geometry two = wkt.read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))");
    assertTrue(Outline.of("31", one).geometry() instanceof MultiPolygon);
    assertTrue(Outline.of("31", one).polygonal().equalsExact(one, 0.0));
    assertTrue(Outline.of("31.72", two).polygonal().equalsExact(two, 0.0));
  }
}
