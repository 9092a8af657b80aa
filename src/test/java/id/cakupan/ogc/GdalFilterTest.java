package id.cakupan.ogc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.Gdal;
import id.cakupan.SharedGeodata;
import id.cakupan.api.ServerFixture;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GDAL 3.6's OAPIF driver sends {@code -where} to the server as a filter when the API definition
 * offers {@code filter-lang} and the property among the items parameters: checked in the request
 * log, against the real Jakarta Utara boundaries.
 */
class GdalFilterTest {
  @TempDir static Path dataDir;
  static ServerFixture server;
  static final List<String> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(dataDir, SharedGeodata.file(SharedGeodata.SHAPEFILE));
    server.server.before(ctx -> requests.add(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void ogrinfoWhereIsSentAsACql2FilterAndGetsTheSixKelurahanOfKoja() throws Exception {
    requests.clear();
    String out = Gdal.run("ogrinfo", "-ro", "-al", "-q", "-geom=NO", "OAPIF:" + server.base + "/ogc", "kelurahan",
        "-where", "kecamatan_code = '31.72.03'");
    assertEquals(6, count(out, "OGRFeature(kelurahan)"), out);
    for (String code : List.of("31.72.03.1001", "31.72.03.1002", "31.72.03.1003", "31.72.03.1004", "31.72.03.1005",
        "31.72.03.1006")) {
      assertTrue(out.contains("code (String) = " + code), code + " in\n" + out);
    }
    List<String> filtered = requests.stream().filter(r -> r.startsWith("/ogc/collections/kelurahan/items?"))
        .map(r -> URLDecoder.decode(r, StandardCharsets.UTF_8)).filter(r -> r.contains("filter=")).toList();
    // GDAL 3.6 reads filter-lang (it wants the draft name cql-text) and the queryables from the parameters of
    // paths["/collections/{collectionId}/items"] in the API definition, relative to the landing page: this
    // needs the definition rooted at /ogc.
    assertTrue(!filtered.isEmpty(), "no items request carried the filter:\n" + String.join("\n", requests));
    for (String r : filtered) {
      assertTrue(r.contains("filter=kecamatan_code = '31.72.03'") && r.contains("filter-lang=cql"), r);
    }
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text); m.find(); ) n++;
    return n;
  }
}
