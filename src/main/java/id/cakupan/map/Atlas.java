package id.cakupan.map;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.targeting.Target;
import id.cakupan.targeting.TargetBook;
import java.util.List;

/**
 * An immutable snapshot of everything the read endpoints serve: geography, coverage and the camat
 * targets measured against it. Built from the store after each change; requests read the
 * snapshot, never the store.
 *
 * @param synthetic true when the coverage counts are generated demo data
 */
public record Atlas(BoundarySet boundaries, Geography geography, CoverageTable coverage, boolean synthetic,
    TargetBook targets) {
  public Atlas(BoundarySet boundaries, Geography geography, CoverageTable coverage, boolean synthetic) {
    this(boundaries, geography, coverage, synthetic, TargetBook.EMPTY);
  }

  public static Atlas build(BoundarySet boundaries, List<CoverageRecord> records, boolean synthetic) {
    return new Atlas(boundaries, new Geography(boundaries), new CoverageTable(records), synthetic);
  }

  /** The same geography with new counts: a coverage import must not redo the dissolve. */
  public Atlas withCoverage(List<CoverageRecord> records, boolean synthetic) {
    return new Atlas(boundaries, geography, new CoverageTable(records), synthetic, targets);
  }

  /** The same geography and counts with these targets. */
  public Atlas withTargets(List<Target> stored) {
    return new Atlas(boundaries, geography, coverage, synthetic, new TargetBook(stored));
  }

  /** The same geography with a coverage table already built (an import applied to the published one). */
  public Atlas withCoverage(CoverageTable table, boolean synthetic) {
    return new Atlas(boundaries, geography, table, synthetic, targets);
  }

  public boolean schematic() {
    return boundaries.schematic();
  }
}
