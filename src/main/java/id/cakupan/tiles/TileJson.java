package id.cakupan.tiles;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.map.Atlas;
import id.cakupan.map.GeoJsonGeometryWriter;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.MapUnit;
import id.cakupan.map.StyledLayer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/**
 * A TileJSON 3.0.0 document for one choropleth layer. Besides the standard members it carries
 * what a map page needs to draw the tiles without another request: the legend (as in
 * /api/choropleth), the resolved sector, month and metric, and the number of features.
 */
public final class TileJson {

  /** Attribute names and descriptions, the same as the properties of /api/choropleth. */
  static final Map<String, String> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("code", "String: Kemendagri code, e.g. 31.72.03.1004 (also the feature id, without dots)");
    FIELDS.put("bps_code", "String: BPS code, e.g. 3175040005 (absent where the gazetteer has none)");
    FIELDS.put("name", "String: official name");
    FIELDS.put("level", "String: kelurahan, kecamatan, kota or provinsi");
    FIELDS.put("kecamatan", "String: kecamatan name (absent for kota)");
    FIELDS.put("kecamatan_code", "String: kecamatan code, e.g. 31.72.03 (absent for kota)");
    FIELDS.put("kota", "String: kota name");
    FIELDS.put("kota_code", "String: kota code, e.g. 31.72");
    FIELDS.put("luas_km2", "Number: area in km²");
    FIELDS.put("sector", "String: PU, BPU, JAKON or ALL");
    FIELDS.put("period", "String: month, YYYY-MM");
    FIELDS.put("participants", "Number: active participants (absent without data)");
    FIELDS.put("workforce", "Number: estimated workforce (absent when unknown)");
    FIELDS.put("coverage_rate", "Number: participants / workforce (absent when unknown)");
    FIELDS.put("uncovered", "Number: workforce - participants, at least 0 (absent when unknown)");
    FIELDS.put("change", "Number: participants minus the previous month's (absent without one)");
    FIELDS.put("density", "Number: participants per km²");
    FIELDS.put("class", "Number: 0-based class of the legend (absent for no data)");
    FIELDS.put("fill", "String: fill colour #rrggbb (the legend's no_data colour for no data)");
  }

  private TileJson() {}

  /**
   * @param baseUrl scheme, host and port the client used, e.g. {@code http://localhost:7070}
   */
  public static byte[] build(String baseUrl, Atlas atlas, StyledLayer layer) {
    LayerQuery q = layer.query();
    String name = q.level().key();
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("tilejson", "3.0.0");
      g.writeStringField("name", "cakupan " + name);
      g.writeStringField("description", "BPJS Ketenagakerjaan coverage per " + name + ": " + q.metric().label()
          + ", sector " + q.sector().name() + ", " + layer.period()
          + (atlas.synthetic() ? " (SYNTHETIC demo data)" : "") + (atlas.schematic() ? " (SCHEMATIC boundaries)" : ""));
      g.writeStringField("version", "1.0.0");
      g.writeStringField("attribution", attribution(atlas));
      g.writeStringField("scheme", "xyz");
      g.writeArrayFieldStart("tiles");
      g.writeString(baseUrl + "/tiles/" + name + "/{z}/{x}/{y}.mvt?" + queryString(q));
      g.writeEndArray();
      g.writeNumberField("minzoom", VectorTiles.MIN_ZOOM);
      g.writeNumberField("maxzoom", VectorTiles.MAX_ZOOM);
      Envelope bounds = bounds(layer);
      if (bounds != null) {
        g.writeArrayFieldStart("bounds");
        for (double v : new double[] {bounds.getMinX(), bounds.getMinY(), bounds.getMaxX(), bounds.getMaxY()}) {
          g.writeNumber(Double.parseDouble(GeoJsonGeometryWriter.formatNumber(v)));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("center");
        g.writeNumber(Double.parseDouble(GeoJsonGeometryWriter.formatNumber(bounds.centre().x)));
        g.writeNumber(Double.parseDouble(GeoJsonGeometryWriter.formatNumber(bounds.centre().y)));
        g.writeNumber(fitZoom(bounds));
        g.writeEndArray();
      }
      g.writeArrayFieldStart("vector_layers");
      for (TileLevels.Band band : TileLevels.bands(q.level(), TileLevels.national(atlas.geography()), q.kecamatan() != null)) {
        String id = band.level().key();
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("description", "one polygon per " + id + ", with the metrics of the month");
        g.writeNumberField("minzoom", band.minZoom());
        g.writeNumberField("maxzoom", band.maxZoom());
        g.writeObjectFieldStart("fields");
        for (Map.Entry<String, String> f : FIELDS.entrySet()) g.writeStringField(f.getKey(), f.getValue());
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      // Not TileJSON: what the map page needs to draw and explain the tiles.
      g.writeStringField("level", name);
      g.writeStringField("sector", q.sector().name());
      g.writeStringField("period", layer.period().toString());
      g.writeStringField("metric", q.metric().key());
      g.writeNumberField("feature_count", layer.size());
      g.writeBooleanField("schematic", atlas.schematic());
      g.writeBooleanField("synthetic", atlas.synthetic());
      layer.legend().write(g);
      g.writeEndObject();
    });
  }

  /**
   * Plain text escaped for HTML: MapLibre and Mapbox put the attribution into the page as markup,
   * and the boundary source is a name that came with an upload.
   */
  static String attribution(Atlas atlas) {
    return escapeHtml(atlas.schematic()
        ? "Schematic boundaries (not surveyed borders); codes: Kemendagri"
        : "Boundaries: " + atlas.boundaries().source() + "; codes: Kemendagri");
  }

  static String escapeHtml(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The tile URL's query: every choice spelled out, the month resolved, so tiles of one document agree. */
  static String queryString(LayerQuery q) {
    StringBuilder sb = new StringBuilder();
    sb.append("sector=").append(q.sector().name());
    sb.append("&period=").append(q.period());
    sb.append("&metric=").append(q.metric().key());
    sb.append("&method=").append(q.method().name().toLowerCase(Locale.ROOT));
    if (q.breaks() != null) {
      StringBuilder breaks = new StringBuilder();
      for (double b : q.breaks()) {
        if (breaks.length() > 0) breaks.append(',');
        breaks.append(BigDecimal.valueOf(b).stripTrailingZeros().toPlainString());
      }
      sb.append("&breaks=").append(URLEncoder.encode(breaks.toString(), StandardCharsets.UTF_8));
    } else {
      sb.append("&classes=").append(q.classes());
    }
    if (q.kecamatan() != null) sb.append("&kecamatan=").append(q.kecamatan());
    return sb.toString();
  }

  private static Envelope bounds(StyledLayer layer) {
    Envelope e = new Envelope();
    for (MapUnit u : layer.units()) e.expandToInclude(u.geometry().getEnvelopeInternal());
    return e.isNull() ? null : e;
  }

  /** The highest zoom at which the bounds fit a 512 px square (two 256 px tiles across). */
  static int fitZoom(Envelope e) {
    double w = Math.max(WebMercator.x(e.getMaxX()) - WebMercator.x(e.getMinX()),
        WebMercator.y(e.getMinY()) - WebMercator.y(e.getMaxY()));
    if (w <= 0) return VectorTiles.MAX_ZOOM;
    int z = (int) Math.floor(Math.log(2 / w) / Math.log(2));
    return Math.max(VectorTiles.MIN_ZOOM, Math.min(VectorTiles.MAX_ZOOM, z));
  }
}
