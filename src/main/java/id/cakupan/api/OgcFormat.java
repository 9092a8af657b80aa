package id.cakupan.api;

import java.util.Locale;

/**
 * JSON or HTML for an OGC API request: {@code f} decides when given ({@code json}, {@code geojson}
 * for features, {@code html}); otherwise the {@code Accept} header, where HTML wins only when it is
 * preferred over JSON, as a browser asks. Clients that name JSON, send {@code *}{@code /*} or send
 * nothing get JSON.
 */
enum OgcFormat {
  JSON,
  HTML;

  /**
   * @param f the {@code f} parameter, or null
   * @param features true for items and single features, where {@code geojson} is a JSON format too
   * @throws IllegalArgumentException for any other {@code f}
   */
  static OgcFormat choose(String f, String accept, boolean features) {
    if (f != null) {
      String v = f.trim().toLowerCase(Locale.ROOT);
      if (v.equals("json") || (features && v.equals("geojson"))) return JSON;
      if (v.equals("html")) return HTML;
      throw new IllegalArgumentException("'" + f + "' is not a format here: expected json, "
          + (features ? "geojson, " : "") + "or html");
    }
    if (accept == null) return JSON;
    double html = 0;
    double json = 0;
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = 1;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim();
        if (param.startsWith("q=")) {
          try {
            q = Double.parseDouble(param.substring(2).trim());
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      if (!(q >= 0 && q <= 1)) q = 0;
      switch (type) {
        case "text/html", "application/xhtml+xml" -> html = Math.max(html, q);
        case "application/json", "application/geo+json", "application/*", "*/*" -> json = Math.max(json, q);
        default -> { }
      }
    }
    return html > json ? HTML : JSON;
  }
}
