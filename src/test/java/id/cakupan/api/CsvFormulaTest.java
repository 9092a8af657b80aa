package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.boundary.Gazetteer;
import id.cakupan.config.Config;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names reach CSV exports from gazetteers and boundary files: a name a spreadsheet would run as a
 * formula is exported as text, while negative numbers (change) stay numbers.
 */
class CsvFormulaTest {
  @TempDir static Path dataDir;
  @TempDir static Path gazetteerDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    String crosswalk;
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(Gazetteer.BUILT_IN)) {
      crosswalk = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // A hostile crosswalk: formula-like kelurahan names and a kecamatan starting with @.
    crosswalk = crosswalk
        .replace("31.72.03.1004,3175040005,Rawa Badak Utara,", "31.72.03.1004,3175040005,=1+2,")
        .replace("31.72.03.1003,3175040004,Lagoa,", "31.72.03.1003,3175040004,-Lagoa,")
        .replace("31.72.03.1002,3175040003,Tugu Utara,", "31.72.03.1002,3175040003,+Tugu Utara,")
        .replace(",Koja,Kota Administrasi", ",@Koja,Kota Administrasi");
    Path gazetteer = gazetteerDir.resolve("hostile.csv");
    Files.writeString(gazetteer, crosswalk);
    server = new ServerFixture(new Config(0, dataDir, null, gazetteer, null, null, null));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Rows of a CSV without quoted cells, keyed by the value of the code column. */
  private static Map<String, Map<String, String>> rows(String path) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(200, r.statusCode(), r.body());
    String[] lines = r.body().split("\n");
    String[] header = lines[0].split(",", -1);
    Map<String, Map<String, String>> byCode = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",", -1);
      assertEquals(header.length, cells.length, lines[i]);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.length; c++) row.put(header[c], cells[c]);
      byCode.put(row.get("code"), row);
    }
    return byCode;
  }

  private static void assertNumbersUntouched(Map<String, Map<String, String>> rows) {
    List<String> changes = new ArrayList<>();
    for (Map<String, String> row : rows.values()) {
      for (String column : List.of("participants", "workforce", "coverage_rate", "uncovered", "change", "density")) {
        String cell = row.get(column);
        assertTrue(cell.matches("(-?\\d+(\\.\\d+)?)?"), column + " is not a plain number: " + cell);
      }
      changes.add(row.get("change"));
    }
    assertTrue(changes.stream().anyMatch(c -> c.startsWith("-")), "a negative change to check, in " + changes);
  }

  @Test
  void theRankingCsvDefusesFormulaNames() throws Exception {
    Map<String, Map<String, String>> rows = rows("/api/ranking?format=csv&kecamatan=31.72.03");
    assertEquals("'=1+2", rows.get("31.72.03.1004").get("name"));
    assertEquals("'-Lagoa", rows.get("31.72.03.1003").get("name"));
    assertEquals("'+Tugu Utara", rows.get("31.72.03.1002").get("name"));
    assertEquals("'@Koja", rows.get("31.72.03.1004").get("kecamatan"));
    assertEquals("Koja", rows.get("31.72.03.1001").get("name"));
    assertNumbersUntouched(rows("/api/ranking?format=csv&sector=BPU"));
  }

  @Test
  void theDownloadCsvDefusesFormulaNames() throws Exception {
    Map<String, Map<String, String>> kelurahan = rows("/api/download?format=csv&level=kelurahan");
    assertEquals("'=1+2", kelurahan.get("31.72.03.1004").get("name"));
    assertEquals("'@Koja", kelurahan.get("31.72.03.1003").get("kecamatan"));
    assertEquals("Penjaringan", kelurahan.get("31.72.01.1001").get("name"));
    assertNumbersUntouched(kelurahan);
    assertEquals("'@Koja", rows("/api/download?format=csv&level=kecamatan").get("31.72.03").get("name"));
  }
}
