package id.cakupan.app;

import id.cakupan.coverage.ImportError;
import id.cakupan.coverage.ParticipantPoint;
import java.util.List;

/**
 * What a points import did: how many points were counted into which number of (kelurahan,
 * month, sector) records, and which points lay outside every kelurahan (reported, not counted).
 */
public record PointsResult(List<ImportError> errors, int points, int records, List<ParticipantPoint> outside) {
  public boolean accepted() {
    return errors.isEmpty();
  }
}
