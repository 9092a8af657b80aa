package id.cakupan.coverage;

import java.util.List;

/**
 * The outcome of reading a coverage CSV. A file is imported whole or not at all (SPEC §3), so
 * records is empty whenever there are errors.
 */
public record CoverageImport(List<CoverageRecord> records, List<ImportError> errors) {
  public CoverageImport {
    records = List.copyOf(records);
    errors = List.copyOf(errors);
  }

  public boolean accepted() {
    return errors.isEmpty() && !records.isEmpty();
  }
}
