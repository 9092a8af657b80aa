package id.cakupan.wms;

import id.cakupan.coverage.Period;
import id.cakupan.map.Atlas;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.NoDataException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TIME value: the newest month (absent, empty or {@code current}), one month ({@code 2026-10},
 * or a date or instant within it), or a range {@code start/end[/resolution]}, which shows the
 * newest month with data the range touches. Ranges are what a temporal client such as QGIS
 * sends for an animation frame; an end at midnight on the 1st closes the range before that month.
 *
 * @param from the first month, or null for the newest with data
 * @param to the last month (equal to {@code from} for one month)
 */
public record WmsTime(Period from, Period to) {
  public static final WmsTime NEWEST = new WmsTime(null, null);
  private static final Pattern INSTANT = Pattern.compile(
      "(\\d{4})-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?)?");

  public static WmsTime parse(String text) {
    if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("current")) return NEWEST;
    String s = text.trim();
    String[] parts = s.split("/", -1);
    if (parts.length == 1) {
      Period p = month(parts[0], false, text);
      return new WmsTime(p, p);
    }
    if (parts.length > 3 || (parts.length == 3 && !parts[2].trim().matches("P[0-9YMWDTHS.]+"))) throw invalid(text);
    Period from = month(parts[0], false, text);
    Period to = month(parts[1], true, text);
    if (to.compareTo(from) < 0) {
      throw new WmsException(WmsException.INVALID_DIMENSION_VALUE, "TIME", "TIME range '" + MapRequest.clip(text)
          + "' ends before it starts");
    }
    return new WmsTime(from, to);
  }

  /** The month to draw, or MissingDimensionValue / InvalidDimensionValue naming TIME. */
  public Period resolve(Atlas atlas) {
    try {
      if (from == null || from.equals(to)) return LayerQuery.DEFAULT.withPeriod(from).resolve(atlas).resolvedPeriod();
      LayerQuery.DEFAULT.resolve(atlas); // no data at all is told apart from none in the range
    } catch (NoDataException e) {
      String code = atlas.coverage().periods().isEmpty()
          ? WmsException.MISSING_DIMENSION_VALUE : WmsException.INVALID_DIMENSION_VALUE;
      throw new WmsException(code, "TIME", e.getMessage());
    }
    Period newest = atlas.coverage().periods().floor(to);
    if (newest == null || newest.compareTo(from) < 0) {
      throw new WmsException(WmsException.INVALID_DIMENSION_VALUE, "TIME", "no coverage data from " + from + " to "
          + to + "; months with data run from " + atlas.coverage().periods().first() + " to "
          + atlas.coverage().newest());
    }
    return newest;
  }

  /**
   * The month of an instant; as a range's end, an instant at the very start of a month (the
   * exclusive end of the month before) belongs to the month before.
   */
  private static Period month(String part, boolean end, String whole) {
    Matcher m = INSTANT.matcher(part.trim());
    if (!m.matches()) throw invalid(whole);
    try {
      int year = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
      LocalDate.of(year, month, day); // a real date, or DateTimeException
      if (m.group(4) != null) {
        java.time.LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
            m.group(6) == null ? 0 : Math.min(59, Integer.parseInt(m.group(6)))); // 23:59:60 is a leap second
      }
      Period p = Period.of(year, month);
      boolean startOfMonth = m.group(3) != null && day == 1 && m.group(4) != null
          && Integer.parseInt(m.group(4)) == 0 && Integer.parseInt(m.group(5)) == 0
          && (m.group(6) == null || Integer.parseInt(m.group(6)) == 0);
      return end && startOfMonth ? p.previous() : p;
    } catch (java.time.DateTimeException e) {
      throw invalid(whole);
    }
  }

  private static WmsException invalid(String text) {
    return new WmsException(WmsException.INVALID_DIMENSION_VALUE, "TIME", "TIME '" + MapRequest.clip(text)
        + "' is not a month: give YYYY-MM, e.g. 2026-10, a date or instant within it, or a range start/end");
  }

  /** A stable text form for cache keys. */
  @Override
  public String toString() {
    return from == null ? "newest" : from + "/" + to;
  }
}
