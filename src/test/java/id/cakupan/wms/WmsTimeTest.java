package id.cakupan.wms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.cakupan.coverage.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TIME values as WMS clients send them. */
class WmsTimeTest {
  private static final Period OCTOBER = Period.of(2026, 10);

  @Test
  void absentEmptyAndCurrentAreTheNewest() {
    assertEquals(WmsTime.NEWEST, WmsTime.parse(null));
    assertEquals(WmsTime.NEWEST, WmsTime.parse(" "));
    assertEquals(WmsTime.NEWEST, WmsTime.parse("current"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-10", "2026-10-01", "2026-10-31", "2026-10-15T12:30:00Z", "2026-10-15T12:30Z",
      "2026-10-01T00:00:00.000+07:00"})
  void aMonthOrAnyInstantInItIsThatMonth(String text) {
    assertEquals(new WmsTime(OCTOBER, OCTOBER), WmsTime.parse(text));
  }

  @Test
  void rangesCoverTheMonthsTheyTouchWithAnExclusiveMonthStartAsEnd() {
    assertEquals(new WmsTime(Period.of(2026, 3), Period.of(2026, 5)), WmsTime.parse("2026-03/2026-05"));
    assertEquals(new WmsTime(Period.of(2026, 3), Period.of(2026, 3)),
        WmsTime.parse("2026-03-01T00:00:00Z/2026-04-01T00:00:00Z"));
    assertEquals(new WmsTime(Period.of(2026, 3), Period.of(2026, 4)),
        WmsTime.parse("2026-03-01T00:00:00Z/2026-04-01T00:00:01Z"));
    assertEquals(new WmsTime(Period.of(2025, 1), Period.of(2026, 10)), WmsTime.parse("2025-01/2026-10/P1M"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026", "2026-13", "2026-02-30", "26-10", "2026-10,2026-11", "2026-10/2026-09", "a/b",
      "2026-10/2026-11/P1M/x", "2026-10/2026-11/monthly", "2026-10-01T25:00:00Z", "2026-10-01T10:61Z"})
  void anythingElseIsInvalidDimensionValue(String text) {
    WmsException e = assertThrows(WmsException.class, () -> WmsTime.parse(text));
    assertEquals(WmsException.INVALID_DIMENSION_VALUE, e.code());
    assertEquals("TIME", e.parameter());
  }
}
