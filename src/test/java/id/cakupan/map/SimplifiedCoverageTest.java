package id.cakupan.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryMatcher;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.SyntheticCoverage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.coverage.CoverageValidator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Coverage simplification on the real boundaries in ../shared/geodata: the map stays a coverage at every zoom. */
class SimplifiedCoverageTest {
  private static Geography utara;
  private static Geography dki;
  private static Atlas utaraAtlas;
  private static Atlas dkiAtlas;

  @BeforeAll
  static void read() throws Exception {
    BoundarySet utaraSet = BoundaryMatcher.match(
        BoundaryFiles.read(SharedGeodata.file(SharedGeodata.SHAPEFILE)), Gazetteer.builtIn());
    BoundarySet dkiSet = BoundaryMatcher.match(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.DKI_GEOJSON)),
        Gazetteer.read(SharedGeodata.file("dki-jakarta-gazetteer.csv")));
    utaraAtlas = atlas(utaraSet);
    dkiAtlas = atlas(dkiSet);
    utara = utaraAtlas.geography();
    dki = dkiAtlas.geography();
  }

  private static Atlas atlas(BoundarySet set) {
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : set.kelurahan()) areas.put(k.code(), k.areaKm2());
    return Atlas.build(set, SyntheticCoverage.generate(areas, Period.of(2026, 10), 3, 7), true);
  }

  @Test
  void everyZoomKeepsAValidCoverageWithTheAreaOfItsPartsAndMovesNoKelurahanMoreThanAPixel() {
    // Jakarta Utara at every other zoom from 8, DKI at its default (9) and two more: each zoom of DKI costs seconds.
    for (Geography geography : List.of(utara, dki)) {
      for (int z : geography == utara ? new int[] {8, 10, 11, 12, 14} : new int[] {9, 11, 13}) {
        MapZoom zoom = new MapZoom(z);
        SimplifiedCoverage simplified = geography.detail(Level.KELURAHAN, zoom);
        List<Geometry> parts = new ArrayList<>();
        double sum = 0;
        for (MapUnit u : geography.units(Level.KELURAHAN)) {
          Geometry g = simplified.geometry(u.code());
          assertTrue(g.isValid(), () -> u.code() + " is invalid at zoom " + z);
          parts.add(g);
          sum += g.getArea();
          double moved = z <= 12
              ? DiscreteHausdorffDistance.distance(u.geometry(), g, 0.25) // JTS's own measure where it is quick
              : SimplifiedCoverage.outlineDistance(u.geometry(), g, zoom.pixelDegrees() / 8);
          assertTrue(moved <= zoom.pixelDegrees(),
              u.code() + " moved " + moved + "° at zoom " + z + ", more than a pixel (" + zoom.pixelDegrees() + "°)");
        }
        Geometry[] coverage = parts.toArray(new Geometry[0]);
        assertTrue(CoverageValidator.isValid(coverage), "not a coverage at zoom " + z);
        double union = UnaryUnionOp.union(parts).getArea();
        assertEquals(sum, union, sum * 1e-4, "gaps or overlaps at zoom " + z);
      }
    }
  }

  @Test
  void neighboursShareEveryBorderVertexAfterSimplification() {
    SimplifiedCoverage simplified = dki.detail(Level.KELURAHAN, dki.defaultZoom());
    List<MapUnit> units = dki.units(Level.KELURAHAN);
    int sharedBorders = 0;
    for (int i = 0; i < units.size(); i++) {
      Geometry a = simplified.geometry(units.get(i).code());
      for (int j = i + 1; j < units.size(); j++) {
        Geometry b = simplified.geometry(units.get(j).code());
        if (!a.getEnvelopeInternal().intersects(b.getEnvelopeInternal())) continue;
        // Identical shared borders: the two polygons touch along lines but never overlap.
        Geometry common = OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
        assertEquals(0, common.getArea(), 1e-14, units.get(i).code() + " overlaps " + units.get(j).code());
        if (common.getDimension() == 1) sharedBorders++;
      }
    }
    assertTrue(sharedBorders > 500, "DKI kelurahan share " + sharedBorders + " borders");
  }

  @Test
  void theDefaultViewIsLightEnoughForAPhone() throws IOException {
    int utaraGzip = gzip(defaultChoropleth(utaraAtlas)).length;
    int dkiGzip = gzip(defaultChoropleth(dkiAtlas)).length;
    assertTrue(utaraGzip <= 25 * 1024, "Jakarta Utara default view is " + utaraGzip + " bytes gzip");
    assertTrue(dkiGzip <= 120 * 1024, "DKI default view is " + dkiGzip + " bytes gzip");
    int fullDetail = gzip(ChoroplethGeoJson.write(utaraAtlas, ChoroplethLayer.style(utaraAtlas,
        LayerQuery.DEFAULT.resolve(utaraAtlas)))).length;
    assertTrue(fullDetail > 2 * utaraGzip, "full detail " + fullDetail + " vs default " + utaraGzip);
  }

  @Test
  void coordinatesCarryOnlyTheDecimalsTheZoomNeeds() {
    assertEquals(4, new MapZoom(11).decimals());
    assertEquals(6, new MapZoom(MapZoom.FULL_DETAIL).decimals());
    String json = utara.detail(Level.KELURAHAN, new MapZoom(11)).json(utara.units(Level.KELURAHAN).get(0).code());
    int most = 0;
    Matcher decimals = Pattern.compile("\\.(\\d+)").matcher(json);
    while (decimals.find()) most = Math.max(most, decimals.group(1).length());
    assertTrue(most >= 4 && most <= 5, "at most " + most + " decimals: " + json.substring(0, 120));
    String full = utara.detail(Level.KELURAHAN, new MapZoom(MapZoom.FULL_DETAIL)).json(utara.units(Level.KELURAHAN).get(0).code());
    assertTrue(full.length() > 2 * json.length(), full.length() + " vs " + json.length());
  }

  @Test
  void theDefaultZoomFitsTheRegionAndAZoomIsComputedOnce() {
    assertEquals(12, utara.defaultZoom().level());
    assertTrue(dki.defaultZoom().level() < utara.defaultZoom().level());
    MapZoom z = new MapZoom(12);
    assertTrue(utara.detail(Level.KECAMATAN, z) == utara.detail(Level.KECAMATAN, z));
  }

  private static byte[] defaultChoropleth(Atlas atlas) {
    return ChoroplethGeoJson.write(atlas, ChoroplethLayer.style(atlas, LayerQuery.DEFAULT.resolve(atlas)),
        atlas.geography().defaultZoom());
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    }
    return out.toByteArray();
  }
}
