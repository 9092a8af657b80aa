package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateRangeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "2026-06-12|2026-06-12|2026-06-12",
      "2026-06-12T10:00:00Z|2026-06-12|2026-06-12",
      "2026-06-13T05:00:00+07:00|2026-06-12|2026-06-12", // 22:00 UTC the day before
      "2026-06-12t10:00:00z|2026-06-12|2026-06-12",
      "2026-06-01/2026-06-30|2026-06-01|2026-06-30",
      "2026-06-01T00:00:00Z/2026-06-30T23:59:59Z|2026-06-01|2026-06-30",
      "../2026-07-31|-|2026-07-31",
      "2026-07-01/..|2026-07-01|-",
      "/2026-07-31|-|2026-07-31",
      "2026-07-01/|2026-07-01|-",
      "2026-06|2026-06-01|2026-06-30",
      "2026-02/2026-03|2026-02-01|2026-03-31"})
  void parsesDatesDateTimesAndIntervals(String text, String from, String to) {
    DateRange r = DateRange.parse(text);
    assertEquals(from == null ? null : LocalDate.parse(from), r.from());
    assertEquals(to == null ? null : LocalDate.parse(to), r.to());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "../..", "2026-13-01", "2026-13", "2026-08-01/2026-07-01", "a/b/c", "yesterday"})
  void refusesWhatIsNoDayOrInterval(String text) {
    assertThrows(IllegalArgumentException.class, () -> DateRange.parse(text));
  }

  @Test
  void bothEndsAreIncluded() {
    DateRange june = DateRange.parse("2026-06-01/2026-06-30");
    assertTrue(june.contains(LocalDate.parse("2026-06-01")) && june.contains(LocalDate.parse("2026-06-30")));
    assertFalse(june.contains(LocalDate.parse("2026-07-01")) || june.contains(LocalDate.parse("2026-05-31")));
    assertTrue(DateRange.parse("../2026-06-30").contains(LocalDate.parse("1999-01-01")));
  }
}
