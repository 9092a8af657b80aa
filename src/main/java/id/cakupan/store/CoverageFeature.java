package id.cakupan.store;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;

/** One record of the OGC {@code coverage-kelurahan} collection: a kelurahan, a month with data and a sector (ALL too). */
public record CoverageFeature(KelurahanCode code, Period period, Sector sector) {
  /** The OGC feature id, {@code CODE_YYYY-MM_SECTOR}. */
  public String id() {
    return code.value() + "_" + period + "_" + sector.name();
  }
}
