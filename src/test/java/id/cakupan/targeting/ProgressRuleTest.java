package id.cakupan.targeting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §6's rule at its edges, on numbers worked out by hand. */
class ProgressRuleTest {
  static final KelurahanCode KOJA = KelurahanCode.parse("31.72.03.1001");
  // B = 2026-01, T = 2026-11: ten months from 1000 to 2000 participants, 100 a month on the line.
  static final Period B = Period.of(2026, 1);
  static final Period T = Period.of(2026, 11);

  private final Map<Period, Long> p = new HashMap<>();

  private static Target target(long n) {
    return new Target(KOJA, Sector.BPU, T, n, B, null, null);
  }

  private TargetProgress at(Period m, long n) {
    return ProgressRule.evaluate(target(n), m, p::get);
  }

  @Test
  void onTheLineIsOnTrackAndOneBelowIsBehind() {
    p.put(B, 1000L);
    Period june = Period.of(2026, 6); // five months in: E = 1500 exactly
    p.put(june, 1500L);
    TargetProgress on = at(june, 2000);
    assertEquals(1500.0, on.expected(), 1e-9);
    assertEquals(TargetStatus.SESUAI_JALUR, on.status());
    assertEquals(500L, on.gap());
    assertEquals(0.75, on.progress(), 1e-12);
    assertEquals(100L, on.paceNeeded()); // 500 over the 5 months left
    p.put(june, 1499L);
    TargetProgress behind = at(june, 2000);
    assertEquals(TargetStatus.TERTINGGAL, behind.status());
    assertEquals(501L, behind.gap());
    assertEquals(101L, behind.paceNeeded()); // ceil(501 / 5)
  }

  @Test
  void aLineWithAFractionalPointIsComparedExactly() {
    // From 0 to 10 over 3 months (B=2026-01, T=2026-04): E(2026-02) = 10/3 = 3.33…, so 3 is behind and 4 on track.
    Target t = new Target(KOJA, Sector.BPU, Period.of(2026, 4), 10, B, null, null);
    p.put(B, 0L);
    Period feb = Period.of(2026, 2);
    p.put(feb, 3L);
    assertEquals(TargetStatus.TERTINGGAL, ProgressRule.evaluate(t, feb, p::get).status());
    p.put(feb, 4L);
    assertEquals(TargetStatus.SESUAI_JALUR, ProgressRule.evaluate(t, feb, p::get).status());
    assertEquals(3L, ProgressRule.evaluate(t, feb, p::get).paceNeeded()); // ceil(6 / 2)
  }

  @Test
  void baselineEqualToTargetIsReachedFromTheStart() {
    p.put(B, 2000L);
    TargetProgress atB = at(B, 2000);
    assertEquals(TargetStatus.TERCAPAI, atB.status());
    assertEquals(0L, atB.gap());
    assertEquals(1.0, atB.progress(), 1e-12);
    assertNull(atB.paceNeeded(), "nothing is needed once reached");
    assertNull(atB.projected());
    assertEquals(2000.0, atB.expected(), 1e-9, "a flat line");
  }

  @Test
  void targetAlreadyReachedBeforeItsMonth() {
    p.put(B, 1000L);
    Period mar = Period.of(2026, 3);
    p.put(mar, 2300L);
    TargetProgress r = at(mar, 2000);
    assertEquals(TargetStatus.TERCAPAI, r.status());
    assertEquals(0L, r.gap());
    assertEquals(1.15, r.progress(), 1e-12);
    assertNull(r.paceNeeded());
    assertNull(r.projected(), "no projection once reached");
  }

  @Test
  void afterTheTargetMonthBelowTargetIsBehindEvenAboveTheOldLine() {
    p.put(B, 1000L);
    Period dec = Period.of(2026, 12);
    p.put(dec, 1999L);
    TargetProgress r = at(dec, 2000);
    assertEquals(TargetStatus.TERTINGGAL, r.status());
    assertEquals(1L, r.gap());
    assertNull(r.paceNeeded(), "no month is left");
    assertNull(r.expected(), "the line ends at T");
    p.put(dec, 2000L);
    assertEquals(TargetStatus.TERCAPAI, at(dec, 2000).status(), "reached late is still reached");
  }

  @Test
  void inTheTargetMonthItselfThereIsNoPaceNeeded() {
    p.put(B, 1000L);
    p.put(T, 1900L);
    TargetProgress r = at(T, 2000);
    assertEquals(TargetStatus.TERTINGGAL, r.status(), "E(T) = N");
    assertNull(r.paceNeeded(), "m = T");
    p.put(T, 2000L);
    assertEquals(TargetStatus.TERCAPAI, at(T, 2000).status());
  }

  @Test
  void unknownParticipantsGiveNoStatusAndNoFigures() {
    p.put(B, 1000L);
    TargetProgress r = at(Period.of(2026, 5), 2000);
    assertNull(r.participants());
    assertNull(r.status());
    assertNull(r.gap());
    assertNull(r.progress());
    assertNull(r.paceNeeded());
    assertNull(r.pace());
    assertNull(r.projected());
    assertEquals(1400.0, r.expected(), 1e-9, "the line itself is known");
  }

  @Test
  void unknownBaselineParticipantsGiveNoStatusButTheOtherFigures() {
    Period may = Period.of(2026, 5);
    p.put(may, 1600L);
    TargetProgress r = at(may, 2000);
    assertNull(r.status());
    assertNull(r.expected());
    assertEquals(400L, r.gap());
    assertEquals(0.8, r.progress(), 1e-12);
    assertEquals(67L, r.paceNeeded()); // ceil(400 / 6)
  }

  @Test
  void beforeTheBaselineThereIsNoStatus() {
    Period dec = Period.of(2025, 12);
    p.put(B, 1000L);
    p.put(dec, 2500L);
    TargetProgress r = at(dec, 2000);
    assertNull(r.status(), "m before B, even above N");
    assertNull(r.expected());
    assertEquals(0L, r.gap());
  }

  @Test
  void paceIsTheMeanChangeOverThreeMonthsAndProjectsTheMonth() {
    p.put(B, 1000L);
    Period apr = Period.of(2026, 4);
    p.put(apr, 1300L);
    p.put(B, 1000L); // apr − 3 = jan = B
    TargetProgress r = at(apr, 2000);
    assertEquals(100.0, r.pace(), 1e-12);
    assertEquals(Period.of(2026, 11), r.projected(), "700 more at 100 a month: 7 months after April");
    assertEquals(TargetStatus.SESUAI_JALUR, r.status());
    p.put(apr, 1301L); // 699 left at 301/3 a month: ceil(699 · 3 / 301) = ceil(6.97) = 7
    assertEquals(Period.of(2026, 11), at(apr, 2000).projected());
    p.put(apr, 1001L); // 999 left at 1/3 a month: 2997 months
    assertEquals(Period.of(2026, 4).plusMonths(2997), at(apr, 2000).projected());
  }

  @Test
  void noPaceWithoutTheMonthThreeBackAndNoProjectionWhenPaceIsNotPositive() {
    Period apr = Period.of(2026, 4);
    p.put(apr, 1300L);
    assertNull(at(apr, 2000).pace(), "January unknown");
    p.put(B, 1300L);
    TargetProgress flat = at(apr, 2000);
    assertEquals(0.0, flat.pace(), 1e-12);
    assertNull(flat.projected(), "pace 0 never reaches it");
    p.put(B, 1400L);
    TargetProgress falling = at(apr, 2000);
    assertEquals(-100.0 / 3, falling.pace(), 1e-12);
    assertNull(falling.projected(), "a falling count never reaches it");
    assertEquals(TargetStatus.TERTINGGAL, falling.status());
  }

  @Test
  void aTargetNeedsABaselineBeforeItsMonthAndAPositiveNumber() {
    InvalidTargetException same = assertThrows(InvalidTargetException.class,
        () -> new Target(KOJA, Sector.BPU, T, 10, T, null, null));
    assertEquals(TargetField.BASELINE_PERIOD, same.field());
    assertThrows(InvalidTargetException.class, () -> new Target(KOJA, Sector.BPU, B, 10, T, null, null));
    InvalidTargetException zero = assertThrows(InvalidTargetException.class,
        () -> new Target(KOJA, Sector.BPU, T, 0, B, null, null));
    assertEquals(TargetField.TARGET, zero.field());
    InvalidTargetException note = assertThrows(InvalidTargetException.class,
        () -> new Target(KOJA, Sector.BPU, T, 10, B, null, "x".repeat(Target.MAX_NOTE_CHARS + 1)));
    assertEquals(TargetField.NOTE, note.field());
    assertNull(new Target(KOJA, Sector.BPU, T, 10, B, "  ", null).assignee(), "blank is no assignee");
    assertEquals("Pak Budi", new Target(KOJA, Sector.BPU, T, 10, B, " Pak Budi ", null).assignee());
  }
}
