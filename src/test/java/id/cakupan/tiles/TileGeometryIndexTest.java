package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.SharedGeodata;
import id.cakupan.bench.TileBenchmark;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.ResponseCache;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;

/** The geometry tiles are cut from: which levels are generalised for which zooms, and that a coverage import keeps it. */
class TileGeometryIndexTest {
  @Test
  void aNationalRegionGeneralisesTheCoarseLevelsOnlyACityEveryLevel() {
    EnumSet<Level> coarse = EnumSet.of(Level.KECAMATAN, Level.KOTA, Level.PROVINSI);
    for (int t = 0; t < TileGeometryIndex.TIERS.length; t++) {
      assertEquals(coarse, TileGeometryIndex.drawnInTier(t, true), "tier " + t);
      assertEquals(EnumSet.allOf(Level.class), TileGeometryIndex.drawnInTier(t, false), "tier " + t);
    }
    assertEquals(0, TileGeometryIndex.tier(0));
    assertEquals(0, TileGeometryIndex.tier(8));
    assertEquals(1, TileGeometryIndex.tier(9));
    assertEquals(1, TileGeometryIndex.tier(10));
    assertEquals(-1, TileGeometryIndex.tier(11));
  }

  @Test
  void aCoverageImportKeepsTheTileGeometryAndTilesAreTheSame() throws Exception {
    // One copy of the 270 DKI polygons: a city, one provinsi.
    BoundarySet dki = TileBenchmark.replicate(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.DKI_GEOJSON)), 270);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : dki.kelurahan()) areas.put(k.code(), k.areaKm2());
    Atlas atlas = Atlas.build(dki, SyntheticCoverage.generate(areas, Period.of(2026, 10), 2, 7L), true);
    Layers layers = new Layers(atlas, new ResponseCache(64 << 20));
    VectorTiles.prepare(atlas.geography());
    assertTrue(!TileLevels.national(atlas.geography()));
    TileGeometryIndex index = TileGeometryIndex.of(atlas.geography());
    for (Level level : Level.values()) {
      assertNotNull(index.generalised(level, 8), level + " generalised at zoom 8 for a city");
      assertNotNull(index.generalised(level, 10), level + " generalised at zoom 10 for a city");
      assertNull(index.generalised(level, 11), "tiles from zoom 11 start from every vertex");
    }

    MapUnit kecamatan = atlas.geography().units(Level.KECAMATAN).get(0);
    Coordinate p = InteriorPointArea.getInteriorPoint(kecamatan.geometry());
    LayerQuery q = LayerQuery.DEFAULT.resolve(atlas);
    List<byte[]> before = new java.util.ArrayList<>();
    for (int z : new int[] {5, 8, 9, 10, 12}) before.add(VectorTiles.of(layers.snapshot()).tile(q, at(p, z)).body());

    Atlas imported = atlas.withCoverage(SyntheticCoverage.generate(areas, Period.of(2026, 10), 2, 8L), false);
    layers.publish(imported);
    assertSame(index, TileGeometryIndex.of(imported.geography()), "the geography is the same object, so is what tiles are cut from");
    LayerQuery same = LayerQuery.DEFAULT.resolve(imported);
    int i = 0;
    for (int z : new int[] {5, 8, 9, 10, 12}) {
      byte[] after = VectorTiles.of(layers.snapshot()).tile(same, at(p, z)).body();
      assertTrue(after.length > 0);
      assertEquals(MvtDecoder.decode(before.get(i)).get(0).features().size(),
          MvtDecoder.decode(after).get(0).features().size(), "zoom " + z);
      i++;
    }
  }

  private static TileAddress at(Coordinate p, int z) {
    return new TileAddress(z, (int) (WebMercator.x(p.x) * (1 << z)), (int) (WebMercator.y(p.y) * (1 << z)));
  }
}
