package id.cakupan.ogc;

import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.InvalidQueryException;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.ogc.filter.SortBy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.locationtech.jts.geom.Envelope;

/**
 * A parsed items request. The filters are kept next to the text the client sent, which goes
 * back into the paging links unchanged.
 *
 * @param bbox null for no spatial filter; two envelopes when the box crosses the antimeridian
 * @param datetime null for every month
 * @param days null for every day: the datetime of the dated features (activities), which are not monthly
 * @param sector null for every sector (coverage collections only)
 * @param period null for every month; the {@code period} property filter, combined with datetime
 * @param code null, or the code of one unit
 * @param where null, or the Part 3 conditions: the {@code filter} parameter and the queryables
 *     given as parameters ({@code kecamatan_code=31.72.03}), ANDed
 * @param filterText the {@code filter} parameter as sent, or null; with {@code filterLang}
 * @param properties the queryables given as parameters, by name, as sent
 * @param sortBy null for the collection's own order
 * @param crs the CRS of the geometry written (Part 2); {@link OgcCrs#STORAGE} by default
 * @param bboxCrs the CRS {@code bboxText} is written in; {@link OgcCrs#STORAGE} by default
 */
public record FeatureQuery(
    OgcCollection collection,
    List<Envelope> bbox,
    String bboxText,
    MonthRange datetime,
    DateRange days,
    String datetimeText,
    Sector sector,
    Period period,
    String code,
    Filter where,
    String filterText,
    Filter.Lang filterLang,
    SortedMap<String, String> properties,
    SortBy sortBy,
    OgcCrs crs,
    OgcCrs bboxCrs,
    int limit,
    int offset) {

  public FeatureQuery {
    properties = properties == null ? new TreeMap<>() : new TreeMap<>(properties);
    if (sortBy != null && (long) offset + limit > FeatureMatches.MAX_SORTED_DEPTH) {
      throw new InvalidQueryException("offset", "a sorted listing pages up to " + FeatureMatches.MAX_SORTED_DEPTH
          + " features deep: offset + limit must not exceed it; narrow the request with a filter");
    }
  }

  /** The default page size and the largest page served; a larger limit is lowered to it. */
  public static final int DEFAULT_LIMIT = 10;
  public static final int MAX_LIMIT = 10_000;
  /**
   * The largest page of the HTML form: a page for a person, built from the page's JSON parsed
   * into a tree, which for 10,000 kelurahan with their polygons would take hundreds of MB.
   */
  public static final int MAX_HTML_LIMIT = 500;

  /** The same request with the geometry in another CRS. */
  public FeatureQuery withCrs(OgcCrs other) {
    return new FeatureQuery(collection, bbox, bboxText, datetime, days, datetimeText, sector, period, code, where, filterText,
        filterLang, properties, sortBy, other, bboxCrs, limit, offset);
  }

  /** The query string of this request at another offset, for paging links. */
  public String queryString(int pageOffset) {
    StringBuilder sb = new StringBuilder();
    if (bboxText != null) param(sb, "bbox", bboxText);
    if (bboxText != null && bboxCrs != OgcCrs.STORAGE) param(sb, "bbox-crs", bboxCrs.uri());
    if (datetimeText != null) param(sb, "datetime", datetimeText);
    if (sector != null) param(sb, "sector", sector.name());
    if (period != null) param(sb, "period", period.toString());
    if (code != null) param(sb, "code", code);
    if (filterText != null) {
      param(sb, "filter", filterText);
      param(sb, "filter-lang", filterLang.key);
    }
    for (Map.Entry<String, String> e : properties.entrySet()) param(sb, e.getKey(), e.getValue());
    if (sortBy != null) param(sb, "sortby", sortBy.text());
    if (crs != OgcCrs.STORAGE) param(sb, "crs", crs.uri());
    param(sb, "limit", Integer.toString(limit));
    param(sb, "offset", Integer.toString(pageOffset));
    return sb.toString();
  }

  /** A stable text form used as the cache key. */
  public String cacheKey() {
    return collection.id() + "?" + queryString(offset);
  }

  private static void param(StringBuilder sb, String name, String value) {
    if (sb.length() > 0) sb.append('&');
    sb.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ","));
  }
}
