package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Missing data is never low priority (SPEC §6), in the ranking and the aggregates, on the coverage
 * of {@link KojaCoverage}: in October 2026 Koja's Lagoa has no workforce and Tugu Selatan no record.
 */
class MissingDataApiTest {
  static final String ADMIN_TOKEN = "missing-data-admin-token";
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = KojaCoverage.server(dataDir, ADMIN_TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<String> values(JsonNode rows, String field) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(r.get(field).isNull() ? null : r.get(field).asText()));
    return out;
  }

  @Test
  void theRankingNumbersCompleteRowsAndListsTheRestApart() throws Exception {
    JsonNode rows = server.json("/api/ranking?kecamatan=31.72.03&sector=BPU").get("rows");
    assertEquals(List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1006", "31.72.03.1004", "31.72.03.1003",
        "31.72.03.1005"), values(rows, "code"), "unknown workforce is not the bottom of the ranking: it is apart");
    assertEquals(java.util.Arrays.asList("1", "2", "3", "4", null, null), values(rows, "rank"));
    assertEquals(List.of("peringkat", "peringkat", "peringkat", "peringkat", "periksa_data", "periksa_data"),
        values(rows, "group"));
    assertEquals(List.of("true", "true", "true", "true", "false", "false"), values(rows, "complete"));
    // By rate too, and a limit cuts only the ranked rows: the rows to check are always listed.
    JsonNode limited = server.json("/api/ranking?kecamatan=31.72.03&sector=BPU&sort=coverage_rate&limit=2").get("rows");
    assertEquals(List.of("31.72.03.1006", "31.72.03.1002", "31.72.03.1003", "31.72.03.1005"), values(limited, "code"));
    // A kecamatan without any BPU record: everything to check, nothing ranked.
    JsonNode penjaringan = server.json("/api/ranking?kecamatan=31.72.01&sector=BPU").get("rows");
    penjaringan.forEach(r -> {
      assertTrue(r.get("rank").isNull());
      assertEquals("periksa_data", r.get("group").asText());
    });

    String[] csv = server.get("/api/ranking?kecamatan=31.72.03&sector=BPU&format=csv").body().split("\n");
    assertTrue(csv[0].endsWith(",complete,group,belum_tersentuh"), csv[0]);
    assertTrue(csv[1].startsWith("1,31.72.03.1001,"), csv[1]);
    assertTrue(csv[5].startsWith(",31.72.03.1003,3175040004,Lagoa,"), csv[5]);
    assertTrue(csv[5].endsWith(",false,periksa_data,"), "unknown uncovered: belum tersentuh unknown too: " + csv[5]);
    String id = server.get("/api/ranking?kecamatan=31.72.03&sector=BPU&format=csv&locale=id").body();
    assertTrue(id.contains(";data_lengkap;kelompok;belum_tersentuh\r\n"), id);
    assertTrue(id.contains(";tidak;periksa_data;\r\n"), id);
  }

  @Test
  void aKecamatanWithMissingMembersShowsWhatIsKnownNotNoData() throws Exception {
    JsonNode fc = server.json("/api/choropleth?level=kecamatan&sector=BPU");
    JsonNode koja = null;
    JsonNode penjaringan = null;
    for (JsonNode f : fc.get("features")) {
      if (f.get("id").asText().equals("31.72.03")) koja = f.get("properties");
      if (f.get("id").asText().equals("31.72.01")) penjaringan = f.get("properties");
    }
    // Complete: Koja 1450/5000, Tugu Utara 890/4000, Rawa Badak Utara 2180/3000, Rawa Badak Selatan 109/1000.
    assertEquals(6, koja.get("members").asInt());
    assertEquals(4, koja.get("members_with_data").asInt());
    assertEquals(4629.0 / 13000, koja.get("coverage_rate_partial").asDouble(), 1e-6);
    assertEquals(13000 - 4629, koja.get("uncovered_partial").asLong());
    assertTrue(koja.get("coverage_rate").isNull(), "SPEC §3: the aggregate's own rate stays null");
    assertTrue(koja.get("uncovered").isNull());
    assertEquals(4629 + 345, koja.get("participants").asLong(), "participants still sum");
    assertEquals(5, penjaringan.get("members").asInt());
    assertEquals(0, penjaringan.get("members_with_data").asInt());
    assertTrue(penjaringan.get("coverage_rate_partial").isNull());

    JsonNode kota = server.json("/api/choropleth?level=kota&sector=BPU").get("features").get(0).get("properties");
    assertEquals(31, kota.get("members").asInt());
    assertEquals(4, kota.get("members_with_data").asInt());
    JsonNode kelurahan = server.json("/api/choropleth?level=kelurahan&sector=BPU").get("features").get(0).get("properties");
    assertFalse(kelurahan.has("members"), "a kelurahan is not an aggregate");

    JsonNode download = server.json("/api/download?level=kecamatan&sector=BPU&format=geojson");
    boolean found = false;
    for (JsonNode f : download.get("features")) {
      if (f.get("properties").get("code").asText().equals("31.72.03")) {
        assertEquals(4, f.get("properties").get("members_with_data").asInt());
        found = true;
      }
    }
    assertTrue(found);
    String csv = server.get("/api/download?level=kecamatan&sector=BPU&format=csv").body();
    assertTrue(csv.split("\n")[0].contains(",members,members_with_data,coverage_rate_partial,uncovered_partial"), csv);
    assertTrue(csv.contains(",6,4,0.356077,8371"), csv);

    JsonNode ogc = server.json("/ogc/collections/coverage-kecamatan/items?datetime=2026-10&sector=BPU&limit=50");
    assertTrue(ogc.toString().contains("\"members_with_data\":4"), "OGC items carry it too");
  }
}
