package id.cakupan.ogc.filter;

/**
 * A LIKE pattern: {@code %} any run of characters, {@code _} exactly one, a backslash makes the
 * next character literal. Matched without regular expressions, in time proportional to pattern
 * times text at worst, however many wildcards a client writes.
 */
final class Like {
  private static final char ANY = '\uE000';
  private static final char ONE = '\uE001';

  private final String pattern;
  private final boolean[] wildcard;

  Like(String text) {
    StringBuilder p = new StringBuilder();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        p.append(text.charAt(++i));
        w.append('0');
      } else if (c == '%') {
        // Runs of % are one %.
        if (p.length() > 0 && w.charAt(w.length() - 1) == '1' && p.charAt(p.length() - 1) == ANY) continue;
        p.append(ANY);
        w.append('1');
      } else if (c == '_') {
        p.append(ONE);
        w.append('1');
      } else {
        p.append(c);
        w.append('0');
      }
    }
    this.pattern = p.toString();
    this.wildcard = new boolean[w.length()];
    for (int i = 0; i < w.length(); i++) wildcard[i] = w.charAt(i) == '1';
  }

  /**
   * The same pattern for SQL {@code LIKE … ESCAPE '\'}: wildcards as {@code %} and {@code _}, every
   * literal {@code %}, {@code _} and backslash escaped, so no pattern can make the database fail.
   */
  String sqlPattern() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (isAny(i)) sb.append('%');
      else if (isOne(i)) sb.append('_');
      else if (c == '%' || c == '_' || c == '\\') sb.append('\\').append(c);
      else sb.append(c);
    }
    return sb.toString();
  }

  boolean matches(String s) {
    int si = 0;
    int pi = 0;
    int star = -1;
    int mark = 0;
    while (si < s.length()) {
      if (pi < pattern.length() && !isAny(pi) && (isOne(pi) || pattern.charAt(pi) == s.charAt(si))) {
        si++;
        pi++;
      } else if (pi < pattern.length() && isAny(pi)) {
        star = pi++;
        mark = si;
      } else if (star >= 0) {
        pi = star + 1;
        si = ++mark;
      } else {
        return false;
      }
    }
    while (pi < pattern.length() && isAny(pi)) pi++;
    return pi == pattern.length();
  }

  private boolean isAny(int i) {
    return wildcard[i] && pattern.charAt(i) == ANY;
  }

  private boolean isOne(int i) {
    return wildcard[i] && pattern.charAt(i) == ONE;
  }
}
