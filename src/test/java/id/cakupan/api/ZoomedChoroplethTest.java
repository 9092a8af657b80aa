package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The choropleth's zoom parameter on the real boundaries: detail for the map's zoom, refused when malformed. */
class ZoomedChoroplethTest {
  @Test
  void aZoomSelectsTheDetailAndTheDefaultIsTheWholeRegionView(@TempDir Path dir) throws Exception {
    try (ServerFixture s = new ServerFixture(dir, SharedGeodata.file(SharedGeodata.SHAPEFILE))) {
      HttpResponse<String> region = s.get("/api/choropleth");
      HttpResponse<String> street = s.get("/api/choropleth?zoom=16");
      HttpResponse<String> beyond = s.get("/api/choropleth?zoom=20");
      assertEquals(12, ServerFixture.parse(region.body()).get("zoom").asInt());
      assertEquals(16, ServerFixture.parse(street.body()).get("zoom").asInt());
      assertEquals(street.body(), beyond.body(), "every zoom past 16 is served as stored");
      assertTrue(street.body().length() > 2 * region.body().length(),
          street.body().length() + " bytes at zoom 16, " + region.body().length() + " for the region");
      assertEquals(region.body(), s.get("/api/choropleth?zoom=12").body());
      JsonNode kecamatan = s.json("/api/choropleth?level=kecamatan&zoom=10");
      assertEquals(6, kecamatan.get("features").size());
      for (String bad : new String[] {"zoom=-1", "zoom=23", "zoom=12.5", "zoom=x"}) {
        HttpResponse<String> r = s.get("/api/choropleth?" + bad);
        assertEquals(400, r.statusCode(), bad);
        assertEquals("zoom", ServerFixture.parse(r.body()).get("parameter").asText(), bad);
      }
    }
  }
}
