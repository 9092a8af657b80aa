package id.cakupan.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.Metric;
import id.cakupan.map.Atlas;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.Palette;
import id.cakupan.map.UnitJson;
import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot-spot layer as a GeoJSON FeatureCollection (SPEC §6): per kelurahan the metric, its
 * neighbours, Gi* z, p and FDR-adjusted p, the class and its fill, with a legend of the classes.
 */
public final class HotspotLayer {
  /** The legend's order: hot to cold, then the units that were not tested. */
  static final List<HotspotClass> ORDER = List.of(HotspotClass.HOT_99, HotspotClass.HOT_95, HotspotClass.HOT_90,
      HotspotClass.NOT_SIGNIFICANT, HotspotClass.COLD_90, HotspotClass.COLD_95, HotspotClass.COLD_99,
      HotspotClass.NO_NEIGHBOURS, HotspotClass.NO_DATA);

  private static final Map<HotspotClass, String[]> STYLE = new EnumMap<>(HotspotClass.class);

  static {
    // Red for high values, blue for low (ColorBrewer RdBu), as hot-spot maps draw them; untested
    // units outside the diverging scale.
    STYLE.put(HotspotClass.HOT_99, new String[] {"#b2182b", "Titik panas 99%", "Hot spot 99%"});
    STYLE.put(HotspotClass.HOT_95, new String[] {"#ef8a62", "Titik panas 95%", "Hot spot 95%"});
    STYLE.put(HotspotClass.HOT_90, new String[] {"#fddbc7", "Titik panas 90%", "Hot spot 90%"});
    STYLE.put(HotspotClass.NOT_SIGNIFICANT, new String[] {"#f7f7f7", "Tidak signifikan", "Not significant"});
    STYLE.put(HotspotClass.COLD_90, new String[] {"#d1e5f0", "Titik dingin 90%", "Cold spot 90%"});
    STYLE.put(HotspotClass.COLD_95, new String[] {"#67a9cf", "Titik dingin 95%", "Cold spot 95%"});
    STYLE.put(HotspotClass.COLD_99, new String[] {"#2166ac", "Titik dingin 99%", "Cold spot 99%"});
    STYLE.put(HotspotClass.NO_NEIGHBOURS, new String[] {"#c2a5cf", "Tanpa tetangga", "No neighbours"});
    STYLE.put(HotspotClass.NO_DATA, new String[] {Palette.NO_DATA, "Tidak ada data", "No data"});
  }

  private HotspotLayer() {}

  public static String fill(HotspotClass c) {
    return STYLE.get(c)[0];
  }

  /** @param q a query whose period is resolved to a month with data */
  public static byte[] build(Atlas atlas, HotspotQuery q) {
    List<MapUnit> units = atlas.geography().units(Level.KELURAHAN);
    List<GiStar> results = Hotspots.giStar(atlas, q.sector(), q.period(), q.metric());
    Map<String, String> bps = new HashMap<>();
    for (Kelurahan k : atlas.boundaries().kelurahan()) bps.put(k.code().value(), k.bpsCode());
    Map<HotspotClass, Integer> counts = new EnumMap<>(HotspotClass.class);
    int withData = 0;
    int tested = 0;
    for (GiStar g : results) {
      counts.merge(g.hotspot(), 1, Integer::sum);
      if (g.value() != null) withData++;
      if (g.tested()) tested++;
    }
    int n = withData;
    int m = tested;
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("level", Level.KELURAHAN.key());
      g.writeStringField("sector", q.sector().name());
      g.writeStringField("period", q.period().toString());
      g.writeStringField("metric", q.metric().key());
      g.writeBooleanField("schematic", atlas.schematic());
      g.writeBooleanField("synthetic", atlas.synthetic());
      g.writeObjectFieldStart("analysis");
      g.writeStringField("statistic", "Getis-Ord Gi*");
      g.writeStringField("weights", "queen contiguity, binary, each unit its own neighbour");
      g.writeNumberField("tolerance_m", QueenContiguity.DEFAULT_TOLERANCE_METRES);
      g.writeStringField("p_adjustment", "Benjamini-Hochberg");
      g.writeNumberField("units_with_data", n);
      g.writeNumberField("tested", m);
      g.writeArrayFieldStart("islands");
      for (String island : Hotspots.contiguity(atlas).islands()) g.writeString(island);
      g.writeEndArray();
      g.writeEndObject();
      writeLegend(g, q.metric(), counts);
      g.writeArrayFieldStart("features");
      for (int i = 0; i < units.size(); i++) {
        MapUnit u = units.get(i);
        GiStar r = results.get(i);
        if (!r.code().equals(u.code())) throw new IllegalStateException("Gi* results out of the atlas's order");
        UnitJson.startFeature(g, u);
        g.writeStringField("code", u.code());
        g.writeStringField("bps_code", bps.get(u.code()));
        g.writeStringField("name", u.name());
        g.writeStringField("level", u.level().key());
        g.writeStringField("kecamatan", u.kecamatan());
        g.writeStringField("kecamatan_code", u.kecamatanCode());
        g.writeStringField("kota", u.kota());
        g.writeStringField("kota_code", u.kotaCode());
        g.writeStringField("sector", q.sector().name());
        g.writeStringField("period", q.period().toString());
        g.writeStringField("metric", q.metric().key());
        writeValue(g, q.metric(), r.value());
        g.writeArrayFieldStart("neighbours");
        for (String c : r.neighbours()) g.writeString(c);
        g.writeEndArray();
        number(g, "gi_z", r.z());
        number(g, "gi_p", r.p());
        number(g, "gi_p_adjusted", r.pAdjusted());
        g.writeStringField("hotspot", r.hotspot().key());
        g.writeStringField("fill", fill(r.hotspot()));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void writeLegend(JsonGenerator g, Metric metric, Map<HotspotClass, Integer> counts) throws IOException {
    g.writeObjectFieldStart("legend");
    g.writeStringField("metric", metric.key());
    g.writeStringField("scale", "diverging");
    g.writeArrayFieldStart("classes");
    for (HotspotClass c : ORDER) g.writeString(c.key());
    g.writeEndArray();
    g.writeArrayFieldStart("colors");
    for (HotspotClass c : ORDER) g.writeString(STYLE.get(c)[0]);
    g.writeEndArray();
    g.writeArrayFieldStart("labels");
    for (HotspotClass c : ORDER) g.writeString(STYLE.get(c)[1]);
    g.writeEndArray();
    g.writeArrayFieldStart("labels_en");
    for (HotspotClass c : ORDER) g.writeString(STYLE.get(c)[2]);
    g.writeEndArray();
    g.writeArrayFieldStart("counts");
    for (HotspotClass c : ORDER) g.writeNumber(counts.getOrDefault(c, 0));
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, Metric metric, Double v) throws IOException {
    if (v == null) g.writeNullField("value");
    else if (metric == Metric.COVERAGE_RATE) g.writeNumberField("value", FiguresJson.round(v, 6));
    else g.writeNumberField("value", Math.round(v));
  }

  /** z and p unrounded: a p of 1e-12 must not print as 0. */
  private static void number(JsonGenerator g, String field, Double v) throws IOException {
    if (v == null) g.writeNullField(field);
    else g.writeNumberField(field, v);
  }
}
