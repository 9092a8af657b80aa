package id.cakupan.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReachTest {
  static KelurahanCode k(String code) {
    return KelurahanCode.parse(code);
  }

  static Activity done(String id, String code, String date) {
    return new Activity(id, ActivityType.BAZAR, ActivityStatus.SELESAI, LocalDate.parse(date), "Kecamatan Koja",
        k(code), null, null, null, null, null, null);
  }

  @Test
  void topThirdOfTheKotaWithoutADoneActivityInSixMonthsIsNotReached() {
    Map<KelurahanCode, Long> uncovered = new HashMap<>();
    uncovered.put(k("31.72.01.1001"), 600L); // top; visited in January (m-5): reached
    uncovered.put(k("31.72.01.1002"), 500L); // top (one has more); visited December (m-6): not reached
    uncovered.put(k("31.72.03.1001"), 500L); // tied, top too; only planned: not reached
    uncovered.put(k("31.72.03.1002"), 400L); // three have more: not top
    uncovered.put(k("31.72.05.1001"), 300L);
    uncovered.put(k("31.72.05.1002"), null); // unknown: cannot say
    uncovered.put(k("31.71.01.1001"), 10L); // alone in its kota: its top third
    List<Activity> activities = List.of(
        done("x1", "31.72.01.1001", "2026-01-31"),
        done("x2", "31.72.01.1002", "2025-12-31"),
        new Activity("x3", ActivityType.BAZAR, ActivityStatus.RENCANA, LocalDate.parse("2026-05-01"), "Kecamatan Koja",
            k("31.72.03.1001"), null, null, null, null, null, null),
        done("x4", "31.72.05.1002", "2026-07-01")); // after m: does not count
    Map<String, Reach.Row> rows = new HashMap<>();
    for (Reach.Row r : Reach.evaluate(Period.parse("2026-06"), uncovered.keySet(), activities, uncovered::get)) {
      rows.put(r.code().value(), r);
    }
    Reach.Row visited = rows.get("31.72.01.1001");
    assertTrue(visited.reached());
    assertTrue(visited.topThird());
    assertFalse(visited.belumTersentuh());
    assertEquals(LocalDate.parse("2026-01-31"), visited.lastDone());

    Reach.Row old = rows.get("31.72.01.1002");
    assertFalse(old.reached());
    assertTrue(old.belumTersentuh());
    assertEquals(LocalDate.parse("2025-12-31"), old.lastDone());

    assertTrue(rows.get("31.72.03.1001").belumTersentuh(), "a tie on the edge of the top third is in it");
    assertNull(rows.get("31.72.03.1001").lastDone());
    assertFalse(rows.get("31.72.03.1002").belumTersentuh());
    assertFalse(rows.get("31.72.05.1001").belumTersentuh());
    assertNull(rows.get("31.72.05.1002").belumTersentuh(), "unknown uncovered is not read as few");
    assertNull(rows.get("31.72.05.1002").lastDone(), "an activity after the month does not count");
    assertTrue(rows.get("31.71.01.1001").belumTersentuh(), "ranked within its own kota");
  }
}
