package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/ranking?format=xlsx} opened with POI holds exactly what the JSON ranking says. */
class RankingXlsxTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

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
      assertEquals("Kelompok", head.getCell(1).getStringCellValue());
      assertEquals("Belum terlindungi", head.getCell(12).getStringCellValue());

      JsonNode rows = json.get("rows");
      assertEquals(6, rows.size());
      assertEquals(2 + rows.size(), s.getLastRowNum());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode j = rows.get(i);
        Row x = s.getRow(3 + i);
        assertEquals(j.get("rank").asDouble(), x.getCell(0).getNumericCellValue());
        assertEquals("prioritas", x.getCell(1).getStringCellValue());
        assertEquals(CellType.STRING, x.getCell(2).getCellType(), "codes are text");
        assertEquals(j.get("code").asText(), x.getCell(2).getStringCellValue());
        assertEquals(j.get("bps_code").asText(), x.getCell(3).getStringCellValue(), "the BPS code as in the JSON");
        assertEquals(j.get("name").asText(), x.getCell(4).getStringCellValue());
        assertEquals(j.get("participants").asDouble(), x.getCell(9).getNumericCellValue());
        assertEquals(j.get("workforce").asDouble(), x.getCell(10).getNumericCellValue());
        assertEquals(j.get("coverage_rate").asDouble(), x.getCell(11).getNumericCellValue(), 1e-6);
        assertEquals(j.get("uncovered").asDouble(), x.getCell(12).getNumericCellValue());
      }
    }
  }

  @Test
  void incompleteKelurahanAreListedApartWithoutARank(@TempDir Path otherDir) throws Exception {
    try (ServerFixture imported = new ServerFixture(otherDir, null)) {
      String importer = imported.app.accounts().create("Petugas data", Role.IMPORTER, null, Principal.operator("test")).secret();
      StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
      for (int k = 1; k <= 6; k++) {
        // Tugu Selatan (1005) has no workforce estimate: it must not read as the least uncovered.
        csv.append("31.72.03.100").append(k).append(",2026-10,BPU,").append(100 * k).append(',')
            .append(k == 5 ? "" : Integer.toString(5000 - 100 * k)).append('\n');
      }
      HttpResponse<String> r = imported.post("/api/imports/coverage", csv.toString().getBytes(StandardCharsets.UTF_8),
          "text/csv", "Authorization", "Bearer " + importer);
      assertEquals(200, r.statusCode(), r.body());
      HttpResponse<byte[]> sheet = imported.getBytes("/api/ranking?kecamatan=31.72.03&sector=BPU&format=xlsx");
      try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(sheet.body()))) {
        Sheet s = wb.getSheetAt(0);
        assertTrue(s.getRow(1).getCell(0).getStringCellValue().contains("diimpor"), "imported data says so");
        assertEquals(8, s.getLastRowNum());
        for (int i = 3; i < 8; i++) {
          assertEquals(i - 2.0, s.getRow(i).getCell(0).getNumericCellValue());
          assertEquals("prioritas", s.getRow(i).getCell(1).getStringCellValue());
        }
        Row last = s.getRow(8);
        assertNull(last.getCell(0), "no rank for missing data");
        assertEquals("periksa data", last.getCell(1).getStringCellValue());
        assertEquals("31.72.03.1005", last.getCell(2).getStringCellValue());
        assertNull(last.getCell(10), "unknown workforce stays empty, not 0");
        assertNull(last.getCell(12));
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
