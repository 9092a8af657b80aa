package id.cakupan.api;

import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns query strings into typed values at the edge, once. Unknown parameters and malformed
 * values are client errors that name the parameter.
 */
final class QueryParams {
  private final Context ctx;

  QueryParams(Context ctx, Set<String> allowed) {
    this.ctx = ctx;
    for (String name : ctx.queryParamMap().keySet()) {
      if (!allowed.contains(name)) {
        throw Problem.badParameter(name, "unknown parameter '" + name + "'; this endpoint takes "
            + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  /** The parsed value, or the default when the parameter is absent or empty. */
  <T> T get(String name, Function<String, T> parser, T defaultValue) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty() || values.get(0).isBlank()) return defaultValue;
    if (values.size() > 1) throw Problem.badParameter(name, "parameter '" + name + "' given more than once");
    try {
      return parser.apply(values.get(0));
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter(name, "parameter '" + name + "': " + e.getMessage());
    }
  }

  /**
   * Like {@link #get}, but the same value given twice counts once: GDAL before 3.7 appends the
   * query of the URL it was given to every request, paging links that already carry it included.
   */
  <T> T getRepeatable(String name, Function<String, T> parser, T defaultValue) {
    List<String> values = ctx.queryParams(name);
    if (values.isEmpty() || values.get(0).isBlank()) return defaultValue;
    T first = null;
    for (String value : values) {
      T parsed;
      try {
        parsed = parser.apply(value);
      } catch (IllegalArgumentException e) {
        throw Problem.badParameter(name, "parameter '" + name + "': " + e.getMessage());
      }
      if (first != null && !first.equals(parsed)) {
        throw Problem.badParameter(name, "parameter '" + name + "' given more than once with different values");
      }
      first = parsed;
    }
    return first;
  }

  boolean has(String name) {
    List<String> values = ctx.queryParams(name);
    return !values.isEmpty() && !values.get(0).isBlank();
  }

  static Function<String, Integer> intBetween(int min, int max) {
    return s -> {
      int v;
      try {
        v = Integer.parseInt(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + s + "' is not a whole number");
      }
      if (v < min || v > max) throw new IllegalArgumentException(v + " is outside " + min + ".." + max);
      return v;
    };
  }

  static double[] numberList(String s) {
    String[] parts = s.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + parts[i] + "' is not a number; give comma-separated numbers, e.g. 0.1,0.2,0.5");
      }
      if (!Double.isFinite(out[i])) throw new IllegalArgumentException("'" + parts[i] + "' is not a finite number");
    }
    return out;
  }
}
