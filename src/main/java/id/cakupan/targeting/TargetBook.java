package id.cakupan.targeting;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored targets held in memory beside the coverage they are measured against: immutable,
 * rebuilt after each write, indexed by (kelurahan, sector).
 */
public final class TargetBook {
  public static final TargetBook EMPTY = new TargetBook(List.of());

  private record Key(KelurahanCode code, Sector sector) {}

  private final List<Target> all;
  private final Map<Key, List<Target>> byPlace = new HashMap<>();

  public TargetBook(Collection<Target> targets) {
    List<Target> sorted = new ArrayList<>(targets);
    sorted.sort(Target.ORDER);
    this.all = List.copyOf(sorted);
    for (Target t : all) byPlace.computeIfAbsent(new Key(t.code(), t.sector()), k -> new ArrayList<>()).add(t);
  }

  public int size() {
    return all.size();
  }

  /** Equal books hold the same targets: what was built from one is what the other would build. */
  @Override
  public boolean equals(Object o) {
    return o instanceof TargetBook other && all.equals(other.all);
  }

  @Override
  public int hashCode() {
    return all.hashCode();
  }

  /** Targets matching the filters (null = any), in {@link Target#ORDER}. */
  public List<Target> list(String kecamatan, Sector sector, Period period) {
    List<Target> out = new ArrayList<>();
    for (Target t : all) {
      if ((kecamatan == null || t.code().kecamatanCode().equals(kecamatan)) && (sector == null || t.sector() == sector)
          && (period == null || t.period().equals(period))) {
        out.add(t);
      }
    }
    return out;
  }

  /**
   * The target a month is measured against: of the kelurahan's targets for the sector, the one
   * with the earliest target month at or after {@code month} (the next one due); when every one is
   * already due, the latest (so a missed target stays visible as behind). Null without targets.
   */
  public Target relevant(KelurahanCode code, Sector sector, Period month) {
    List<Target> targets = byPlace.get(new Key(code, sector));
    if (targets == null) return null;
    for (Target t : targets) { // ascending by target month
      if (t.period().compareTo(month) >= 0) return t;
    }
    return targets.get(targets.size() - 1);
  }
}
