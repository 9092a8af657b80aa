package id.cakupan.api;

import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.PreEncodedHttpField;

/**
 * Browser hardening headers, set on every request before it is handled (by {@link FrontHandler})
 * so that errors, static files and 304s carry them too. The page needs nothing but its own
 * origin; a configured basemap adds its tile origin to img-src only (canvas exports need data:
 * and blob: images).
 */
final class SecurityHeaders {
  private final String policy;
  /** Encoded once: they are the same on every response, and the policy is long. */
  private final List<HttpField> fields;

  SecurityHeaders(String basemapUrl) {
    this(basemapUrl, List.of());
  }

  /** inlineStyles: hash sources of the pages' inlined stylesheets ({@code 'sha256-…'}), admitted beside 'self'. */
  SecurityHeaders(String basemapUrl, List<String> inlineStyles) {
    String tiles = tileOrigin(basemapUrl);
    String styles = inlineStyles.isEmpty() ? "" : " " + String.join(" ", inlineStyles);
    this.policy = "default-src 'self'; script-src 'self'; style-src 'self'" + styles + "; img-src 'self' data: blob:"
        + (tiles == null ? "" : " " + tiles)
        + "; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self';"
        + " object-src 'none'";
    this.fields = List.of(
        new PreEncodedHttpField("Content-Security-Policy", policy),
        new PreEncodedHttpField("X-Content-Type-Options", "nosniff"),
        new PreEncodedHttpField("X-Frame-Options", "DENY"),
        new PreEncodedHttpField("Referrer-Policy", "no-referrer"));
  }

  String policy() {
    return policy;
  }

  /** Adds the headers to a response that has none of them yet. */
  void addTo(HttpFields.Mutable headers) {
    for (HttpField f : fields) headers.add(f);
  }

  /**
   * The CSP source for an XYZ template such as {@code https://{s}.tile.example.org/{z}/{x}/{y}.png}:
   * its origin, with a template in the first host label as the {@code *.} wildcard CSP allows. Null
   * for a same-origin (relative) template or one CSP cannot name safely.
   */
  static String tileOrigin(String template) {
    if (template == null) return null;
    int schemeEnd = template.indexOf("://");
    if (schemeEnd <= 0) return null; // relative: 'self' already covers it
    String scheme = template.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) return null;
    String rest = template.substring(schemeEnd + 3);
    int end = rest.length();
    for (char c : new char[] {'/', '?', '#'}) {
      int i = rest.indexOf(c);
      if (i >= 0) end = Math.min(end, i);
    }
    String authority = rest.substring(0, end);
    if (authority.contains("@")) authority = authority.substring(authority.lastIndexOf('@') + 1);
    int firstDot = authority.indexOf('.');
    if (firstDot > 0 && authority.substring(0, firstDot).contains("{")) {
      authority = "*" + authority.substring(firstDot);
    }
    // Whatever is left must be a plain host[:port]; anything else could smuggle directives in.
    if (!authority.matches("(\\*\\.)?[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(:\\d{1,5})?")) return null;
    return scheme + "://" + authority.toLowerCase(Locale.ROOT);
  }
}
