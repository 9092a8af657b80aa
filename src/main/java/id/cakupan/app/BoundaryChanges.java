package id.cakupan.app;

import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.UnmatchedFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a boundary import would change, shown before (CLI --dry-run) or with (HTTP) applying it.
 * Geometry counts as changed when a vertex moved by more than about a centimetre.
 */
public record BoundaryChanges(
    List<String> added, List<String> removed, List<String> geometryChanged, int unchanged, List<UnmatchedFeature> unmatched) {
  private static final double TOLERANCE_DEGREES = 1e-7;

  public static BoundaryChanges between(BoundarySet before, BoundarySet after) {
    Map<String, Kelurahan> old = before == null ? Map.of()
        : before.kelurahan().stream().collect(Collectors.toMap(k -> k.code().value(), Function.identity()));
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    int unchanged = 0;
    for (Kelurahan k : after.kelurahan()) {
      Kelurahan o = old.get(k.code().value());
      if (o == null) added.add(k.code().value());
      else if (!o.geometry().equalsExact(k.geometry(), TOLERANCE_DEGREES)) changed.add(k.code().value());
      else unchanged++;
    }
    List<String> kept = after.kelurahan().stream().map(k -> k.code().value()).toList();
    List<String> removed = old.keySet().stream().filter(c -> !kept.contains(c)).sorted().toList();
    return new BoundaryChanges(added, removed, changed, unchanged, after.unmatched());
  }

  /** A few lines for the CLI. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("added: " + added.size() + (added.isEmpty() ? "" : " " + added));
    lines.add("removed: " + removed.size() + (removed.isEmpty() ? "" : " " + removed));
    lines.add("geometry changed: " + geometryChanged.size() + (geometryChanged.isEmpty() ? "" : " " + geometryChanged));
    lines.add("unchanged: " + unchanged);
    lines.add("unmatched (left out): " + unmatched.size());
    unmatched.forEach(u -> lines.add("  " + u.describe()));
    return lines;
  }
}
