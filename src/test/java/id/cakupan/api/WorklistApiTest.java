package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the camat's worklist reads from the server: the progress rows' hot-spot flag (from the
 * region-wide Gi* analysis) and the progress as .xlsx, checked cell by cell against the JSON.
 */
class WorklistApiTest {
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
  void theHotspotFlagIsMembershipOfASignificantLowCoverageClusterAcrossTheRegion() throws Exception {
    Set<String> cluster = new HashSet<>();
    for (JsonNode f : server.json("/api/hotspots?sector=BPU&metric=uncovered").get("features")) {
      if (f.get("properties").get("hotspot").asText().startsWith("hot_")) cluster.add(f.get("properties").get("code").asText());
    }
    for (JsonNode f : server.json("/api/hotspots?sector=BPU&metric=coverage_rate").get("features")) {
      if (f.get("properties").get("hotspot").asText().startsWith("cold_")) cluster.add(f.get("properties").get("code").asText());
    }
    JsonNode rows = server.json("/api/progress?sector=BPU").get("rows");
    assertEquals(31, rows.size());
    Set<String> flagged = new HashSet<>();
    for (JsonNode r : rows) {
      assertTrue(r.get("hotspot").isBoolean(), r.toString());
      if (r.get("hotspot").asBoolean()) flagged.add(r.get("code").asText());
    }
    assertEquals(cluster, flagged);
    // Per kecamatan the flags are the region's, not recomputed inside the kecamatan.
    for (JsonNode r : server.json("/api/progress?sector=BPU&kecamatan=31.72.03").get("rows")) {
      assertEquals(cluster.contains(r.get("code").asText()), r.get("hotspot").asBoolean(), r.toString());
    }
  }

  @Test
  void theProgressWorkbookHoldsTheJsonRowsInOrderWithTitleAndSource() throws Exception {
    String query = "/api/progress?kecamatan=31.72.04&sector=BPU";
    JsonNode json = server.json(query);
    HttpResponse<byte[]> r = server.getBytes(query + "&format=xlsx");
    assertEquals(200, r.statusCode());
    assertEquals("attachment; filename=\"daftar-kerja-31.72.04-BPU.xlsx\"", r.headers().firstValue("Content-Disposition").orElse(""));
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.body()))) {
      Sheet s = wb.getSheetAt(0);
      assertEquals(1, wb.getNumberOfSheets());
      String title = s.getRow(0).getCell(0).getStringCellValue();
      assertTrue(title.startsWith("Daftar kerja kelurahan — Kecamatan Cilincing (31.72.04)"), title);
      assertTrue(s.getRow(1).getCell(0).getStringCellValue().startsWith("Sumber: "));
      assertEquals("Hot spot", s.getRow(2).getCell(19).getStringCellValue());
      JsonNode rows = json.get("rows");
      assertEquals(2 + rows.size(), s.getLastRowNum());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode j = rows.get(i);
        Row x = s.getRow(3 + i);
        assertEquals(i + 1.0, x.getCell(0).getNumericCellValue());
        assertEquals("prioritas", x.getCell(1).getStringCellValue());
        assertEquals(CellType.STRING, x.getCell(2).getCellType());
        assertEquals(j.get("code").asText(), x.getCell(2).getStringCellValue());
        assertEquals(j.get("bps_code").asText(), x.getCell(3).getStringCellValue());
        assertEquals(j.get("uncovered").asDouble(), x.getCell(7).getNumericCellValue());
        assertNull(x.getCell(10), "no target: empty, not 0");
        assertEquals(j.get("hotspot").asBoolean() ? "ya" : "tidak", x.getCell(19).getStringCellValue());
      }
      // The 3- and 12-month change are the kelurahan series' differences.
      JsonNode series = server.json("/api/kelurahan/" + rows.get(0).get("code").asText()).get("properties").get("series").get("BPU");
      long now = series.get(series.size() - 1).get("participants").asLong();
      assertEquals(now - series.get(series.size() - 4).get("participants").asLong(), (long) s.getRow(3).getCell(8).getNumericCellValue());
      assertEquals(now - series.get(series.size() - 13).get("participants").asLong(), (long) s.getRow(3).getCell(9).getNumericCellValue());
    }
    assertEquals(400, server.get(query + "&format=xls").statusCode());
    assertEquals(400, server.get(query + "&format=xlsx&locale=id").statusCode());
  }
}
