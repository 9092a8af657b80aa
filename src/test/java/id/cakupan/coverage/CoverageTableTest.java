package id.cakupan.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTableTest {
  static final KelurahanCode A = KelurahanCode.parse("31.72.03.1001");
  static final KelurahanCode B = KelurahanCode.parse("31.72.03.1002");
  static final Period DEC = Period.of(2025, 12);
  static final Period JAN = Period.of(2026, 1);

  @Test
  void aggregatesAreRatiosOfSumsNotMeansOfRatios() {
    // A: 90 of 100 (90%), B: 10 of 1000 (1%). Mean of ratios would be 45.5%; ratio of sums is 100/1100.
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.BPU, 90, 100L),
        new CoverageRecord(B, JAN, Sector.BPU, 10, 1000L)));
    Figures f = t.figures(List.of(A, B), Sector.BPU, JAN, 2.0);
    assertEquals(100L, f.participants());
    assertEquals(1100L, f.workforce());
    assertEquals(100.0 / 1100.0, f.coverageRate(), 1e-12);
    assertEquals(1000L, f.uncovered());
    assertEquals(50.0, f.density(), 1e-12);
  }

  @Test
  void allSectorsSumsTheImportedSectorsFirst() {
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.PU, 80, 100L),
        new CoverageRecord(A, JAN, Sector.BPU, 5, 100L),
        new CoverageRecord(A, JAN, Sector.JAKON, 15, 50L)));
    Figures f = t.figures(List.of(A), Sector.ALL, JAN, 1.0);
    assertEquals(100L, f.participants());
    assertEquals(250L, f.workforce());
    assertEquals(0.4, f.coverageRate(), 1e-12);
    assertEquals(150L, f.uncovered());
  }

  @Test
  void unknownWorkforceOfOneMemberMakesTheAggregateRateUnknownButParticipantsStillSum() {
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.BPU, 90, 100L),
        new CoverageRecord(B, JAN, Sector.BPU, 10, null)));
    Figures f = t.figures(List.of(A, B), Sector.BPU, JAN, 1.0);
    assertEquals(100L, f.participants());
    assertNull(f.workforce());
    assertNull(f.coverageRate());
    assertNull(f.uncovered());
  }

  @Test
  void aMemberWithoutAnyRecordAlsoMakesWorkforceUnknown() {
    CoverageTable t = new CoverageTable(List.of(new CoverageRecord(A, JAN, Sector.BPU, 90, 100L)));
    Figures f = t.figures(List.of(A, B), Sector.BPU, JAN, 1.0);
    assertEquals(90L, f.participants());
    assertNull(f.coverageRate());
    assertEquals(Figures.NO_DATA, t.figures(List.of(B), Sector.BPU, JAN, 1.0));
  }

  @Test
  void changeLooksBackAcrossTheYearBoundary() {
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, DEC, Sector.PU, 70, 100L),
        new CoverageRecord(A, JAN, Sector.PU, 75, 100L)));
    assertEquals(DEC, JAN.previous());
    assertEquals(5L, t.figures(List.of(A), Sector.PU, JAN, 1).change());
    assertNull(t.figures(List.of(A), Sector.PU, DEC, 1).change(), "no November: no change");
  }

  @Test
  void rateIsNullForZeroWorkforceAndMayExceedOne() {
    assertNull(Figures.of(new Counts(5, 0L), null, 1).coverageRate());
    assertEquals(0L, Figures.of(new Counts(5, 0L), null, 1).uncovered());
    assertEquals(1.5, Figures.of(new Counts(150, 100L), null, 1).coverageRate(), 1e-12);
    assertEquals(0L, Figures.of(new Counts(150, 100L), null, 1).uncovered());
  }

  @Test
  void periodsAreSortedAndNewestKnown() {
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.PU, 1, 1L), new CoverageRecord(A, DEC, Sector.PU, 1, 1L)));
    assertEquals(List.of(DEC, JAN), List.copyOf(t.periods()));
    assertEquals(JAN, t.newest());
  }

  @Test
  void codesSectorsAndPeriodsParseAtTheEdge() {
    assertEquals("31.72.03.1004", KelurahanCode.parse("3172031004").value());
    assertEquals("31.72.03", KelurahanCode.parse("31.72.03.1004").kecamatanCode());
    assertThrows(IllegalArgumentException.class, () -> KelurahanCode.parse("3175040005x"));
    assertThrows(IllegalArgumentException.class, () -> KelurahanCode.parse("31.72.3.1004"));
    assertEquals(Sector.BPU, Sector.parse("Informal"));
    assertEquals(Sector.BPU, Sector.parse(" bukan  penerima upah "));
    assertEquals(Sector.JAKON, Sector.parse("Jasa Konstruksi"));
    assertEquals(Sector.PU, Sector.parse("formal"));
    assertThrows(IllegalArgumentException.class, () -> Sector.parseImported("ALL"));
    assertThrows(IllegalArgumentException.class, () -> Sector.parse("PBI"));
    assertEquals(Period.of(2026, 1), Period.parse("2026-01"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-13"));
    assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-1"));
    assertEquals("31.72.03", KecamatanCode.parse("317203").value());
    assertThrows(IllegalArgumentException.class, () -> KecamatanCode.parse("31.72"));
  }

  @Test
  void anAggregateWithMissingMembersKeepsItsRatesNullAndSaysWhatIsKnown() {
    KelurahanCode c = KelurahanCode.parse("31.72.03.1003");
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.BPU, 90, 100L),
        new CoverageRecord(B, JAN, Sector.BPU, 10, null))); // C has no record, B no workforce
    Figures f = t.aggregateFigures(List.of(A, B, c), Sector.BPU, JAN, 3.0);
    assertEquals(100L, f.participants(), "participants still sum");
    assertNull(f.workforce());
    assertNull(f.coverageRate());
    assertNull(f.uncovered());
    assertEquals(new Figures.Partial(3, 1, 0.9, 10L), f.partial());
    assertTrue(f.partial().isPartial());
    Figures none = t.aggregateFigures(List.of(c), Sector.BPU, JAN, 1.0);
    assertEquals(new Figures.Partial(1, 0, null, null), none.partial());
    assertFalse(none.partial().isPartial(), "nothing known is no data, not partial");
    Figures whole = t.aggregateFigures(List.of(A), Sector.BPU, JAN, 1.0);
    assertEquals(new Figures.Partial(1, 1, 0.9, 10L), whole.partial());
    assertFalse(whole.partial().isPartial());
    assertNull(t.figures(List.of(A), Sector.BPU, JAN, 1.0).partial(), "a kelurahan has no partial figures");
    // ALL: a member is complete only with every sector's record.
    CoverageTable all = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.PU, 5, 10L), new CoverageRecord(A, JAN, Sector.BPU, 5, 10L),
        new CoverageRecord(A, JAN, Sector.JAKON, 5, 10L), new CoverageRecord(B, JAN, Sector.PU, 1, 2L)));
    assertEquals(new Figures.Partial(2, 1, 0.5, 15L), all.aggregateFigures(List.of(A, B), Sector.ALL, JAN, 1.0).partial());
    assertEquals(15L, all.participants(A, Sector.ALL, JAN));
    assertNull(all.participants(B, Sector.ALL, JAN), "a partial sum is not P(m)");
  }

  @Test
  void scatteredRecordsArePackedAndAnswerAsTheDenseGrid() {
    // 200 kelurahan each with one month of its own: a dense grid would be 200 x 200 x 3 cells for 200 records.
    List<CoverageRecord> records = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      KelurahanCode code = KelurahanCode.parse(String.format("31.72.03.%04d", 1001 + i));
      records.add(new CoverageRecord(code, Period.of(2000, 1).minusMonths(-i), Sector.PU, i, i % 2 == 0 ? null : 10L * i));
    }
    CoverageTable t = new CoverageTable(records);
    assertEquals(200, t.size());
    assertEquals(200, t.periods().size());
    KelurahanCode k7 = KelurahanCode.parse("31.72.03.1008");
    Period m7 = Period.of(2000, 1).minusMonths(-7);
    assertEquals(new Counts(7, 70L), t.cell(k7, Sector.PU, m7));
    assertNull(t.cell(k7, Sector.BPU, m7));
    assertNull(t.cell(k7, Sector.PU, m7.previous()));
    assertEquals(new Counts(7, null), t.sum(List.of(k7), Sector.ALL, m7), "BPU and JAKON missing: workforce unknown");
    assertEquals(new Counts(6, null), t.cell(KelurahanCode.parse("31.72.03.1007"), Sector.PU, m7.previous()));
  }

  @Test
  void aLaterRecordForTheSameCellReplacesTheEarlier() {
    CoverageTable t = new CoverageTable(List.of(
        new CoverageRecord(A, JAN, Sector.BPU, 5, 50L),
        new CoverageRecord(A, JAN, Sector.BPU, 6, null)));
    assertEquals(1, t.size());
    assertEquals(new Counts(6, null), t.cell(A, Sector.BPU, JAN));
    assertNull(t.cell(A, Sector.ALL, JAN), "ALL is derived, never a stored cell");
    assertNull(t.cell(B, Sector.BPU, JAN));
    assertNull(t.sum(List.of(B), Sector.BPU, JAN));
  }

  @Test
  void recordsAppliedToATableGiveWhatBuildingFromAllOfThemGives() {
    List<CoverageRecord> first = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      KelurahanCode code = KelurahanCode.parse(String.format("31.72.03.%04d", 1001 + i));
      for (Period m : List.of(DEC, Period.of(2026, 3))) {
        for (Sector s : Sector.IMPORTED) first.add(new CoverageRecord(code, m, s, i + s.ordinal(), i % 3 == 0 ? null : 100L + i));
      }
    }
    // A month before, between and after those held, a new kelurahan, a changed value and one unchanged.
    List<CoverageRecord> later = List.of(
        new CoverageRecord(A, Period.of(2025, 6), Sector.PU, 1, 2L),
        new CoverageRecord(B, Period.of(2026, 2), Sector.BPU, 3, null),
        new CoverageRecord(A, Period.of(2026, 10), Sector.JAKON, 4, 5L),
        new CoverageRecord(KelurahanCode.parse("31.72.09.9001"), DEC, Sector.PU, 6, 7L),
        new CoverageRecord(A, DEC, Sector.BPU, 99, 100L),
        first.get(7));
    assertSameCells(all(first, later), new CoverageTable(first).with(later));

    // The usual import: a newer month and a month held again, for the same kelurahan.
    List<CoverageRecord> nextMonth = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      KelurahanCode code = KelurahanCode.parse(String.format("31.72.03.%04d", 1001 + i));
      nextMonth.add(new CoverageRecord(code, Period.of(2026, 4), Sector.BPU, 500 + i, i % 2 == 0 ? null : 900L));
      if (i % 5 == 0) nextMonth.add(new CoverageRecord(code, DEC, Sector.PU, 7, 8L));
    }
    assertSameCells(all(first, nextMonth), new CoverageTable(first).with(nextMonth));
    assertSameCells(all(all(first, nextMonth), later), new CoverageTable(first).with(nextMonth).with(later));

    // Scattered records are packed, not a dense grid: applying to those too.
    List<CoverageRecord> scattered = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      scattered.add(new CoverageRecord(KelurahanCode.parse(String.format("31.72.03.%04d", 1001 + i)),
          Period.of(2000, 1).minusMonths(-i), Sector.PU, i, 10L * i));
    }
    assertSameCells(all(scattered, later), new CoverageTable(scattered).with(later));
  }

  private static List<CoverageRecord> all(List<CoverageRecord> first, List<CoverageRecord> later) {
    List<CoverageRecord> out = new java.util.ArrayList<>(first);
    out.addAll(later);
    return out;
  }

  /** Every cell of the table built from all the records, and no other, answers the same in {@code actual}. */
  private static void assertSameCells(List<CoverageRecord> records, CoverageTable actual) {
    CoverageTable expected = new CoverageTable(records);
    assertEquals(expected.size(), actual.size());
    assertEquals(expected.periods(), actual.periods());
    for (CoverageRecord r : records) {
      for (Period m : expected.periods()) {
        for (Sector s : Sector.IMPORTED) {
          assertEquals(expected.cell(r.code(), s, m), actual.cell(r.code(), s, m), r.code() + " " + s + " " + m);
        }
      }
    }
  }
}
