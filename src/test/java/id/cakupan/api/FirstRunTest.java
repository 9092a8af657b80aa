package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import id.cakupan.SharedGeodata;
import id.cakupan.boundary.Areas;
import id.cakupan.boundary.BoundaryFeature;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.boundary.Region;
import id.cakupan.boundary.SchematicBoundaries;
import id.cakupan.config.Config;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.store.EmbeddedStore;
import id.cakupan.store.ImportRecord;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fresh clone's ./run.sh: an empty data directory and no --boundaries give the surveyed
 * borders of the region, Jakarta Utara by default and all of DKI Jakarta with --region.
 */
class FirstRunTest {
  /** SPEC §2's luas_km2 (the built-in crosswalk carries the table as written there). */
  static Map<String, Double> specAreas() {
    Map<String, Double> areas = new TreeMap<>();
    for (GazetteerEntry e : Gazetteer.builtIn().entries()) areas.put(e.code().value(), e.areaKm2());
    return areas;
  }

  /** The area of each served kelurahan, measured on the geometry the API sends. */
  static Map<String, Double> servedAreas(ServerFixture s) throws Exception {
    HttpResponse<byte[]> r = s.getBytes("/api/choropleth?metric=participants");
    assertEquals(200, r.statusCode());
    Map<String, Double> areas = new TreeMap<>();
    for (BoundaryFeature f : BoundaryFiles.read("served.geojson", r.body()).features()) {
      areas.put((String) f.attributes().get("code"), Areas.areaKm2(f.geometry()));
    }
    return areas;
  }

  @Test
  void anEmptyDataDirServesTheSurveyedJakartaUtaraBordersWithTheAreasOfSpec2(@TempDir Path dir) throws Exception {
    try (ServerFixture s = new ServerFixture(dir, null)) {
      JsonNode health = s.json("/api/health");
      assertFalse(health.get("schematic").asBoolean());
      assertTrue(health.get("synthetic").asBoolean());
      assertEquals(31, health.get("kelurahan").asInt());
      Map<String, Double> spec = specAreas();
      Map<String, Double> served = servedAreas(s);
      assertEquals(spec.keySet(), served.keySet());
      for (String code : spec.keySet()) {
        double want = spec.get(code);
        assertEquals(want, served.get(code), 0.02 * want, code + ": served area vs SPEC §2 luas_km2");
      }
      JsonNode region = s.json("/api/config").get("region");
      assertEquals("jakarta-utara", region.get("key").asText());
      assertEquals("Kota Administrasi Jakarta Utara", region.get("name").asText());
      assertEquals(List.of("kelurahan", "kecamatan"), texts(region.get("levels")));
      assertEquals(0, region.get("outlying").size());
      assertFalse(region.get("schematic").asBoolean());
    }
  }

  @Test
  void aDataDirSeededWithSchematicCellsAndDemoCoverageSwitchesToTheSurveyedBorders(@TempDir Path dir) throws Exception {
    // What an earlier version left on first start: Voronoi cells and synthetic coverage, both "seed".
    EmbeddedStore old = new EmbeddedStore(dir);
    var schematic = SchematicBoundaries.generate(Gazetteer.builtIn());
    old.replaceBoundaries(schematic, new ImportRecord(ServerFixture.CLOCK.instant(), ImportRecord.BOUNDARIES, "seed",
        schematic.source(), null, 31));
    KelurahanCode ancol = KelurahanCode.parse("31.72.05.1003");
    old.importCoverage(List.of(new CoverageRecord(ancol, Period.parse("2020-01"), Sector.PU, 7, 9L)),
        new ImportRecord(ServerFixture.CLOCK.instant(), ImportRecord.SYNTHETIC, "seed", "synthetic", null, 1));
    old.close();

    try (ServerFixture s = new ServerFixture(dir, null)) {
      assertFalse(s.json("/api/health").get("schematic").asBoolean());
      Map<String, Double> served = servedAreas(s);
      assertEquals(specAreas().get("31.72.05.1003"), served.get("31.72.05.1003"), 0.02 * 8.07);
      // The old demo month is gone: the demo coverage was made again for the new set.
      JsonNode periods = s.json("/api/periods").get("periods");
      assertEquals(24, periods.size());
      assertNotEquals("2020-01", periods.get(periods.size() - 1).asText());
    }
  }

  @Test
  void importedBoundariesAndRealCoverageAreNeverReplacedBySeedData(@TempDir Path dir) throws Exception {
    try (ServerFixture s = new ServerFixture(dir, SharedGeodata.file(SharedGeodata.SHAPEFILE))) {
      assertEquals(31, s.json("/api/health").get("kelurahan").asInt());
    }
    // Restarted without --boundaries and for another region: the imported shapefile stays.
    Config dki = new Config(0, dir, null, null, null, null, null, Region.DKI_JAKARTA);
    try (ServerFixture s = new ServerFixture(dki)) {
      JsonNode health = s.json("/api/health");
      assertEquals(31, health.get("kelurahan").asInt());
      assertTrue(health.get("boundaries").asText().contains("utm48s"), health.toString());
    }
  }

  @Test
  void regionDkiJakartaServes267KelurahanAnd6KotaInEveryLayerShapedEndpoint(@TempDir Path dir) throws Exception {
    try (ServerFixture s = new ServerFixture(new Config(0, dir, null, null, null, null, null, Region.DKI_JAKARTA))) {
      JsonNode health = s.json("/api/health");
      assertFalse(health.get("schematic").asBoolean());
      assertEquals(267, health.get("kelurahan").asInt());
      assertEquals(0, health.get("unmatched").size());
      assertEquals(267, s.json("/api/choropleth").get("features").size());

      JsonNode kota = s.json("/api/choropleth?level=kota&metric=coverage_rate");
      List<String> codes = new ArrayList<>();
      kota.get("features").forEach(f -> codes.add(f.get("id").asText()));
      assertEquals(List.of("31.01", "31.71", "31.72", "31.73", "31.74", "31.75"), codes);
      for (JsonNode f : kota.get("features")) assertTrue(f.get("properties").get("coverage_rate").isNumber(), f.get("id").asText());
      assertEquals(267, s.json("/api/ranking?limit=1000").get("rows").size());
      HttpResponse<String> csv = s.get("/api/download?level=kota&format=csv");
      assertEquals(200, csv.statusCode());
      assertEquals(1 + 6, csv.body().strip().split("\r?\n").length, csv.body());
      JsonNode ogc = s.json("/ogc/collections/coverage-kota/items?sector=ALL&period=2026-10&limit=100");
      assertEquals(6, ogc.get("features").size());
      // Tile 5/25/16 holds all of DKI (lon 101.25-112.5, lat 0-11.2 S).
      HttpResponse<byte[]> tile = s.getBytes("/tiles/kota/5/25/16.mvt");
      assertEquals(200, tile.statusCode());
      String raw = new String(tile.body(), StandardCharsets.ISO_8859_1);
      for (String c : codes) assertTrue(raw.contains(c), "tile 5/25/16 holds kota " + c);

      JsonNode region = s.json("/api/config").get("region");
      assertEquals("dki-jakarta", region.get("key").asText());
      assertEquals("Provinsi DKI Jakarta", region.get("name").asText());
      assertEquals(List.of("kelurahan", "kecamatan", "kota"), texts(region.get("levels")));
      // One provinsi: served at every endpoint, but not offered, and the region is not national.
      assertFalse(region.get("national").asBoolean());
      assertEquals(1, region.get("tile_levels").size());
      JsonNode provinsi = s.json("/api/choropleth?level=provinsi&metric=participants");
      assertEquals(1, provinsi.get("features").size());
      assertEquals("31", provinsi.get("features").get(0).get("id").asText());
      assertEquals("DKI Jakarta", provinsi.get("features").get(0).get("properties").get("name").asText());
      for (String format : List.of("csv", "geojson", "gpkg", "shp")) {
        assertEquals(200, s.getBytes("/api/download?level=provinsi&format=" + format).statusCode(), format);
      }
      assertEquals(1, s.json("/ogc/collections/coverage-provinsi/items?sector=ALL&period=2026-10").get("features").size());
      assertEquals(200, s.getBytes("/tiles/provinsi/5/25/16.mvt").statusCode());
      assertEquals(400, s.get("/api/choropleth?level=provinsi&kecamatan=31.72.03").statusCode());
      assertEquals(1, region.get("outlying").size());
      assertEquals("31.01", region.get("outlying").get(0).get("code").asText());
      // The main view is the mainland: Kepulauan Seribu reaches north to about 5.2 S, the mainland 6.09 S.
      JsonNode bbox = region.get("bbox");
      assertTrue(bbox.get(1).asDouble() < -6.3 && bbox.get(3).asDouble() < -6.0, bbox.toString());
      assertTrue(region.get("outlying").get(0).get("bbox").get(3).asDouble() > -5.5);
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
