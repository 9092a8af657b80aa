package id.cakupan.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.Region;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;

/** Queen contiguity on the real BPS 2020 boundaries in ../shared/geodata. */
class RealContiguityTest {
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private static Map<String, Geometry> units(BoundarySet set) {
    Map<String, Geometry> out = new LinkedHashMap<>();
    for (Kelurahan k : set.kelurahan()) out.put(k.code().value(), k.geometry());
    return out;
  }

  @Test
  void jakartaUtaraNeighboursAgreeWithTheSpecsInteriorPoints() throws Exception {
    Gazetteer gazetteer = Gazetteer.builtIn();
    BoundarySet set = BoundaryMatcher.match(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.SHAPEFILE)), gazetteer);
    Map<String, Geometry> units = units(set);
    Contiguity w = QueenContiguity.of(units);
    Map<String, String> names = new LinkedHashMap<>();
    for (Kelurahan k : set.kelurahan()) names.put(k.code().value(), k.name());
    assertEquals(31, w.codes().size());
    assertEquals(List.of(), w.islands(), "Jakarta Utara is one piece of land");

    // A kelurahan's SPEC point and its neighbour's, joined by a straight line that runs through
    // those two kelurahan only: then they must share a border. Every pair passing that test is a neighbour.
    Map<String, GazetteerEntry> entries = new LinkedHashMap<>();
    for (GazetteerEntry e : gazetteer.entries()) entries.put(e.code().value(), e);
    int provenByLine = 0;
    for (String a : w.codes()) {
      for (String b : w.codes()) {
        if (a.compareTo(b) >= 0) continue;
        GazetteerEntry ea = entries.get(a);
        GazetteerEntry eb = entries.get(b);
        LineString line = FACTORY.createLineString(new Coordinate[] {
            new Coordinate(ea.lon(), ea.lat()), new Coordinate(eb.lon(), eb.lat())});
        Geometry both = units.get(a).union(units.get(b));
        if (both.covers(line)) {
          provenByLine++;
          assertTrue(w.neighbours(a).contains(b), names.get(a) + " and " + names.get(b) + " share a border");
        }
      }
    }
    assertTrue(provenByLine >= 25, "pairs proven by a straight line: " + provenByLine);

    for (String c : w.codes()) {
      assertFalse(w.neighbours(c).contains(c));
      for (String n : w.neighbours(c)) assertTrue(w.neighbours(n).contains(c), "symmetric: " + c + " " + n);
    }
    // Across kecamatan borders, too: Koja's Rawa Badak Selatan and Tanjung Priok's Sungai Bambu face each other.
    assertTrue(w.neighbours("31.72.03.1006").contains("31.72.02.1004"));
    // Far apart: Kamal Muara (west end) and Marunda (east end).
    assertFalse(w.neighbours("31.72.01.1002").contains("31.72.04.1003"));
    // 7.9 m apart across the corner of Sunter Agung and Sungai Bambu: beyond the 5 m tolerance.
    assertFalse(w.neighbours("31.72.02.1002").contains("31.72.02.1003"));
  }

  @Test
  void dkiJakartaHasKepulauanSeribuAsIslandsAndNoOtherUnitAlone() throws Exception {
    BoundarySet set = BoundaryMatcher.match(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.DKI_GEOJSON)),
        Region.DKI_JAKARTA.gazetteer());
    Contiguity w = QueenContiguity.of(units(set));
    assertEquals(267, w.codes().size());
    assertEquals(6, w.islands().size(), "the six kelurahan of Kepulauan Seribu: " + w.islands());
    for (String island : w.islands()) assertTrue(island.startsWith("31.01."), island + " is not in Kepulauan Seribu");
    // The seven corner near-misses under 3 m count (QueenContiguity.DEFAULT_TOLERANCE_METRES), so Gunung and Senayan (0.4 m apart) are neighbours.
    Map<String, String> byName = new LinkedHashMap<>();
    for (Kelurahan k : set.kelurahan()) byName.put(k.name() + "/" + k.kecamatan(), k.code().value());
    assertTrue(w.neighbours(byName.get("Gunung/Kebayoran Baru")).contains(byName.get("Senayan/Kebayoran Baru")));
  }
}
