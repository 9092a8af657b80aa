package id.cakupan.wms;

import id.cakupan.coverage.Figures;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.MapUnit;
import id.cakupan.map.StyledLayer;
import id.cakupan.map.UnitJson;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * GetFeatureInfo answers: the units under a pixel with the same properties as a feature of
 * /api/choropleth, as GeoJSON or as a small Indonesian HTML table.
 */
public final class FeatureInfo {
  public static final String JSON = "application/json";
  public static final String HTML = "text/html";

  /** One unit found: the layer it was found in and its position in the styled layer. */
  public record Hit(WmsLayer layer, StyledLayer styled, int index) {}

  private FeatureInfo() {}

  /** The INFO_FORMAT a client names, or InvalidFormat. */
  public static String parseFormat(String text) {
    if (text == null || text.isBlank()) throw WmsException.missing("INFO_FORMAT");
    String s = text.trim().toLowerCase(Locale.ROOT);
    int semicolon = s.indexOf(';');
    if (semicolon >= 0) s = s.substring(0, semicolon).trim();
    if (s.equals(JSON) || s.equals("application/geo+json") || s.equals("json")) return JSON;
    if (s.equals(HTML)) return HTML;
    throw new WmsException(WmsException.INVALID_FORMAT, "INFO_FORMAT", "INFO_FORMAT '" + MapRequest.clip(text)
        + "' is not offered: use application/json or text/html");
  }

  public static byte[] json(List<Hit> hits) {
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (Hit h : hits) {
        MapUnit u = h.styled().units().get(h.index());
        Integer cls = h.styled().classOf().get(h.index());
        UnitJson.startFeature(g, u);
        g.writeStringField("layer", h.layer().name());
        UnitJson.write(g, u);
        g.writeStringField("sector", h.layer().sector().name());
        g.writeStringField("period", h.styled().period().toString());
        g.writeStringField("metric", h.layer().metric().key());
        FiguresJson.write(g, h.styled().figures().get(h.index()));
        if (cls == null) g.writeNullField("class");
        else g.writeNumberField("class", cls);
        g.writeStringField("fill", h.styled().fill().get(h.index()));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  public static byte[] html(List<Hit> hits) {
    StringBuilder sb = new StringBuilder(2048);
    sb.append("<!DOCTYPE html>\n<html lang=\"id\"><head><meta charset=\"utf-8\"><title>Info wilayah</title></head><body>\n");
    if (hits.isEmpty()) sb.append("<p>Tidak ada wilayah di titik ini.</p>\n");
    for (Hit h : hits) {
      MapUnit u = h.styled().units().get(h.index());
      Figures f = h.styled().figures().get(h.index());
      sb.append("<table class=\"cakupan-info\">\n<caption>").append(escape(u.name())).append(" (")
          .append(escape(u.code())).append(")</caption>\n");
      row(sb, "Lapisan", h.layer().title());
      row(sb, "Kode BPS", u.bpsCode() == null ? "tidak diketahui" : u.bpsCode());
      if (u.kecamatan() != null) row(sb, "Kecamatan", u.kecamatan());
      row(sb, "Sektor", h.layer().sector().name());
      row(sb, "Periode", h.styled().period().toString());
      row(sb, "Peserta aktif", count(f.participants()));
      row(sb, "Tenaga kerja", count(f.workforce()));
      row(sb, "Tingkat cakupan", f.coverageRate() == null ? "tidak ada data" : decimal(f.coverageRate() * 100, 1) + "%");
      row(sb, "Belum terlindungi", count(f.uncovered()));
      row(sb, "Perubahan", count(f.change()));
      row(sb, "Kepadatan peserta", f.density() == null ? "tidak ada data" : decimal(f.density(), 1) + " per km²");
      row(sb, "Warna", h.styled().fill().get(h.index()));
      sb.append("</table>\n");
    }
    sb.append("</body></html>\n");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder sb, String name, String value) {
    sb.append("<tr><th>").append(escape(name)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
  }

  private static String count(Long v) {
    return v == null ? "tidak ada data" : decimal(v, 0);
  }

  private static String decimal(double v, int digits) {
    DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("id-ID")));
    format.setMinimumFractionDigits(digits);
    format.setMaximumFractionDigits(digits);
    return format.format(v);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
