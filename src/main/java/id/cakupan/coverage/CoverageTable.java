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

  /**
   * Participants of one kelurahan in a sector and month; for ALL the sum over the imported
   * sectors. Null when a record is missing (for ALL: any sector's), since a partial sum is not P(m).
   */
  public Long participants(KelurahanCode code, Sector sector, Period period) {
    long total = 0;
    for (Sector s : sector == Sector.ALL ? Sector.IMPORTED : List.of(sector)) {
      Counts c = cells.get(new Key(code, s, period));
      if (c == null) return null;
      total += c.participants();
    }
    return total;
  }

  /**
   * All metrics of an aggregate (kecamatan, kota) with its {@link Figures.Partial}: the members,
   * how many are complete (every needed record present, workforce known), and the rates over those.
   */
  public Figures aggregateFigures(Collection<KelurahanCode> members, Sector sector, Period period, double areaKm2) {
    long participants = 0;
    long workforce = 0;
    int complete = 0;
    for (KelurahanCode code : members) {
      Counts c = sum(List.of(code), sector, period);
      if (c == null || c.workforce() == null) continue;
      complete++;
      participants += c.participants();
      workforce += c.workforce();
    }
    Figures.Partial partial = new Figures.Partial(members.size(), complete,
        complete == 0 || workforce == 0 ? null : (double) participants / workforce,
        complete == 0 ? null : Math.max(workforce - participants, 0));
    return figures(members, sector, period, areaKm2).withPartial(partial);
  }

  /** All metrics of a group of kelurahan for one sector and month. */
  public Figures figures(Collection<KelurahanCode> members, Sector sector, Period period, double areaKm2) {
    Counts current = sum(members, sector, period);
    Counts previous = sum(members, sector, period.previous());
    return Figures.of(current, previous, areaKm2);
  }
}
