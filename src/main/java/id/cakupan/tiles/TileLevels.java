package id.cakupan.tiles;

import id.cakupan.map.Geography;
import id.cakupan.map.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The level a vector tile draws at each zoom. For a city (one provinsi, a few hundred kelurahan)
 * a tile draws the level asked for at every zoom. For a national region a zoom-5 tile of
 * kelurahan would hold ~7,900 polygons and 1 MB, so there a tile of a fine level draws the
 * coarser level that the zoom can show: provinsi up to zoom {@value #PROVINSI_UP_TO}, kota up to
 * {@value #KOTA_UP_TO}, kecamatan up to {@value #KECAMATAN_UP_TO}, kelurahan from
 * {@value #KECAMATAN_UP_TO} + 1. The tile's MVT layer is named by the level it draws, and every
 * feature carries its {@code level}, so a client styles them alike.
 */
public final class TileLevels {
  /** More kelurahan than this make a region national even within one provinsi. */
  public static final int NATIONAL_KELURAHAN = 5_000;
  public static final int PROVINSI_UP_TO = 4;
  public static final int KOTA_UP_TO = 7;
  public static final int KECAMATAN_UP_TO = 10;

  /** One level and the zooms at which a tile of a finer level draws it. */
  public record Band(Level level, int minZoom, int maxZoom) {}

  private static final List<Band> NATIONAL = List.of(
      new Band(Level.PROVINSI, VectorTiles.MIN_ZOOM, PROVINSI_UP_TO),
      new Band(Level.KOTA, PROVINSI_UP_TO + 1, KOTA_UP_TO),
      new Band(Level.KECAMATAN, KOTA_UP_TO + 1, KECAMATAN_UP_TO),
      new Band(Level.KELURAHAN, KECAMATAN_UP_TO + 1, VectorTiles.MAX_ZOOM));

  private TileLevels() {}

  /** Whether tiles and the map page switch level by zoom: several provinsi, or very many kelurahan. */
  public static boolean national(Geography geography) {
    return geography.units(Level.PROVINSI).size() > 1 || geography.units(Level.KELURAHAN).size() > NATIONAL_KELURAHAN;
  }

  /**
   * The level a tile of {@code asked} draws at zoom {@code z}: the asked one, or in national mode
   * the coarser one of the zoom's band. A kecamatan filter keeps kecamatan or finer (the filter
   * does not apply to kota and provinsi, and a kecamatan is small enough for any zoom).
   */
  public static Level drawn(Level asked, int z, boolean national, boolean kecamatanFilter) {
    if (!national) return asked;
    Level band = NATIONAL.get(NATIONAL.size() - 1).level();
    for (Band b : NATIONAL) {
      if (z >= b.minZoom() && z <= b.maxZoom()) {
        band = b.level();
        break;
      }
    }
    if (kecamatanFilter && band.ordinal() > Level.KECAMATAN.ordinal()) band = Level.KECAMATAN;
    return band.ordinal() > asked.ordinal() ? band : asked;
  }

  /** The levels a tile of {@code asked} draws from zoom 0 to the last, with their zooms: one band outside national mode. */
  public static List<Band> bands(Level asked, boolean national, boolean kecamatanFilter) {
    List<Band> out = new ArrayList<>();
    Level current = null;
    int from = VectorTiles.MIN_ZOOM;
    for (int z = VectorTiles.MIN_ZOOM; z <= VectorTiles.MAX_ZOOM; z++) {
      Level level = drawn(asked, z, national, kecamatanFilter);
      if (level != current) {
        if (current != null) out.add(new Band(current, from, z - 1));
        current = level;
        from = z;
      }
    }
    out.add(new Band(current, from, VectorTiles.MAX_ZOOM));
    return List.copyOf(out);
  }
}
