package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OgcFormatTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "NULL", value = {
      "NULL|NULL|JSON",
      "NULL|*/*|JSON",
      "NULL|text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|HTML",
      "NULL|text/html|HTML",
      "NULL|application/geo+json, application/json|JSON",
      "NULL|application/json, text/html;q=0.5|JSON",
      "NULL|text/html;q=0.5, application/json;q=0.4|HTML",
      "NULL|text/html;q=NaN|JSON",
      "NULL|text/html;q=2|JSON",
      "NULL|text/html;q=x, */*|JSON",
      "json|text/html|JSON",
      "HTML|application/json|HTML",
      "geojson|NULL|JSON",
  })
  void fDecidesElseTheAcceptHeader(String f, String accept, OgcFormat expected) {
    assertEquals(expected, OgcFormat.choose(f, accept, true));
  }

  @ParameterizedTest
  @CsvSource({"xml", "geojson"})
  void otherFormatsAreRefused(String f) {
    // geojson names features only; a document is json or html
    assertThrows(IllegalArgumentException.class, () -> OgcFormat.choose(f, null, false));
  }
}
