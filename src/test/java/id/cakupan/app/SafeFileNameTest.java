package id.cakupan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {
  @Test
  void markupQuotesAndPathsAreDropped() {
    assertEquals("img src=x onerror=alert(1).geojson", SafeFileName.of("<img src=x onerror=alert(1)>.geojson", "f"));
    assertEquals("batas.gpkg", SafeFileName.of("C:\\Users\\dina\\Desktop\\batas.gpkg", "f"));
    assertEquals("x.zip", SafeFileName.of("../../etc/x.zip", "f"));
    assertEquals("a b.csv", SafeFileName.of("a\"'&`\u0000\n\t b.csv", "f"));
  }

  @Test
  void invisibleCharactersAreDropped() {
    // U+202E would show "cod.exe" as "exe.doc"; U+200B hides in plain sight.
    assertEquals("codexe.csv", SafeFileName.of("cod\u202Eexe\u200B.csv", "f"));
    assertEquals("Kelapa Gading.csv", SafeFileName.of("Kelapa\u00A0\u00A0Gading.csv", "f"));
  }

  @Test
  void nothingLeftGivesTheFallback() {
    assertEquals("coverage.csv", SafeFileName.of(null, "coverage.csv"));
    assertEquals("coverage.csv", SafeFileName.of("  ", "coverage.csv"));
    assertEquals("coverage.csv", SafeFileName.of("<>", "coverage.csv"));
    assertEquals("coverage.csv", SafeFileName.of("..", "coverage.csv"));
    assertEquals("coverage.csv", SafeFileName.of("dir/", "coverage.csv"));
  }

  @Test
  void longNamesAreCutInTheStemAndKeepTheirExtension() {
    String safe = SafeFileName.of("b".repeat(5000) + ".geojson", "f");
    assertEquals(SafeFileName.MAX_LENGTH, safe.length());
    assertTrue(safe.endsWith("b.geojson"), safe);
    String indonesian = SafeFileName.of("é".repeat(300), "f");
    assertEquals(SafeFileName.MAX_LENGTH, indonesian.codePointCount(0, indonesian.length()));
  }
}
