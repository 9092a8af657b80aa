package id.cakupan.map;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import java.util.List;

/**
 * An immutable snapshot of everything the read endpoints serve: geography and coverage. Built
 * from the store after each change; requests read the snapshot, never the store.
 *
 * @param synthetic true when the coverage counts are generated demo data
 */
public record Atlas(BoundarySet boundaries, Geography geography, CoverageTable coverage, boolean synthetic) {
  public static Atlas build(BoundarySet boundaries, List<CoverageRecord> records, boolean synthetic) {
    return new Atlas(boundaries, new Geography(boundaries), new CoverageTable(records), synthetic);
  }

  /** The same geography with new counts: a coverage import must not redo the dissolve. */
  public Atlas withCoverage(List<CoverageRecord> records, boolean synthetic) {
    return new Atlas(boundaries, geography, new CoverageTable(records), synthetic);
  }

  /** The same geography with a coverage table already built (an import applied to the published one). */
  public Atlas withCoverage(CoverageTable table, boolean synthetic) {
    return new Atlas(boundaries, geography, table, synthetic);
  }

  public boolean schematic() {
    return boundaries.schematic();
  }
}
