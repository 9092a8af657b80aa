package id.cakupan.download;

import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Level;

/**
 * A layer to download: the level, sector, month and kecamatan filter of a resolved layer query,
 * and the file format.
 *
 * @param wkt for CSV, the whole polygon as a WKT column instead of an interior point's lon/lat
 */
public record DownloadQuery(LayerQuery layer, DownloadFormat format, boolean wkt) {

  public Level level() {
    return layer.level();
  }

  public Sector sector() {
    return layer.sector();
  }

  public Period period() {
    return layer.resolvedPeriod();
  }

  public KecamatanCode kecamatan() {
    return layer.kecamatan();
  }

  /** {@code cakupan-kelurahan-BPU-2026-10.gpkg}, {@code cakupan-kelurahan-BPU-2026-10.shp.zip}. */
  public String fileName() {
    return "cakupan-" + level().key() + (kecamatan() == null ? "" : "-" + kecamatan()) + "-" + sector().name() + "-"
        + period() + "." + format.extension();
  }

  public String cacheKey() {
    return "download|" + level() + "|" + sector() + "|" + period() + "|" + kecamatan() + "|" + format + "|" + wkt;
  }
}
