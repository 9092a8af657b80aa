package id.cakupan.download;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Level;

/**
 * A layer to download: its level, sector and month, optionally one kecamatan.
 *
 * @param period null for the newest month with data
 * @param kecamatan kecamatan code filter, or null for all
 * @param wkt for CSV, the whole polygon as a WKT column instead of an interior point's lon/lat
 */
public record DownloadQuery(Level level, Sector sector, Period period, String kecamatan, DownloadFormat format,
    boolean wkt) {

  public DownloadQuery withPeriod(Period p) {
    return new DownloadQuery(level, sector, p, kecamatan, format, wkt);
  }

  /** {@code cakupan-kelurahan-BPU-2026-10.gpkg}; the period must be resolved. */
  public String fileName() {
    return "cakupan-" + level.key() + (kecamatan == null ? "" : "-" + kecamatan) + "-" + sector.name() + "-" + period
        + "." + format.extension();
  }

  public String cacheKey() {
    return "download|" + level + "|" + sector + "|" + period + "|" + kecamatan + "|" + format + "|" + wkt;
  }
}
