package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code format=csv&locale=id}: a CSV for Excel in Indonesian that still holds the API's own numbers. */
class CsvLocaleTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  @Test
  void theIndonesianRankingCsvReadsBackToTheJsonNumbers() throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/api/ranking?format=csv&locale=id&sector=BPU");
    assertEquals(200, r.statusCode());
    byte[] body = r.body();
    // UTF-8 byte order mark first: Excel otherwise reads the file as ANSI.
    assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(body[0], body[1], body[2]));
    String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    List<Map<String, String>> rows = read(text, ";");
    JsonNode json = server.json("/api/ranking?sector=BPU").get("rows");
    assertEquals(json.size(), rows.size());
    boolean sawDecimalComma = false;
    for (int i = 0; i < json.size(); i++) {
      JsonNode j = json.get(i);
      Map<String, String> c = rows.get(i);
      assertEquals(j.get("rank").asInt(), Integer.parseInt(c.get("peringkat")));
      assertEquals(j.get("code").asText(), c.get("kode"));
      assertEquals(j.get("name").asText(), c.get("nama"));
      assertEquals(j.get("participants").asLong(), Long.parseLong(c.get("peserta_aktif")));
      assertEquals(j.get("uncovered").asLong(), Long.parseLong(c.get("belum_terlindungi")));
      String rate = c.get("cakupan (%)");
      assertFalse(rate.contains("."), rate);
      sawDecimalComma |= rate.contains(",");
      assertEquals(j.get("coverage_rate").asDouble() * 100, indonesian(rate), 1e-9);
      assertEquals(j.get("density").asDouble(), indonesian(c.get("kepadatan_per_km2")), 1e-9);
    }
    assertTrue(sawDecimalComma, "rates are written with a decimal comma");

    // The default stays the plain CSV a program reads: commas, dot decimals, rates as fractions.
    String plain = server.get("/api/ranking?format=csv&sector=BPU").body();
    assertFalse(plain.startsWith("\uFEFF"));
    Map<String, String> first = read(plain, ",").get(0);
    assertEquals(json.get(0).get("coverage_rate").asDouble(), Double.parseDouble(first.get("coverage_rate")), 1e-12);
  }

  @Test
  void theIndonesianDownloadCsvReadsBackToTheJsonNumbers() throws Exception {
    HttpResponse<byte[]> r = server.getBytes("/api/download?format=csv&locale=id&level=kecamatan");
    assertEquals(200, r.statusCode());
    String text = new String(r.body(), StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFF"));
    List<Map<String, String>> rows = read(text.substring(1), ";");
    JsonNode features = server.json("/api/download?format=geojson&level=kecamatan").get("features");
    assertEquals(features.size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonNode p = features.get(i).get("properties");
      Map<String, String> c = rows.get(i);
      assertEquals(p.get("code").asText(), c.get("kode"));
      assertEquals(p.get("luas_km2").asDouble(), indonesian(c.get("luas_km2")), 1e-9);
      assertEquals(p.get("coverage_rate").asDouble() * 100, indonesian(c.get("cakupan (%)")), 1e-9);
      assertEquals(p.get("workforce").asLong(), Long.parseLong(c.get("tenaga_kerja")));
      assertTrue(c.get("bujur").matches("10\\d,\\d+"), c.get("bujur"));
    }
  }

  @Test
  void anUnknownLocaleOrALocaleForJsonIsAProblemNamingTheParameter() throws Exception {
    for (String q : List.of("/api/ranking?format=csv&locale=fr", "/api/ranking?locale=id",
        "/api/download?format=geojson&locale=id", "/api/download?format=csv&locale=xx")) {
      HttpResponse<String> r = server.get(q);
      assertEquals(400, r.statusCode(), q);
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/problem+json"), q);
      assertEquals("locale", ServerFixture.parse(r.body()).get("parameter").asText(), q);
    }
  }

  /** A number written the Indonesian way, without thousands separators: 58,3412. */
  private static double indonesian(String s) {
    assertFalse(s.contains("."), s);
    return Double.parseDouble(s.replace(',', '.'));
  }

  /** Header and rows as maps; cells may be quoted (names never contain quotes here). */
  private static List<Map<String, String>> read(String text, String separator) {
    String[] lines = text.split("\r?\n");
    List<String> head = split(lines[0], separator);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      List<String> cells = split(lines[i], separator);
      assertEquals(head.size(), cells.size(), lines[i]);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < head.size(); c++) row.put(head.get(c), cells.get(c));
      rows.add(row);
    }
    return rows;
  }

  private static List<String> split(String line, String separator) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '"') quoted = !quoted;
      else if (!quoted && line.startsWith(separator, i)) {
        cells.add(cell.toString());
        cell.setLength(0);
      } else cell.append(ch);
    }
    cells.add(cell.toString());
    return Arrays.asList(cells.toArray(new String[0]));
  }
}
