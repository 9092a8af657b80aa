package id.cakupan.map;

import id.cakupan.activity.Activity;
import id.cakupan.activity.Reach;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.Counts;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.targeting.Target;
import id.cakupan.targeting.TargetBook;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of everything the read endpoints serve: geography, coverage, the camat
 * targets measured against it and the outreach activities (for the {@code belum tersentuh} flag of
 * rankings and progress). Built from the store after each change; requests read the snapshot,
 * never the store.
 *
 * @param synthetic true when the coverage counts are generated demo data
 */
public record Atlas(BoundarySet boundaries, Geography geography, CoverageTable coverage, boolean synthetic,
    TargetBook targets, List<Activity> activities) {
  public Atlas(BoundarySet boundaries, Geography geography, CoverageTable coverage, boolean synthetic) {
    this(boundaries, geography, coverage, synthetic, TargetBook.EMPTY, List.of());
  }

  public static Atlas build(BoundarySet boundaries, List<CoverageRecord> records, boolean synthetic) {
    return new Atlas(boundaries, new Geography(boundaries), new CoverageTable(records), synthetic);
  }

  /** The same geography with new counts: a coverage import must not redo the dissolve. */
  public Atlas withCoverage(List<CoverageRecord> records, boolean synthetic) {
    return new Atlas(boundaries, geography, new CoverageTable(records), synthetic, targets, activities);
  }

  /** The same geography and counts with these targets. */
  public Atlas withTargets(List<Target> stored) {
    return new Atlas(boundaries, geography, coverage, synthetic, new TargetBook(stored), activities);
  }

  /** The same geography with a coverage table already built (an import applied to the published one). */
  public Atlas withCoverage(CoverageTable table, boolean synthetic) {
    return new Atlas(boundaries, geography, table, synthetic, targets, activities);
  }

  /** The same geography, counts and targets with these activities. */
  public Atlas withActivities(List<Activity> stored) {
    return new Atlas(boundaries, geography, coverage, synthetic, targets, List.copyOf(stored));
  }

  /**
   * SPEC §7's {@code belum tersentuh} for every kelurahan of the region in month m, over this
   * snapshot's activities: BPU uncovered workers, top third per kota, no done activity from m−5 to m.
   */
  public List<Reach.Row> reach(Period m) {
    List<KelurahanCode> kelurahan = boundaries.kelurahan().stream().map(Kelurahan::code).toList();
    return Reach.evaluate(m, kelurahan, activities, code -> {
      Counts c = coverage.cell(code, Sector.BPU, m);
      return c == null || c.workforce() == null ? null : Math.max(c.workforce() - c.participants(), 0);
    });
  }

  /** {@code belum tersentuh} by kelurahan code in month m over the activities of this snapshot; null values when unknown. */
  public Map<String, Boolean> belumTersentuh(Period m) {
    Map<String, Boolean> out = new HashMap<>();
    for (Reach.Row r : reach(m)) out.put(r.code().value(), r.belumTersentuh());
    return out;
  }

  public boolean schematic() {
    return boundaries.schematic();
  }
}
