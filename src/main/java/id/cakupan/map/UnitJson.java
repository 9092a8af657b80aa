package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** Writes a unit's own properties (Kemendagri and BPS codes, names, level, area) the same way in every layer that carries them. */
public final class UnitJson {
  private UnitJson() {}

  /** Opens a GeoJSON Feature of the unit: type, id (its code), its geometry, and the {@code properties} object. */
  public static void startFeature(JsonGenerator g, MapUnit u) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", u.code());
    g.writeFieldName("geometry");
    g.writeRawValue(u.geometryJson());
    g.writeObjectFieldStart("properties");
  }

  public static void write(JsonGenerator g, MapUnit u) throws IOException {
    g.writeStringField("code", u.code());
    g.writeStringField("bps_code", u.bpsCode());
    g.writeStringField("name", u.name());
    g.writeStringField("level", u.level().key());
    g.writeStringField("kecamatan", u.kecamatan());
    g.writeStringField("kecamatan_code", u.kecamatanCode());
    g.writeStringField("kota", u.kota());
    g.writeStringField("kota_code", u.kotaCode());
    g.writeNumberField("luas_km2", FiguresJson.round(u.areaKm2(), 3));
  }
}
