package id.cakupan.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.api.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code layout=wide}: one row per unit, a column per month of one metric and sector. */
class WideTableDownloadTest {
  @TempDir Path work;
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  private Path download(String query, String expectedName) throws Exception {
    return server.download(query, expectedName, work);
  }

  @Test
  void everyMonthIsAColumnHoldingTheChoroplethsValue() throws Exception {
    Path csv = download("format=csv&layout=wide&sector=BPU&metric=participants",
        "cakupan-kelurahan-BPU-participants-wide.csv");
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    assertEquals(List.of("code", "bps_code", "name", "level", "kecamatan", "kecamatan_code", "metric"), header.subList(0, 7));
    List<String> months = new ArrayList<>();
    server.json("/api/periods").get("periods").forEach(p -> months.add(0, p.asText()));
    assertEquals(months, header.subList(7, header.size()), "every month with data, oldest first");
    assertEquals(1 + 31, lines.size());
    Map<String, String[]> rows = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) rows.put(line.split(",")[0], line.split(",", -1));
    assertEquals("3175040005", rows.get("31.72.03.1004")[1]);
    for (String month : List.of(months.get(0), months.get(12), months.get(months.size() - 1))) {
      int column = header.indexOf(month);
      for (JsonNode f : server.json("/api/choropleth?sector=BPU&metric=participants&period=" + month).get("features")) {
        String[] row = rows.get(f.get("id").asText());
        assertEquals(f.get("properties").get("participants").asText(), row[column], f.get("id") + " " + month);
      }
    }
  }

  @Test
  void ratesAndOtherLevelsToo() throws Exception {
    String body = server.get("/api/download?format=csv&layout=wide&level=kecamatan&metric=coverage_rate").body();
    List<String> lines = body.lines().toList();
    assertEquals(1 + 6, lines.size());
    String[] header = lines.get(0).split(",");
    String[] koja = lines.stream().filter(l -> l.startsWith("31.72.03,")).findFirst().orElseThrow().split(",", -1);
    assertEquals("3175040", koja[1]);
    assertEquals("coverage_rate", koja[6]);
    JsonNode api = server.json("/api/choropleth?level=kecamatan&kecamatan=31.72.03&period=" + header[header.length - 1]);
    assertEquals(0, Double.compare(api.get("features").get(0).get("properties").get("coverage_rate").asDouble(),
        Double.parseDouble(koja[koja.length - 1])));
    assertEquals(1 + 6, server.get("/api/download?format=csv&layout=wide&kecamatan=31.72.03").body().lines().count());
  }

  @Test
  void gdalReadsTheMonthsAsNumbersAndTheCodesAsText() throws Exception {
    Path csv = download("format=csv&layout=wide&sector=PU&metric=uncovered", "cakupan-kelurahan-PU-uncovered-wide.csv");
    download("format=csvt&layout=wide&sector=PU&metric=uncovered", "cakupan-kelurahan-PU-uncovered-wide.csvt");
    String summary = Gdal.run("ogrinfo", "-ro", "-al", "-so", "-oo", "AUTODETECT_TYPE=YES", csv.toString());
    assertEquals(31, Gdal.featureCount(summary), summary);
    assertTrue(summary.contains("Geometry: None"), summary);
    assertTrue(summary.contains("code: String") && summary.contains("bps_code: String"), summary);
    assertTrue(summary.contains("2026-10: Integer64") && summary.contains("2024-11: Integer64"), summary);

    Path zip = download("format=csv.zip&layout=wide&metric=density", "cakupan-kelurahan-ALL-density-wide.csv.zip");
    String zipped = Gdal.run("ogrinfo", "-ro", "-al", "-so", "/vsizip/" + zip + "/cakupan-kelurahan-ALL-density-wide.csv");
    assertEquals(31, Gdal.featureCount(zipped), zipped);
    assertTrue(zipped.contains("2026-10: Real") && zipped.contains("kecamatan_code: String"), zipped);
  }

  @Test
  void indonesianSpreadsheetsGetTheirDialect() throws Exception {
    String body = server.get("/api/download?format=csv&layout=wide&metric=coverage_rate&locale=id").body();
    assertTrue(body.startsWith("\uFEFFkode;kode_bps;nama;tingkat;kecamatan;kode_kecamatan;ukuran;2024-11;"), body.substring(0, 80));
    String row = body.lines().skip(1).findFirst().orElseThrow();
    assertTrue(row.matches(".*;\\d+,\\d+.*"), "rates in percent with a decimal comma: " + row);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "layout=wide&format=gpkg|layout",
      "layout=wide&format=shp|layout",
      "layout=wide&period=2026-10|period",
      "layout=wide&geometry=wkt|geometry",
      "metric=participants|metric",
      "layout=tall|layout",
      "layout=wide&metric=peserta|metric"})
  void badCombinationsAreRefusedNamingTheParameter(String query, String parameter) throws Exception {
    HttpResponse<String> r = server.get("/api/download?" + query);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals(parameter, ServerFixture.parse(r.body()).get("parameter").asText());
  }
}
