package id.cakupan.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §7's effect on a hand-made series; every expected number is worked out in the comments. */
class ActivityEffectTest {
  static final KelurahanCode A = KelurahanCode.parse("31.72.03.1001");
  static final KelurahanCode B = KelurahanCode.parse("31.72.03.1002");
  static final KelurahanCode C = KelurahanCode.parse("31.72.01.1001");
  static final KelurahanCode D = KelurahanCode.parse("31.72.01.1002");
  static final KelurahanCode E = KelurahanCode.parse("31.71.01.1001"); // another kota
  static final List<KelurahanCode> ALL = List.of(A, B, C, D, E);

  final Map<String, Long> series = new HashMap<>();

  void put(KelurahanCode k, long jan, long apr, long may, long aug) {
    series.put(k + "2026-01", jan);
    series.put(k + "2026-04", apr);
    series.put(k + "2026-05", may);
    series.put(k + "2026-08", aug);
  }

  Long p(KelurahanCode k, Period m) {
    return series.get(k.value() + m);
  }

  static Activity activity(String id, KelurahanCode code, String date, ActivityType type, ActivityStatus status,
      String organiser, Integer registrations) {
    return new Activity(id, type, status, LocalDate.parse(date), organiser, code, null, null, null, null,
        registrations, null);
  }

  ActivityEffect.Result compute(List<Activity> activities) {
    return ActivityEffect.compute(activities, ALL, this::p);
  }

  void fullSeries() {
    put(A, 100, 110, 115, 145); // before 110-100 = 10, after 145-115 = 30, change 20
    put(B, 200, 204, 205, 213); // before 4, after 8, change 4
    put(C, 50, 56, 56, 60); //     before 6, after 4, change -2
    put(D, 0, 0, 0, 1000); //      change 1000, but D had an activity in the window
    put(E, 0, 0, 0, 500); //       change 500, but another kota
  }

  @Test
  void excessIsTheChangeLessTheMeanChangeOfUnvisitedKelurahanOfTheKota() {
    fullSeries();
    List<Activity> activities = List.of(
        activity("a1", A, "2026-05-10", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 12),
        activity("d1", D, "2026-07-02", ActivityType.PELATIHAN, ActivityStatus.SELESAI, "Sudin PPKUKM Jakarta Utara", null),
        // Planned and cancelled activities neither count nor exclude a comparison kelurahan.
        activity("c1", C, "2026-06-01", ActivityType.BAZAR, ActivityStatus.RENCANA, "Kecamatan Koja", null),
        activity("b1", B, "2026-03-01", ActivityType.SOSIALISASI, ActivityStatus.BATAL, "Kecamatan Koja", 99));
    ActivityEffect.Result r = compute(activities);
    assertEquals(2, r.rows().size(), "done activities only");
    ActivityEffect.Row a = r.rows().get(0);
    assertEquals("a1", a.activity().id());
    assertEquals(10L, a.before());
    assertEquals(30L, a.after());
    assertEquals(20L, a.change());
    assertEquals(1.0, a.comparison(), 1e-12); // (4 + -2) / 2
    assertEquals(2, a.comparisonKelurahan());
    assertEquals(19.0, a.excess(), 1e-12);

    // D's activity month is July: it needs March, June, July and October, which are missing.
    ActivityEffect.Row d = r.rows().get(1);
    assertNull(d.before());
    assertNull(d.change());
    assertNull(d.excess());

    ActivityEffect.Summary bazar = r.byType().get(0);
    assertEquals(new ActivityEffect.Summary("bazar", 1, 12, 12.0, 19.0, 1), bazar);
    assertEquals(new ActivityEffect.Summary("pelatihan", 1, 0, 0.0, null, 0), r.byType().get(1));
    assertEquals(List.of("Kecamatan Koja", "Sudin PPKUKM Jakarta Utara"),
        r.byOrganiser().stream().map(ActivityEffect.Summary::key).toList());
  }

  @Test
  void aMissingMonthMakesTheActivitysNumbersNullButNotTheComparison() {
    fullSeries();
    series.remove(A + "2026-08");
    ActivityEffect.Row a = compute(List.of(
        activity("a1", A, "2026-05-10", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3))).rows().get(0);
    assertEquals(10L, a.before());
    assertNull(a.after());
    assertNull(a.change());
    // Without D's activity D is a comparison too: (4 - 2 + 1000) / 3.
    assertEquals(1002.0 / 3, a.comparison(), 1e-9);
    assertEquals(3, a.comparisonKelurahan());
    assertNull(a.excess());
  }

  @Test
  void aComparisonKelurahanWithAMissingMonthIsLeftOut() {
    fullSeries();
    series.remove(B + "2026-01");
    series.remove(D + "2026-05");
    ActivityEffect.Row a = compute(List.of(
        activity("a1", A, "2026-05-10", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3))).rows().get(0);
    assertEquals(-2.0, a.comparison(), 1e-12); // C alone
    assertEquals(1, a.comparisonKelurahan());
    assertEquals(22.0, a.excess(), 1e-12);
  }

  @Test
  void withoutComparisonKelurahanThereIsNoExcess() {
    put(A, 100, 110, 115, 145);
    put(E, 0, 0, 0, 500);
    ActivityEffect.Result r = ActivityEffect.compute(List.of(
        activity("a1", A, "2026-05-10", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3)),
        List.of(A, E), this::p);
    ActivityEffect.Row a = r.rows().get(0);
    assertEquals(20L, a.change());
    assertNull(a.comparison());
    assertEquals(0, a.comparisonKelurahan());
    assertNull(a.excess());
    assertNull(r.byType().get(0).meanExcess());
  }

  @Test
  void aKelurahanVisitedJustOutsideTheWindowIsAComparison() {
    fullSeries();
    // B's activity in December 2025 is a-5 for May: outside a-4 .. a+3, so B still compares;
    // C's in September 2026 is a+4: C compares too.
    ActivityEffect.Row a = compute(List.of(
        activity("a1", A, "2026-05-10", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3),
        activity("b0", B, "2025-12-20", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3),
        activity("c9", C, "2026-09-01", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3),
        activity("d8", D, "2026-08-31", ActivityType.BAZAR, ActivityStatus.SELESAI, "Kecamatan Koja", 3)))
        .rows().stream().filter(r -> r.activity().id().equals("a1")).findFirst().orElseThrow();
    assertEquals(2, a.comparisonKelurahan(), "D (a+3) is out, B (a-5) and C (a+4) are in");
    assertEquals(1.0, a.comparison(), 1e-12);
  }
}
