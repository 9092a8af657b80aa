package id.cakupan.ogc;

import id.cakupan.map.InvalidQueryException;
import id.cakupan.ogc.filter.Expr;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.ogc.filter.FilterException;
import id.cakupan.ogc.filter.Queryable;
import id.cakupan.ogc.filter.Queryables;
import id.cakupan.ogc.filter.SortBy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Part 3 parameters of an items request become one checked condition: the {@code filter}
 * (CQL2-text or CQL2-JSON) ANDed with queryables given as parameters ({@code name=Koja} is
 * {@code name = 'Koja'}). Faults name the parameter and, in a filter, the position.
 */
public final class ItemConditions {
  /** The CRS of coordinates in a filter; only CRS84 (lon/lat) is taken. */
  public static final Set<String> FILTER_CRS = Set.of(OgcJson.CRS84, "urn:ogc:def:crs:OGC:1.3:CRS84", "[OGC:CRS84]");
  /** Item parameters of Part 1 and of this service that are also queryables, parsed as before. */
  private static final Set<String> OWN_PARAMETERS = Set.of("code", "sector", "period");

  private ItemConditions() {}

  /** The queryables a collection takes as query parameters. */
  public static Set<String> parameters(OgcCollection c) {
    Set<String> out = new TreeSet<>();
    for (Queryable q : OgcQueryables.of(c).all()) {
      if (q.type() != Queryable.Type.GEOMETRY && !OWN_PARAMETERS.contains(q.name())) out.add(q.name());
    }
    return out;
  }

  /** The checked condition, or null when there is none. */
  public static Filter where(OgcCollection c, String filterText, Filter.Lang lang, String filterCrs,
      Map<String, String> properties) {
    if (filterCrs != null && !FILTER_CRS.contains(filterCrs.trim())) {
      throw new InvalidQueryException("filter-crs", "parameter 'filter-crs': '" + filterCrs + "' is not supported;"
          + " coordinates in a filter are CRS84 longitude/latitude (" + OgcJson.CRS84 + ")");
    }
    Queryables queryables = OgcQueryables.of(c);
    List<Expr> conditions = new ArrayList<>();
    if (filterText != null) {
      try {
        conditions.add(Filter.parse(filterText, lang, queryables).expr());
      } catch (FilterException e) {
        throw new InvalidQueryException("filter", "parameter 'filter' (" + lang.key + ") " + e.getMessage());
      }
    }
    for (Map.Entry<String, String> p : properties.entrySet()) {
      Queryable q = queryables.get(p.getKey()).orElseThrow();
      String at = "parameter " + p.getKey();
      conditions.add(new Expr.Comparison(Expr.ComparisonOp.EQ, new Expr.Property(q.name(), at),
          new Expr.Literal(value(q, p.getValue()), at), at));
    }
    if (conditions.isEmpty()) return null;
    Expr e = conditions.size() == 1 ? conditions.get(0) : new Expr.And(List.copyOf(conditions), "parameters");
    try {
      return Filter.checked(e, lang, filterText, queryables);
    } catch (FilterException fault) {
      // Only a queryable parameter can fail here: the filter itself was checked above.
      String name = fault.at().startsWith("parameter ") ? fault.at().substring("parameter ".length()) : "filter";
      throw new InvalidQueryException(name, "parameter '" + name + "': " + fault.getMessage());
    }
  }

  public static SortBy sortBy(OgcCollection c, String text) {
    try {
      return SortBy.parse(text, OgcQueryables.of(c));
    } catch (IllegalArgumentException e) {
      throw new InvalidQueryException("sortby", "parameter 'sortby': " + e.getMessage());
    }
  }

  private static Object value(Queryable q, String text) {
    try {
      return switch (q.type()) {
        case NUMBER, INTEGER -> new BigDecimal(text.trim());
        case DATE -> LocalDate.parse(text.trim());
        default -> text;
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new InvalidQueryException(q.name(), "parameter '" + q.name() + "': '" + text + "' is not "
          + (q.type() == Queryable.Type.DATE ? "a date (2026-10-01)" : "a number"));
    }
  }
}
