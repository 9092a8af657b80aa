package id.cakupan.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the coverage CSV of SPEC §3 into records, or into a report of every bad row. Pure: it
 * sees only the given bytes and asks the {@link PlaceResolver} about places.
 *
 * <p>Built for uploads of millions of rows: one pass over the bytes, categorical cells (place,
 * month, sector) resolved once per distinct value and cached, counts parsed straight from the
 * bytes, and the duplicate check on packed long keys. Exceptions only happen on cache misses.
 */
public final class CoverageCsv {
  /** The report lists this many errors and then one line counting the rest. */
  public static final int MAX_LISTED_ERRORS = 1000;

  public static final String NOT_TEXT = "the file is not a UTF-8 CSV text file";

  /** The error for a quote opened on {@code line} and never closed, in every CSV import. */
  public static String unclosedQuote(int line) {
    return "a quote opened on line " + line + " is never closed, so the rest of the file was read as one value";
  }

  static final String KODE_WILAYAH = "kode_wilayah";
  static final String KODE_BPS = "kode_bps";
  static final String KELURAHAN = "kelurahan";
  static final String KECAMATAN = "kecamatan";
  static final String PERIODE = "periode";
  static final String SEKTOR = "sektor";
  static final String PESERTA_AKTIF = "peserta_aktif";
  static final String TENAGA_KERJA = "tenaga_kerja";
  private static final List<String> KNOWN =
      List.of(KODE_WILAYAH, KODE_BPS, KELURAHAN, KECAMATAN, PERIODE, SEKTOR, PESERTA_AKTIF, TENAGA_KERJA);

  // A file of millions of distinct bad values must not turn the caches into a second copy of it.
  private static final int MAX_CACHED = 200_000;
  private static final long BAD = -1;
  private static final long UNKNOWN = -2;

  /** A resolved kelurahan with a small id for the duplicate key. */
  private record Place(KelurahanCode code, int id) {}

  /** A cached refusal, so that a value repeated a million times is explained once. */
  private record Bad(String message) {}

  private final byte[] content;
  private final PlaceResolver places;

  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private int headerColumns;
  private int kodeWilayah = -1;
  private int kodeBps = -1;
  private int kelurahan = -1;
  private int kecamatan = -1;
  private int periode = -1;
  private int sektor = -1;
  private int peserta = -1;
  private int tenagaKerja = -1;

  private final Map<KelurahanCode, Place> placeIds = new HashMap<>();
  private final Map<String, Object> byWilayah = new HashMap<>();
  private final Map<String, Object> byBps = new HashMap<>();
  private final Map<String, Object> byName = new HashMap<>();
  private final Map<String, Object> periods = new HashMap<>();
  private final Map<String, Object> sectors = new HashMap<>();
  private final LongIntMap seen = new LongIntMap();

  private List<CoverageRecord> records = new ArrayList<>();
  private final List<ImportError> listed = new ArrayList<>();
  private int lastBadLine = -1;
  private int badRows;
  private long unlisted;
  private int unlistedRows;
  private int lastUnlistedLine = -1;
  private int firstUnlistedLine;

  private CoverageCsv(byte[] content, PlaceResolver places) {
    this.content = content;
    this.places = places;
  }

  /**
   * Reads a whole file. The result has either records and no errors, or errors and no records:
   * a file is imported whole or not at all.
   */
  public static CoverageImport parse(byte[] content, PlaceResolver places) {
    return new CoverageCsv(content, places).run();
  }

  private CoverageImport run() {
    if (content == null || content.length == 0) return fail(1, "file is empty");
    String binary = binaryKind(content);
    if (binary != null) return fail(1, NOT_TEXT + ": " + binary);
    int start = hasBom(content) ? 3 : 0;
    int end = content.length;
    if (end > start && content[end - 1] == 0x1A) end--; // DOS end-of-file mark
    try {
      CsvLexer lx = new CsvLexer(content, start, end, 1, ',');
      if (!nextNonBlank(lx)) return fail(1, "file is empty");
      int headerStart = lx.recordStart();
      int headerEnd = lx.position();
      char delimiter = delimiter(lx, headerStart, headerEnd, end);
      if (delimiter != ',') {
        int line = lx.line();
        lx = new CsvLexer(content, headerStart, end, line, delimiter);
        lx.next();
      }
      int headerLine = lx.line();
      boolean usable = header(lx, headerStart, headerEnd);
      if (usable) {
        rows(lx, headerLine);
      }
      if (lx.controlBytes() * 20L > (long) lx.position() - start) {
        return fail(1, NOT_TEXT + ": it is mostly control characters, not text");
      }
    } catch (CsvLexer.NotTextException e) {
      return fail(1, NOT_TEXT + ": " + e.getMessage());
    }
    if (unlisted > 0) {
      listed.add(new ImportError(firstUnlistedLine, null, unlisted + plural(unlisted, " more error")
          + " on " + unlistedRows + plural(unlistedRows, " more row") + ", from line " + firstUnlistedLine
          + " on, not listed: the report stops at " + MAX_LISTED_ERRORS + " errors (" + badRows
          + plural(badRows, " bad row") + " in all)"));
    }
    return new CoverageImport(listed.isEmpty() ? records : List.of(), listed);
  }

  private static boolean nextNonBlank(CsvLexer lx) {
    while (lx.next()) {
      if (!lx.isBlank()) return true;
    }
    return false;
  }

  // ---- header ----

  /**
   * The delimiter is whichever of ',' and ';' the header uses; when it has both (a name with a
   * comma, say), the one that splits it into more of our column names.
   */
  private char delimiter(CsvLexer commaLexer, int from, int to, int end) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = from; i < to; i++) {
      byte b = content[i];
      if (b == '"') quoted = !quoted;
      else if (!quoted && b == ',') commas++;
      else if (!quoted && b == ';') semicolons++;
    }
    if (semicolons == 0) return ',';
    if (commas == 0) return ';';
    CsvLexer semicolonLexer = new CsvLexer(content, from, end, commaLexer.line(), ';');
    semicolonLexer.next();
    int byComma = knownColumns(commaLexer);
    int bySemicolon = knownColumns(semicolonLexer);
    if (byComma != bySemicolon) return byComma > bySemicolon ? ',' : ';';
    return commas >= semicolons ? ',' : ';';
  }

  private static int knownColumns(CsvLexer lx) {
    int n = 0;
    for (int i = 0; i < lx.fields(); i++) {
      if (KNOWN.contains(lx.text(i).toLowerCase(Locale.ROOT))) n++;
    }
    return n;
  }

  /** Reads the column names; false (with one error) when the file cannot be read as coverage. */
  private boolean header(CsvLexer lx, int from, int to) {
    int line = lx.line();
    headerColumns = lx.fields();
    List<String> found = new ArrayList<>();
    for (int i = 0; i < lx.fields(); i++) {
      String name = lx.text(i).toLowerCase(Locale.ROOT);
      found.add(name);
      if (!KNOWN.contains(name)) continue; // extra columns are allowed and ignored
      Integer earlier = columns.putIfAbsent(name, i);
      if (earlier != null) {
        error(line, name, "column '" + name + "' appears twice in the header (columns " + (earlier + 1)
            + " and " + (i + 1) + "): keep one");
        return false;
      }
    }
    kodeWilayah = column(KODE_WILAYAH);
    kodeBps = column(KODE_BPS);
    kelurahan = column(KELURAHAN);
    kecamatan = column(KECAMATAN);
    periode = column(PERIODE);
    sektor = column(SEKTOR);
    peserta = column(PESERTA_AKTIF);
    tenagaKerja = column(TENAGA_KERJA);

    List<String> missing = new ArrayList<>();
    if (periode < 0) missing.add(PERIODE);
    if (sektor < 0) missing.add(SEKTOR);
    if (peserta < 0) missing.add(PESERTA_AKTIF);
    String place = null;
    if (kodeWilayah < 0 && kodeBps < 0 && (kelurahan < 0 || kecamatan < 0)) {
      if (kelurahan >= 0) place = "kecamatan (to go with kelurahan; or use kode_wilayah or kode_bps)";
      else if (kecamatan >= 0) place = "kelurahan (to go with kecamatan; or use kode_wilayah or kode_bps)";
      else place = "a place (kode_wilayah, kode_bps, or kelurahan with kecamatan)";
    }
    if (missing.isEmpty() && place == null) return true;
    int n = missing.size() + (place == null ? 0 : 1);
    String list = String.join(", ", missing);
    if (place != null) list = list.isEmpty() ? place : list + " and " + place;
    String message = "missing required " + (n == 1 ? "column: " : "columns: ") + list
        + "; the header has " + describe(found);
    if (lx.fields() == 1 && !hasDelimiter(from, to)) {
      message += "; no ',' or ';' delimiter found in it";
    }
    error(line, null, message);
    return false;
  }

  private int column(String name) {
    return columns.getOrDefault(name, -1);
  }

  private static String describe(List<String> found) {
    List<String> shown = found.size() > 20 ? found.subList(0, 20) : found;
    StringBuilder sb = new StringBuilder();
    for (String s : shown) {
      if (sb.length() > 0) sb.append(", ");
      sb.append('\'').append(s.length() > 60 ? s.substring(0, 60) + "…" : s).append('\'');
    }
    if (found.size() > shown.size()) sb.append(", …");
    return sb.toString();
  }

  private boolean hasDelimiter(int from, int to) {
    for (int i = from; i < to; i++) {
      if (content[i] == ',' || content[i] == ';') return true;
    }
    return false;
  }

  // ---- rows ----

  private void rows(CsvLexer lx, int headerLine) {
    boolean anyRow = false;
    while (lx.next()) {
      if (lx.isBlank()) continue;
      anyRow = true;
      row(lx);
      if (lx.unterminatedQuoteLine() != 0) {
        error(lx.unterminatedQuoteLine(), null, unclosedQuote(lx.unterminatedQuoteLine()));
        break;
      }
    }
    if (!anyRow) error(headerLine, null, "no data rows: the file has only a header");
  }

  private void row(CsvLexer lx) {
    int line = lx.line();
    Place place = place(lx, line);
    Period period = period(lx, line);
    Sector sector = sector(lx, line);
    long participants = count(lx, line, peserta, PESERTA_AKTIF, true);
    long workforce = tenagaKerja < 0 ? UNKNOWN : count(lx, line, tenagaKerja, TENAGA_KERJA, false);
    if (place != null && period != null && sector != null) {
      int month = period.month().getYear() * 12 + period.month().getMonthValue() - 1;
      long key = ((long) place.id() << 19) | ((long) month << 2) | sector.ordinal();
      int earlier = seen.putIfAbsent(key, line);
      if (earlier != 0) {
        error(line, null, "duplicate of line " + earlier + ": " + place.code() + ", " + period + ", "
            + sector + " is already given there");
      }
    }
    if (records != null) { // still null-free: any error above dropped the list
      records.add(new CoverageRecord(
          place.code(), period, sector, participants, workforce == UNKNOWN ? null : workforce));
    }
  }

  /** The first non-empty of kode_wilayah, kode_bps and the names; both codes must agree. */
  private Place place(CsvLexer lx, int line) {
    boolean hasWilayah = kodeWilayah >= 0 && !lx.isEmpty(kodeWilayah);
    boolean hasBps = kodeBps >= 0 && !lx.isEmpty(kodeBps);
    if (hasWilayah || hasBps) {
      Place byCode = hasWilayah ? cached(byWilayah, lx.text(kodeWilayah), null, line, KODE_WILAYAH) : null;
      Place bps = hasBps ? cached(byBps, lx.text(kodeBps), null, line, KODE_BPS) : null;
      if (byCode != null && bps != null && byCode.id() != bps.id()) {
        error(line, KODE_BPS, "kode_bps " + ImportError.cell(lx.text(kodeBps)) + " is kelurahan " + bps.code()
            + ", but kode_wilayah says " + byCode.code() + ": the two codes must name the same kelurahan");
        return null;
      }
      return hasWilayah ? byCode : bps;
    }
    boolean hasKelurahan = kelurahan >= 0 && !lx.isEmpty(kelurahan);
    boolean hasKecamatan = kecamatan >= 0 && !lx.isEmpty(kecamatan);
    if (kelurahan >= 0 && kecamatan >= 0 && (hasKelurahan || hasKecamatan)) {
      if (!hasKecamatan) {
        error(line, KECAMATAN, absent(lx, kecamatan, "kecamatan is needed to find kelurahan '"
            + ImportError.cell(lx.text(kelurahan)) + "' (or fill kode_wilayah or kode_bps)"));
        return null;
      }
      if (!hasKelurahan) {
        error(line, KELURAHAN, absent(lx, kelurahan, "kelurahan is required with kecamatan '"
            + ImportError.cell(lx.text(kecamatan)) + "' (or fill kode_wilayah or kode_bps)"));
        return null;
      }
      return cached(byName, lx.text(kecamatan), lx.text(kelurahan), line, KELURAHAN);
    }
    String column = kodeWilayah >= 0 ? KODE_WILAYAH : kodeBps >= 0 ? KODE_BPS : KELURAHAN;
    List<String> ways = new ArrayList<>();
    if (kodeWilayah >= 0) ways.add(KODE_WILAYAH);
    if (kodeBps >= 0) ways.add(KODE_BPS);
    if (kelurahan >= 0 && kecamatan >= 0) ways.add("kelurahan with kecamatan");
    error(line, column, "the row names no place: fill " + String.join(" or ", ways));
    return null;
  }

  /** A place from its cache, resolving on a miss; null (with an error) when refused. */
  private Place cached(Map<String, Object> cache, String text, String kelurahanName, int line, String column) {
    String key = kelurahanName == null ? text : text + '\u0000' + kelurahanName;
    Object hit = cache.get(key);
    if (hit == null) {
      hit = resolve(cache, text, kelurahanName);
      if (cache.size() < MAX_CACHED) cache.put(key, hit);
    }
    if (hit instanceof Bad bad) {
      error(line, column, bad.message());
      return null;
    }
    return (Place) hit;
  }

  private Object resolve(Map<String, Object> cache, String text, String kelurahanName) {
    try {
      if (cache == byName) return intern(places.byName(text, kelurahanName));
      if (cache == byBps) return intern(places.byBps(text));
      return intern(places.byKemendagri(KelurahanCode.parse(text)));
    } catch (IllegalArgumentException e) {
      String message = ImportError.quoting(ImportError.quoting(e.getMessage(), text), kelurahanName);
      return new Bad(message + misplacedCodeHint(cache, text));
    }
  }

  /** The two code systems look alike; say so when a code sits in the other system's column. */
  private String misplacedCodeHint(Map<String, Object> cache, String text) {
    try {
      if (cache == byWilayah && text.length() == 10 && text.chars().allMatch(Character::isDigit)) {
        KelurahanCode code = places.byBps(text);
        return "; " + text + " is the BPS code of " + code + ": BPS codes go in kode_bps";
      }
      if (cache == byBps && text.indexOf('.') >= 0 && KelurahanCode.isValid(text)) {
        return "; " + text + " is a Kemendagri code: it goes in kode_wilayah";
      }
    } catch (IllegalArgumentException e) {
      // not the other system's code either
    }
    return "";
  }

  private Place intern(KelurahanCode code) {
    return placeIds.computeIfAbsent(code, c -> new Place(c, placeIds.size() + 1));
  }

  private Period period(CsvLexer lx, int line) {
    if (lx.isEmpty(periode)) {
      error(line, PERIODE, absent(lx, periode, "periode is required, as YYYY-MM, e.g. 2026-10"));
      return null;
    }
    String text = lx.text(periode);
    Object hit = periods.get(text);
    if (hit == null) {
      try {
        hit = Period.parse(text);
      } catch (IllegalArgumentException e) {
        hit = new Bad(ImportError.quoting(e.getMessage(), text));
      }
      if (periods.size() < MAX_CACHED) periods.put(text, hit);
    }
    if (hit instanceof Bad bad) {
      error(line, PERIODE, bad.message());
      return null;
    }
    return (Period) hit;
  }

  private Sector sector(CsvLexer lx, int line) {
    if (lx.isEmpty(sektor)) {
      error(line, SEKTOR, absent(lx, sektor, "sektor is required: PU, BPU or JAKON"));
      return null;
    }
    String text = lx.text(sektor);
    Object hit = sectors.get(text);
    if (hit == null) {
      hit = importedSector(text);
      if (sectors.size() < MAX_CACHED) sectors.put(text, hit);
    }
    if (hit instanceof Bad bad) {
      error(line, SEKTOR, bad.message());
      return null;
    }
    return (Sector) hit;
  }

  private static Object importedSector(String text) {
    try {
      Sector.parse(text);
    } catch (IllegalArgumentException e) {
      // Sector.parse offers ALL, which an import refuses; list only what can be imported.
      return new Bad("'" + ImportError.cell(text) + "' is not a sector: expected PU, BPU or JAKON, or formal, informal, "
          + "penerima upah, bukan penerima upah, jasa konstruksi, jakon");
    }
    try {
      return Sector.parseImported(text);
    } catch (IllegalArgumentException e) {
      return new Bad(ImportError.quoting(e.getMessage(), text));
    }
  }

  /** A count >= 0; BAD after reporting, UNKNOWN when an optional cell is empty. */
  private long count(CsvLexer lx, int line, int field, String column, boolean required) {
    if (lx.isEmpty(field)) {
      if (!required) return UNKNOWN;
      error(line, column, absent(lx, field, column + " is required: a whole number, 0 or more"));
      return BAD;
    }
    long value = WholeNumbers.parse(lx.buffer(field), lx.start(field), lx.end(field));
    if (value >= 0) return value;
    // Past the cap the message is never shown, so do not build it.
    String message = null;
    if (listed.size() < MAX_LISTED_ERRORS) {
      String text = lx.text(field);
      message = ImportError.quoting(
          value == WholeNumbers.TOO_LARGE ? WholeNumbers.tooLarge(text) : WholeNumbers.problem(text), text);
    }
    error(line, column, message);
    return BAD;
  }

  /** Why a required cell has no value: left empty, or the row is shorter than the header. */
  private String absent(CsvLexer lx, int field, String need) {
    if (field >= lx.fields()) {
      return "missing: the row has " + lx.fields() + plural(lx.fields(), " value") + " but the header has "
          + headerColumns + " columns; " + need;
    }
    return "empty: " + need;
  }

  // ---- report ----

  private void error(int line, String column, String message) {
    records = null; // whole file or nothing: stop collecting as soon as one row is bad
    if (line != lastBadLine) {
      badRows++;
      lastBadLine = line;
    }
    if (listed.size() < MAX_LISTED_ERRORS) {
      listed.add(new ImportError(line, column, message));
      return;
    }
    if (unlisted == 0) firstUnlistedLine = line;
    unlisted++;
    if (line != lastUnlistedLine) {
      unlistedRows++;
      lastUnlistedLine = line;
    }
  }

  private static CoverageImport fail(int line, String message) {
    return new CoverageImport(List.of(), List.of(new ImportError(line, null, message)));
  }

  private static String plural(long n, String word) {
    return n == 1 ? word : word + "s";
  }

  public static boolean hasBom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
  }

  /** Files people upload by mistake instead of a CSV, recognised by their first bytes. */
  public static String binaryKind(byte[] b) {
    if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
      return "it is UTF-16 text; save it as \"CSV UTF-8\"";
    }
    if (startsWith(b, 'P', 'K', 3, 4)) {
      return "it is a zip archive, perhaps an Excel workbook (.xlsx); save it as \"CSV UTF-8\"";
    }
    if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
      return "it is an old Excel workbook (.xls); save it as \"CSV UTF-8\"";
    }
    if (startsWith(b, 0x89, 'P', 'N', 'G')) return "it is a PNG image";
    if (startsWith(b, '%', 'P', 'D', 'F')) return "it is a PDF document";
    return null;
  }

  private static boolean startsWith(byte[] b, int... magic) {
    if (b.length < magic.length) return false;
    for (int i = 0; i < magic.length; i++) {
      if ((b[i] & 0xFF) != magic[i]) return false;
    }
    return true;
  }
}
