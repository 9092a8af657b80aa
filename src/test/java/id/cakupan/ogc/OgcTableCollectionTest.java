package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.Gdal;
import id.cakupan.api.ServerFixture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** coverage-kelurahan-table: the coverage records per kelurahan, month and sector with no geometry. */
class OgcTableCollectionTest {
  @RegisterExtension static final ServerFixture server = ServerFixture.perClass();
  static final String ITEMS = "/ogc/collections/coverage-kelurahan-table/items";

  @Test
  void itIsListedAndEveryRecordHasANullGeometry() throws Exception {
    boolean listed = false;
    for (JsonNode c : server.json("/ogc/collections").get("collections")) {
      listed |= c.get("id").asText().equals("coverage-kelurahan-table");
    }
    assertTrue(listed);
    JsonNode page = server.json(ITEMS + "?limit=100");
    assertEquals(31 * OgcApiTest.MONTHS * OgcApiTest.SECTORS, page.get("numberMatched").asInt());
    assertEquals(100, page.get("features").size());
    for (JsonNode f : page.get("features")) {
      assertTrue(f.has("geometry") && f.get("geometry").isNull(), f.toString());
      JsonNode p = f.get("properties");
      assertEquals(p.get("code").asText() + "_" + p.get("period").asText() + "_" + p.get("sector").asText(),
          f.get("id").asText());
      assertTrue(p.get("bps_code").isTextual() && p.has("participants") && p.has("coverage_rate"), p.toString());
    }
  }

  @Test
  void aRecordHoldsTheSameFiguresAsTheSpatialCollection() throws Exception {
    String id = "31.72.03.1004_2026-10_BPU";
    JsonNode table = server.json(ITEMS + "/" + id);
    JsonNode spatial = server.json("/ogc/collections/coverage-kelurahan/items/" + id);
    assertTrue(table.get("geometry").isNull());
    assertEquals(spatial.get("properties"), table.get("properties"));
    assertEquals("3175040005", table.get("properties").get("bps_code").asText());
  }

  @Test
  void filtersWorkAsInTheSpatialCollection() throws Exception {
    JsonNode one = server.json(ITEMS + "?code=31.72.03.1004&sector=BPU&limit=100");
    assertEquals(OgcApiTest.MONTHS, one.get("numberMatched").asInt());
    JsonNode month = server.json(ITEMS + "?datetime=2026-10&sector=PU&limit=100");
    assertEquals(31, month.get("numberMatched").asInt());
    // Features without geometry match every bbox (/req/core/fc-bbox-response C); a bad one is still refused.
    String box = "bbox=106.89,-6.13,106.91,-6.11";
    assertTrue(server.json("/ogc/collections/coverage-kelurahan/items?" + box).get("numberMatched").asInt()
        < 31 * OgcApiTest.MONTHS * OgcApiTest.SECTORS);
    assertEquals(31 * OgcApiTest.MONTHS * OgcApiTest.SECTORS, server.json(ITEMS + "?" + box).get("numberMatched").asInt());
    assertEquals(31 * OgcApiTest.MONTHS * OgcApiTest.SECTORS,
        server.json(ITEMS + "?bbox=0,0,1,1").get("numberMatched").asInt());
    assertEquals(400, server.get(ITEMS + "?bbox=1,2,3").statusCode());
  }

  @Test
  void gdalReadsItThroughOgcApiFeatures() throws Exception {
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-so", "OAPIF:" + server.base + "/ogc", "coverage-kelurahan-table");
    Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(out);
    assertTrue(m.find(), out);
    assertEquals(31 * OgcApiTest.MONTHS * OgcApiTest.SECTORS, Integer.parseInt(m.group(1)));
    assertTrue(out.contains("bps_code: String") && out.contains("kecamatan_code: String"), out);
  }
}
