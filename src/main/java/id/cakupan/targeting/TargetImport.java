package id.cakupan.targeting;

import id.cakupan.coverage.ImportError;
import java.util.List;

/** The outcome of reading a target CSV: targets and no errors, or errors and no targets. */
public record TargetImport(List<Target> targets, List<ImportError> errors) {
  public TargetImport {
    targets = List.copyOf(targets);
    errors = List.copyOf(errors);
  }

  public boolean accepted() {
    return errors.isEmpty() && !targets.isEmpty();
  }
}
