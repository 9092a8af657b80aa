package id.cakupan.store;

import static id.cakupan.store.StoreFixtures.KOJA;
import static id.cakupan.store.StoreFixtures.LAGOA;
import static id.cakupan.store.StoreFixtures.OCT;
import static id.cakupan.store.StoreFixtures.PLUIT;
import static id.cakupan.store.StoreFixtures.SEP;
import static id.cakupan.store.StoreFixtures.assertSameBoundaries;
import static id.cakupan.store.StoreFixtures.log;
import static id.cakupan.store.StoreFixtures.rec;
import static id.cakupan.store.StoreFixtures.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityStatus;
import id.cakupan.activity.ActivityType;
import id.cakupan.auth.ApiToken;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Role;
import id.cakupan.auth.Tokens;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Sector;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.ogc.filter.FilterException;
import id.cakupan.coverage.Period;
import id.cakupan.targeting.Target;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every store promises, whatever it keeps the data in. Each subclass gives every test fresh,
 * empty storage; {@link #open()} may be called more than once per test and must then open the same
 * storage again (as a restart of the service would).
 */
abstract class StoreContractTest {
  private final List<Store> opened = new ArrayList<>();

  /** Opens a new store instance on this test's storage. */
  protected abstract Store open();

  /** Opens a store that is closed after the test. */
  protected Store store() {
    Store s = open();
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() {
    for (Store s : opened) s.close();
    opened.clear();
  }

  @Test
  void newStoreIsEmpty() {
    Store s = store();
    assertTrue(s.boundaries().isEmpty());
    assertFalse(s.hasBoundaries());
    assertEquals(List.of(), s.coverage());
    assertEquals(List.of(), s.imports());
  }

  static List<KelurahanCode> matching(Store s, String cql2Text) {
    return s.kelurahanMatching(Filter.parse(cql2Text, Filter.Lang.CQL2_TEXT, KelurahanQueryables.QUERYABLES));
  }

  @Test
  void filtersSelectTheSameKelurahanInEveryStore() {
    Store s = store();
    assertEquals(List.of(), matching(s, "name = 'Koja'"), "no boundaries yet");
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"));
    assertEquals(List.of(KOJA, LAGOA), matching(s, "kecamatan_code = '31.72.03'"));
    assertEquals(List.of(PLUIT, KOJA, LAGOA), matching(s, "level = 'kelurahan' AND kota_code = '31.72'"));
    assertEquals(List.of(PLUIT), matching(s, "name LIKE 'P%'"));
    assertEquals(List.of(LAGOA), matching(s, "name LIKE '_agoa'"));
    assertEquals(List.of(PLUIT), matching(s, "bps_code IS NULL"));
    assertEquals(List.of(LAGOA), matching(s, "NOT (bps_code = '3175040006')"), "a null is unknown, and NOT unknown too");
    assertEquals(List.of(LAGOA), matching(s, "luas_km2 = 1.57"), "areas as served: 3 decimals");
    assertEquals(List.of(PLUIT, KOJA), matching(s, "luas_km2 BETWEEN 2 AND 8"));
    assertEquals(List.of(PLUIT, LAGOA), matching(s, "name > 'L'"));
    assertEquals(List.of(PLUIT), matching(s, "code IN ('31.72.01.1005', '31.72.09.9999')"));
    assertEquals(List.of(PLUIT), matching(s, "kota = 'Jakarta Utara' AND NOT (kecamatan = 'Koja')"));
    assertEquals(List.of(PLUIT, KOJA, LAGOA), matching(s, "bps_code = '3175040006' OR TRUE"));
    assertEquals(List.of(KOJA), matching(s, "CASEI(name) = CASEI('KOJA')"));
    assertEquals(List.of(PLUIT), matching(s, "CASEI(name) LIKE CASEI('p%')"));
    assertEquals(List.of(KOJA, LAGOA), matching(s, "CASEI(kecamatan) IN ('koja', 'x')"));
    // In Koja's hole, then on Lagoa's island.
    assertEquals(List.of(), matching(s, "S_INTERSECTS(geometry, POINT(106.897 -6.107))"));
    assertEquals(List.of(LAGOA), matching(s, "S_INTERSECTS(geometry, BBOX(106.9169, -6.1095, 106.92, -6.1))"));
    assertEquals(List.of(PLUIT), matching(s, "S_INTERSECTS(geometry, POLYGON((106.7 -6.2, 106.85 -6.2, 106.85 -6.0,"
        + " 106.7 -6.0, 106.7 -6.2)))"));
    // LIKE escapes: a literal % and a pattern ending in a lone backslash match nothing and break nothing.
    assertEquals(List.of(), matching(s, "name LIKE '%\\%%'"));
    assertEquals(List.of(), matching(s, "name LIKE 'Koja\\'"));
  }

  static List<String> coverageMatching(Store s, String cql2Text) {
    return s.coverageMatching(Filter.parse(cql2Text, Filter.Lang.CQL2_TEXT, CoverageQueryables.QUERYABLES), 1000).stream()
        .map(CoverageFeature::id).toList();
  }

  @Test
  void coverageFiltersDeriveTheMetricsAsTheMapDoes() {
    Store s = store();
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"));
    s.importCoverage(List.of(
        rec(KOJA, SEP, Sector.PU, 100, 200L), rec(KOJA, OCT, Sector.PU, 120, 200L), rec(KOJA, OCT, Sector.BPU, 30, null),
        rec(KOJA, OCT, Sector.JAKON, 5, 10L), rec(LAGOA, OCT, Sector.PU, 50, 100L), rec(PLUIT, SEP, Sector.BPU, 7, 7L)),
        log(ImportRecord.COVERAGE, 6, "01"));
    String koja = "31.72.03.1001_";
    String lagoa = "31.72.03.1003_";
    String pluit = "31.72.01.1005_";
    assertEquals(24, coverageMatching(s, "TRUE").size(), "3 kelurahan x 2 months x 4 sectors");
    assertEquals(List.of(koja + "2026-09_PU", koja + "2026-10_JAKON", lagoa + "2026-10_PU"),
        coverageMatching(s, "coverage_rate = 0.5"));
    assertEquals(List.of(pluit + "2026-09_ALL", koja + "2026-09_ALL", koja + "2026-10_ALL", lagoa + "2026-10_ALL"),
        coverageMatching(s, "sector = 'ALL' AND workforce IS NULL AND participants IS NOT NULL"),
        "a missing or unknown sector makes ALL's workforce unknown");
    assertEquals(List.of(koja + "2026-10_PU", koja + "2026-10_ALL"), coverageMatching(s, "change > 0"),
        "change needs the month before; ALL of September is PU alone");
    assertEquals(List.of(koja + "2026-10_PU"), coverageMatching(s, "density BETWEEN 46.33 AND 46.33"), "120 / 2.59 km²");
    assertEquals(List.of(pluit + "2026-09_BPU"), coverageMatching(s, "uncovered = 0 AND coverage_rate >= 1"));
    assertEquals(List.of(koja + "2026-10_PU", koja + "2026-10_JAKON", lagoa + "2026-10_PU", lagoa + "2026-10_JAKON"),
        coverageMatching(s, "period_end = DATE('2026-10-31') AND kecamatan_code = '31.72.03' AND sector IN ('PU', 'JAKON')"));
    assertEquals(List.of(pluit + "2026-09_BPU", pluit + "2026-09_ALL", koja + "2026-10_JAKON"),
        coverageMatching(s, "NOT (participants > 10)"));
    assertEquals(List.of(lagoa + "2026-09_PU"), coverageMatching(s, "period = '2026-09' AND name = 'Lagoa' AND sector = 'PU'"
        + " AND participants IS NULL AND luas_km2 = 1.57"));
    assertEquals(List.of(), coverageMatching(s, "name = 'x'' OR 1=1 --'"));
    assertEquals(List.of(pluit + "2026-09_PU", pluit + "2026-09_BPU"), s.coverageMatching(
        Filter.parse("TRUE", Filter.Lang.CQL2_TEXT, CoverageQueryables.QUERYABLES), 2).stream().map(CoverageFeature::id).toList(),
        "at most the limit, from the start of the order");
  }

  @Test
  void injectionAttemptsAreRejectedOrMatchNothingAndLeaveTheTablesIntact() {
    Store s = store();
    BoundarySet set = StoreFixtures.jakartaUtara();
    s.replaceBoundaries(set, log(ImportRecord.BOUNDARIES, 3, "00"));
    List<CoverageRecord> counts = List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L));
    s.importCoverage(counts, log(ImportRecord.COVERAGE, 1, "01"));
    for (String attempt : List.of(
        "name = 'x'' OR 1=1 --'",
        "name = 'x''); DROP TABLE kelurahan; --'",
        "name LIKE '%''; DROP TABLE coverage; --'",
        "name = 'x\\'' OR ''1''=''1'",
        "code IN ('x'' OR code IS NOT NULL OR ''', 'y')",
        "name = 'x\u2019 OR 1=1 --'",
        "name = 'Koja\u02bc OR \u02bc1\u02bc=\u02bc1'")) {
      assertEquals(List.of(), matching(s, attempt), attempt);
    }
    for (String rejected : List.of(
        "\"code; DROP TABLE kelurahan; --\" = 'x'",
        "name = 'x' OR 1=1 --",
        "name = 'x'; DROP TABLE kelurahan",
        "name = \u2018x\u2019 OR \u20181\u2019=\u20181\u2019",
        "name = 'x' UNION SELECT code FROM kelurahan",
        "S_INTERSECTS(geometry, POINT(1 2); DROP TABLE kelurahan)")) {
      assertThrows(FilterException.class, () -> matching(s, rejected), rejected);
    }
    assertEquals(List.of(), s.kelurahanMatching(Filter.parse("{\"op\":\"=\",\"args\":[{\"property\":\"name\"},"
        + "\"x'); DROP TABLE kelurahan; --\"]}", Filter.Lang.CQL2_JSON, KelurahanQueryables.QUERYABLES)));
    assertSameBoundaries(set, s.boundaries().orElseThrow());
    assertEquals(counts, s.coverage());
  }

  @Test
  void boundariesRoundTripWithHolesPartsAndUnmatchedFeatures() {
    Store s = store();
    BoundarySet set = StoreFixtures.jakartaUtara();
    s.replaceBoundaries(set, log(ImportRecord.BOUNDARIES, 3, "00"));
    assertTrue(s.hasBoundaries());
    assertSameBoundaries(set, s.boundaries().orElseThrow());
  }

  @Test
  void replacingBoundariesLeavesNothingOfTheOldSet() {
    Store s = store();
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"));
    BoundarySet next = StoreFixtures.schematicPluitOnly();
    s.replaceBoundaries(next, log(ImportRecord.BOUNDARIES, 1, "01"));
    assertSameBoundaries(next, s.boundaries().orElseThrow());
  }

  @Test
  void outlinesDissolvedLaterAreKeptWithTheBoundariesTheyCameFrom() {
    Store s = store();
    BoundarySet full = StoreFixtures.jakartaUtara();
    BoundarySet bare = full.withOutlines(List.of()); // as stored by a version that kept no outlines
    ImportRecord imported = log(ImportRecord.BOUNDARIES, 3, "00");
    s.replaceBoundaries(bare, imported);
    assertTrue(s.boundaries().orElseThrow().outlines().isEmpty());
    int logged = s.imports().size();

    assertTrue(s.keepOutlines(imported, full.outlines()));
    assertSameBoundaries(full, s.boundaries().orElseThrow());
    assertEquals(logged, s.imports().size(), "keeping outlines logs no import");
    // Kept once: a second instance that dissolved too stores nothing more.
    assertFalse(s.keepOutlines(imported, List.of(full.outlines().get(0))));
    assertSameBoundaries(full, s.boundaries().orElseThrow());
  }

  @Test
  void outlinesOfAnEarlierBoundaryImportAreNotKept() {
    Store s = store();
    ImportRecord first = log(ImportRecord.BOUNDARIES, 3, "00");
    s.replaceBoundaries(StoreFixtures.jakartaUtara().withOutlines(List.of()), first);
    BoundarySet next = StoreFixtures.schematicPluitOnly();
    s.replaceBoundaries(next, log(ImportRecord.BOUNDARIES, 1, "01"));
    // Dissolved from the first set by an instance that had not seen the second import yet.
    assertFalse(s.keepOutlines(first, StoreFixtures.jakartaUtara().outlines()));
    assertSameBoundaries(next, s.boundaries().orElseThrow());
  }

  @Test
  void replacingBoundariesKeepsCoverageCounts() {
    Store s = store();
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"));
    List<CoverageRecord> counts = List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L), rec(LAGOA, OCT, Sector.PU, 5, 10L));
    s.importCoverage(counts, log(ImportRecord.COVERAGE, 2, "01"));
    // Koja and Lagoa are not in the new set; their counts must survive for when they come back.
    s.replaceBoundaries(StoreFixtures.schematicPluitOnly(), log(ImportRecord.BOUNDARIES, 1, "02"));
    assertEquals(sorted(counts), sorted(s.coverage()));
  }

  /** Whether this store keeps coverage marks ({@link Store#coverageMark}); one that does not reads coverage whole. */
  protected boolean marksCoverage() {
    return false;
  }

  @Test
  void coverageWrittenSinceAMarkAppliedToWhatWasReadGivesTheStoredCoverage() {
    Store s = store();
    s.acceptCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, 1000L), rec(KOJA, OCT, Sector.PU, 700, 800L),
        rec(LAGOA, SEP, Sector.BPU, 0, null)), log(ImportRecord.COVERAGE, 3, "00"));
    java.util.OptionalLong mark = s.coverageMark();
    assertEquals(marksCoverage(), mark.isPresent());
    if (!marksCoverage()) {
      assertTrue(s.coverageChangedSince(0).isEmpty(), "a store without marks cannot tell what changed");
      return;
    }
    List<CoverageRecord> held = s.coverage();

    // Another process: one value changed, one re-sent unchanged, a new month, an unknown workforce now known.
    try (Store other = open()) {
      other.acceptCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 150, 990L), rec(KOJA, OCT, Sector.PU, 700, 800L),
          rec(KOJA, Period.of(2026, 11), Sector.PU, 7, 9L), rec(LAGOA, SEP, Sector.BPU, 0, 12L)),
          log(ImportRecord.COVERAGE, 4, "01"));
    }
    CoverageChanges changes = s.coverageChangedSince(mark.getAsLong()).orElseThrow();
    assertEquals(sorted(List.of(rec(KOJA, OCT, Sector.BPU, 150, 990L), rec(KOJA, Period.of(2026, 11), Sector.PU, 7, 9L),
        rec(LAGOA, SEP, Sector.BPU, 0, 12L))), sorted(changes.records()), "only what was written, not the unchanged row");
    assertEquals(sorted(s.coverage()), applied(held, changes.records()));
    assertTrue(changes.mark() > mark.getAsLong());
    assertEquals(changes.mark(), s.coverageMark().getAsLong());

    CoverageChanges none = s.coverageChangedSince(changes.mark()).orElseThrow();
    assertEquals(List.of(), none.records(), "nothing written since");
    assertEquals(changes.mark(), none.mark());

    // A write that removes records (the seed superseded) cannot be told as records written: read whole.
    s.replaceAllCoverage(List.of(rec(PLUIT, OCT, Sector.JAKON, 3, 40L)), log(ImportRecord.COVERAGE, 1, "02"));
    assertTrue(s.coverageChangedSince(changes.mark()).isEmpty(), "records were removed since the mark");
    java.util.OptionalLong afterReplace = s.coverageMark();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 1, 2L)), log(ImportRecord.COVERAGE, 1, "03"));
    assertEquals(List.of(rec(KOJA, OCT, Sector.BPU, 1, 2L)),
        s.coverageChangedSince(afterReplace.getAsLong()).orElseThrow().records());
  }

  /** Records with the changes put in place of those with the same (kelurahan, month, sector), sorted. */
  private static List<CoverageRecord> applied(List<CoverageRecord> held, List<CoverageRecord> changes) {
    java.util.Map<String, CoverageRecord> byKey = new java.util.TreeMap<>();
    for (CoverageRecord r : held) byKey.put(r.code() + " " + r.period() + " " + r.sector(), r);
    for (CoverageRecord r : changes) byKey.put(r.code() + " " + r.period() + " " + r.sector(), r);
    return sorted(new ArrayList<>(byKey.values()));
  }

  @Test
  void reimportingAKeyReplacesItsValueAndKeepsTheRest() {
    Store s = store();
    s.importCoverage(List.of(
        rec(KOJA, OCT, Sector.BPU, 100, 1000L),
        rec(KOJA, OCT, Sector.PU, 700, 800L),
        rec(KOJA, SEP, Sector.BPU, 90, 1000L)), log(ImportRecord.COVERAGE, 3, "00"));
    s.importCoverage(List.of(
        rec(KOJA, OCT, Sector.BPU, 150, 990L),
        rec(PLUIT, OCT, Sector.JAKON, 3, 40L)), log(ImportRecord.COVERAGE, 2, "01"));
    assertEquals(sorted(List.of(
        rec(KOJA, OCT, Sector.BPU, 150, 990L),
        rec(KOJA, OCT, Sector.PU, 700, 800L),
        rec(KOJA, SEP, Sector.BPU, 90, 1000L),
        rec(PLUIT, OCT, Sector.JAKON, 3, 40L))), sorted(s.coverage()));
  }

  @Test
  void unknownWorkforceStaysUnknownAndReplacesAKnownOne() {
    Store s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 100, 1000L), rec(LAGOA, OCT, Sector.BPU, 0, null)),
        log(ImportRecord.COVERAGE, 2, "00"));
    assertNull(find(s.coverage(), LAGOA.value(), Sector.BPU).workforce());
    assertEquals(0, find(s.coverage(), LAGOA.value(), Sector.BPU).participants());
    // A re-import replaces the record: an unknown workforce is not filled in from the old one.
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 110, null)), log(ImportRecord.COVERAGE, 1, "01"));
    CoverageRecord koja = find(s.coverage(), KOJA.value(), Sector.BPU);
    assertEquals(110, koja.participants());
    assertNull(koja.workforce());
  }

  @Test
  void theSameKeyTwiceInOneImportKeepsTheLaterRecord() {
    Store s = store();
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L), rec(KOJA, OCT, Sector.PU, 3, 4L)),
        log(ImportRecord.COVERAGE, 2, "00"));
    assertEquals(List.of(rec(KOJA, OCT, Sector.PU, 3, 4L)), s.coverage());
  }

  @Test
  void importLogKeepsEveryImportInOrderWithItsFields() {
    Store s = store();
    ImportRecord boundaries = log(ImportRecord.BOUNDARIES, 3, "00");
    ImportRecord first = log(ImportRecord.COVERAGE, 1, "01");
    ImportRecord synthetic = new ImportRecord(Instant.parse("2026-09-30T23:59:59Z"), ImportRecord.SYNTHETIC, null,
        null, null, 2);
    ImportRecord empty = log(ImportRecord.COVERAGE, 0, "03");
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), boundaries);
    s.importCoverage(List.of(rec(KOJA, OCT, Sector.PU, 1, 2L)), first);
    // An earlier timestamp must not move a later import up: the log is in the order of acceptance.
    s.importCoverage(List.of(rec(KOJA, SEP, Sector.PU, 1, 2L), rec(LAGOA, SEP, Sector.PU, 1, 2L)), synthetic);
    s.importCoverage(List.of(), empty);
    assertEquals(List.of(boundaries, first, synthetic, empty), s.imports());
  }

  @Test
  void aSecondOpenSeesWhatTheFirstWrote() {
    Store first = open();
    BoundarySet set = StoreFixtures.jakartaUtara();
    List<CoverageRecord> counts = List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L), rec(PLUIT, SEP, Sector.PU, 5, null));
    List<ImportRecord> log = List.of(log(ImportRecord.BOUNDARIES, 3, "00"), log(ImportRecord.COVERAGE, 2, "01"));
    try {
      first.replaceBoundaries(set, log.get(0));
      first.importCoverage(counts, log.get(1));
    } finally {
      first.close();
    }
    Store second = store();
    assertSameBoundaries(set, second.boundaries().orElseThrow());
    assertEquals(sorted(counts), sorted(second.coverage()));
    assertEquals(log, second.imports());
  }

  @Test
  void aRealImportReplacesTheSyntheticSeedAndLaterOnesAddToIt() {
    Store s = store();
    ImportRecord seed = new ImportRecord(Instant.parse("2026-09-30T23:59:59Z"), ImportRecord.SYNTHETIC, "seed",
        "synthetic", null, 2);
    assertTrue(s.acceptCoverage(List.of(rec(KOJA, SEP, Sector.PU, 1, 2L), rec(LAGOA, SEP, Sector.PU, 3, 4L)), seed));
    assertTrue(s.coverageIsSynthetic());
    CoverageRecord real = rec(PLUIT, OCT, Sector.BPU, 50, 90L);
    assertTrue(s.acceptCoverage(List.of(real), log(ImportRecord.COVERAGE, 1, "01")));
    assertEquals(List.of(real), s.coverage(), "the seed is gone, not mixed with real counts");
    assertFalse(s.coverageIsSynthetic());
    CoverageRecord next = rec(KOJA, OCT, Sector.BPU, 7, null);
    assertTrue(s.acceptCoverage(List.of(next), log(ImportRecord.COVERAGE, 1, "02")));
    assertEquals(sorted(List.of(real, next)), sorted(s.coverage()), "a later import adds to the real counts");
    assertEquals(List.of(seed, log(ImportRecord.COVERAGE, 1, "01"), log(ImportRecord.COVERAGE, 1, "02")),
        s.imports());
  }

  @Test
  void theSeedIsStoredOnlyIntoAStoreWithoutCoverage() {
    Store s = store();
    List<CoverageRecord> real = List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L));
    s.acceptCoverage(real, log(ImportRecord.COVERAGE, 1, "00"));
    ImportRecord seed = new ImportRecord(Instant.parse("2026-10-02T00:00:00Z"), ImportRecord.SYNTHETIC, "seed",
        "synthetic", null, 1);
    assertFalse(s.acceptCoverage(List.of(rec(LAGOA, OCT, Sector.BPU, 1, 1L)), seed));
    assertEquals(real, s.coverage());
    assertEquals(List.of(log(ImportRecord.COVERAGE, 1, "00")), s.imports());
  }

  @Test
  void rowsTheSeedDidNotWriteAreNeverWipedAsSynthetic() {
    // A store torn by an old bug: real rows, but a synthetic entry last in the log.
    Store s = store();
    List<CoverageRecord> real = List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L), rec(LAGOA, OCT, Sector.PU, 5, 10L));
    s.importCoverage(real, log(ImportRecord.COVERAGE, 2, "00"));
    CoverageRecord seeded = rec(PLUIT, SEP, Sector.PU, 1, 1L);
    s.importCoverage(List.of(seeded), new ImportRecord(Instant.parse("2026-10-01T08:00:01Z"), ImportRecord.SYNTHETIC,
        "seed", "synthetic", null, 1));
    CoverageRecord one = rec(KOJA, SEP, Sector.BPU, 1, 2L);
    s.acceptCoverage(List.of(one), log(ImportRecord.COVERAGE, 1, "02"));
    assertEquals(sorted(List.of(real.get(0), real.get(1), seeded, one)), sorted(s.coverage()));
  }

  @Test
  void pointsAreLocatedInTheCoveringKelurahanWithHolesIslandsAndOverlapsHandled() {
    Store s = store();
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"));
    double[] lons = {106.892, 106.897, 106.918, 106.790, 106.500, 106.907};
    double[] lats = {-6.110, -6.107, -6.1083, -6.110, -5.500, -6.111};
    assertEquals(java.util.Arrays.asList(KOJA, null, LAGOA, PLUIT, null, KOJA), s.locate(lons, lats),
        "Koja, Koja's hole, Lagoa's island, Pluit, the sea, the Koja/Lagoa overlap (lowest code)");
  }

  // --- tokens and the audit log

  static final Instant T0 = Instant.parse("2026-11-01T08:00:00.123456Z");

  static AuditEntry entry(String action, String subject, String old, String next, int second) {
    return new AuditEntry(T0.plusSeconds(second), "Camat Koja", Role.CAMAT, action, subject, old, next);
  }

  @Test
  void tokensAreFoundByTheirHashUntilRevokedAndListedWithoutIt() {
    Store s = store();
    Tokens.Issued koja = Tokens.issue("Camat Koja", Role.CAMAT, "31.72.03", T0);
    Tokens.Issued importer = Tokens.issue("Data officer", Role.IMPORTER, null, T0.plusSeconds(1));
    s.createToken(koja.token(), koja.sha256(), List.of(entry("token.create", koja.token().id(), null, "{}", 0)));
    s.createToken(importer.token(), importer.sha256(), List.of());
    assertEquals(List.of(koja.token(), importer.token()), s.tokens());
    assertEquals(koja.token(), s.liveToken(koja.sha256()).orElseThrow());
    assertTrue(s.liveToken(Tokens.sha256("ckp_wrong")).isEmpty());

    Instant at = T0.plusSeconds(60);
    ApiToken revoked = s.revokeToken(koja.token().id(), at, List.of(entry("token.revoke", koja.token().id(),
        "{}", null, 60))).orElseThrow();
    assertEquals(at, revoked.revoked());
    assertTrue(s.liveToken(koja.sha256()).isEmpty(), "a revoked token no longer authenticates");
    assertTrue(s.revokeToken(koja.token().id(), at, List.of(entry("x", "y", null, null, 61))).isEmpty(),
        "revoking twice changes nothing");
    assertTrue(s.revokeToken("nope", at, List.of()).isEmpty());
    assertEquals(importer.token(), s.liveToken(importer.sha256()).orElseThrow());
    assertEquals(List.of(revoked, importer.token()), s.tokens());
    // Only the two audited writes are logged: a refused revocation logs nothing.
    assertEquals(List.of("token.revoke", "token.create"), s.audit(10, 0).stream().map(AuditEntry::action).toList());

    // Another instance (a restart, or the CLI in another process) sees the same.
    Store again = store();
    assertEquals(List.of(revoked, importer.token()), again.tokens());
    assertTrue(again.liveToken(koja.sha256()).isEmpty());
  }

  @Test
  void aTokenRevokedThroughAnotherInstanceStopsAtOnceInThisOne() {
    Store server = store();
    Tokens.Issued koja = Tokens.issue("Camat Koja", Role.CAMAT, "31.72.03", T0);
    server.createToken(koja.token(), koja.sha256(), List.of());
    assertTrue(server.liveToken(koja.sha256()).isPresent());
    store().revokeToken(koja.token().id(), T0.plusSeconds(5), List.of());
    assertTrue(server.liveToken(koja.sha256()).isEmpty());
  }

  @Test
  void theAuditLogReadsNewestFirstWithLimitAndOffset() {
    Store s = store();
    assertEquals(List.of(), s.audit(10, 0));
    List<AuditEntry> written = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      AuditEntry e = entry("target.put", "31.72.03.100" + i + "/BPU/2026-12", i == 0 ? null : "{\"target\":" + i + "}",
          "{\"target\":" + (i + 1) + ",\"note\":\"kata \\\"kutip\\\"\\nbaris\"}", i);
      written.add(e);
    }
    s.appendAudit(written.subList(0, 2));
    s.appendAudit(written.subList(2, 5));
    assertEquals(List.of(written.get(4), written.get(3)), s.audit(2, 0));
    assertEquals(List.of(written.get(2), written.get(1), written.get(0)), s.audit(10, 2));
    assertEquals(List.of(), s.audit(10, 5));
    assertEquals(List.of(), s.audit(10, Integer.MAX_VALUE));
    assertEquals(List.of(written.get(4)), store().audit(1, 0), "another instance reads the same log");
  }

  @Test
  void importsCarryTheirAuditEntriesInTheSameWrite() {
    Store s = store();
    AuditEntry boundaries = entry("import.boundaries", "kelurahan.shp", null, "{\"rows\":3}", 0);
    s.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "00"), List.of(boundaries));
    AuditEntry coverage = entry("import.coverage", "coverage.csv", null, "{\"rows\":1}", 1);
    assertTrue(s.acceptCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L)), log(ImportRecord.COVERAGE, 1, "01"),
        List.of(coverage)));
    assertEquals(List.of(coverage, boundaries), s.audit(10, 0));
    // A refused seed stores nothing and logs nothing.
    assertFalse(s.acceptCoverage(List.of(rec(KOJA, SEP, Sector.BPU, 1, 2L)), log(ImportRecord.SYNTHETIC, 1, "02"),
        List.of(entry("import.synthetic", "seed", null, null, 2))));
    assertEquals(2, s.audit(10, 0).size());
  }

  // --- activities

  static Activity activity(String id, String date, Double lon, Double lat, Integer registrations, String note) {
    return new Activity(id, ActivityType.BAZAR, ActivityStatus.SELESAI, java.time.LocalDate.parse(date),
        "Kecamatan Koja", KOJA, lon, lat, "pedagang pasar", 40, registrations,
        note);
  }

  @Test
  void activitiesArePutReplacedAndDeletedWithTheirAudit() {
    Store s = store();
    assertEquals(List.of(), s.activities());
    Activity planned = new Activity("b2", ActivityType.PELATIHAN, ActivityStatus.RENCANA,
        java.time.LocalDate.parse("2026-12-01"), "Sudin PPKUKM Jakarta Utara",
        LAGOA, null, null, null, null, null, null);
    Activity done = activity("a1", "2026-10-05", 106.9123456789, -6.1098765432, 12, "kata \"kutip\"\nbaris baru");
    s.putActivities(List.of(planned, done), List.of(entry("activity.create", "a1", null, "{}", 0)));
    assertEquals(List.of(done, planned), s.activities(), "by date; every field, the point at full precision");
    Activity edited = activity("a1", "2026-10-06", null, null, null, null);
    s.putActivities(List.of(edited), List.of(entry("activity.update", "a1", "{}", "{}", 1)));
    assertEquals(List.of(edited, planned), store().activities(), "replaced by id; another instance sees it");
    assertTrue(s.deleteActivity("b2", List.of(entry("activity.delete", "b2", "{}", null, 2))));
    assertFalse(s.deleteActivity("b2", List.of(entry("x", "y", null, null, 3))));
    assertEquals(List.of(edited), s.activities());
    assertEquals(List.of("activity.delete", "activity.update", "activity.create"),
        s.audit(10, 0).stream().map(AuditEntry::action).toList());
  }

  /** Another instance republishes on a changed version: an activity's add, edit and delete must each change it. */
  @Test
  void everyActivityWriteChangesTheVersionAnotherInstanceSees() {
    Store server = store();
    Store other = store();
    long version = server.version();
    other.putActivities(List.of(activity("a1", "2026-10-05", null, null, 5, null)), List.of());
    long added = server.version();
    assertTrue(added != version, "an added activity changes the version");
    other.putActivities(List.of(activity("a1", "2026-10-06", null, null, 6, null)), List.of());
    long edited = server.version();
    assertTrue(edited != added, "an edited activity changes the version");
    assertTrue(other.deleteActivity("a1", List.of()));
    long deleted = server.version();
    assertTrue(deleted != edited, "a deleted activity changes the version");
    assertFalse(other.deleteActivity("a1", List.of()));
    assertEquals(deleted, server.version(), "deleting nothing changes nothing");
    assertEquals(List.of(), server.activities());
  }

  // --- targeting: camat targets

  static final Period DEC = Period.of(2026, 12);

  static Target target(KelurahanCode code, Sector sector, Period due, long n, String assignee, String note) {
    return new Target(code, sector, due, n, OCT, assignee, note);
  }

  /** The audit entry a write of targets logs: old and new as text, so the test sees which old value was read. */
  static AuditEntry targetEntry(Target before, Target after) {
    return new AuditEntry(T0, "Camat Koja", Role.CAMAT, "target.put", after.key(),
        before == null ? null : before.target() + "/" + before.assignee(), after.target() + "/" + after.assignee());
  }

  @Test
  void targetsAreInsertedOrReplacedByKelurahanSectorAndMonthWithTheirAudit() {
    Store s = store();
    assertEquals(List.of(), s.targets(null, null, null));
    long version = s.version();
    Target koja = target(KOJA, Sector.BPU, DEC, 1500, "Pak Budi", "pasar; \"kutip\"\nbaris");
    Target kojaAll = target(KOJA, Sector.ALL, DEC, 9000, null, null);
    Target lagoa = target(LAGOA, Sector.BPU, Period.of(2027, 3), 700, null, null);
    Target pluit = target(PLUIT, Sector.BPU, DEC, 300, "Bu Sari", null);
    List<Target> before = s.putTargets(List.of(pluit, koja, lagoa, kojaAll), null, StoreContractTest::targetEntry);
    assertEquals(Arrays.asList(null, null, null, null), before);
    assertTrue(s.version() != version, "a target write is a change the service must notice");
    assertEquals(List.of(pluit, koja, kojaAll, lagoa), s.targets(null, null, null), "ordered by code, sector, month");
    assertEquals(List.of(koja, kojaAll, lagoa), s.targets("31.72.03", null, null));
    assertEquals(List.of(koja, lagoa), s.targets("31.72.03", Sector.BPU, null));
    assertEquals(List.of(pluit, koja), s.targets(null, Sector.BPU, DEC));
    assertEquals(List.of(), s.targets("31.72.02", null, null));

    Target changed = new Target(KOJA, Sector.BPU, DEC, 1800, Period.of(2026, 9), null, "naik");
    ImportRecord file = new ImportRecord(T0, ImportRecord.TARGETS, "Camat Koja", "target.csv", "ab", 1);
    assertEquals(Arrays.asList(koja), s.putTargets(List.of(changed), file, StoreContractTest::targetEntry));
    assertEquals(List.of(changed, kojaAll, lagoa), s.targets("31.72.03", null, null), "replaced, not added");
    assertEquals(List.of(file), s.imports(), "a bulk import is logged");
    List<AuditEntry> audit = s.audit(10, 0);
    assertEquals(5, audit.size());
    assertEquals("31.72.03.1001/BPU/2026-12", audit.get(0).subject());
    assertEquals("1500/Pak Budi", audit.get(0).oldValue(), "the old value is the one replaced");
    assertEquals("1800/null", audit.get(0).newValue());

    Store again = store();
    assertEquals(List.of(pluit, changed, kojaAll, lagoa), again.targets(null, null, null), "another instance reads the same");
    assertEquals(5, again.audit(10, 0).size());
  }

  @Test
  void aTargetWrittenThroughAnotherInstanceIsSeenAndItsOldValueLogged() {
    Store server = store();
    Target first = target(KOJA, Sector.BPU, DEC, 1500, null, null);
    server.putTargets(List.of(first), null, StoreContractTest::targetEntry);
    long version = server.version();
    Target second = target(KOJA, Sector.BPU, DEC, 1600, "Pak Budi", null);
    assertEquals(Arrays.asList(first), store().putTargets(List.of(second), null, StoreContractTest::targetEntry));
    assertTrue(server.version() != version, "the other process's write changes the version");
    assertEquals(List.of(second), server.targets(null, null, null));
    Target third = target(KOJA, Sector.BPU, DEC, 1700, null, null);
    assertEquals(Arrays.asList(second), server.putTargets(List.of(third), null, StoreContractTest::targetEntry));
    assertEquals("1600/Pak Budi", server.audit(1, 0).get(0).oldValue());
  }

  private static CoverageRecord find(List<CoverageRecord> records, String code, Sector sector) {
    return records.stream().filter(r -> r.code().value().equals(code) && r.sector() == sector).findFirst()
        .orElseThrow(() -> new AssertionError("no record for " + code + " " + sector + " in " + records));
  }
}
