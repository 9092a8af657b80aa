package id.cakupan.activity;

import id.cakupan.coverage.ImportError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a file of activities (one a row) into field maps for {@link ActivityFields}: a header with
 * the API's field names or the Indonesian ones of the CSV export ({@code jenis}, {@code tanggal},
 * …), separated by {@code ,} or {@code ;}, quoted as RFC 4180. An {@code id} column, as the export
 * has, names an activity to replace; rows without one are new. Only the structure is checked here;
 * every problem is reported with its line (the header is line 1), none stops the reading.
 */
public final class ActivityCsv {
  public static final int MAX_ROWS = 10_000;
  /** Indonesian header names, as the export writes them with {@code locale=id}. */
  static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("jenis", "type"),
      Map.entry("tanggal", "date"), Map.entry("penyelenggara", "organiser"), Map.entry("organizer", "organiser"),
      Map.entry("kode_wilayah", "code"), Map.entry("bujur", "lon"), Map.entry("lintang", "lat"),
      Map.entry("sasaran", "target_group"), Map.entry("peserta_hadir", "attendees"),
      Map.entry("pendaftaran", "registrations"), Map.entry("catatan", "note"));
  /** Columns of the export that say nothing new: derived from the code. */
  static final List<String> DERIVED = List.of("name", "kelurahan", "kecamatan_code", "kode_kecamatan");

  /** One data row: its line and its fields by canonical name (the id under {@code "id"}). */
  public record Row(int line, Map<String, String> fields) {}

  public record Parsed(List<Row> rows, List<ImportError> errors) {}

  private ActivityCsv() {}

  public static Parsed parse(byte[] content) {
    List<ImportError> errors = new ArrayList<>();
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return new Parsed(List.of(), List.of(new ImportError(1, null, "the file is not UTF-8 text")));
    }
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int firstBreak = text.indexOf('\n');
    String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
    char separator = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
    String unclosed = split(text, separator, records, lines);
    if (unclosed != null) errors.add(new ImportError(lines.isEmpty() ? 1 : lines.get(lines.size() - 1), null, unclosed));
    if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
      return new Parsed(List.of(), List.of(new ImportError(1, null, "the file is empty; the first line names the columns: "
          + String.join(",", List.of("type", "status", "date", "organiser", "code", "lon", "lat", "target_group",
              "attendees", "registrations", "note")))));
    }
    List<String> header = new ArrayList<>();
    for (String h : records.get(0)) {
      String name = h.strip().toLowerCase(Locale.ROOT);
      name = ALIASES.getOrDefault(name, name);
      if (!name.equals("id") && !ActivityFields.FIELDS.contains(name) && !DERIVED.contains(name)) {
        errors.add(new ImportError(1, ImportError.cell(h.strip()), "unknown column '" + ImportError.cell(h.strip())
            + "'; the columns are id, "
            + String.join(", ", ActivityFields.FIELDS.stream().sorted().toList())));
      } else if (header.contains(name)) {
        errors.add(new ImportError(1, name, "column '" + name + "' appears twice"));
      }
      header.add(name);
    }
    for (String required : List.of("type", "status", "date", "organiser", "code")) {
      if (!header.contains(required)) errors.add(new ImportError(1, required, "the column '" + required + "' is missing"));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.stream().allMatch(String::isBlank)) continue;
      if (rows.size() == MAX_ROWS) {
        errors.add(new ImportError(lines.get(i), null, "more than " + MAX_ROWS + " activities in one file; split it"));
        break;
      }
      if (r.size() != header.size()) {
        errors.add(new ImportError(lines.get(i), null, r.size() + " cells where the header has " + header.size()));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        if (!DERIVED.contains(header.get(c))) fields.put(header.get(c), r.get(c));
      }
      rows.add(new Row(lines.get(i), fields));
    }
    return new Parsed(rows, errors);
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) == c) n++;
    return n;
  }

  /** Splits into records of cells with the line each starts on; returns an error for an unclosed quote. */
  private static String split(String text, char separator, List<List<String>> records, List<Integer> lines) {
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int line = 1;
    int start = 1;
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      any = true;
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (ch == '\n') line++;
          cell.append(ch);
        }
      } else if (ch == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else if (ch == separator) {
        record.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
        record.add(cell.toString());
        records.add(record);
        lines.add(start);
        record = new ArrayList<>();
        cell.setLength(0);
        line++;
        start = line;
        any = false;
      } else {
        cell.append(ch);
      }
    }
    if (any) {
      record.add(cell.toString());
      records.add(record);
      lines.add(start);
    }
    return quoted ? "a quoted cell opened on line " + start + " is never closed" : null;
  }
}
