package id.cakupan.ogc.filter;

import id.cakupan.ogc.filter.Expr.ComparisonOp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * CQL2-text (OGC 21-065, the basic-cql2, advanced-comparison-operators and basic-spatial-functions
 * subset) by recursive descent over a small lexer. Keywords are case-insensitive; property names
 * are bare identifiers or double-quoted. Every node remembers its character position (from 1).
 */
public final class CqlTextParser {
  private static final Set<String> WKT_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
      "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
  private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL");
  private static final Set<String> OTHER_SPATIAL = Set.of("S_CONTAINS", "S_CROSSES", "S_DISJOINT", "S_EQUALS",
      "S_OVERLAPS", "S_TOUCHES", "S_WITHIN");
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private enum Kind { WORD, QUOTED, STRING, NUMBER, LPAREN, RPAREN, COMMA, OPERATOR, END }

  private record Token(Kind kind, String text, int start, int end) {
    boolean is(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private final String src;
  private int pos;
  private Token token;
  private int depth;
  private int coordinates;

  private CqlTextParser(String src) {
    this.src = src;
  }

  public static Expr parse(String text) {
    if (text.length() > FilterLimits.MAX_LENGTH) {
      throw new FilterException("character " + (FilterLimits.MAX_LENGTH + 1), "the filter is longer than "
          + FilterLimits.MAX_LENGTH + " characters");
    }
    CqlTextParser p = new CqlTextParser(text);
    p.advance();
    if (p.token.kind == Kind.END) throw new FilterException("character 1", "the filter is empty");
    Expr e = p.booleanExpression();
    if (p.token.kind != Kind.END) throw p.error(p.token, "unexpected " + describe(p.token) + " after a complete expression");
    return e;
  }

  // --- grammar

  private Expr booleanExpression() {
    Token first = token;
    enter(first);
    List<Expr> terms = new ArrayList<>();
    terms.add(booleanTerm());
    while (token.is("OR")) {
      advance();
      terms.add(booleanTerm());
    }
    depth--;
    return terms.size() == 1 ? terms.get(0) : new Expr.Or(List.copyOf(terms), at(first));
  }

  private Expr booleanTerm() {
    Token first = token;
    List<Expr> factors = new ArrayList<>();
    factors.add(booleanFactor());
    while (token.is("AND")) {
      advance();
      factors.add(booleanFactor());
    }
    return factors.size() == 1 ? factors.get(0) : new Expr.And(List.copyOf(factors), at(first));
  }

  private Expr booleanFactor() {
    if (token.is("NOT")) {
      Token not = token;
      enter(not);
      advance();
      Expr operand = booleanFactor();
      depth--;
      return new Expr.Not(operand, at(not));
    }
    return booleanPrimary();
  }

  private Expr booleanPrimary() {
    Token first = token;
    if (first.kind == Kind.LPAREN) {
      advance();
      Expr inner = booleanExpression();
      expect(Kind.RPAREN, "')' closing the '(' at character " + (first.start + 1));
      return inner;
    }
    if (first.is("S_INTERSECTS")) {
      advance();
      expect(Kind.LPAREN, "'(' after S_INTERSECTS");
      Expr a = scalar();
      expect(Kind.COMMA, "',' between the two arguments of S_INTERSECTS");
      Expr b = scalar();
      expect(Kind.RPAREN, "')' closing S_INTERSECTS");
      return new Expr.Intersects(a, b, at(first));
    }
    if (first.kind == Kind.WORD && OTHER_SPATIAL.contains(first.upper())) {
      throw error(first, first.upper() + " is not supported; of the spatial functions only S_INTERSECTS is");
    }
    Expr left = scalar();
    return predicateTail(left, first);
  }

  private Expr predicateTail(Expr left, Token first) {
    Token t = token;
    if (t.kind == Kind.OPERATOR) {
      advance();
      ComparisonOp op = switch (t.text) {
        case "=" -> ComparisonOp.EQ;
        case "<>" -> ComparisonOp.NE;
        case "<" -> ComparisonOp.LT;
        case ">" -> ComparisonOp.GT;
        case "<=" -> ComparisonOp.LE;
        default -> ComparisonOp.GE;
      };
      return new Expr.Comparison(op, left, scalar(), at(t));
    }
    if (t.is("IS")) {
      advance();
      boolean negated = false;
      if (token.is("NOT")) {
        negated = true;
        advance();
      }
      if (!token.is("NULL")) throw error(token, "expected NULL after IS" + (negated ? " NOT" : ""));
      advance();
      Expr isNull = new Expr.IsNull(left, at(t));
      return negated ? new Expr.Not(isNull, at(t)) : isNull;
    }
    boolean negated = false;
    if (t.is("NOT")) {
      negated = true;
      advance();
    }
    Token op = token;
    Expr result;
    if (op.is("LIKE")) {
      advance();
      boolean casei = token.is("CASEI");
      if (casei) {
        advance();
        expect(Kind.LPAREN, "'(' after CASEI");
      }
      Token pattern = token;
      if (pattern.kind != Kind.STRING) throw error(pattern, "expected a 'quoted' pattern after LIKE");
      advance();
      if (casei) expect(Kind.RPAREN, "')' closing CASEI");
      result = new Expr.Like(left, casei ? Expr.CaseI.fold(pattern.text) : pattern.text, at(op));
    } else if (op.is("BETWEEN")) {
      advance();
      Expr low = scalar();
      if (!token.is("AND")) throw error(token, "expected AND between the bounds of BETWEEN");
      advance();
      result = new Expr.Between(left, low, scalar(), at(op));
    } else if (op.is("IN")) {
      advance();
      expect(Kind.LPAREN, "'(' after IN");
      List<Expr> list = new ArrayList<>();
      list.add(scalar());
      while (token.kind == Kind.COMMA) {
        advance();
        if (list.size() == FilterLimits.MAX_IN_VALUES) {
          throw error(token, "an IN list takes at most " + FilterLimits.MAX_IN_VALUES + " values");
        }
        list.add(scalar());
      }
      expect(Kind.RPAREN, "')' closing the IN list");
      result = new Expr.In(left, List.copyOf(list), at(op));
    } else if (!negated && left instanceof Expr.Literal l && l.value() instanceof Boolean) {
      return left;
    } else {
      throw error(op, "expected a comparison (=, <>, <, >, <=, >=), LIKE, BETWEEN, IN or IS NULL after the "
          + (left instanceof Expr.Property ? "property" : "value") + " at character " + (first.start + 1)
          + ", found " + describe(op));
    }
    return negated ? new Expr.Not(result, at(t)) : result;
  }

  private Expr scalar() {
    Token t = token;
    switch (t.kind) {
      case STRING -> {
        advance();
        return new Expr.Literal(t.text, at(t));
      }
      case NUMBER -> {
        advance();
        try {
          return new Expr.Literal(new BigDecimal(t.text), at(t));
        } catch (NumberFormatException | ArithmeticException e) {
          throw error(t, "'" + t.text + "' is not a number");
        }
      }
      case QUOTED -> {
        advance();
        if (t.text.isEmpty()) throw error(t, "a property name cannot be empty");
        return new Expr.Property(t.text, at(t));
      }
      case WORD -> {
        String word = t.upper();
        if (word.equals("TRUE") || word.equals("FALSE")) {
          advance();
          return new Expr.Literal(word.equals("TRUE"), at(t));
        }
        if (word.equals("DATE") || word.equals("TIMESTAMP")) {
          advance();
          if (token.kind == Kind.LPAREN) return temporal(t, word);
          return new Expr.Property(t.text, at(t));
        }
        if (word.equals("BBOX")) return bbox(t);
        if (word.equals("CASEI")) {
          advance();
          if (token.kind != Kind.LPAREN) return new Expr.Property(t.text, at(t));
          enter(t);
          advance();
          Expr inner = scalar();
          expect(Kind.RPAREN, "')' closing CASEI");
          depth--;
          return new Expr.CaseI(inner, at(t));
        }
        if (WKT_TYPES.contains(word)) return wkt(t);
        if (RESERVED.contains(word)) throw error(t, "expected a property or a value, found the keyword " + word);
        advance();
        return new Expr.Property(t.text, at(t));
      }
      default -> throw error(t, "expected a property or a value, found " + describe(t));
    }
  }

  private Expr temporal(Token keyword, String word) {
    advance();
    Token value = token;
    if (value.kind != Kind.STRING) throw error(value, "expected a 'quoted' " + word.toLowerCase(Locale.ROOT) + " in " + word + "(...)");
    advance();
    expect(Kind.RPAREN, "')' closing " + word + "(");
    try {
      if (word.equals("DATE")) return new Expr.Literal(LocalDate.parse(value.text), at(keyword));
      return new Expr.Literal(OffsetDateTime.parse(value.text.replace(' ', 'T')).toInstant(), at(keyword));
    } catch (DateTimeParseException e) {
      throw error(value, "'" + value.text + "' is not " + (word.equals("DATE")
          ? "a date (2026-10-01)" : "an RFC 3339 timestamp (2026-10-01T00:00:00Z)"));
    }
  }

  private Expr bbox(Token keyword) {
    advance();
    expect(Kind.LPAREN, "'(' after BBOX");
    List<Double> v = new ArrayList<>();
    while (true) {
      Token n = token;
      if (n.kind != Kind.NUMBER) throw error(n, "expected a number in BBOX(minLon, minLat, maxLon, maxLat)");
      advance();
      v.add(Double.parseDouble(n.text));
      if (token.kind == Kind.COMMA && v.size() < 6) {
        advance();
        continue;
      }
      break;
    }
    expect(Kind.RPAREN, "')' closing BBOX");
    if (v.size() != 4 && v.size() != 6) throw error(keyword, "BBOX takes 4 numbers (or 6 with heights), not " + v.size());
    return new Expr.Literal(Geometries.box(v, at(keyword)), at(keyword));
  }

  /** The WKT runs from its keyword to the parenthesis that closes its first one; JTS reads it. */
  private Expr wkt(Token keyword) {
    int i = keyword.end;
    int open = 0;
    int end = -1;
    for (; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '(') open++;
      else if (c == ')') {
        open--;
        if (open == 0) {
          end = i + 1;
          break;
        }
        if (open < 0) break;
      } else if (open == 0 && Character.isLetter(c)) {
        // Z, M, ZM or EMPTY before the coordinates.
        int w = i;
        while (i < src.length() && Character.isLetter(src.charAt(i))) i++;
        String word = src.substring(w, i).toUpperCase(Locale.ROOT);
        if (word.equals("EMPTY")) {
          end = i;
          break;
        }
        i--;
      }
      if (open > FilterLimits.MAX_DEPTH) throw error(keyword, "the geometry nests deeper than " + FilterLimits.MAX_DEPTH);
    }
    if (end < 0) throw error(keyword, "the " + keyword.upper() + " is not closed");
    String text = src.substring(keyword.start, end);
    Geometry g;
    try {
      g = new WKTReader(GEOMETRY).read(text);
    } catch (ParseException | RuntimeException e) {
      throw error(keyword, "not a valid WKT geometry: " + e.getMessage());
    }
    coordinates += g.getNumPoints();
    if (coordinates > FilterLimits.MAX_COORDINATES) {
      throw error(keyword, "geometries in a filter hold at most " + FilterLimits.MAX_COORDINATES + " coordinates");
    }
    pos = end;
    advance();
    return new Expr.Literal(g, at(keyword));
  }

  private void enter(Token t) {
    if (++depth > FilterLimits.MAX_DEPTH) throw error(t, "the filter nests deeper than " + FilterLimits.MAX_DEPTH + " levels");
  }

  private void expect(Kind kind, String what) {
    if (token.kind != kind) throw error(token, "expected " + what + ", found " + describe(token));
    advance();
  }

  private FilterException error(Token t, String message) {
    return new FilterException(at(t), message);
  }

  private static String at(Token t) {
    return "character " + (t.start + 1);
  }

  private static String describe(Token t) {
    return switch (t.kind) {
      case END -> "the end of the filter";
      case STRING -> "the string '" + abbreviate(t.text) + "'";
      case QUOTED -> "the property \"" + abbreviate(t.text) + "\"";
      default -> "'" + abbreviate(t.text) + "'";
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }

  // --- lexer

  private void advance() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    int start = pos;
    if (pos >= src.length()) {
      token = new Token(Kind.END, "", start, start);
      return;
    }
    char c = src.charAt(pos);
    if (c == '(') token = single(Kind.LPAREN);
    else if (c == ')') token = single(Kind.RPAREN);
    else if (c == ',') token = single(Kind.COMMA);
    else if (c == '=') token = single(Kind.OPERATOR);
    else if (c == '<' || c == '>') {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '=' || (c == '<' && src.charAt(pos) == '>'))) pos++;
      token = new Token(Kind.OPERATOR, src.substring(start, pos), start, pos);
    } else if (c == '\'') token = quoted('\'', Kind.STRING);
    else if (c == '"') token = quoted('"', Kind.QUOTED);
    else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < src.length()
        && (Character.isDigit(src.charAt(pos + 1)) || src.charAt(pos + 1) == '.'))) {
      token = number();
    } else if (Character.isLetter(c) || c == '_') {
      while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
          || src.charAt(pos) == '.' || src.charAt(pos) == ':')) {
        pos++;
      }
      token = new Token(Kind.WORD, src.substring(start, pos), start, pos);
    } else {
      throw new FilterException("character " + (start + 1), "unexpected character '" + new String(Character.toChars(src.codePointAt(pos)))
          + "'" + (c == '!' ? "; CQL2 writes 'not equal' as <>" : ""));
    }
  }

  private Token single(Kind kind) {
    pos++;
    return new Token(kind, src.substring(pos - 1, pos), pos - 1, pos);
  }

  /** A '…' string or "…" name; the quote is doubled to include it. */
  private Token quoted(char quote, Kind kind) {
    int start = pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= src.length()) {
        throw new FilterException("character " + (start + 1), (kind == Kind.STRING ? "string" : "quoted name")
            + " is not closed with " + quote);
      }
      char c = src.charAt(pos++);
      if (c == quote) {
        if (pos < src.length() && src.charAt(pos) == quote) {
          sb.append(quote);
          pos++;
          continue;
        }
        return new Token(kind, sb.toString(), start, pos);
      }
      sb.append(c);
    }
  }

  private Token number() {
    int start = pos;
    if (src.charAt(pos) == '-' || src.charAt(pos) == '+') pos++;
    while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) pos++;
    if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
      pos++;
      if (pos < src.length() && (src.charAt(pos) == '-' || src.charAt(pos) == '+')) pos++;
      while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
    }
    if (pos < src.length() && (Character.isLetter(src.charAt(pos)) || src.charAt(pos) == '_')) {
      throw new FilterException("character " + (start + 1), "'" + src.substring(start, Math.min(src.length(), pos + 1))
          + "…' is neither a number nor a name; quote a name that starts with a digit: \"…\"");
    }
    return new Token(Kind.NUMBER, src.substring(start, pos), start, pos);
  }
}
