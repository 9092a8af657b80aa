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
 * @param wide the wide table ({@link WideTable}): a column per month of the layer query's metric,
 *     instead of one month with every metric
 */
public record DownloadQuery(LayerQuery layer, DownloadFormat format, boolean wkt, boolean wide) {

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

  /**
   * {@code cakupan-kelurahan-BPU-2026-10.gpkg}, {@code cakupan-kelurahan-BPU-2026-10.shp.zip}; the wide
   * table {@code cakupan-kelurahan-BPU-participants-wide.csv}.
   */
  public String fileName() {
    return "cakupan-" + level().key() + (kecamatan() == null ? "" : "-" + kecamatan()) + "-" + sector().name() + "-"
        + (wide ? layer.metric().key() + "-wide" : period().toString()) + "." + format.extension();
  }

  public String cacheKey() {
    return "download|" + level() + "|" + sector() + "|" + (wide ? "wide|" + layer.metric() : period()) + "|"
        + kecamatan() + "|" + format + "|" + wkt;
  }
}
