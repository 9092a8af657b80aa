package id.cakupan.coverage;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Immutable in-memory index of coverage records by (kelurahan, sector, month), with the
 * aggregation rules of SPEC §3: sums of counts first, rates derived afterwards.
 *
 * <p>Cells live in two {@code long} arrays indexed by kelurahan × month × sector, not in a map of
 * records: a national table (83,800 kelurahan, 24 months, 3 sectors: 6 M cells) takes 96 MB
 * instead of about 750 MB of keys, boxed counts and map entries. The arrays are dense over the
 * kelurahan and months that have data; when the records are so scattered that the dense grid
 * would be more than twice their number (one month for some kelurahan, another for others), the
 * cells are packed in record order behind an open-addressing index instead, so memory stays
 * proportional to the records whatever was imported.
 */
public final class CoverageTable {
  private static final int SECTORS = Sector.IMPORTED.size();
  private static final long NONE = -1;

  private final Map<KelurahanCode, Integer> codeIndex;
  private final KelurahanCode[] codes;
  private final Map<Period, Integer> monthIndex;
  private final Period[] months;
  private final NavigableSet<Period> periods;
  /** Participants per cell, {@link #NONE} where nothing was imported. */
  private final long[] participants;
  /** Workforce per cell, {@link #NONE} where unknown. */
  private final long[] workforce;
  /** Cell key + 1 → position + 1 in the arrays when they are packed; null when they are the dense grid. */
  private final LongIntMap packed;
  /** The cell key of each position when packed, for {@link #with}. */
  private final long[] packedKeys;
  private final int size;

  public CoverageTable(Collection<CoverageRecord> records) {
    this(null, records);
  }

  /**
   * This table with {@code records} applied: each replaces the cell of its (kelurahan, sector,
   * month), as an import replaces stored records. This table is left as it is.
   */
  public CoverageTable with(Collection<CoverageRecord> records) {
    return new CoverageTable(this, records);
  }

  /** The cells of {@code base} (none when null), then {@code records} replacing or adding cells. */
  private CoverageTable(CoverageTable base, Collection<CoverageRecord> records) {
    Map<KelurahanCode, Integer> codeAt = new LinkedHashMap<>();
    TreeSet<Period> monthSet = new TreeSet<>();
    if (base != null) {
      for (KelurahanCode c : base.codes) codeAt.put(c, codeAt.size());
      monthSet.addAll(base.periods);
    }
    // Stores return records sorted by kelurahan, then month: a record repeating the one before's
    // kelurahan or month needs no lookup (a national table is 6 million records, 83,800 kelurahan).
    KelurahanCode lastCode = null;
    Period lastPeriod = null;
    for (CoverageRecord r : records) {
      if (r.sector() == Sector.ALL) throw new IllegalArgumentException("sector ALL is derived, never stored: " + r);
      if (r.code() != lastCode) codeAt.putIfAbsent(lastCode = r.code(), codeAt.size());
      if (r.period() != lastPeriod) monthSet.add(lastPeriod = r.period());
    }
    Map<Period, Integer> monthAt = new HashMap<>();
    for (Period p : monthSet) monthAt.put(p, monthAt.size());
    this.codeIndex = codeAt;
    this.codes = codeAt.keySet().toArray(new KelurahanCode[0]);
    this.monthIndex = monthAt;
    this.months = monthSet.toArray(new Period[0]);
    this.periods = Collections.unmodifiableNavigableSet(monthSet);

    long most = (base == null ? 0L : base.size) + records.size();
    long grid = (long) codes.length * months.length * SECTORS;
    boolean dense = grid <= Math.min(2L * most + 1024, Integer.MAX_VALUE - 8);
    int slots = dense ? (int) grid : (int) most;
    this.participants = new long[slots];
    this.workforce = new long[slots];
    Arrays.fill(participants, NONE);
    this.packed = dense ? null : new LongIntMap();
    this.packedKeys = dense ? null : new long[slots];
    Filler fill = new Filler();
    if (base != null) fill.copy(base);
    for (CoverageRecord r : records) {
      fill.cell(r.code(), r.period(), r.sector(), r.participants(), r.workforce() == null ? NONE : r.workforce());
    }
    this.size = fill.cells;
  }

  /** Writes cells into this table's arrays while it is being built; a later cell replaces an earlier one. */
  private final class Filler {
    int next;
    int cells;

    private KelurahanCode lastCode;
    private int lastCodeAt;
    private Period lastPeriod;
    private int lastPeriodAt;

    void cell(KelurahanCode code, Period period, Sector sector, long people, long workers) {
      if (code != lastCode) lastCodeAt = codeIndex.get(lastCode = code); // as above: sorted input repeats them
      if (period != lastPeriod) lastPeriodAt = monthIndex.get(lastPeriod = period);
      put(key(lastCodeAt, lastPeriodAt, sector.ordinal()), people, workers);
    }

    /**
     * Every cell of the table this one is built on, moved by index arithmetic: its kelurahan keep
     * their indices (they come first, in the same order) and its months move by a small map, so a
     * national table of millions of cells is copied without a lookup per cell.
     */
    void copy(CoverageTable base) {
      int baseMonths = base.months.length;
      int baseCodes = base.codes.length;
      int[] monthAt = new int[baseMonths];
      boolean monthsKept = true;
      for (int m = 0; m < baseMonths; m++) {
        monthAt[m] = monthIndex.get(base.months[m]);
        monthsKept &= monthAt[m] == m;
      }
      // The usual import (a newer month, or a month held again, for the same kelurahan) leaves every
      // cell of a month-major grid where it was: one array copy, not a move per cell (a national
      // table is 6 million cells, and another instance applies the import before it republishes).
      if (monthsKept && base.packed == null && packed == null && baseCodes == codes.length) {
        System.arraycopy(base.participants, 0, participants, 0, base.participants.length);
        System.arraycopy(base.workforce, 0, workforce, 0, base.workforce.length);
        cells = base.size;
        return;
      }
      int slots = base.packed == null ? base.participants.length : base.size;
      for (int slot = 0; slot < slots; slot++) {
        if (base.participants[slot] == NONE) continue;
        long key = base.packed == null ? slot : base.packedKeys[slot];
        long monthCode = key / SECTORS;
        put(key((int) (monthCode % baseCodes), monthAt[(int) (monthCode / baseCodes)], (int) (key % SECTORS)),
            base.participants[slot], base.workforce[slot]);
      }
    }

    private void put(long key, long people, long workers) {
      int slot;
      if (packed == null) {
        slot = (int) key;
      } else {
        int known = packed.putIfAbsent(key + 1, next + 1);
        slot = known == 0 ? next++ : known - 1;
        packedKeys[slot] = key;
      }
      if (participants[slot] == NONE) cells++;
      participants[slot] = people;
      workforce[slot] = workers;
    }
  }

  /** Month-major, so that the cells of a month added after the others come after theirs. */
  private long key(int code, int month, int sector) {
    return ((long) month * codes.length + code) * SECTORS + sector;
  }

  /** The position of a cell in the arrays, or -1 when nothing was imported for it. */
  private int slot(KelurahanCode code, Sector sector, Period period) {
    Integer c = codeIndex.get(code);
    Integer m = monthIndex.get(period);
    if (c == null || m == null || sector == Sector.ALL) return -1;
    long key = key(c, m, sector.ordinal());
    int slot = packed == null ? (int) key : packed.get(key + 1) - 1;
    return slot >= 0 && participants[slot] != NONE ? slot : -1;
  }

  public int size() {
    return size;
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
    int slot = slot(code, sector, period);
    if (slot < 0) return null;
    return new Counts(participants[slot], workforce[slot] == NONE ? null : workforce[slot]);
  }

  /**
   * Sum over kelurahan and, for ALL, over the imported sectors. Null when no member has a
   * record; a missing member makes the workforce unknown, as an unknown one does.
   */
  public Counts sum(Collection<KelurahanCode> members, Sector sector, Period period) {
    List<Sector> sectors = sector == Sector.ALL ? Sector.IMPORTED : List.of(sector);
    long people = 0;
    long workers = 0;
    boolean any = false;
    boolean unknownWorkforce = false;
    for (KelurahanCode code : members) {
      for (Sector s : sectors) {
        int slot = slot(code, s, period);
        if (slot < 0) {
          unknownWorkforce = true;
          continue;
        }
        any = true;
        people += participants[slot];
        if (workforce[slot] == NONE) unknownWorkforce = true;
        else workers += workforce[slot];
      }
    }
    return any ? new Counts(people, unknownWorkforce ? null : workers) : null;
  }

  /**
   * Participants of one kelurahan in a sector and month; for ALL the sum over the imported
   * sectors. Null when a record is missing (for ALL: any sector's), since a partial sum is not P(m).
   */
  public Long participants(KelurahanCode code, Sector sector, Period period) {
    long total = 0;
    for (Sector s : sector == Sector.ALL ? Sector.IMPORTED : List.of(sector)) {
      int slot = slot(code, s, period);
      if (slot < 0) return null;
      total += participants[slot];
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
