package id.cakupan.ogc;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.ogc.filter.Filter;
import java.util.List;

/**
 * A store that runs a filter on the kelurahan collection itself (PostGIS, as SQL), so the filter
 * is evaluated where the data lives; {@code Store::kelurahanMatching} is one.
 */
@FunctionalInterface
public interface FilterInStore {
  /** The kelurahan passing a filter over the kelurahan collection's queryables. */
  List<KelurahanCode> kelurahanMatching(Filter filter);
}
