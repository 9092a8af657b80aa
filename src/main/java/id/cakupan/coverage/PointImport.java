package id.cakupan.coverage;

import java.util.List;

/** A parsed points file: points, or the errors that reject it whole. */
public record PointImport(List<ParticipantPoint> points, List<ImportError> errors) {
  public boolean accepted() {
    return errors.isEmpty() && !points.isEmpty();
  }
}
