package id.cakupan.ogc.filter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.IdentityHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Runs a checked filter over features in memory, with SQL's three-valued logic: a comparison with
 * a null is unknown, NOT unknown is unknown, and a feature is selected only when the filter is
 * true, so the in-memory and the PostGIS answers agree.
 */
public final class FilterEvaluator {
  private final Expr root;
  private final Map<Expr, Like> patterns = new IdentityHashMap<>();
  private final Map<Expr, PreparedGeometry> prepared = new IdentityHashMap<>();

  public FilterEvaluator(Filter filter) {
    this.root = filter.expr();
  }

  public boolean matches(FeatureValues f) {
    return Boolean.TRUE.equals(test(root, f));
  }

  private Boolean test(Expr e, FeatureValues f) {
    if (e instanceof Expr.And a) {
      boolean unknown = false;
      for (Expr x : a.operands()) {
        Boolean b = test(x, f);
        if (Boolean.FALSE.equals(b)) return false;
        if (b == null) unknown = true;
      }
      return unknown ? null : true;
    }
    if (e instanceof Expr.Or o) {
      boolean unknown = false;
      for (Expr x : o.operands()) {
        Boolean b = test(x, f);
        if (Boolean.TRUE.equals(b)) return true;
        if (b == null) unknown = true;
      }
      return unknown ? null : false;
    }
    if (e instanceof Expr.Not n) {
      Boolean b = test(n.operand(), f);
      return b == null ? null : !b;
    }
    if (e instanceof Expr.Literal l) return (Boolean) l.value();
    if (e instanceof Expr.IsNull n) return value(n.value(), f) == null;
    if (e instanceof Expr.Comparison c) {
      Integer cmp = compare(value(c.left(), f), value(c.right(), f));
      if (cmp == null) return null;
      return switch (c.op()) {
        case EQ -> cmp == 0;
        case NE -> cmp != 0;
        case LT -> cmp < 0;
        case GT -> cmp > 0;
        case LE -> cmp <= 0;
        case GE -> cmp >= 0;
      };
    }
    if (e instanceof Expr.Like l) {
      Object v = value(l.value(), f);
      if (v == null) return null;
      return patterns.computeIfAbsent(l, k -> new Like(l.pattern())).matches((String) v);
    }
    if (e instanceof Expr.Between b) {
      Object v = value(b.value(), f);
      Integer low = compare(v, value(b.low(), f));
      Integer high = compare(v, value(b.high(), f));
      if (low == null || high == null) return null;
      return low >= 0 && high <= 0;
    }
    if (e instanceof Expr.In in) {
      Object v = value(in.value(), f);
      if (v == null) return null;
      for (Expr x : in.list()) {
        Integer cmp = compare(v, value(x, f));
        if (cmp != null && cmp == 0) return true;
      }
      return false;
    }
    if (e instanceof Expr.Intersects i) return intersects(i, f);
    throw new IllegalStateException("not a condition: " + e);
  }

  private Boolean intersects(Expr.Intersects i, FeatureValues f) {
    Object a = value(i.left(), f);
    Object b = value(i.right(), f);
    if (a == null || b == null) return null;
    // The literal side is prepared once, so each feature is tested against an indexed geometry.
    if (i.right() instanceof Expr.Literal) return prepared(i.right(), (Geometry) b).intersects((Geometry) a);
    if (i.left() instanceof Expr.Literal) return prepared(i.left(), (Geometry) a).intersects((Geometry) b);
    return ((Geometry) a).intersects((Geometry) b);
  }

  private PreparedGeometry prepared(Expr literal, Geometry g) {
    return prepared.computeIfAbsent(literal, k -> PreparedGeometryFactory.prepare(g));
  }

  private static Object value(Expr e, FeatureValues f) {
    if (e instanceof Expr.Literal l) return l.value();
    if (e instanceof Expr.CaseI c) {
      Object v = value(c.value(), f);
      return v == null ? null : Expr.CaseI.fold((String) v);
    }
    return f.value(((Expr.Property) e).name());
  }

  /** Null when either side is null; the checker has made sure the two are of one kind. */
  @SuppressWarnings("unchecked")
  static Integer compare(Object a, Object b) {
    if (a == null || b == null) return null;
    if (a instanceof Number x && b instanceof Number y) return decimal(x).compareTo(decimal(y));
    if (a instanceof String x && b instanceof String y) return Integer.signum(x.compareTo(y));
    if (a instanceof LocalDate x && b instanceof LocalDate y) return x.compareTo(y);
    if (a instanceof Instant x && b instanceof Instant y) return x.compareTo(y);
    if (a instanceof Boolean x && b instanceof Boolean y) return x.compareTo(y);
    if (a instanceof Comparable x && a.getClass() == b.getClass()) return x.compareTo(b);
    throw new IllegalStateException("cannot compare " + a.getClass().getSimpleName() + " with " + b.getClass().getSimpleName());
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal d) return d;
    if (n instanceof Long || n instanceof Integer) return BigDecimal.valueOf(n.longValue());
    return BigDecimal.valueOf(n.doubleValue());
  }
}
