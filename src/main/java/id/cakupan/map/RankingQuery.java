package id.cakupan.map;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;

/**
 * A parsed ranking request: kelurahan ordered for targeting.
 *
 * @param period null for the newest month
 * @param kecamatan kecamatan code filter or null
 * @param limit null for all rows
 */
public record RankingQuery(Sector sector, Period period, String kecamatan, RankOrder order, Integer limit) {
  public String cacheKey(String format) {
    return "ranking|" + sector + "|" + period + "|" + kecamatan + "|" + order + "|" + limit + "|" + format;
  }

  public RankingQuery withPeriod(Period p) {
    return new RankingQuery(sector, p, kecamatan, order, limit);
  }
}
