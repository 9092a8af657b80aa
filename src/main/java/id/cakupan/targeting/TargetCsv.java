package id.cakupan.targeting;

import id.cakupan.coverage.CoverageCsv;
import id.cakupan.coverage.CsvLexer;
import id.cakupan.coverage.ImportError;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.PlaceResolver;
import id.cakupan.coverage.Sector;
import id.cakupan.coverage.WholeNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reads a bulk target CSV with the coverage import's rules (SPEC §3): UTF-8, {@code ,} or {@code ;},
 * a header of case-insensitive names, extra columns ignored, and the whole file or nothing, with
 * every bad row reported by line. Columns: the place as in the coverage import ({@code kode_wilayah},
 * {@code kode_bps}, or {@code kelurahan} with {@code kecamatan}), {@code sektor}, {@code periode}
 * (the target month), {@code target}, and optional {@code periode_dasar} (baseline month),
 * {@code penanggung_jawab} (assignee) and {@code catatan} (note). Pure: it sees only the bytes,
 * the place resolver, the default baseline and the kecamatan the writer may touch.
 */
public final class TargetCsv {
  /** A target file names each kelurahan a few times (sectors, months); national × 4 sectors × a year fits. */
  public static final int MAX_ROWS = 500_000;

  static final String KODE_WILAYAH = "kode_wilayah";
  static final String KODE_BPS = "kode_bps";
  static final String KELURAHAN = "kelurahan";
  static final String KECAMATAN = "kecamatan";
  static final String SEKTOR = TargetField.SECTOR.column();
  static final String PERIODE = TargetField.PERIOD.column();
  static final String TARGET = TargetField.TARGET.column();
  static final String PERIODE_DASAR = TargetField.BASELINE_PERIOD.column();
  static final String PENANGGUNG_JAWAB = TargetField.ASSIGNEE.column();
  static final String CATATAN = TargetField.NOTE.column();
  private static final List<String> KNOWN = List.of(KODE_WILAYAH, KODE_BPS, KELURAHAN, KECAMATAN, SEKTOR, PERIODE,
      TARGET, PERIODE_DASAR, PENANGGUNG_JAWAB, CATATAN);

  private final byte[] content;
  private final PlaceResolver places;
  private final Supplier<Period> newestMonth;
  private boolean baselineAsked;
  private Period defaultBaseline;
  private final String kecamatanScope;
  private final Map<String, Integer> columns = new LinkedHashMap<>();
  private final Map<String, Integer> seen = new HashMap<>();
  private final List<ImportError> errors = new ArrayList<>();
  private final List<Target> targets = new ArrayList<>();
  private int unlisted;
  private int rows;
  private int headerColumns;

  private TargetCsv(byte[] content, PlaceResolver places, Supplier<Period> newestMonth, String kecamatanScope) {
    this.content = content;
    this.places = places;
    this.newestMonth = newestMonth;
    this.kecamatanScope = kecamatanScope;
  }

  /**
   * @param defaultBaseline the baseline of rows without {@code periode_dasar} (the newest month
   *     with data), or null when there is none and every row must name one
   * @param kecamatanScope the kecamatan code ({@code PP.KK.DD}) every row must lie in, or null for anywhere
   */
  public static TargetImport parse(byte[] content, PlaceResolver places, Period defaultBaseline,
      String kecamatanScope) {
    return parse(content, places, () -> defaultBaseline, kecamatanScope);
  }

  /** As above, asking for the newest month only when a row needs it (finding it may mean reading all coverage). */
  public static TargetImport parse(byte[] content, PlaceResolver places, Supplier<Period> newestMonth,
      String kecamatanScope) {
    return new TargetCsv(content, places, newestMonth, kecamatanScope).run();
  }

  private Period defaultBaseline() {
    if (!baselineAsked) {
      defaultBaseline = newestMonth.get();
      baselineAsked = true;
    }
    return defaultBaseline;
  }

  private TargetImport run() {
    if (content == null || content.length == 0) return fail("file is empty");
    String binary = CoverageCsv.binaryKind(content);
    if (binary != null) return fail(CoverageCsv.NOT_TEXT + ": " + binary);
    int start = CoverageCsv.hasBom(content) ? 3 : 0;
    try {
      CsvLexer lx = headerLexer(start);
      if (lx == null) return fail("file is empty");
      if (!header(lx)) return result();
      int headerLine = lx.line();
      boolean anyRow = false;
      while (lx.next()) {
        if (lx.isBlank()) continue;
        anyRow = true;
        if (++rows > MAX_ROWS) {
          error(lx.line(), null, "too many rows: a target file has at most " + MAX_ROWS + " rows; split it");
          break;
        }
        row(lx);
        if (lx.unterminatedQuoteLine() != 0) {
          error(lx.unterminatedQuoteLine(), null, CoverageCsv.unclosedQuote(lx.unterminatedQuoteLine()));
          break;
        }
      }
      if (!anyRow) error(headerLine, null, "no data rows: the file has only a header");
      if (lx.controlBytes() * 20L > (long) lx.position() - start) {
        return fail(CoverageCsv.NOT_TEXT + ": it is mostly control characters, not text");
      }
    } catch (CsvLexer.NotTextException e) {
      return fail(CoverageCsv.NOT_TEXT + ": " + e.getMessage());
    }
    return result();
  }

  /** The header read with whichever of ',' and ';' finds more of the known column names. */
  private CsvLexer headerLexer(int start) {
    CsvLexer comma = new CsvLexer(content, start, content.length, 1, ',');
    while (comma.next()) {
      if (comma.isBlank()) continue;
      CsvLexer semicolon = new CsvLexer(content, comma.recordStart(), content.length, comma.line(), ';');
      semicolon.next();
      return known(semicolon) > known(comma) ? semicolon : comma;
    }
    return null;
  }

  private static int known(CsvLexer lx) {
    int n = 0;
    for (int i = 0; i < lx.fields(); i++) if (KNOWN.contains(lx.text(i).toLowerCase(Locale.ROOT))) n++;
    return n;
  }

  private boolean header(CsvLexer lx) {
    headerColumns = lx.fields();
    for (int i = 0; i < lx.fields(); i++) {
      String name = lx.text(i).toLowerCase(Locale.ROOT);
      if (!KNOWN.contains(name)) continue;
      Integer earlier = columns.putIfAbsent(name, i);
      if (earlier != null) {
        error(lx.line(), name, "column '" + name + "' appears twice in the header (columns " + (earlier + 1)
            + " and " + (i + 1) + "): keep one");
        return false;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String required : List.of(SEKTOR, PERIODE, TARGET)) if (!columns.containsKey(required)) missing.add(required);
    if (!columns.containsKey(KODE_WILAYAH) && !columns.containsKey(KODE_BPS)
        && !(columns.containsKey(KELURAHAN) && columns.containsKey(KECAMATAN))) {
      missing.add("a place (kode_wilayah, kode_bps, or kelurahan with kecamatan)");
    }
    if (missing.isEmpty()) return true;
    error(lx.line(), null, "missing required column" + (missing.size() == 1 ? ": " : "s: ") + String.join(", ", missing)
        + "; a target file has " + String.join(", ", KNOWN.subList(0, 4)) + " (a place), "
        + SEKTOR + ", " + PERIODE + ", " + TARGET + " and optionally " + PERIODE_DASAR + ", " + PENANGGUNG_JAWAB
        + ", " + CATATAN);
    return false;
  }

  private void row(CsvLexer lx) {
    int line = lx.line();
    int before = errors.size() + unlisted;
    KelurahanCode code = place(lx, line);
    Sector sector = parsed(lx, line, SEKTOR, "sektor is required: PU, BPU, JAKON or ALL", Sector::parse);
    Period period = parsed(lx, line, PERIODE, "periode (the target month) is required, as YYYY-MM", Period::parse);
    Long target = target(lx, line);
    boolean baselineGiven = cell(lx, PERIODE_DASAR) != null;
    Period baseline = baselineGiven ? parsed(lx, line, PERIODE_DASAR, null, Period::parse) : defaultBaseline();
    if (!baselineGiven && baseline == null) {
      error(line, PERIODE_DASAR, "periode_dasar is required while no coverage data is stored "
          + "(it defaults to the newest month with data)");
    }
    String assignee = cell(lx, PENANGGUNG_JAWAB);
    String note = cell(lx, CATATAN);
    if (code != null && kecamatanScope != null && !code.kecamatanCode().equals(kecamatanScope)) {
      error(line, placeColumn(lx), code + " is in kecamatan " + code.kecamatanCode()
          + ": this token may set targets only in kecamatan " + kecamatanScope);
      code = null;
    }
    if (code != null && sector != null && period != null) {
      String key = code + "/" + sector + "/" + period;
      Integer earlier = seen.putIfAbsent(key, line);
      if (earlier != null) {
        error(line, null, "duplicate of line " + earlier + ": " + code + ", " + sector + ", " + period
            + " is already given there");
      }
    }
    if (errors.size() + unlisted > before || code == null || sector == null || period == null || target == null
        || baseline == null) {
      return;
    }
    try {
      targets.add(new Target(code, sector, period, target, baseline, assignee, note));
    } catch (InvalidTargetException e) {
      String column = e.field() == TargetField.BASELINE_PERIOD && !baselineGiven ? PERIODE
          : e.field().column();
      String message = e.getMessage();
      if (e.field() == TargetField.BASELINE_PERIOD && !baselineGiven) {
        message += " (no periode_dasar given: it defaults to the newest month with data, " + defaultBaseline + ")";
      }
      error(line, column, message);
    }
  }

  private String placeColumn(CsvLexer lx) {
    if (columns.containsKey(KODE_WILAYAH) && !lx.isEmpty(columns.get(KODE_WILAYAH))) return KODE_WILAYAH;
    if (columns.containsKey(KODE_BPS) && !lx.isEmpty(columns.get(KODE_BPS))) return KODE_BPS;
    return KELURAHAN;
  }

  /** The first filled of kode_wilayah, kode_bps and the names; both codes, when given, must agree. */
  private KelurahanCode place(CsvLexer lx, int line) {
    String wilayah = cell(lx, KODE_WILAYAH);
    String bps = cell(lx, KODE_BPS);
    if (wilayah != null) {
      KelurahanCode code = resolve(line, KODE_WILAYAH, wilayah, () -> places.byKemendagri(KelurahanCode.parse(wilayah)));
      if (code != null && bps != null) {
        KelurahanCode other = resolve(line, KODE_BPS, bps, () -> places.byBps(bps));
        if (other != null && !other.equals(code)) {
          error(line, KODE_BPS, "kode_bps " + ImportError.cell(bps) + " is kelurahan " + other
              + ", but kode_wilayah says " + code + ": the two codes must name the same kelurahan");
          return null;
        }
      }
      return code;
    }
    if (bps != null) return resolve(line, KODE_BPS, bps, () -> places.byBps(bps));
    String kelurahan = cell(lx, KELURAHAN);
    String kecamatan = cell(lx, KECAMATAN);
    if (kelurahan != null && kecamatan != null) {
      return resolve(line, KELURAHAN, kelurahan + " / " + kecamatan, () -> places.byName(kecamatan, kelurahan));
    }
    if (kelurahan != null || kecamatan != null) {
      error(line, kelurahan == null ? KELURAHAN : KECAMATAN,
          "kelurahan and kecamatan go together (or fill kode_wilayah or kode_bps)");
      return null;
    }
    error(line, columns.containsKey(KODE_WILAYAH) ? KODE_WILAYAH : columns.containsKey(KODE_BPS) ? KODE_BPS : KELURAHAN,
        "the row names no place: fill kode_wilayah, kode_bps, or kelurahan with kecamatan");
    return null;
  }

  private interface Lookup {
    KelurahanCode find();
  }

  private KelurahanCode resolve(int line, String column, String text, Lookup lookup) {
    try {
      return lookup.find();
    } catch (IllegalArgumentException e) {
      error(line, column, ImportError.quoting(e.getMessage(), text));
      return null;
    }
  }

  private interface Parser<T> {
    T parse(String text);
  }

  private <T> T parsed(CsvLexer lx, int line, String column, String whenEmpty, Parser<T> parser) {
    String text = cell(lx, column);
    if (text == null) {
      error(line, column, absent(lx, column, whenEmpty));
      return null;
    }
    try {
      return parser.parse(text);
    } catch (IllegalArgumentException e) {
      error(line, column, ImportError.quoting(e.getMessage(), text));
      return null;
    }
  }

  private Long target(CsvLexer lx, int line) {
    Integer field = columns.get(TARGET);
    if (lx.isEmpty(field)) {
      error(line, TARGET, absent(lx, TARGET, "target is required: a whole number of participants, 1 or more"));
      return null;
    }
    long v = WholeNumbers.parse(lx.buffer(field), lx.start(field), lx.end(field));
    String text = lx.text(field);
    if (v == WholeNumbers.TOO_LARGE || v > Target.MAX_TARGET) {
      error(line, TARGET, "'" + ImportError.cell(text) + "' is too large: a target is at most " + Target.MAX_TARGET);
      return null;
    }
    if (v < 0) {
      error(line, TARGET, ImportError.quoting(WholeNumbers.problem(text), text));
      return null;
    }
    if (v == 0) {
      error(line, TARGET, "target 0 is no target: give the number of participants to reach, 1 or more");
      return null;
    }
    return v;
  }

  /** The trimmed text of an optional column, null when the column is absent or the cell empty. */
  private String cell(CsvLexer lx, String column) {
    Integer field = columns.get(column);
    if (field == null || lx.isEmpty(field)) return null;
    return lx.text(field);
  }

  private String absent(CsvLexer lx, String column, String need) {
    Integer field = columns.get(column);
    if (field != null && field >= lx.fields()) {
      return "missing: the row has " + lx.fields() + " value" + (lx.fields() == 1 ? "" : "s") + " but the header has "
          + headerColumns + " columns; " + need;
    }
    return "empty: " + need;
  }

  private void error(int line, String column, String message) {
    if (errors.size() < CoverageCsv.MAX_LISTED_ERRORS) errors.add(new ImportError(line, column, message));
    else unlisted++;
  }

  private TargetImport result() {
    if (unlisted > 0) {
      errors.add(new ImportError(errors.get(errors.size() - 1).line(), null, unlisted + " more error"
          + (unlisted == 1 ? "" : "s") + " not listed: the report stops at " + CoverageCsv.MAX_LISTED_ERRORS));
    }
    return new TargetImport(errors.isEmpty() ? targets : List.of(), errors);
  }

  private static TargetImport fail(String message) {
    return new TargetImport(List.of(), List.of(new ImportError(1, null, message)));
  }
}
