package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/ranking?format=xlsx} opened with POI holds exactly what the JSON ranking says. */
class RankingXlsxTest {
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, null);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theWorkbookMatchesTheJsonRankingCellByCell() throws Exception {
    String query = "/api/ranking?kecamatan=31.72.03&sector=BPU";
    JsonNode json = server.json(query);
    HttpResponse<byte[]> r = server.getBytes(query + "&format=xlsx");
    assertEquals(200, r.statusCode());
    assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        r.headers().firstValue("Content-Type").orElse(""));
    assertEquals("attachment; filename=\"peringkat-31.72.03-BPU.xlsx\"",
        r.headers().firstValue("Content-Disposition").orElse(""));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      assertEquals(1, wb.getNumberOfSheets());
      Sheet s = wb.getSheetAt(0);
      String title = s.getRow(0).getCell(0).getStringCellValue();
      assertTrue(title.contains("Kecamatan Koja (31.72.03)") && title.contains("Bukan Penerima Upah (BPU)"), title);
      String[] ym = json.get("period").asText().split("-");
      assertTrue(title.endsWith(" " + ym[0]), title);
      String source = s.getRow(1).getCell(0).getStringCellValue();
      assertTrue(source.startsWith("Sumber: ") && source.contains("SINTETIS"), "the demo data says it is made up: " + source);
      Row head = s.getRow(2);
      assertEquals("Peringkat", head.getCell(0).getStringCellValue());
      assertEquals("Belum terlindungi", head.getCell(10).getStringCellValue());

      JsonNode rows = json.get("rows");
      assertEquals(6, rows.size());
      assertEquals(2 + rows.size(), s.getLastRowNum());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode j = rows.get(i);
        Row x = s.getRow(3 + i);
        assertEquals(j.get("rank").asDouble(), x.getCell(0).getNumericCellValue());
        assertEquals(CellType.STRING, x.getCell(1).getCellType(), "codes are text");
        assertEquals(j.get("code").asText(), x.getCell(1).getStringCellValue());
        assertEquals(j.get("name").asText(), x.getCell(2).getStringCellValue());
        assertEquals(j.get("participants").asDouble(), x.getCell(7).getNumericCellValue());
        assertEquals(j.get("workforce").asDouble(), x.getCell(8).getNumericCellValue());
        assertEquals(j.get("coverage_rate").asDouble(), x.getCell(9).getNumericCellValue(), 1e-6);
        assertEquals(j.get("uncovered").asDouble(), x.getCell(10).getNumericCellValue());
      }
    }
  }

  @Test
  void anUnknownFormatIsAProblemNamingTheParameter() throws Exception {
    HttpResponse<String> r = server.get("/api/ranking?format=xls");
    assertEquals(400, r.statusCode());
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals("format", p.get("parameter").asText());
    assertTrue(p.get("detail").asText().contains("xlsx"), r.body());
    assertEquals(400, server.get("/api/ranking?format=xlsx&locale=id").statusCode(), "locale is for CSV only");
  }
}
