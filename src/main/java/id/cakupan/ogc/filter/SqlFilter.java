package id.cakupan.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTWriter;

/**
 * A checked filter as a SQL condition with bound parameters. Every value the client wrote becomes
 * a {@code ?} with its value in {@link #parameters}; property names become the column expressions
 * the caller maps them to, and a name without one is refused, so nothing of the client's text is
 * ever part of the SQL. SQL's own three-valued logic is what {@link FilterEvaluator} follows.
 *
 * @param sql the condition, for a WHERE clause
 * @param parameters the values of its {@code ?}s in order: String, BigDecimal, Boolean, LocalDate,
 *     OffsetDateTime, or a geometry's WKT (bound through {@code ST_GeomFromText(?, 4326)})
 */
public record SqlFilter(String sql, List<Object> parameters) {
  /**
   * @param columns each queryable the SQL may name, to a trusted SQL expression of the caller's
   *     (a column, or an expression over columns); geometry columns in SRID 4326
   */
  public static SqlFilter of(Filter filter, Map<String, String> columns) {
    Translator t = new Translator(columns);
    String sql = t.predicate(filter.expr());
    return new SqlFilter(sql, List.copyOf(t.parameters));
  }

  private static final class Translator {
    private final Map<String, String> columns;
    private final List<Object> parameters = new ArrayList<>();

    Translator(Map<String, String> columns) {
      this.columns = columns;
    }

    String predicate(Expr e) {
      if (e instanceof Expr.And a) return join(a.operands(), " AND ");
      if (e instanceof Expr.Or o) return join(o.operands(), " OR ");
      if (e instanceof Expr.Not n) return "(NOT " + predicate(n.operand()) + ")";
      if (e instanceof Expr.Literal l) return (Boolean) l.value() ? "TRUE" : "FALSE";
      if (e instanceof Expr.IsNull n) return "(" + value(n.value()) + " IS NULL)";
      if (e instanceof Expr.Comparison c) return "(" + value(c.left()) + " " + c.op().symbol + " " + value(c.right()) + ")";
      if (e instanceof Expr.Like l) {
        String v = value(l.value());
        parameters.add(new Like(l.pattern()).sqlPattern());
        return "(" + v + " LIKE ? ESCAPE '\\')";
      }
      if (e instanceof Expr.Between b) {
        return "(" + value(b.value()) + " BETWEEN " + value(b.low()) + " AND " + value(b.high()) + ")";
      }
      if (e instanceof Expr.In in) {
        StringBuilder sb = new StringBuilder("(").append(value(in.value())).append(" IN (");
        for (int i = 0; i < in.list().size(); i++) sb.append(i == 0 ? "" : ", ").append(value(in.list().get(i)));
        return sb.append("))").toString();
      }
      if (e instanceof Expr.Intersects i) return "ST_Intersects(" + value(i.left()) + ", " + value(i.right()) + ")";
      throw new IllegalArgumentException("not a condition: " + e);
    }

    private String join(List<Expr> operands, String op) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < operands.size(); i++) sb.append(i == 0 ? "" : op).append(predicate(operands.get(i)));
      return sb.append(')').toString();
    }

    private String value(Expr e) {
      if (e instanceof Expr.CaseI c) return "lower(CAST(" + value(c.value()) + " AS text) COLLATE \"C\")";
      if (e instanceof Expr.Property p) {
        String column = columns.get(p.name());
        if (column == null) throw new IllegalArgumentException("property '" + p.name() + "' has no column here");
        return column;
      }
      Object v = ((Expr.Literal) e).value();
      if (v instanceof Geometry g) {
        parameters.add(new WKTWriter().write(g));
        return "ST_GeomFromText(?, 4326)";
      }
      if (v instanceof Instant i) {
        parameters.add(OffsetDateTime.ofInstant(i, ZoneOffset.UTC));
        return "CAST(? AS timestamptz)";
      }
      if (v instanceof LocalDate) {
        parameters.add(v);
        return "CAST(? AS date)";
      }
      if (v instanceof BigDecimal) {
        parameters.add(v);
        return "CAST(? AS numeric)";
      }
      if (v instanceof Boolean) {
        parameters.add(v);
        return "CAST(? AS boolean)";
      }
      parameters.add(v);
      return "CAST(? AS text)";
    }
  }
}
