package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.cakupan.coverage.Period;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MonthRangeTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "2026-10|2026-10|2026-10",
      "2026-10-01|2026-10|2026-10",
      "2026-10-31T23:59:59Z|2026-10|2026-10",
      "2026-11-01T05:00:00+07:00|2026-10|2026-10", // 2026-10-31 22:00 UTC
      "2026-10-15T08:00:00.123Z|2026-10|2026-10",
      "2026-10-15t08:00:00z|2026-10|2026-10",
      "2026-01/2026-06|2026-01|2026-06",
      "2025-12-31/2026-01-01|2025-12|2026-01",
      "../2026-06|-|2026-06",
      "2026-06/..|2026-06|-",
      "/2026-06|-|2026-06",
      "2026-06/|2026-06|-"})
  void parsesMonthsDatesDateTimesAndIntervals(String text, String from, String to) {
    MonthRange r = MonthRange.parse(text);
    assertEquals(from == null ? null : Period.parse(from), r.from());
    assertEquals(to == null ? null : Period.parse(to), r.to());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "..", "../..", "/", "2026", "2026-13", "2026-10-32", "2026-10-15T25:00:00Z",
      "2026-10-15T08:00:00", "2026-06/2026-01", "2026-01/2026-02/2026-03", "yesterday"})
  void refusesWhatIsNotATimeOrInterval(String text) {
    assertThrows(IllegalArgumentException.class, () -> MonthRange.parse(text));
  }
}
