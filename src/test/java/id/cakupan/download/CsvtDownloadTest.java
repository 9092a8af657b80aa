package id.cakupan.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.Gdal;
import id.cakupan.api.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** GDAL's .csvt for CSV downloads: codes stay text, metrics numbers, and GDAL builds the geometry. */
class CsvtDownloadTest {
  @TempDir Path work;
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();

  private Path download(String query, String expectedName) throws Exception {
    return server.download(query, expectedName, work);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "&geometry=wkt", "&level=kecamatan", "&geometry=point&level=kota"})
  void theSidecarHasOneTypePerColumnOfTheCsv(String more) throws Exception {
    String header = server.get("/api/download?format=csv" + more).body().lines().findFirst().orElseThrow();
    String types = server.get("/api/download?format=csvt" + more).body().strip();
    assertEquals(header.split(",").length, types.split(",").length, header + "\n" + types);
    assertTrue(types.startsWith("\"String\",\"String\",\"String\""), types);
  }

  @Test
  void besideTheCsvGdalKeepsCodesAsStringsEvenWhenAskedToGuessTypes() throws Exception {
    Path csv = download("format=csv&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csv");
    download("format=csvt&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csvt");
    String summary = Gdal.run("ogrinfo", "-ro", "-al", "-so", "-oo", "AUTODETECT_TYPE=YES", csv.toString());
    assertEquals(31, Gdal.featureCount(summary), summary);
    assertTrue(summary.contains("Geometry: Point"), summary);
    for (String field : List.of("code: String", "bps_code: String", "kecamatan_code: String", "kota_code: String",
        "period: String", "participants: Integer64", "coverage_rate: Real", "luas_km2: Real")) {
      assertTrue(summary.contains(field), field + " in\n" + summary);
    }
    String features = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-oo", "AUTODETECT_TYPE=YES", csv.toString());
    assertTrue(features.contains("kota_code (String) = 31.72"), features);
    assertTrue(features.contains("code (String) = 31.72.03.1004"), features);
    assertTrue(features.contains("bps_code (String) = 3175040005"), features);
  }

  @Test
  void withoutTheSidecarGdalWouldTakeTheKotaCodeForANumber() throws Exception {
    // The failure the sidecar exists for, so that the test above proves something.
    Path csv = download("format=csv&sector=BPU", "cakupan-kelurahan-BPU-2026-10.csv");
    String summary = Gdal.run("ogrinfo", "-ro", "-al", "-so", "-oo", "AUTODETECT_TYPE=YES", csv.toString());
    assertTrue(summary.contains("kota_code: Real"), summary);
  }

  @Test
  void theZipOpensInGdalWithTypesAndEpsg4326() throws Exception {
    Path zip = download("format=csv.zip&sector=PU", "cakupan-kelurahan-PU-2026-10.csv.zip");
    String summary = Gdal.run("ogrinfo", "-ro", "-al", "-so", "/vsizip/" + zip + "/cakupan-kelurahan-PU-2026-10.csv");
    assertEquals(31, Gdal.featureCount(summary), summary);
    assertTrue(summary.contains("Geometry: Point"), summary);
    assertTrue(summary.contains("ID[\"EPSG\",4326]"), summary);
    assertTrue(summary.contains("kota_code: String") && summary.contains("uncovered: Integer64"), summary);

    Path polygons = download("format=csv.zip&geometry=wkt&level=kecamatan", "cakupan-kecamatan-ALL-2026-10.csv.zip");
    String wkt = Gdal.run("ogrinfo", "-ro", "-al", "-so",
        "/vsizip/" + polygons + "/cakupan-kecamatan-ALL-2026-10.csv");
    assertEquals(6, Gdal.featureCount(wkt), wkt);
    assertTrue(wkt.contains("ID[\"EPSG\",4326]") && wkt.contains("Geometry Column = "), wkt);
    String features = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-fields=NO",
        "/vsizip/" + polygons + "/cakupan-kecamatan-ALL-2026-10.csv");
    assertEquals(6, features.split("MULTIPOLYGON \\(\\(\\(", -1).length - 1, "one polygon geometry per kecamatan");
  }

  @Test
  void localeStaysWithThePlainCsv() throws Exception {
    HttpResponse<String> r = server.get("/api/download?format=csvt&locale=id");
    assertEquals(400, r.statusCode());
    assertEquals("locale", ServerFixture.parse(r.body()).get("parameter").asText());
  }
}
