package id.cakupan.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which target a month is measured against, and the filters of the target list. */
class TargetBookTest {
  static final KelurahanCode KOJA = KelurahanCode.parse("31.72.03.1001");
  static final KelurahanCode PLUIT = KelurahanCode.parse("31.72.01.1005");
  static final Target JUNE = new Target(KOJA, Sector.BPU, Period.of(2026, 6), 100, Period.of(2026, 1), null, null);
  static final Target DECEMBER = new Target(KOJA, Sector.BPU, Period.of(2026, 12), 200, Period.of(2026, 6), null, null);
  static final Target ALL = new Target(KOJA, Sector.ALL, Period.of(2027, 6), 900, Period.of(2026, 6), null, null);
  static final Target PLUIT_BPU = new Target(PLUIT, Sector.BPU, Period.of(2026, 12), 50, Period.of(2026, 6), null, null);
  static final TargetBook BOOK = new TargetBook(List.of(DECEMBER, PLUIT_BPU, ALL, JUNE));

  @Test
  void aMonthIsMeasuredAgainstTheNextTargetDueElseTheLatest() {
    assertEquals(JUNE, BOOK.relevant(KOJA, Sector.BPU, Period.of(2026, 3)), "June is the next one due");
    assertEquals(JUNE, BOOK.relevant(KOJA, Sector.BPU, Period.of(2026, 6)), "due this month");
    assertEquals(DECEMBER, BOOK.relevant(KOJA, Sector.BPU, Period.of(2026, 7)), "June has passed");
    assertEquals(DECEMBER, BOOK.relevant(KOJA, Sector.BPU, Period.of(2027, 2)), "all passed: the latest stays");
    assertEquals(ALL, BOOK.relevant(KOJA, Sector.ALL, Period.of(2026, 10)), "sectors are apart");
    assertNull(BOOK.relevant(KOJA, Sector.PU, Period.of(2026, 10)));
    assertNull(BOOK.relevant(KelurahanCode.parse("31.72.03.1002"), Sector.BPU, Period.of(2026, 10)));
  }

  @Test
  void theListFiltersByKecamatanSectorAndMonthInOrder() {
    assertEquals(List.of(PLUIT_BPU, JUNE, DECEMBER, ALL), BOOK.list(null, null, null));
    assertEquals(List.of(JUNE, DECEMBER, ALL), BOOK.list("31.72.03", null, null));
    assertEquals(List.of(PLUIT_BPU, DECEMBER), BOOK.list(null, Sector.BPU, Period.of(2026, 12)));
    assertEquals(List.of(), BOOK.list("31.72.02", null, null));
  }
}
