package id.cakupan.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.cakupan.map.Level;
import org.junit.jupiter.api.Test;

/** What a picker's question may hold, and how names compare in a search. */
class PlaceQueryTest {
  @Test
  void aParentCodeSaysItsLevelByItsShape() {
    assertEquals(Level.PROVINSI, PlaceQuery.parentLevel("31"));
    assertEquals(Level.KOTA, PlaceQuery.parentLevel("31.72"));
    assertEquals(Level.KECAMATAN, PlaceQuery.parentLevel("31.72.03"));
    assertThrows(IllegalArgumentException.class, () -> PlaceQuery.parentLevel("3172"));
    assertThrows(IllegalArgumentException.class, () -> PlaceQuery.parentLevel("31.72.03.1001"));
    assertEquals("31.72", PlaceQuery.parseParent(" 31.72 "));
  }

  @Test
  void theParentIsCoarserThanTheLevelListed() {
    new PlaceQuery(Level.KECAMATAN, "31", null, 10);
    new PlaceQuery(Level.KECAMATAN, "31.72", null, 10);
    new PlaceQuery(Level.KOTA, "31", null, 10);
    assertThrows(IllegalArgumentException.class, () -> new PlaceQuery(Level.KECAMATAN, "31.72.03", null, 10));
    assertThrows(IllegalArgumentException.class, () -> new PlaceQuery(Level.KOTA, "31.72", null, 10));
    assertThrows(IllegalArgumentException.class, () -> new PlaceQuery(Level.PROVINSI, "31", null, 10));
  }

  @Test
  void theLimitIsBounded() {
    assertThrows(IllegalArgumentException.class, () -> new PlaceQuery(Level.KECAMATAN, null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new PlaceQuery(Level.KECAMATAN, null, null, PlaceQuery.MAX_LIMIT + 1));
    assertEquals(PlaceQuery.MAX_LIMIT, new PlaceQuery(Level.KECAMATAN, null, null, PlaceQuery.MAX_LIMIT).limit());
  }

  @Test
  void namesCompareWithoutCaseAccentsOrPunctuation() {
    assertEquals("pulo gadung", PlaceIndex.searchable("Pulo-Gadung"));
    assertEquals("kep seribu utara", PlaceIndex.searchable("  Kép. Seribu   Utara "));
    assertEquals("31 72 03", PlaceIndex.searchable("31.72.03"));
    assertEquals("koja", PlaceQuery.parseSearch("  koja "));
    assertThrows(IllegalArgumentException.class, () -> PlaceQuery.parseSearch("--"));
    assertThrows(IllegalArgumentException.class, () -> PlaceQuery.parseSearch("a".repeat(PlaceQuery.MAX_SEARCH + 1)));
  }
}
