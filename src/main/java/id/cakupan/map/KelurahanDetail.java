package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.IOException;

/** One kelurahan as a GeoJSON Feature whose properties carry its monthly series per sector. */
public final class KelurahanDetail {

  private KelurahanDetail() {}

  public static byte[] build(Atlas atlas, String code) {
    MapUnit u = atlas.geography().unit(code);
    if (u == null || u.level() != Level.KELURAHAN) {
      throw new NoDataException("code", "no kelurahan " + code + " in the loaded boundaries");
    }
    return JsonBytes.write(g -> {
      UnitJson.startFeature(g, u);
      UnitJson.write(g, u);
      g.writeBooleanField("schematic", atlas.schematic());
      g.writeBooleanField("synthetic", atlas.synthetic());
      g.writeObjectFieldStart("series");
      for (Sector s : Sector.values()) {
        g.writeArrayFieldStart(s.name());
        for (Period p : atlas.coverage().periods()) {
          g.writeStartObject();
          g.writeStringField("period", p.toString());
          FiguresJson.write(g, atlas.coverage().figures(u.members(), s, p, u.areaKm2()));
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndObject();
    });
  }
}
