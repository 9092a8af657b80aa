package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.cakupan.SharedGeodata;
import id.cakupan.config.Config;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * BPU coverage of Koja's six kelurahan from January (k = 0) to October (k = 9) 2026, for tests of
 * targets and missing data: Koja 1000 + 50k of 5000; Tugu Utara 800 + 10k of 4000; Lagoa 300 + 5k,
 * workforce unknown; Rawa Badak Utara 2000 + 20k of 3000; Tugu Selatan 600 + k of 2000 but no
 * October; Rawa Badak Selatan 100 + k of 1000. No other kelurahan and no other sector has data.
 */
public final class KojaCoverage {
  private KojaCoverage() {}

  /** A server over the real Jakarta Utara boundaries with {@code adminToken} and this coverage imported. */
  public static ServerFixture server(Path dataDir, String adminToken) throws Exception {
    ServerFixture server = new ServerFixture(new Config(0, dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE), null,
        null, adminToken, null));
    HttpResponse<String> r = server.post("/api/imports/coverage", csv(), "text/csv", "Authorization",
        "Bearer " + adminToken);
    assertEquals(200, r.statusCode(), r.body());
    return server;
  }

  public static byte[] csv() {
    StringBuilder csv = new StringBuilder("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
    for (int k = 0; k < 10; k++) {
      String month = "2026-" + String.format("%02d", k + 1);
      csv.append("31.72.03.1001,").append(month).append(",BPU,").append(1000 + 50 * k).append(",5000\n");
      csv.append("31.72.03.1002,").append(month).append(",BPU,").append(800 + 10 * k).append(",4000\n");
      csv.append("31.72.03.1003,").append(month).append(",BPU,").append(300 + 5 * k).append(",\n");
      csv.append("31.72.03.1004,").append(month).append(",BPU,").append(2000 + 20 * k).append(",3000\n");
      if (k < 9) csv.append("31.72.03.1005,").append(month).append(",BPU,").append(600 + k).append(",2000\n");
      csv.append("31.72.03.1006,").append(month).append(",BPU,").append(100 + k).append(",1000\n");
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
