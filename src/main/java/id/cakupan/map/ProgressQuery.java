package id.cakupan.map;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;

/**
 * A parsed progress request (SPEC §6).
 *
 * @param kecamatan kecamatan code filter, or null for every kelurahan of the region
 * @param period the month measured, null for the newest
 */
public record ProgressQuery(String kecamatan, Sector sector, Period period) {
  public String cacheKey(String format) {
    return "progress|" + kecamatan + "|" + sector + "|" + period + "|" + format;
  }

  public ProgressQuery withPeriod(Period p) {
    return new ProgressQuery(kecamatan, sector, p);
  }
}
