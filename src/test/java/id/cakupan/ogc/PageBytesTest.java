package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.map.Atlas;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.ResponseCache;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A page of polygons ends before its geometry passes the byte bound, and the next link goes on from there. */
class PageBytesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPageOfPolygonsStopsAtItsByteBoundAndTheNextPagesCarryTheRestOnce() throws Exception {
    BoundarySet boundaries = SchematicBoundaries.generate(Gazetteer.builtIn());
    OgcData data = OgcData.of(new Layers(Atlas.build(boundaries, List.of(), false), new ResponseCache(64L << 20)).snapshot());
    List<MapUnit> units = data.units(Level.KELURAHAN);
    long points = units.stream().mapToLong(u -> u.geometry().getNumPoints()).sum();
    long bound = 20 * points / 5; // about five pages' worth

    Set<String> seen = new HashSet<>();
    int offset = 0;
    int pages = 0;
    while (true) {
      JsonNode page = JSON.readTree(FeatureItems.page("http://x", data, query(offset), null, bound));
      int returned = page.get("numberReturned").asInt();
      assertEquals(units.size(), page.get("numberMatched").asInt());
      assertEquals(returned, page.get("features").size());
      assertTrue(returned >= 1 && returned < 100, "page at " + offset + ": " + returned);
      for (JsonNode f : page.get("features")) assertTrue(seen.add(f.get("id").asText()), "twice: " + f.get("id"));
      pages++;
      offset += returned;
      String next = null;
      for (JsonNode l : page.get("links")) if (l.get("rel").asText().equals("next")) next = l.get("href").asText();
      if (offset == units.size()) {
        assertEquals(null, next, "no next link after the last feature");
        break;
      }
      assertTrue(next != null && next.contains("offset=" + offset), "next goes on from the page's end: " + next);
    }
    assertEquals(units.size(), seen.size());
    assertTrue(pages >= 4 && pages <= 7, pages + " pages");

    // Without the bound the same limit returns every kelurahan on one page.
    JsonNode whole = JSON.readTree(FeatureItems.page("http://x", data, query(0), null));
    assertEquals(units.size(), whole.get("numberReturned").asInt());
  }

  private static FeatureQuery query(int offset) {
    return new FeatureQuery(OgcCollection.KELURAHAN, null, null, null, null, null, null, null, null, null, null, null,
        null, null, OgcCrs.STORAGE, OgcCrs.STORAGE, 100, offset);
  }
}
