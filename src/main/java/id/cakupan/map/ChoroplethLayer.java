package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;

import java.io.IOException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Builds a choropleth FeatureCollection with its legend (SPEC §4) from an atlas snapshot. */
public final class ChoroplethLayer {

  private ChoroplethLayer() {}

  /** The units of the query's level, narrowed to its kecamatan filter. */
  public static List<MapUnit> units(Atlas atlas, Level level, String kecamatan) {
    if (kecamatan == null) return atlas.geography().units(level);
    if (level == Level.KOTA) {
      throw new InvalidQueryException("kecamatan", "the kecamatan filter applies to level kelurahan or kecamatan, not kota");
    }
    if (!atlas.geography().hasKecamatan(kecamatan)) {
      throw new NoDataException("kecamatan", "no kecamatan " + kecamatan + " in the loaded boundaries");
    }
    return atlas.geography().units(level).stream().filter(u -> kecamatan.equals(u.kecamatanCode())).toList();
  }

  /** The month a query asks for, or the newest; a month without data is not served. */
  public static Period resolvePeriod(Atlas atlas, Period requested) {
    if (atlas.coverage().periods().isEmpty()) {
      throw new NoDataException("period", "no coverage data has been imported yet");
    }
    if (requested == null) return atlas.coverage().newest();
    if (!atlas.coverage().periods().contains(requested)) {
      throw new NoDataException("period", "no coverage data for " + requested + "; months with data run from "
          + atlas.coverage().periods().first() + " to " + atlas.coverage().newest());
    }
    return requested;
  }

  /** A unit's figures; an aggregate's carry what is known over its complete members (SPEC §6). */
  public static Figures figures(Atlas atlas, MapUnit u, Sector sector, Period period) {
    return u.level() == Level.KELURAHAN
        ? atlas.coverage().figures(u.members(), sector, period, u.areaKm2())
        : atlas.coverage().aggregateFigures(u.members(), sector, period, u.areaKm2());
  }

  /** Figures, classes and fills of the query's units, before any encoding. */
  public static StyledLayer style(Atlas atlas, ChoroplethQuery q) {
    Period period = resolvePeriod(atlas, q.period());
    List<MapUnit> units = units(atlas, q.level(), q.kecamatan());
    List<Figures> figures = new ArrayList<>(units.size());
    List<Double> values = new ArrayList<>(units.size());
    for (MapUnit u : units) {
      Figures f = figures(atlas, u, q.sector(), period);
      figures.add(f);
      values.add(q.metric().valueOf(f));
    }
    Classification classes = Classifier.classify(q.method(), q.classes(), q.breaks(), values);
    Legend legend = Legend.of(q, classes, values);
    List<Integer> classOf = new ArrayList<>(units.size());
    List<String> fills = new ArrayList<>(units.size());
    for (Double v : values) {
      Integer cls = classes.classOf(v);
      classOf.add(cls);
      fills.add(legend.fill(cls));
    }
    return new StyledLayer(q.withPeriod(period), period, units, List.copyOf(figures),
        Collections.unmodifiableList(classOf), List.copyOf(fills), legend);
  }

  public static byte[] build(Atlas atlas, ChoroplethQuery q) {
    StyledLayer styled = style(atlas, q);
    Period period = styled.period();
    List<MapUnit> units = styled.units();
    List<Figures> figures = styled.figures();
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("level", q.level().key());
      g.writeStringField("sector", q.sector().name());
      g.writeStringField("period", period.toString());
      g.writeStringField("metric", q.metric().key());
      g.writeBooleanField("schematic", atlas.schematic());
      g.writeBooleanField("synthetic", atlas.synthetic());
      styled.legend().write(g);
      g.writeArrayFieldStart("features");
      for (int i = 0; i < units.size(); i++) {
        MapUnit u = units.get(i);
        Integer cls = styled.classOf().get(i);
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", u.code());
        g.writeFieldName("geometry");
        g.writeRawValue(u.geometryJson());
        g.writeObjectFieldStart("properties");
        writeUnit(g, u);
        g.writeStringField("sector", q.sector().name());
        g.writeStringField("period", period.toString());
        FiguresJson.write(g, figures.get(i));
        if (cls == null) g.writeNullField("class");
        else g.writeNumberField("class", cls);
        g.writeStringField("fill", styled.fill().get(i));
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** The unit's own properties (code, names, level, area), the same in every layer that carries them. */
  public static void writeUnit(JsonGenerator g, MapUnit u) throws IOException {
    g.writeStringField("code", u.code());
    g.writeStringField("name", u.name());
    g.writeStringField("level", u.level().key());
    g.writeStringField("kecamatan", u.kecamatan());
    g.writeStringField("kecamatan_code", u.kecamatanCode());
    g.writeStringField("kota", u.kota());
    g.writeStringField("kota_code", u.kotaCode());
    g.writeNumberField("luas_km2", FiguresJson.round(u.areaKm2(), 3));
  }

}
