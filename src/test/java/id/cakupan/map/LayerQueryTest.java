package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayerQueryTest {
  private static final BoundarySet BOUNDARIES = SchematicBoundaries.generate(Gazetteer.builtIn());
  private static final KelurahanCode KOJA_1 = KelurahanCode.parse("31.72.03.1001");
  private static final Atlas ATLAS = Atlas.build(BOUNDARIES,
      List.of(record(KOJA_1, 9), record(KOJA_1, 10)), false);

  @Test
  void noMonthResolvesToTheNewestAndAResolvedQueryStaysAsItIs() {
    LayerQuery resolved = LayerQuery.DEFAULT.resolve(ATLAS);
    assertEquals(Period.of(2026, 10), resolved.resolvedPeriod());
    assertSame(resolved, resolved.resolve(ATLAS));
  }

  @Test
  void aMonthWithoutDataIsNotFound() {
    NoDataException e = assertThrows(NoDataException.class,
        () -> LayerQuery.DEFAULT.withPeriod(Period.of(2026, 11)).resolve(ATLAS));
    assertEquals("period", e.parameter());
    assertEquals("no coverage data for 2026-11; months with data run from 2026-09 to 2026-10", e.getMessage());
  }

  @Test
  void anUnresolvedQueryCannotBeBuilt() {
    assertThrows(IllegalStateException.class, () -> ChoroplethLayer.style(ATLAS, LayerQuery.DEFAULT));
  }

  @Test
  void theKecamatanFilterIsCheckedOnResolveAndNarrowsTheUnits() {
    LayerQuery koja = withKecamatan(LayerQuery.DEFAULT, "31.72.03").resolve(ATLAS);
    assertEquals(6, koja.units(ATLAS).size());
    assertEquals(1, koja.withLevel(Level.KECAMATAN).units(ATLAS).size());
    NoDataException missing = assertThrows(NoDataException.class,
        () -> withKecamatan(LayerQuery.DEFAULT, "31.72.09").resolve(ATLAS));
    assertEquals("kecamatan", missing.parameter());
    InvalidQueryException kota = assertThrows(InvalidQueryException.class,
        () -> withKecamatan(LayerQuery.DEFAULT.withLevel(Level.KOTA), "31.72.03").resolve(ATLAS));
    assertEquals("kecamatan", kota.parameter());
  }

  private static LayerQuery withKecamatan(LayerQuery q, String code) {
    return new LayerQuery(q.level(), q.sector(), q.period(), q.metric(), q.method(), q.classes(), q.breaks(),
        KecamatanCode.parse(code));
  }

  private static CoverageRecord record(KelurahanCode code, int month) {
    return new CoverageRecord(code, Period.of(2026, month), Sector.BPU, 10, 100L);
  }
}
