package id.cakupan.ogc;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.ogc.filter.Filter;
import java.util.List;

/**
 * A store that runs filters on the kelurahan and coverage-kelurahan collections itself (PostGIS,
 * as SQL), so a filter is evaluated where the data lives.
 */
public interface FilterInStore {
  /** The kelurahan passing a filter over the kelurahan collection's queryables. */
  List<KelurahanCode> kelurahanMatching(Filter filter);

  /**
   * The ids ({@code CODE_YYYY-MM_SECTOR}) of the coverage-kelurahan records passing a filter over
   * that collection's queryables, at most {@code limit} of them.
   */
  List<String> coverageMatching(Filter filter, int limit);
}
