package id.cakupan.ogc;

/**
 * A small HTML writer whose every text and attribute value goes through {@link #escape}: names
 * and codes come from uploaded files, so nothing from the data reaches a page as markup.
 */
final class Html {
  private final StringBuilder out = new StringBuilder(4096);

  /** Text escaped for element content and for quoted attribute values alike. */
  static String escape(String s) {
    if (s == null) return "";
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Markup written by this code, never data. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  Html text(String s) {
    out.append(escape(s));
    return this;
  }

  /** {@code <tag>text</tag>}. */
  Html element(String tag, String text) {
    return raw("<" + tag + ">").text(text).raw("</" + tag + ">");
  }

  /** {@code <a href="…">text</a>} with optional rel and type. */
  Html link(String href, String text, String rel, String type) {
    raw("<a href=\"").text(href).raw("\"");
    if (rel != null) raw(" rel=\"").text(rel).raw("\"");
    if (type != null) raw(" type=\"").text(type).raw("\"");
    return raw(">").text(text).raw("</a>");
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
