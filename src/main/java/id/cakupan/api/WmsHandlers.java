package id.cakupan.api;

import id.cakupan.map.Layers;
import id.cakupan.wms.ExceptionReport;
import id.cakupan.wms.FeatureInfo;
import id.cakupan.wms.MapImage;
import id.cakupan.wms.MapRequest;
import id.cakupan.wms.WmsCrs;
import id.cakupan.wms.WmsException;
import id.cakupan.wms.WmsLayer;
import id.cakupan.wms.WmsService;
import id.cakupan.wms.WmsStyle;
import id.cakupan.wms.WmsTime;
import io.javalin.http.Context;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WMS 1.3.0 at /wms. Parameter names are case-insensitive (WMS 1.3.0 §6.8.1); parameters the
 * service does not know are ignored, as WMS requires of vendor parameters. Errors follow the
 * project's rule: 400 problem+json naming the parameter, with the WMS exception code as member
 * {@code code}; a client asking for EXCEPTIONS=XML gets the ServiceExceptionReport instead, still
 * with status 400.
 */
final class WmsHandlers {
  private final WmsService wms;

  WmsHandlers(Layers layers) {
    this.wms = new WmsService(layers);
  }

  void wms(Context ctx) {
    Map<String, String> p = null;
    try {
      p = params(ctx);
      String service = p.get("SERVICE");
      if (service != null && !service.trim().equalsIgnoreCase("WMS")) {
        throw WmsException.invalid("SERVICE", "SERVICE must be WMS");
      }
      String request = p.get("REQUEST");
      if (request == null || request.isBlank()) throw WmsException.missing("REQUEST");
      switch (request.trim().toLowerCase(Locale.ROOT)) {
        case "getcapabilities" -> {
          if (service == null) throw WmsException.missing("SERVICE");
          CachedResponses.send(ctx, wms.capabilities(RequestUrls.base(ctx) + "/wms"));
        }
        case "getmap" -> {
          version(p);
          format(p, true);
          CachedResponses.send(ctx, wms.map(mapRequest(p)));
        }
        case "getfeatureinfo" -> featureInfo(ctx, p);
        case "getlegendgraphic" -> legend(ctx, p);
        default -> throw new WmsException(WmsException.OPERATION_NOT_SUPPORTED, "REQUEST", "REQUEST '"
            + clip(request) + "' is not offered: GetCapabilities, GetMap, GetFeatureInfo or GetLegendGraphic");
      }
    } catch (WmsException e) {
      fail(ctx, e, p != null && xmlExceptions(p.get("EXCEPTIONS")));
    }
  }

  private void featureInfo(Context ctx, Map<String, String> p) {
    version(p);
    format(p, false);
    MapRequest map = mapRequest(p);
    String infoFormat = FeatureInfo.parseFormat(p.get("INFO_FORMAT"));
    String queryLayers = p.get("QUERY_LAYERS");
    if (queryLayers == null || queryLayers.isBlank()) throw WmsException.missing("QUERY_LAYERS");
    List<WmsLayer> queried = new ArrayList<>();
    for (String name : queryLayers.split(",", -1)) {
      WmsLayer layer;
      try {
        layer = WmsLayer.parse(name);
      } catch (WmsException e) {
        throw new WmsException(e.code(), "QUERY_LAYERS", e.getMessage());
      }
      if (!map.layers().contains(layer)) {
        throw new WmsException(WmsException.LAYER_NOT_DEFINED, "QUERY_LAYERS",
            "QUERY_LAYERS names " + layer.name() + ", which is not in LAYERS");
      }
      queried.add(layer);
    }
    int i = integer(p, "I", 0, Integer.MAX_VALUE, null, WmsException.INVALID_POINT);
    int j = integer(p, "J", 0, Integer.MAX_VALUE, null, WmsException.INVALID_POINT);
    int count = integer(p, "FEATURE_COUNT", 1, 50, 1, WmsException.INVALID_PARAMETER);
    CachedResponses.send(ctx, wms.featureInfo(map, queried, i, j, count, infoFormat));
  }

  private void legend(Context ctx, Map<String, String> p) {
    format(p, false);
    String name = p.get("LAYER");
    if (name == null || name.isBlank()) throw WmsException.missing("LAYER");
    WmsLayer layer;
    try {
      layer = WmsLayer.parse(name);
    } catch (WmsException e) {
      throw new WmsException(e.code(), "LAYER", e.getMessage());
    }
    WmsStyle style;
    try {
      style = WmsStyle.parse(p.get("STYLE"));
    } catch (WmsException e) {
      throw new WmsException(e.code(), "STYLE", e.getMessage());
    }
    CachedResponses.send(ctx, wms.legend(layer, style, WmsTime.parse(p.get("TIME"))));
  }

  private static MapRequest mapRequest(Map<String, String> p) {
    String layerList = p.get("LAYERS");
    if (layerList == null || layerList.isBlank()) throw WmsException.missing("LAYERS");
    String[] names = layerList.split(",", -1);
    if (names.length > MapRequest.MAX_LAYERS) {
      throw WmsException.invalid("LAYERS", "at most " + MapRequest.MAX_LAYERS + " layers in one request");
    }
    List<WmsLayer> layers = new ArrayList<>();
    for (String n : names) layers.add(WmsLayer.parse(n));
    List<WmsStyle> styles = styles(p.get("STYLES"), layers.size());
    String crsName = p.get("CRS");
    if (crsName == null || crsName.isBlank()) throw WmsException.missing("CRS");
    WmsCrs crs = WmsCrs.parse(crsName);
    var bbox = crs.parseBbox(p.get("BBOX"));
    int width = MapRequest.size("WIDTH", p.get("WIDTH"));
    int height = MapRequest.size("HEIGHT", p.get("HEIGHT"));
    MapRequest.checkPixels(width, height);
    boolean transparent = bool(p, "TRANSPARENT");
    String bg = p.get("BGCOLOR");
    Color background = bg == null || bg.isBlank() ? Color.WHITE : MapImage.parseBackground(bg);
    return new MapRequest(layers, styles, crs, bbox, width, height, WmsTime.parse(p.get("TIME")), transparent,
        background, bool(p, "LABELS"));
  }

  /** STYLES may be absent or empty (every layer's default), or name one style per layer. */
  private static List<WmsStyle> styles(String text, int layers) {
    List<WmsStyle> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      for (int i = 0; i < layers; i++) out.add(WmsStyle.DEFAULT);
      return out;
    }
    String[] names = text.split(",", -1);
    if (names.length != layers) {
      throw new WmsException(WmsException.STYLE_NOT_DEFINED, "STYLES", "STYLES names " + names.length
          + " styles for " + layers + " layers: give one per layer, or leave STYLES empty");
    }
    for (String n : names) out.add(WmsStyle.parse(n));
    return out;
  }

  private static void version(Map<String, String> p) {
    String v = p.get("VERSION");
    if (v != null && !v.isBlank() && !v.trim().equals("1.3.0")) {
      throw WmsException.invalid("VERSION", "VERSION " + clip(v) + " is not served: this is a WMS 1.3.0 service");
    }
  }

  private static void format(Map<String, String> p, boolean required) {
    String f = p.get("FORMAT");
    if (f == null || f.isBlank()) {
      if (required) throw WmsException.missing("FORMAT");
      return;
    }
    if (!f.trim().equalsIgnoreCase(MapRequest.FORMAT)) {
      throw new WmsException(WmsException.INVALID_FORMAT, "FORMAT", "FORMAT '" + clip(f) + "' is not offered: use image/png");
    }
  }

  private static boolean bool(Map<String, String> p, String name) {
    String v = p.get(name);
    if (v == null || v.isBlank()) return false;
    return switch (v.trim().toUpperCase(Locale.ROOT)) {
      case "TRUE" -> true;
      case "FALSE" -> false;
      default -> throw WmsException.invalid(name, name + " must be TRUE or FALSE");
    };
  }

  private static int integer(Map<String, String> p, String name, int min, int max, Integer dflt, String code) {
    String v = p.get(name);
    if (v == null || v.isBlank()) {
      if (dflt == null) throw WmsException.missing(name);
      return dflt;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= min && n <= max) return n;
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new WmsException(code, name, name + " '" + clip(v) + "' must be a whole number "
        + (max == Integer.MAX_VALUE ? "from " + min : "in " + min + ".." + max));
  }

  /** The query parameters by upper-cased name; the same name twice (in any case) is refused. */
  private static Map<String, String> params(Context ctx) {
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      String name = e.getKey().toUpperCase(Locale.ROOT);
      if (name.isBlank()) continue; // "&&" or "&=x": nothing a WMS parameter could be
      if (e.getValue().size() > 1 || out.containsKey(name)) {
        throw WmsException.invalid(name, "parameter " + name + " given more than once");
      }
      out.put(name, e.getValue().isEmpty() ? "" : e.getValue().get(0));
    }
    return out;
  }

  private static boolean xmlExceptions(String value) {
    if (value == null) return false;
    String v = value.trim().toLowerCase(Locale.ROOT);
    return v.equals("xml") || v.equals("text/xml") || v.equals("application/vnd.ogc.se_xml");
  }

  private static void fail(Context ctx, WmsException e, boolean xml) {
    if (xml) {
      ctx.status(400);
      ctx.contentType(ExceptionReport.MEDIA_TYPE);
      ctx.result(ExceptionReport.xml(e.code(), e.parameter(), e.getMessage()));
    } else {
      ProblemResponses.send(ctx, 400, "Invalid parameter", e.getMessage(), e.parameter(), Map.of("code", e.code()));
    }
  }

  private static String clip(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
