package id.cakupan.map;

import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;

/**
 * A progress request (SPEC §6): the kelurahan of a layer query measured against their targets.
 *
 * @param layer the sector, month and kecamatan filter (level kelurahan; metric and classes unused);
 *     its month resolved before a table is built
 */
public record ProgressQuery(LayerQuery layer) {
  /** The kecamatan filter, or null for every kelurahan of the region. */
  public KecamatanCode kecamatan() {
    return layer.kecamatan();
  }

  /** The kecamatan filter's code as text, or null. */
  public String kecamatanCode() {
    return layer.kecamatan() == null ? null : layer.kecamatan().value();
  }

  public Sector sector() {
    return layer.sector();
  }

  /** The month measured; null only before the query is resolved. */
  public Period period() {
    return layer.period();
  }

  public String cacheKey(String format) {
    return "progress|" + layer.kecamatan() + "|" + layer.sector() + "|" + layer.period() + "|" + format;
  }
}
