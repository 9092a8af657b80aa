package id.cakupan.ogc.filter;

import java.util.List;

/**
 * A CQL2 expression (OGC 21-065), the one tree both encodings parse to. {@code at} says where in
 * the client's filter the node came from ("character 12" in CQL2-text, a JSON pointer in
 * CQL2-JSON), so that a later check can name the place.
 */
public sealed interface Expr {
  String at();

  /** A queryable named in the filter. */
  record Property(String name, String at) implements Expr {}

  /**
   * A value written in the filter: a {@link String}, a {@link java.math.BigDecimal}, a
   * {@link Boolean}, a {@link java.time.LocalDate}, an {@link java.time.Instant} or a JTS
   * {@link org.locationtech.jts.geom.Geometry} (a BBOX becomes its rectangle).
   */
  record Literal(Object value, String at) implements Expr {}

  /**
   * {@code CASEI(value)}: the string with ASCII letters in lower case, so comparisons ignore their
   * case (PostgreSQL's {@code lower} in the "C" collation does the same, whatever the locale).
   */
  record CaseI(Expr value, String at) implements Expr {
    public static String fold(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
      }
      return sb.toString();
    }
  }

  enum ComparisonOp {
    EQ("="), NE("<>"), LT("<"), GT(">"), LE("<="), GE(">=");

    public final String symbol;

    ComparisonOp(String symbol) {
      this.symbol = symbol;
    }
  }

  record Comparison(ComparisonOp op, Expr left, Expr right, String at) implements Expr {}

  /** {@code value LIKE pattern}: {@code %} any run of characters, {@code _} one, {@code \} escapes either. */
  record Like(Expr value, String pattern, String at) implements Expr {}

  record In(Expr value, List<Expr> list, String at) implements Expr {}

  record Between(Expr value, Expr low, Expr high, String at) implements Expr {}

  record IsNull(Expr value, String at) implements Expr {}

  record Intersects(Expr left, Expr right, String at) implements Expr {}

  record Not(Expr operand, String at) implements Expr {}

  record And(List<Expr> operands, String at) implements Expr {}

  record Or(List<Expr> operands, String at) implements Expr {}
}
