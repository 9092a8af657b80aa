package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same service on the real BPS 2020 shapefile (UTM 48S) instead of schematic polygons. */
class RealBoundariesTest {
  @Test
  void servesTheShapefilesKelurahanUnderKemendagriCodesAndReportsTheLakes(@TempDir Path dir) throws Exception {
    try (ServerFixture s = new ServerFixture(dir, SharedGeodata.file("jakarta-utara-kelurahan-utm48s.shp"))) {
      JsonNode health = s.json("/api/health");
      assertFalse(health.get("schematic").asBoolean());
      assertEquals(31, health.get("kelurahan").asInt());
      assertEquals(2, health.get("unmatched").size());
      JsonNode fc = s.json("/api/choropleth?metric=density");
      Set<String> ids = new TreeSet<>();
      fc.get("features").forEach(f -> ids.add(f.get("id").asText()));
      assertEquals(new TreeSet<>(ApiTest.specCodes()), ids);
      assertFalse(fc.get("schematic").asBoolean());
      JsonNode koja = s.json("/api/choropleth?level=kecamatan&kecamatan=31.72.03").get("features").get(0);
      double area = koja.get("properties").get("luas_km2").asDouble();
      assertEquals(2.59 + 2.32 + 1.57 + 1.27 + 1.86 + 1.82, area, 0.15);
      assertTrue(koja.get("geometry").get("coordinates").size() >= 1);
    }
  }
}
