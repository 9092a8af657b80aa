package id.cakupan.coverage;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Immutable in-memory index of coverage records by (kelurahan, sector, month), with the
 * aggregation rules of SPEC §3: sums of counts first, rates derived afterwards.
 */
public final class CoverageTable {
  private final Map<Key, Counts> cells;
  private final NavigableSet<Period> periods;

  private record Key(KelurahanCode code, Sector sector, Period period) {}

  public CoverageTable(Collection<CoverageRecord> records) {
    Map<Key, Counts> map = new HashMap<>(records.size() * 2);
    TreeSet<Period> months = new TreeSet<>();
    for (CoverageRecord r : records) {
      map.put(new Key(r.code(), r.sector(), r.period()), r.counts());
      months.add(r.period());
    }
    this.cells = Collections.unmodifiableMap(map);
    this.periods = Collections.unmodifiableNavigableSet(months);
  }

  /**
   * This table with {@code records} applied: each replaces the cell of its (kelurahan, sector,
   * month), as an import replaces stored records. This table is left as it is.
   */
  public CoverageTable with(Collection<CoverageRecord> records) {
    Map<Key, Counts> map = new HashMap<>(cells);
    TreeSet<Period> months = new TreeSet<>(periods);
    for (CoverageRecord r : records) {
      map.put(new Key(r.code(), r.sector(), r.period()), r.counts());
      months.add(r.period());
    }
    return new CoverageTable(Collections.unmodifiableMap(map), Collections.unmodifiableNavigableSet(months));
  }

  private CoverageTable(Map<Key, Counts> cells, NavigableSet<Period> periods) {
    this.cells = cells;
    this.periods = periods;
  }

  public int size() {
    return cells.size();
  }

  /** Months that have data, oldest first. */
  public NavigableSet<Period> periods() {
    return periods;
  }

  public Period newest() {
    return periods.isEmpty() ? null : periods.last();
  }

  /** One stored cell; null when nothing was imported for it. */
  public Counts cell(KelurahanCode code, Sector sector, Period period) {
    return cells.get(new Key(code, sector, period));
  }

  /**
   * Sum over kelurahan and, for ALL, over the imported sectors. Null when no member has a
   * record; a missing member makes the workforce unknown, as an unknown one does.
   */
  public Counts sum(Collection<KelurahanCode> members, Sector sector, Period period) {
    List<Sector> sectors = sector == Sector.ALL ? Sector.IMPORTED : List.of(sector);
    Counts total = null;
    boolean missing = false;
    for (KelurahanCode code : members) {
      for (Sector s : sectors) {
        Counts c = cells.get(new Key(code, s, period));
        if (c == null) {
          missing = true;
        } else {
          total = total == null ? c : total.plus(c);
        }
      }
    }
    if (total != null && missing) total = total.withUnknownWorkforce();
    return total;
  }

  /** All metrics of a group of kelurahan for one sector and month. */
  public Figures figures(Collection<KelurahanCode> members, Sector sector, Period period, double areaKm2) {
    Counts current = sum(members, sector, period);
    Counts previous = sum(members, sector, period.previous());
    return Figures.of(current, previous, areaKm2);
  }
}
