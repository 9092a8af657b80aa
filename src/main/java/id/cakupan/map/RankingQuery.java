package id.cakupan.map;

/**
 * A ranking request: the kelurahan of a layer query ordered for targeting.
 *
 * @param layer the sector, month and kecamatan filter (level kelurahan; metric and classes unused)
 * @param limit null for all rows
 */
public record RankingQuery(LayerQuery layer, RankOrder order, Integer limit) {
  public String cacheKey(String format) {
    return "ranking|" + layer.sector() + "|" + layer.period() + "|" + layer.kecamatan() + "|" + order + "|" + limit
        + "|" + format;
  }
}
