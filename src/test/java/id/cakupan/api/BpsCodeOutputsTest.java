package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC §4: every layer, ranking, download row and OGC item carries {@code bps_code}, a string from the gazetteer. */
class BpsCodeOutputsTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();
  static final Map<String, String> BPS = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    for (GazetteerEntry e : Gazetteer.builtIn().entries()) BPS.put(e.code().value(), e.bpsCode());
  }

  @Test
  void everyChoroplethLevelCarriesTheBpsCodeAsAString() throws Exception {
    JsonNode kelurahan = server.json("/api/choropleth").get("features");
    assertEquals(31, kelurahan.size());
    for (JsonNode f : kelurahan) {
      JsonNode bps = f.get("properties").get("bps_code");
      assertTrue(bps.isTextual(), f.get("id") + ": " + bps);
      assertEquals(BPS.get(f.get("id").asText()), bps.asText());
    }
    assertEquals("3175040005", feature(kelurahan, "31.72.03.1004").get("bps_code").asText());
    assertEquals("3175040", feature(server.json("/api/choropleth?level=kecamatan").get("features"), "31.72.03")
        .get("bps_code").asText());
    assertEquals("3175", feature(server.json("/api/choropleth?level=kota").get("features"), "31.72")
        .get("bps_code").asText());
    assertEquals("3175040005", server.json("/api/kelurahan/31.72.03.1004").get("properties").get("bps_code").asText());
  }

  @Test
  void theRankingCarriesItInJsonAndCsv() throws Exception {
    for (JsonNode row : server.json("/api/ranking?kecamatan=31.72.03").get("rows")) {
      assertEquals(BPS.get(row.get("code").asText()), row.get("bps_code").textValue());
    }
    String[] lines = server.get("/api/ranking?format=csv&kecamatan=31.72.03").body().split("\n");
    assertEquals(List.of("rank", "code", "bps_code"), List.of(lines[0].split(",")).subList(0, 3));
    for (int i = 1; i < lines.length; i++) {
      String[] cells = lines[i].split(",");
      assertEquals(BPS.get(cells[1]), cells[2]);
    }
  }

  @Test
  void downloadsCarryIt() throws Exception {
    for (JsonNode f : ServerFixture.parse(server.get("/api/download?format=geojson").body()).get("features")) {
      assertEquals(BPS.get(f.get("id").asText()), f.get("properties").get("bps_code").textValue());
    }
    String[] lines = server.get("/api/download?format=csv&level=kecamatan").body().split("\n");
    assertTrue(lines[0].startsWith("code,bps_code,name,"), lines[0]);
    assertTrue(lines[1].startsWith("31.72.01,3175010,Penjaringan,"), lines[1]);
    String id = server.get("/api/download?format=csv&locale=id").body();
    assertTrue(id.startsWith("\uFEFFkode;kode_bps;nama;"), id.substring(0, 40));
  }

  @Test
  void everyOgcItemCarriesIt() throws Exception {
    JsonNode one = server.json("/ogc/collections/kelurahan/items/31.72.03.1004");
    assertEquals("3175040005", one.get("properties").get("bps_code").textValue());
    for (String collection : List.of("kelurahan", "coverage-kelurahan")) {
      for (JsonNode f : server.json("/ogc/collections/" + collection + "/items?limit=100").get("features")) {
        String code = f.get("properties").get("code").asText();
        assertEquals(BPS.get(code), f.get("properties").get("bps_code").textValue(), collection + " " + code);
      }
    }
    JsonNode koja = server.json("/ogc/collections/coverage-kecamatan/items/31.72.03_2026-10_BPU");
    assertEquals("3175040", koja.get("properties").get("bps_code").textValue());
  }

  private static JsonNode feature(JsonNode features, String id) {
    for (JsonNode f : features) if (f.get("id").asText().equals(id)) return f.get("properties");
    throw new AssertionError("no feature " + id);
  }
}
