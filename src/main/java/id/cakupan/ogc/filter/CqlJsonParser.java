package id.cakupan.ogc.filter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import id.cakupan.ogc.filter.Expr.ComparisonOp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CQL2-JSON (OGC 21-065, the same subset as {@link CqlTextParser}) to the same tree. Nodes are
 * named by their JSON pointer ({@code /args/1}), the whole document by {@code /}.
 */
public final class CqlJsonParser {
  private static final ObjectReader JSON =
      new ObjectMapper().readerFor(JsonNode.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          // Numbers as written: 1e400 stays a (too large) number to refuse, not an infinite double.
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Map<String, ComparisonOp> COMPARISONS = Map.of("=", ComparisonOp.EQ, "<>", ComparisonOp.NE,
      "<", ComparisonOp.LT, ">", ComparisonOp.GT, "<=", ComparisonOp.LE, ">=", ComparisonOp.GE);

  private final int[] coordinates = {FilterLimits.MAX_COORDINATES};

  private CqlJsonParser() {}

  public static Expr parse(String text) {
    if (text.length() > FilterLimits.MAX_LENGTH) {
      throw new FilterException("/", "the filter is longer than " + FilterLimits.MAX_LENGTH + " characters");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      throw new FilterException(l == null ? "/" : "character " + (l.getCharOffset() + 1),
          "not JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) throw new FilterException("/", "the filter is empty");
    return new CqlJsonParser().predicate(root, "", 1);
  }

  private Expr predicate(JsonNode n, String at, int depth) {
    String where = at.isEmpty() ? "/" : at;
    if (depth > FilterLimits.MAX_DEPTH) throw new FilterException(where, "the filter nests deeper than " + FilterLimits.MAX_DEPTH + " levels");
    if (n.isBoolean()) return new Expr.Literal(n.booleanValue(), where);
    if (!n.isObject() || !n.has("op")) {
      throw new FilterException(where, "expected a predicate {\"op\": …, \"args\": […]} or true/false");
    }
    JsonNode opNode = n.get("op");
    if (!opNode.isTextual()) throw new FilterException(at + "/op", "\"op\" must be a string");
    String op = opNode.asText();
    JsonNode args = n.get("args");
    if (args == null || !args.isArray()) throw new FilterException(where, "\"" + op + "\" needs an \"args\" array");
    String a = at + "/args";
    switch (op) {
      case "and", "or" -> {
        if (args.size() < 2) throw new FilterException(a, "\"" + op + "\" takes two or more predicates");
        List<Expr> operands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) operands.add(predicate(args.get(i), a + "/" + i, depth + 1));
        return op.equals("and") ? new Expr.And(List.copyOf(operands), where) : new Expr.Or(List.copyOf(operands), where);
      }
      case "not" -> {
        count(args, 1, op, a);
        return new Expr.Not(predicate(args.get(0), a + "/0", depth + 1), where);
      }
      case "like" -> {
        count(args, 2, op, a);
        JsonNode pattern = args.get(1);
        boolean casei = pattern.isObject() && "casei".equals(pattern.path("op").asText())
            && pattern.path("args").isArray() && pattern.path("args").size() == 1;
        if (casei) pattern = pattern.path("args").get(0);
        if (!pattern.isTextual()) throw new FilterException(a + "/1", "the pattern of \"like\" must be a string");
        String text = casei ? Expr.CaseI.fold(pattern.asText()) : pattern.asText();
        return new Expr.Like(scalar(args.get(0), a + "/0", depth + 1), text, where);
      }
      case "between" -> {
        count(args, 3, op, a);
        return new Expr.Between(scalar(args.get(0), a + "/0", depth + 1), scalar(args.get(1), a + "/1", depth + 1),
            scalar(args.get(2), a + "/2", depth + 1), where);
      }
      case "in" -> {
        count(args, 2, op, a);
        JsonNode list = args.get(1);
        if (!list.isArray() || list.isEmpty()) throw new FilterException(a + "/1", "the second argument of \"in\" is a non-empty array of values");
        if (list.size() > FilterLimits.MAX_IN_VALUES) {
          throw new FilterException(a + "/1", "an \"in\" list takes at most " + FilterLimits.MAX_IN_VALUES + " values");
        }
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) values.add(scalar(list.get(i), a + "/1/" + i, depth + 2));
        return new Expr.In(scalar(args.get(0), a + "/0", depth + 1), List.copyOf(values), where);
      }
      case "isNull" -> {
        count(args, 1, op, a);
        return new Expr.IsNull(scalar(args.get(0), a + "/0", depth + 1), where);
      }
      case "s_intersects" -> {
        count(args, 2, op, a);
        return new Expr.Intersects(scalar(args.get(0), a + "/0", depth + 1), scalar(args.get(1), a + "/1", depth + 1), where);
      }
      default -> {
        ComparisonOp c = COMPARISONS.get(op);
        if (c == null) {
          throw new FilterException(at + "/op", "\"" + op + "\" is not supported; use and, or, not, =, <>, <, >, <=, >=,"
              + " like, between, in, isNull or s_intersects");
        }
        count(args, 2, op, a);
        return new Expr.Comparison(c, scalar(args.get(0), a + "/0", depth + 1), scalar(args.get(1), a + "/1", depth + 1), where);
      }
    }
  }

  private Expr scalar(JsonNode n, String at, int depth) {
    if (depth > FilterLimits.MAX_DEPTH) throw new FilterException(at, "the filter nests deeper than " + FilterLimits.MAX_DEPTH + " levels");
    if (n.isTextual()) return new Expr.Literal(n.asText(), at);
    if (n.isNumber()) return new Expr.Literal(n.decimalValue(), at);
    if (n.isBoolean()) return new Expr.Literal(n.booleanValue(), at);
    if (n.isObject()) {
      if (n.has("property")) {
        JsonNode p = n.get("property");
        if (!p.isTextual() || p.asText().isEmpty()) throw new FilterException(at + "/property", "a property name is a non-empty string");
        return new Expr.Property(p.asText(), at);
      }
      if (n.has("date")) {
        try {
          return new Expr.Literal(LocalDate.parse(n.get("date").asText()), at);
        } catch (DateTimeParseException e) {
          throw new FilterException(at + "/date", "'" + n.get("date").asText() + "' is not a date (2026-10-01)");
        }
      }
      if (n.has("timestamp")) {
        try {
          return new Expr.Literal(OffsetDateTime.parse(n.get("timestamp").asText()).toInstant(), at);
        } catch (DateTimeParseException e) {
          throw new FilterException(at + "/timestamp", "'" + n.get("timestamp").asText()
              + "' is not an RFC 3339 timestamp (2026-10-01T00:00:00Z)");
        }
      }
      if (n.has("bbox")) {
        JsonNode b = n.get("bbox");
        if (!b.isArray() || (b.size() != 4 && b.size() != 6)) {
          throw new FilterException(at + "/bbox", "a bbox is an array of 4 numbers (or 6 with heights)");
        }
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
          if (!b.get(i).isNumber()) throw new FilterException(at + "/bbox/" + i, "expected a number");
          v.add(b.get(i).asDouble());
        }
        return new Expr.Literal(Geometries.box(v, at), at);
      }
      if (n.has("type")) return new Expr.Literal(Geometries.geoJson(n, at, coordinates), at);
      if (n.has("op") && "casei".equals(n.get("op").asText())) {
        JsonNode args = n.get("args");
        if (args == null || !args.isArray() || args.size() != 1) {
          throw new FilterException(at, "\"casei\" takes 1 argument");
        }
        return new Expr.CaseI(scalar(args.get(0), at + "/args/0", depth + 1), at);
      }
      if (n.has("op")) throw new FilterException(at, "a predicate cannot stand where a value is expected");
    }
    throw new FilterException(at, "expected a value: a string, a number, a boolean, {\"property\": …}, {\"date\": …},"
        + " {\"timestamp\": …}, {\"bbox\": […]} or a GeoJSON geometry");
  }

  private static void count(JsonNode args, int n, String op, String at) {
    if (args.size() != n) throw new FilterException(at, "\"" + op + "\" takes " + n + " argument" + (n == 1 ? "" : "s") + ", not " + args.size());
  }
}
