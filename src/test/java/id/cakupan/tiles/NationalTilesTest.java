package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import id.cakupan.map.CachedResponse;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Tile sizes at national scale: the benchmark's synthetic nation (copies of the 270 real DKI
 * polygons on a grid over Indonesia), of which the first 16 copies (4,320 polygons, four provinsi)
 * are made at the full set's density, so a tile holds what it would hold in the full set wherever
 * the copies reach. Sizes, not timings.
 */
class NationalTilesTest {
  private static final int MAX_TILE_BYTES = 500 * 1024;
  static VectorTiles tiles;
  static LayerQuery query;

  @BeforeAll
  static void build() throws Exception {
    BoundarySet set = TileBenchmark.replicate(BoundaryFiles.read(SharedGeodata.file(SharedGeodata.DKI_GEOJSON)),
        16 * 270, 83_800);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : set.kelurahan()) areas.put(k.code(), k.areaKm2());
    Atlas atlas = Atlas.build(set, SyntheticCoverage.generate(areas, Period.of(2026, 10), 2, 7L), true);
    tiles = VectorTiles.forAtlas(atlas);
    query = LayerQuery.DEFAULT.resolve(atlas);
  }

  @Test
  void severalProvinsiMakeTheRegionNational() {
    assertTrue(tiles.national());
    assertEquals(4, tiles.atlas().geography().units(Level.PROVINSI).size());
  }

  @Test
  void everyTileAtLowZoomsDrawsTheCoarseLevelAndStaysUnder500Kb() {
    Envelope extent = new Envelope();
    for (MapUnit u : tiles.atlas().geography().units(Level.KELURAHAN)) extent.expandToInclude(u.geometry().getEnvelopeInternal());
    int kota = tiles.atlas().geography().units(Level.KOTA).size();
    for (int z : new int[] {3, 4, 5, 6, 7, 8}) {
      Level drawn = TileLevels.drawn(Level.KELURAHAN, z, true, false);
      int largest = 0;
      int n = 1 << z;
      int x0 = (int) (WebMercator.x(extent.getMinX()) * n);
      int x1 = (int) (WebMercator.x(extent.getMaxX()) * n);
      int y0 = (int) (WebMercator.y(extent.getMaxY()) * n);
      int y1 = (int) (WebMercator.y(extent.getMinY()) * n);
      int tilesWithData = 0;
      for (int x = x0; x <= x1; x++) {
        for (int y = y0; y <= y1; y++) {
          CachedResponse tile = tiles.tile(query, new TileAddress(z, x, y));
          if (tile == null) continue;
          tilesWithData++;
          largest = Math.max(largest, tile.body().length);
          for (MvtDecoder.Layer l : MvtDecoder.decode(tile.body())) {
            assertEquals(drawn.key(), l.name(), "zoom " + z);
            if (z == 5) assertTrue(l.features().size() <= kota, "a zoom-5 tile holds kota, not kelurahan: " + l.features().size());
          }
        }
      }
      assertTrue(tilesWithData > 0, "zoom " + z);
      assertTrue(largest < MAX_TILE_BYTES, "largest tile at zoom " + z + ": " + largest + " bytes");
    }
  }

  @Test
  void kelurahanTilesFromZoom11StayUnder500Kb() {
    java.util.List<MapUnit> units = tiles.atlas().geography().units(Level.KELURAHAN);
    for (int z : new int[] {10, 11, 12}) {
      Set<TileAddress> sample = new LinkedHashSet<>();
      for (int i = 0; i < units.size(); i += 97) {
        Coordinate p = InteriorPointArea.getInteriorPoint(units.get(i).geometry());
        sample.add(new TileAddress(z, (int) (WebMercator.x(p.x) * (1 << z)), (int) (WebMercator.y(p.y) * (1 << z))));
      }
      int largest = 0;
      for (TileAddress a : sample) {
        CachedResponse tile = tiles.tile(query, a);
        assertTrue(tile != null, "a tile at a kelurahan's interior point has data: " + a);
        for (MvtDecoder.Layer l : MvtDecoder.decode(tile.body())) {
          assertEquals(TileLevels.drawn(Level.KELURAHAN, z, true, false).key(), l.name());
        }
        largest = Math.max(largest, tile.body().length);
      }
      assertTrue(largest < MAX_TILE_BYTES, "largest tile at zoom " + z + ": " + largest + " bytes");
    }
  }
}
