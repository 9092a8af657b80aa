package id.cakupan.map;

import id.cakupan.coverage.Figures;
import id.cakupan.coverage.Period;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** Encodes a styled layer as the choropleth FeatureCollection with its legend (SPEC §4). */
public final class ChoroplethGeoJson {

  private ChoroplethGeoJson() {}

  /** The layer with its geometry at full detail. */
  public static byte[] write(Atlas atlas, StyledLayer styled) {
    return write(atlas, styled, new MapZoom(MapZoom.FULL_DETAIL));
  }

  /** The layer with its geometry simplified and rounded for a map drawn at {@code zoom}. */
  public static byte[] write(Atlas atlas, StyledLayer styled, MapZoom zoom) {
    return write(atlas, styled, atlas.geography().detail(styled.query().level(), zoom));
  }

  /**
   * The layer with the geometry of its own units simplified for {@code zoom} as a coverage of
   * their own, not the whole level's: for a national region narrowed to one kecamatan, whose
   * level's coverage would be the country's.
   */
  public static byte[] writeOwnCoverage(Atlas atlas, StyledLayer styled, MapZoom zoom) {
    return write(atlas, styled, SimplifiedCoverage.of(styled.units(), zoom));
  }

  private static byte[] write(Atlas atlas, StyledLayer styled, SimplifiedCoverage detail) {
    return write(atlas, styled, null, g -> g.writeNumberField("zoom", detail.zoom().level()),
        (g, u) -> g.writeRawValue(detail.json(u.code())));
  }

  /**
   * The layer without geometry ({@code geometry=none}): each feature's {@code geometry} is null and
   * its {@code bbox} is the unit's extent, so a map that draws the polygons from vector tiles gets
   * the legend, the table and the extents from one small answer that simplifies nothing.
   *
   * @param rows positions in the styled layer to write, ascending; null for every unit
   */
  public static byte[] writeFigures(Atlas atlas, StyledLayer styled, int[] rows) {
    return write(atlas, styled, rows, g -> g.writeStringField("geometry", "none"), (g, u) -> {
      g.writeNull();
      Envelope e = u.geometry().getEnvelopeInternal();
      g.writeArrayFieldStart("bbox");
      for (double v : new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()}) {
        g.writeNumber(FiguresJson.round(v, 6));
      }
      g.writeEndArray();
    });
  }

  private interface Field<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  private interface Header {
    void write(JsonGenerator g) throws IOException;
  }

  /** @param geometry writes the value of a feature's "geometry" member and any member after it */
  private static byte[] write(Atlas atlas, StyledLayer styled, int[] rows, Header header, Field<MapUnit> geometry) {
    LayerQuery q = styled.query();
    Period period = styled.period();
    List<MapUnit> units = styled.units();
    List<Figures> figures = styled.figures();
    int n = rows == null ? units.size() : rows.length;
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeStringField("level", q.level().key());
      g.writeStringField("sector", q.sector().name());
      g.writeStringField("period", period.toString());
      g.writeStringField("metric", q.metric().key());
      g.writeBooleanField("schematic", atlas.schematic());
      g.writeBooleanField("synthetic", atlas.synthetic());
      header.write(g);
      styled.legend().write(g);
      g.writeArrayFieldStart("features");
      for (int k = 0; k < n; k++) {
        int i = rows == null ? k : rows[k];
        MapUnit u = units.get(i);
        Integer cls = styled.classOf().get(i);
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeStringField("id", u.code());
        g.writeFieldName("geometry");
        geometry.write(g, u);
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
