package id.cakupan.ogc.filter;

import id.cakupan.ogc.filter.Queryable.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Checks a parsed filter against a collection's queryables: every property must be one of them,
 * and each operator must get values of types it can compare. What passes can be evaluated in
 * memory or translated to SQL without a type error.
 */
final class FilterChecker {
  /** The type of a value in a filter: a queryable's type, or what a literal is. */
  private enum Kind {
    STRING, NUMBER, BOOLEAN, DATE, TIMESTAMP, GEOMETRY;

    static Kind of(Type t) {
      return switch (t) {
        case STRING -> STRING;
        case NUMBER, INTEGER -> NUMBER;
        case DATE -> DATE;
        case GEOMETRY -> GEOMETRY;
      };
    }

    String describe() {
      return switch (this) {
        case STRING -> "a string";
        case NUMBER -> "a number";
        case BOOLEAN -> "a boolean";
        case DATE -> "a date";
        case TIMESTAMP -> "a timestamp";
        case GEOMETRY -> "a geometry";
      };
    }
  }

  /** Decimal places (or trailing zeros) a number literal may have: beyond them it is not a measured value. */
  private static final int MAX_SCALE = 300;

  private final Queryables queryables;

  private FilterChecker(Queryables queryables) {
    this.queryables = queryables;
  }

  static void check(Expr e, Queryables queryables) {
    new FilterChecker(queryables).predicate(e);
  }

  private void predicate(Expr e) {
    if (e instanceof Expr.And a) {
      a.operands().forEach(this::predicate);
    } else if (e instanceof Expr.Or o) {
      o.operands().forEach(this::predicate);
    } else if (e instanceof Expr.Not n) {
      predicate(n.operand());
    } else if (e instanceof Expr.Literal l) {
      if (!(l.value() instanceof Boolean)) throw new FilterException(l.at(), "a value alone is not a condition");
    } else if (e instanceof Expr.Property p) {
      kind(p);
      throw new FilterException(p.at(), "property '" + p.name() + "' alone is not a condition; compare it, e.g. "
          + p.name() + " = …");
    } else if (e instanceof Expr.Comparison c) {
      Kind left = kind(c.left());
      Kind right = kind(c.right());
      if (left == Kind.GEOMETRY || right == Kind.GEOMETRY) {
        throw new FilterException(c.at(), "geometries are not compared with " + c.op().symbol + "; use S_INTERSECTS");
      }
      if (left == Kind.BOOLEAN && right == Kind.BOOLEAN && c.op() != Expr.ComparisonOp.EQ && c.op() != Expr.ComparisonOp.NE) {
        throw new FilterException(c.at(), "booleans are only compared with = and <>");
      }
      same(left, right, c.right(), c.left());
    } else if (e instanceof Expr.Like l) {
      Kind k = kind(l.value());
      if (k != Kind.STRING) throw new FilterException(l.value().at(), "LIKE needs a string, and " + name(l.value()) + " is " + k.describe());
    } else if (e instanceof Expr.Between b) {
      Kind k = kind(b.value());
      if (k != Kind.NUMBER && k != Kind.DATE && k != Kind.TIMESTAMP) {
        throw new FilterException(b.value().at(), "BETWEEN needs a number or a date, and " + name(b.value()) + " is " + k.describe());
      }
      same(k, kind(b.low()), b.low(), b.value());
      same(k, kind(b.high()), b.high(), b.value());
    } else if (e instanceof Expr.In in) {
      Kind k = kind(in.value());
      if (k == Kind.GEOMETRY) throw new FilterException(in.at(), "IN does not take geometries");
      for (Expr v : in.list()) same(k, kind(v), v, in.value());
    } else if (e instanceof Expr.IsNull n) {
      kind(n.value());
    } else if (e instanceof Expr.Intersects i) {
      for (Expr arg : new Expr[] {i.left(), i.right()}) {
        Kind k = kind(arg);
        if (k != Kind.GEOMETRY) throw new FilterException(arg.at(), "S_INTERSECTS needs geometries, and " + name(arg) + " is " + k.describe());
      }
    } else {
      throw new FilterException(e.at(), "not a condition");
    }
  }

  private void same(Kind expected, Kind actual, Expr at, Expr other) {
    if (expected != actual) {
      throw new FilterException(at.at(), name(other) + " is " + expected.describe() + " and cannot be compared with "
          + actual.describe() + (expected == Kind.DATE && actual == Kind.STRING ? "; write DATE('2026-10-01')" : "")
          + (expected == Kind.STRING && actual == Kind.NUMBER ? "; quote it: '…'" : ""));
    }
  }

  private static String abbreviate(BigDecimal d) {
    String s = d.toString();
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }

  private String name(Expr e) {
    return e instanceof Expr.Property p ? "property '" + p.name() + "'" : "the value";
  }

  private Kind kind(Expr e) {
    if (e instanceof Expr.CaseI c) {
      Kind k = kind(c.value());
      if (k != Kind.STRING) throw new FilterException(c.at(), "CASEI takes a string, and " + name(c.value()) + " is " + k.describe());
      return Kind.STRING;
    }
    if (e instanceof Expr.Property p) {
      Queryable q = queryables.get(p.name()).orElseThrow(() -> new FilterException(p.at(), "unknown property '" + p.name()
          + "'; the queryables of this collection are " + queryables.names()));
      return Kind.of(q.type());
    }
    if (e instanceof Expr.Literal l) {
      Object v = l.value();
      if (v instanceof String s) {
        // PostgreSQL text cannot hold NUL; refused here so that no store fails on it.
        if (s.indexOf('\0') >= 0) throw new FilterException(l.at(), "a string may not contain the NUL character");
        return Kind.STRING;
      }
      if (v instanceof BigDecimal d) {
        if (d.scale() > MAX_SCALE || d.scale() < -MAX_SCALE || !Double.isFinite(d.doubleValue())) {
          throw new FilterException(l.at(), "the number " + abbreviate(d) + " is out of range");
        }
        return Kind.NUMBER;
      }
      if (v instanceof Boolean) return Kind.BOOLEAN;
      if (v instanceof LocalDate) return Kind.DATE;
      if (v instanceof Instant) return Kind.TIMESTAMP;
      if (v instanceof Geometry g) {
        // An invalid polygon (a ring crossing itself) has no well-defined intersection, in JTS or PostGIS.
        TopologyValidationError error = new IsValidOp(g).getValidationError();
        if (error != null) throw new FilterException(l.at(), "not a valid geometry: " + error.getMessage()
            + (error.getCoordinate() == null ? "" : " at " + error.getCoordinate().x + " " + error.getCoordinate().y));
        return Kind.GEOMETRY;
      }
    }
    throw new FilterException(e.at(), "expected a property or a value");
  }
}
