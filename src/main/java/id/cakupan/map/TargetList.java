package id.cakupan.map;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.targeting.Target;
import id.cakupan.targeting.TargetJson;
import java.io.IOException;
import java.util.List;

/** {@code GET /api/targets}: the stored targets (SPEC §4), filtered, from the atlas. */
public final class TargetList {
  private TargetList() {}

  /**
   * @param kecamatan kecamatan code or null; sector and period (the target month) null for any
   */
  public static byte[] json(Atlas atlas, String kecamatan, Sector sector, Period period) {
    if (kecamatan != null && !atlas.geography().hasKecamatan(kecamatan)) {
      throw new NoDataException("kecamatan", "no kecamatan " + kecamatan + " in the loaded boundaries");
    }
    List<Target> targets = atlas.targets().list(kecamatan, sector, period);
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("rows");
      for (Target t : targets) write(g, atlas, t);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** One target as a row: {@code code, name, sector, period, target, baseline_period, assignee, note}. */
  public static void write(JsonGenerator g, Atlas atlas, Target t) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", t.code().value());
    MapUnit unit = atlas.geography().unit(t.code().value());
    g.writeStringField("name", unit == null ? null : unit.name());
    TargetJson.writeFields(g, t);
    g.writeEndObject();
  }
}
