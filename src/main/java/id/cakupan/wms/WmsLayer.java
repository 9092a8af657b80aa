package id.cakupan.wms;

import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One named WMS layer: a choropleth of one metric of one sector at one level, named
 * {@code level.SECTOR.metric} (e.g. {@code kelurahan.BPU.coverage_rate}).
 */
public record WmsLayer(Level level, Sector sector, Metric metric) {

  /** The levels WMS serves: a provinsi is a few pixels of a city-scale map, so its layers are left to tiles and GeoJSON. */
  public static final List<Level> LEVELS = List.of(Level.KELURAHAN, Level.KECAMATAN, Level.KOTA);

  /** Every layer the capabilities list, level by level, then sector, then metric. */
  public static List<WmsLayer> all() {
    List<WmsLayer> out = new ArrayList<>();
    for (Level level : LEVELS) {
      for (Sector sector : List.of(Sector.ALL, Sector.PU, Sector.BPU, Sector.JAKON)) {
        for (Metric metric : Metric.values()) out.add(new WmsLayer(level, sector, metric));
      }
    }
    return List.copyOf(out);
  }

  public String name() {
    return level.key() + "." + sector.name() + "." + metric.key();
  }

  /** The Indonesian title, e.g. "Tingkat cakupan – Bukan Penerima Upah (BPU) – per kelurahan". */
  public String title() {
    String sectorTitle = sector == Sector.ALL ? sector.label() : sector.label() + " (" + sector.name() + ")";
    return metric.label() + " \u2013 " + sectorTitle + " \u2013 per " + level.key();
  }

  /**
   * The layer query the map page makes for the same choice: this level, sector and metric, the
   * style's method with the page's number of classes, the whole region.
   */
  public LayerQuery query(WmsStyle style, Period period) {
    LayerQuery d = LayerQuery.DEFAULT;
    return new LayerQuery(level, sector, period, metric, style.method(), d.classes(), null, null);
  }

  /** The layer a client names (level and metric case-insensitive, as the sector), or LayerNotDefined. */
  public static WmsLayer parse(String name) {
    String[] parts = name.trim().split("\\.", -1);
    if (parts.length == 3) {
      try {
        Level level = Level.parse(parts[0]);
        if (!LEVELS.contains(level)) throw new IllegalArgumentException("no WMS layers at level " + level.key());
        Sector sector = parseSectorCode(parts[1]);
        Metric metric = Metric.parse(parts[2]);
        return new WmsLayer(level, sector, metric);
      } catch (IllegalArgumentException notALayer) {
        // answered below with the naming rule, whatever part was wrong
      }
    }
    String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    throw new WmsException(WmsException.LAYER_NOT_DEFINED, "LAYERS", "no layer '" + shown
        + "': layers are named level.SECTOR.metric, e.g. kelurahan.BPU.coverage_rate (see GetCapabilities)");
  }

  /** Only the codes: a layer name is an identifier, not a place for the sector's aliases. */
  private static Sector parseSectorCode(String text) {
    return Sector.valueOf(text.toUpperCase(Locale.ROOT));
  }
}
