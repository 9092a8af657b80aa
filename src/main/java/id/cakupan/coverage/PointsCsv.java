package id.cakupan.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a points CSV ({@code lon,lat,periode,sektor}, one row per participant or employer) in
 * WGS 84 degrees. Like the coverage CSV, any bad row rejects the file and every bad row is listed.
 */
public final class PointsCsv {
  private static final List<String> REQUIRED = List.of("lon", "lat", "periode", "sektor");

  private PointsCsv() {}

  public static PointImport parse(byte[] content) {
    List<ImportError> errors = new ArrayList<>();
    if (content == null || content.length == 0) return rejected(1, null, "file is empty");
    String binary = CoverageCsv.binaryKind(content);
    if (binary != null) return rejected(1, null, CoverageCsv.NOT_TEXT + ": " + binary);
    int start = CoverageCsv.hasBom(content) ? 3 : 0;
    List<ParticipantPoint> points = new ArrayList<>();
    try {
      CsvLexer header = new CsvLexer(content, start, content.length, 1, ',');
      if (!header.next()) return rejected(1, null, "file is empty");
      char delimiter = header.fields() == 1 && header.text(0).contains(";") ? ';' : ',';
      CsvLexer lx = new CsvLexer(content, start, content.length, 1, delimiter);
      lx.next();
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < lx.fields(); i++) columns.putIfAbsent(lx.text(i).trim().toLowerCase(Locale.ROOT), i);
      List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
      if (!missing.isEmpty()) return rejected(1, null, "missing column(s): " + String.join(", ", missing));
      while (lx.next()) {
        if (lx.isBlank()) continue;
        int line = lx.line();
        Double lon = degrees(lx, columns.get("lon"), -180, 180, line, "lon", errors);
        Double lat = degrees(lx, columns.get("lat"), -90, 90, line, "lat", errors);
        Period period = parsed(lx, columns.get("periode"), line, "periode", errors, Period::parse);
        Sector sector = parsed(lx, columns.get("sektor"), line, "sektor", errors, Sector::parseImported);
        if (lon != null && lat != null && period != null && sector != null && errors.isEmpty()) {
          points.add(new ParticipantPoint(line, lon, lat, period, sector));
        }
        if (errors.size() >= CoverageCsv.MAX_LISTED_ERRORS) break;
      }
    } catch (CsvLexer.NotTextException e) {
      return rejected(1, null, CoverageCsv.NOT_TEXT + ": " + e.getMessage());
    }
    if (errors.isEmpty() && points.isEmpty()) return rejected(1, null, "no data rows");
    return new PointImport(errors.isEmpty() ? points : List.of(), errors);
  }

  private static Double degrees(CsvLexer lx, int column, double min, double max, int line, String name,
      List<ImportError> errors) {
    String text = column < lx.fields() ? lx.text(column).trim() : "";
    try {
      if (!text.matches("-?\\d{1,3}(\\.\\d+)?")) throw new NumberFormatException();
      double v = Double.parseDouble(text);
      if (v < min || v > max) {
        errors.add(new ImportError(line, name, "'" + ImportError.cell(text) + "' is outside " + (int) min + ".." + (int) max));
        return null;
      }
      return v;
    } catch (NumberFormatException e) {
      errors.add(new ImportError(line, name, "'" + ImportError.cell(text) + "' is not a WGS 84 degree value: write e.g. 106.89839 (decimal point)"));
      return null;
    }
  }

  private interface Parser<T> {
    T parse(String s);
  }

  private static <T> T parsed(CsvLexer lx, int column, int line, String name, List<ImportError> errors, Parser<T> parser) {
    String text = column < lx.fields() ? lx.text(column) : "";
    try {
      return parser.parse(text);
    } catch (IllegalArgumentException e) {
      errors.add(new ImportError(line, name, ImportError.quoting(e.getMessage(), text)));
      return null;
    }
  }

  private static PointImport rejected(int line, String column, String message) {
    return new PointImport(List.of(), List.of(new ImportError(line, column, message)));
  }
}
