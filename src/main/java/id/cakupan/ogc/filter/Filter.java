package id.cakupan.ogc.filter;

import java.util.Locale;

/**
 * A client's filter, parsed and checked against the collection's queryables, kept with the text
 * it came from (which goes back into paging links unchanged).
 */
public record Filter(Expr expr, Lang lang, String text) {
  /** The filter encodings; {@code cql-text} is the draft name GDAL 3.6 still sends. */
  public enum Lang {
    CQL2_TEXT("cql2-text"), CQL2_JSON("cql2-json");

    public final String key;

    Lang(String key) {
      this.key = key;
    }

    public static Lang parse(String s) {
      String t = s.trim().toLowerCase(Locale.ROOT);
      if (t.equals("cql2-text") || t.equals("cql-text")) return CQL2_TEXT;
      if (t.equals("cql2-json")) return CQL2_JSON;
      throw new IllegalArgumentException("'" + s + "' is not a filter language: expected cql2-text or cql2-json");
    }
  }

  /** A tree built by the caller (e.g. from query parameters), checked like a parsed one. */
  public static Filter checked(Expr e, Lang lang, String text, Queryables queryables) {
    FilterChecker.check(e, queryables);
    return new Filter(e, lang, text);
  }

  /** @throws FilterException naming the place of the first fault */
  public static Filter parse(String text, Lang lang, Queryables queryables) {
    Expr e;
    try {
      e = lang == Lang.CQL2_JSON ? CqlJsonParser.parse(text) : CqlTextParser.parse(text);
    } catch (FilterException fault) {
      throw fault;
    } catch (IllegalArgumentException | ArithmeticException fault) {
      // A value a library refused (a number, a coordinate) that the parser did not foresee.
      throw new FilterException(lang == Lang.CQL2_JSON ? "/" : "character 1", "cannot be read: " + fault.getMessage());
    }
    FilterChecker.check(e, queryables);
    return new Filter(e, lang, text);
  }
}
