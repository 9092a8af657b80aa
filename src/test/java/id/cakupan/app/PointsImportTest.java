package id.cakupan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.ImportRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Points counted into the real Jakarta Utara kelurahan; outside points reported, bad files rejected whole. */
class PointsImportTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-15T08:00:00Z"), ZoneOffset.UTC);
  static final KelurahanCode RAWA_BADAK_UTARA = KelurahanCode.parse("31.72.03.1004");
  static final KelurahanCode KALIBARU = KelurahanCode.parse("31.72.04.1004");

  @Test
  void pointsBecomeParticipantCountsAndOutsidePointsAreReported(@TempDir Path dir) throws Exception {
    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      Imports imports = new Imports(store, Gazetteer.builtIn(), CLOCK, () -> { });
      imports.boundaries(SharedGeodata.file(SharedGeodata.SHAPEFILE), "test", false);
      store.importCoverage(List.of(new CoverageRecord(RAWA_BADAK_UTARA, Period.of(2026, 10), Sector.BPU, 999, 5000L)),
          new ImportRecord(CLOCK.instant(), ImportRecord.COVERAGE, "test", "seed.csv", "00", 1));
      String csv = "lon,lat,periode,sektor\n"
          + "106.89839,-6.12257,2026-10,BPU\n"
          + "106.89839,-6.12257,2026-10,informal\n"
          + "106.89850,-6.12250,2026-10,BPU\n"
          + "106.92449,-6.10264,2026-10,PU\n"
          + "106.80000,-5.90000,2026-10,BPU\n";
      PointsResult r = imports.points("points.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
      assertTrue(r.accepted());
      assertEquals(5, r.points());
      assertEquals(2, r.records());
      assertEquals(1, r.outside().size());
      assertEquals(6, r.outside().get(0).line());
      CoverageRecord rbu = find(store.coverage(), RAWA_BADAK_UTARA, Sector.BPU);
      assertEquals(3, rbu.participants());
      assertEquals(5000L, rbu.workforce(), "the stored workforce is kept");
      CoverageRecord kalibaru = find(store.coverage(), KALIBARU, Sector.PU);
      assertEquals(1, kalibaru.participants());
      assertNull(kalibaru.workforce());
    }
  }

  @Test
  void aBadRowRejectsTheWholeFileWithItsLineAndColumn(@TempDir Path dir) throws Exception {
    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      Imports imports = new Imports(store, Gazetteer.builtIn(), CLOCK, () -> { });
      imports.boundaries(SharedGeodata.file(SharedGeodata.SHAPEFILE), "test", false);
      int before = store.imports().size();
      String csv = "lon;lat;periode;sektor\n106,89839;-6.12257;2026-10;BPU\n106.9;-6.1;2026-13;ALL\n106.9;-96;2026-10;PU\n";
      PointsResult r = imports.points("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "test");
      assertFalse(r.accepted());
      assertEquals(List.of("2:lon", "3:periode", "3:sektor", "4:lat"),
          r.errors().stream().map(e -> e.line() + ":" + e.column()).toList());
      assertEquals(before, store.imports().size());
      assertTrue(store.coverage().isEmpty());
    }
  }

  private static CoverageRecord find(List<CoverageRecord> records, KelurahanCode code, Sector sector) {
    return records.stream().filter(r -> r.code().equals(code) && r.sector() == sector).findFirst().orElseThrow();
  }
}
