package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.TwoProvinsi;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GET /api/places: the compact lists pickers choose a provinsi, kota or kecamatan from, on the
 * default region (Jakarta Utara) and on a national-shaped one of two provinsi ({@link TwoProvinsi}).
 */
class PlacesApiTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();
  @TempDir static Path dir;
  static ServerFixture national;

  @BeforeAll
  static void startNational() throws Exception {
    national = TwoProvinsi.server(dir);
  }

  @AfterAll
  static void stopNational() {
    if (national != null) national.close();
  }

  @Test
  void jakartaUtaraListsItsSixKecamatanWithKotaProvinsiAndExtent() throws Exception {
    HttpResponse<String> r = server.get("/api/places?level=kecamatan");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("application/json", r.headers().firstValue("content-type").orElse(""));
    JsonNode body = ServerFixture.parse(r.body());
    assertEquals("kecamatan", body.get("level").asText());
    assertEquals(6, body.get("matched").asInt());
    assertFalse(body.get("truncated").asBoolean());
    JsonNode places = body.get("places");
    assertEquals(List.of("31.72.01", "31.72.02", "31.72.03", "31.72.04", "31.72.05", "31.72.06"), codes(places));
    JsonNode koja = places.get(2);
    assertEquals("Koja", koja.get("name").asText());
    assertEquals("31.72", koja.get("kota").asText());
    assertEquals("Kota Administrasi Jakarta Utara", koja.get("kota_name").asText());
    assertEquals("31", koja.get("provinsi").asText());
    assertEquals("DKI Jakarta", koja.get("provinsi_name").asText());
    // Its extent frames it (SPEC §2's point in Koja lies inside) and is all a picker gets of its polygon.
    JsonNode b = koja.get("bbox");
    assertEquals(4, b.size());
    assertTrue(b.get(0).asDouble() < 106.89896 && 106.89896 < b.get(2).asDouble(), b.toString());
    assertTrue(b.get(1).asDouble() < -6.10589 && -6.10589 < b.get(3).asDouble(), b.toString());
    assertFalse(koja.has("geometry"));
  }

  @Test
  void coarserLevelsCarryTheirCounts() throws Exception {
    JsonNode provinsi = server.json("/api/places?level=provinsi").get("places");
    assertEquals(1, provinsi.size());
    assertEquals("31", provinsi.get(0).get("code").asText());
    assertEquals(1, provinsi.get(0).get("kota_count").asInt());
    assertEquals(6, provinsi.get(0).get("kecamatan_count").asInt());
    JsonNode kota = server.json("/api/places?level=kota&parent=31").get("places");
    assertEquals(List.of("31.72"), codes(kota));
    assertEquals(6, kota.get(0).get("kecamatan_count").asInt());
  }

  @Test
  void aFinishedResponseWithETagRevalidatedLikeTheLayers() throws Exception {
    HttpResponse<String> r = server.get("/api/places?level=kecamatan&parent=31.72");
    assertEquals(200, r.statusCode());
    String etag = r.headers().firstValue("etag").orElseThrow();
    assertEquals("no-cache", r.headers().firstValue("cache-control").orElse(""));
    HttpResponse<String> again = server.get("/api/places?level=kecamatan&parent=31.72", "If-None-Match", etag);
    assertEquals(304, again.statusCode());
    assertEquals("", again.body());
    HttpResponse<byte[]> gz = server.getBytes("/api/places?level=kecamatan&parent=31.72", "Accept-Encoding", "gzip");
    assertEquals("gzip", gz.headers().firstValue("content-encoding").orElse(""));
  }

  @Test
  void nationallyEachLevelComesOneParentAtATime() throws Exception {
    JsonNode provinsi = national.json("/api/places?level=provinsi").get("places");
    assertEquals(List.of("31", "32"), codes(provinsi));
    int kecamatanIn32 = provinsi.get(1).get("kecamatan_count").asInt();
    assertTrue(kecamatanIn32 > 30, provinsi.toString());

    JsonNode kota = national.json("/api/places?level=kota&parent=32");
    assertEquals("provinsi", kota.get("parent").get("level").asText());
    assertEquals("32", kota.get("parent").get("code").asText());
    int sum = 0;
    for (JsonNode k : kota.get("places")) {
      assertTrue(k.get("code").asText().startsWith("32."), k.toString());
      assertEquals("32", k.get("provinsi").asText());
      sum += k.get("kecamatan_count").asInt();
    }
    assertEquals(kecamatanIn32, sum, "the kota's kecamatan add up to the provinsi's");

    JsonNode kecamatan = national.json("/api/places?level=kecamatan&parent=32.72").get("places");
    assertEquals(List.of("32.72.01", "32.72.02", "32.72.03", "32.72.04", "32.72.05", "32.72.06"), codes(kecamatan));
    assertEquals("32.72", kecamatan.get(2).get("kota").asText());
    // The same kecamatan through its provinsi: parents of any coarser level narrow alike.
    assertEquals(kecamatanIn32, national.json("/api/places?level=kecamatan&parent=32").get("matched").asInt());
  }

  @Test
  void theWholeLevelIsBoundedByLimit() throws Exception {
    JsonNode all = national.json("/api/places?level=kecamatan");
    int matched = all.get("matched").asInt();
    assertEquals(matched, all.get("places").size());
    JsonNode few = national.json("/api/places?level=kecamatan&limit=5");
    assertEquals(matched, few.get("matched").asInt());
    assertTrue(few.get("truncated").asBoolean());
    assertEquals(5, few.get("places").size());
    assertEquals(codes(all.get("places")).subList(0, 5), codes(few.get("places")));
  }

  @Test
  void aSearchFindsNamesByTheirWordsAccentsAndCaseAside() throws Exception {
    JsonNode r = national.json("/api/places?level=kecamatan&q=KOJA");
    assertEquals("KOJA", r.get("q").asText());
    assertEquals(List.of("31.72.03", "32.72.03"), codes(r.get("places")), "Koja of both provinsi");
    // A word inside the name ("Tanjung Priok" by "priok") and a code prefix both find it.
    assertTrue(codes(national.json("/api/places?level=kecamatan&q=priok").get("places")).contains("31.72.02"));
    assertEquals(List.of("32.72.03"), codes(national.json("/api/places?level=kecamatan&q=32.72.03").get("places")));
    assertEquals(0, national.json("/api/places?level=kecamatan&q=zzzz").get("matched").asInt());
    assertEquals(1, national.json("/api/places?level=kecamatan&q=koja&parent=32").get("matched").asInt());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "/api/places?level=kelurahan|level",
      "/api/places?level=desa|level",
      "/api/places?level=kecamatan&parent=31.72.03|parent",
      "/api/places?level=kota&parent=31.72|parent",
      "/api/places?parent=3172|parent",
      "/api/places?parent=DKI|parent",
      "/api/places?limit=0|limit",
      "/api/places?limit=1001|limit",
      "/api/places?limit=many|limit",
      "/api/places?q=--|q",
      "/api/places?q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|q",
      "/api/places?level=kota&level=kecamatan|level",
      "/api/places?kecamatan=31.72.03|kecamatan"})
  void badInputIs400ProblemJsonNamingTheParameter(String path, String parameter) throws Exception {
    HttpResponse<String> r = server.get(path);
    assertEquals(400, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    JsonNode p = ServerFixture.parse(r.body());
    assertEquals(400, p.get("status").asInt());
    assertEquals(parameter, p.get("parameter").asText());
    assertTrue(p.get("detail").asText().length() > 10);
  }

  @Test
  void aParentOutsideTheRegionIs404ProblemJson() throws Exception {
    HttpResponse<String> r = server.get("/api/places?level=kecamatan&parent=31.71");
    assertEquals(404, r.statusCode(), r.body());
    assertEquals("application/problem+json", r.headers().firstValue("content-type").orElse(""));
    assertEquals("parent", ServerFixture.parse(r.body()).get("parameter").asText());
  }

  private static List<String> codes(JsonNode places) {
    List<String> out = new ArrayList<>();
    places.forEach(p -> out.add(p.get("code").asText()));
    return out;
  }
}
