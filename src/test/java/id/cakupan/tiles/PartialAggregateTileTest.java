package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import id.cakupan.api.KojaCoverage;
import id.cakupan.api.ServerFixture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Vector tiles carry an aggregate's partial figures as the choropleth does (SPEC §6). */
class PartialAggregateTileTest {
  static final String TOKEN = "tile-partial-token";
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = KojaCoverage.server(dataDir, TOKEN);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aKecamatanTileFeatureSaysFourOfSixKelurahan() throws Exception {
    // Koja (106.90 E, 6.12 S) at zoom 11.
    int z = 11;
    int n = 1 << z;
    int x = (int) (WebMercator.x(106.90) * n);
    int y = (int) (WebMercator.y(-6.12) * n);
    HttpResponse<byte[]> r = server.getBytes("/tiles/kecamatan/" + z + "/" + x + "/" + y + ".mvt?sector=BPU&metric=coverage_rate");
    assertEquals(200, r.statusCode());
    Map<String, Map<String, Object>> byCode = new HashMap<>();
    for (MvtDecoder.Layer l : MvtDecoder.decode(r.body())) {
      for (MvtDecoder.Feature f : l.features()) byCode.put((String) f.attributes().get("code"), f.attributes());
    }
    Map<String, Object> koja = byCode.get("31.72.03");
    assertEquals(6L, ((Number) koja.get("members")).longValue());
    assertEquals(4L, ((Number) koja.get("members_with_data")).longValue());
    assertEquals(8371L, ((Number) koja.get("uncovered_partial")).longValue());
    assertFalse(koja.containsKey("coverage_rate"), "the aggregate's own rate is unknown (MVT leaves nulls out)");
  }
}
