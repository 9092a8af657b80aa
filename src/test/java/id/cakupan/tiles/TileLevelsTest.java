package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.cakupan.map.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class TileLevelsTest {
  @Test
  void aCityDrawsTheLevelAskedForAtEveryZoom() {
    for (int z = 0; z <= VectorTiles.MAX_ZOOM; z++) {
      assertEquals(Level.KELURAHAN, TileLevels.drawn(Level.KELURAHAN, z, false, false));
    }
    assertEquals(List.of(new TileLevels.Band(Level.KELURAHAN, 0, VectorTiles.MAX_ZOOM)),
        TileLevels.bands(Level.KELURAHAN, false, false));
  }

  @Test
  void aNationalRegionDrawsProvinsiKotaKecamatanThenKelurahan() {
    assertEquals(Level.PROVINSI, TileLevels.drawn(Level.KELURAHAN, 4, true, false));
    assertEquals(Level.KOTA, TileLevels.drawn(Level.KELURAHAN, 5, true, false));
    assertEquals(Level.KOTA, TileLevels.drawn(Level.KELURAHAN, 7, true, false));
    assertEquals(Level.KECAMATAN, TileLevels.drawn(Level.KELURAHAN, 8, true, false));
    assertEquals(Level.KECAMATAN, TileLevels.drawn(Level.KELURAHAN, 10, true, false));
    assertEquals(Level.KELURAHAN, TileLevels.drawn(Level.KELURAHAN, 11, true, false));
    assertEquals(List.of(
        new TileLevels.Band(Level.PROVINSI, 0, 4), new TileLevels.Band(Level.KOTA, 5, 7),
        new TileLevels.Band(Level.KECAMATAN, 8, 10), new TileLevels.Band(Level.KELURAHAN, 11, VectorTiles.MAX_ZOOM)),
        TileLevels.bands(Level.KELURAHAN, true, false));
  }

  @Test
  void aCoarserLevelAskedForIsNeverMadeFiner() {
    assertEquals(Level.PROVINSI, TileLevels.drawn(Level.PROVINSI, 14, true, false));
    assertEquals(Level.KOTA, TileLevels.drawn(Level.KOTA, 12, true, false));
    assertEquals(Level.PROVINSI, TileLevels.drawn(Level.KOTA, 3, true, false));
    assertEquals(List.of(new TileLevels.Band(Level.PROVINSI, 0, 4), new TileLevels.Band(Level.KOTA, 5, VectorTiles.MAX_ZOOM)),
        TileLevels.bands(Level.KOTA, true, false));
  }

  @Test
  void aKecamatanFilterStopsAtKecamatan() {
    assertEquals(Level.KECAMATAN, TileLevels.drawn(Level.KELURAHAN, 3, true, true));
    assertEquals(List.of(new TileLevels.Band(Level.KECAMATAN, 0, 10), new TileLevels.Band(Level.KELURAHAN, 11, VectorTiles.MAX_ZOOM)),
        TileLevels.bands(Level.KELURAHAN, true, true));
  }
}
