package id.cakupan.map;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import java.util.List;

/** Encodes a styled layer as the choropleth FeatureCollection with its legend (SPEC §4). */
public final class ChoroplethGeoJson {

  private ChoroplethGeoJson() {}

  /** The layer with its geometry at full detail. */
  public static byte[] write(Atlas atlas, StyledLayer styled) {
    return write(atlas, styled, new MapZoom(MapZoom.FULL_DETAIL));
  }

  /** The layer with its geometry simplified and rounded for a map drawn at {@code zoom}. */
  public static byte[] write(Atlas atlas, StyledLayer styled, MapZoom zoom) {
    SimplifiedCoverage detail = atlas.geography().detail(styled.query().level(), zoom);
    LayerQuery q = styled.query();
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
      g.writeNumberField("zoom", zoom.level());
      styled.legend().write(g);
      g.writeArrayFieldStart("features");
      for (int i = 0; i < units.size(); i++) {
        MapUnit u = units.get(i);
        Integer cls = styled.classOf().get(i);
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", u.code());
        g.writeFieldName("geometry");
        g.writeRawValue(detail.json(u.code()));
        g.writeObjectFieldStart("properties");
        UnitJson.write(g, u);
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
}
