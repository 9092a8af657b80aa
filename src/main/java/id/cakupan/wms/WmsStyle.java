package id.cakupan.wms;

import id.cakupan.map.ClassMethod;
import java.util.Locale;

/**
 * The styles every layer offers: the choropleth's classification methods, with the map page's
 * number of classes. Manual breaks are a per-request choice of the page, not a named style.
 */
public enum WmsStyle {
  QUANTILE(ClassMethod.QUANTILE, "Kuantil"),
  EQUAL_INTERVAL(ClassMethod.EQUAL_INTERVAL, "Interval sama"),
  JENKS(ClassMethod.JENKS, "Jenks (natural breaks)");

  /** The style of an empty STYLES entry: the map page's default classification. */
  public static final WmsStyle DEFAULT = QUANTILE;

  private final ClassMethod method;
  private final String title;

  WmsStyle(ClassMethod method, String title) {
    this.method = method;
    this.title = title;
  }

  public ClassMethod method() {
    return method;
  }

  public String key() {
    return method.key();
  }

  public String title() {
    return title;
  }

  /** A STYLES entry: empty or "default" is the default style; anything unknown is StyleNotDefined. */
  public static WmsStyle parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (s.isEmpty() || s.equals("default")) return DEFAULT;
    for (WmsStyle style : values()) {
      if (style.key().equals(s)) return style;
    }
    String shown = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    throw new WmsException(WmsException.STYLE_NOT_DEFINED, "STYLES",
        "no style '" + shown + "': styles are quantile, equal_interval and jenks");
  }
}
