package id.cakupan.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.MapUnit;
import id.cakupan.map.NoDataException;
import id.cakupan.map.UnitJson;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Items of a collection as GeoJSON pages. A coverage collection is the product units × months ×
 * sectors, listed in that order (unit code, then month oldest first, then PU, BPU, JAKON, ALL),
 * so a page is found by arithmetic on the offset and nothing is materialised beyond it.
 */
final class FeatureItems {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private FeatureItems() {}

  /** The features a query selects, as three lists whose product is the result set. */
  record Selection(List<MapUnit> units, List<Period> periods, List<Sector> sectors, boolean coverage, boolean geometry) {
    long size() {
      return coverage ? (long) units.size() * periods.size() * sectors.size() : units.size();
    }
  }

  static Selection select(OgcData data, FeatureQuery q) {
    OgcCollection c = q.collection();
    List<MapUnit> units = new ArrayList<>();
    List<Geometry> boxes = new ArrayList<>();
    if (q.bbox() != null) for (Envelope e : q.bbox()) boxes.add(GEOMETRY.toGeometry(e));
    for (MapUnit u : data.units(c.level())) {
      if (q.code() != null && !q.code().equals(u.code())) continue;
      // A feature without geometry matches every bbox (OGC API - Features, /req/core/fc-bbox-response C).
      if (q.bbox() != null && c.geometry() && !intersects(u, q.bbox(), boxes)) continue;
      units.add(u);
    }
    if (!c.coverage()) return new Selection(units, List.of(), List.of(), false, c.geometry());
    List<Period> periods = new ArrayList<>();
    for (Period p : data.periods) {
      if (q.datetime() != null && !q.datetime().contains(p)) continue;
      if (q.period() != null && !q.period().equals(p)) continue;
      periods.add(p);
    }
    List<Sector> sectors = q.sector() == null ? OgcData.sectors() : List.of(q.sector());
    return new Selection(units, periods, sectors, true, c.geometry());
  }

  private static boolean intersects(MapUnit u, List<Envelope> envelopes, List<Geometry> boxes) {
    Envelope own = u.geometry().getEnvelopeInternal();
    for (int i = 0; i < envelopes.size(); i++) {
      if (!envelopes.get(i).intersects(own)) continue;
      // A rectangle argument takes JTS's fast rectangle path.
      if (envelopes.get(i).contains(own) || boxes.get(i).intersects(u.geometry())) return true;
    }
    return false;
  }

  static byte[] page(String base, OgcData data, FeatureQuery q) {
    Selection s = select(data, q);
    long matched = s.size();
    long from = Math.min(q.offset(), matched);
    long to = Math.min(from + q.limit(), matched);
    String items = base + "/ogc/collections/" + q.collection().id() + "/items";
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeNumberField("numberMatched", matched);
      g.writeNumberField("numberReturned", to - from);
      g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("links");
      OgcJson.link(g, items + "?" + q.queryString(q.offset()), "self", OgcJson.GEOJSON, "This page");
      if (to < matched) {
        OgcJson.link(g, items + "?" + q.queryString((int) to), "next", OgcJson.GEOJSON, "The next page");
      }
      if (q.offset() > 0) {
        int prev = (int) Math.max(0, Math.min(q.offset(), matched) - q.limit());
        OgcJson.link(g, items + "?" + q.queryString(prev), "prev", OgcJson.GEOJSON, "The previous page");
      }
      OgcJson.link(g, base + "/ogc/collections/" + q.collection().id(), "collection", OgcJson.JSON,
          q.collection().title());
      g.writeEndArray();
      g.writeArrayFieldStart("features");
      for (long i = from; i < to; i++) writeFeature(g, data, s, i, null);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** One feature by id: a unit code, or {@code code_YYYY-MM_SECTOR} in a coverage collection. */
  static byte[] single(String base, OgcData data, OgcCollection c, String featureId) {
    Selection s = find(data, c, featureId);
    String href = base + "/ogc/collections/" + c.id() + "/items/" + featureId;
    return JsonBytes.write(g -> {
      writeFeature(g, data, s, 0, links -> {
        OgcJson.link(links, href, "self", OgcJson.GEOJSON, "This feature");
        OgcJson.link(links, base + "/ogc/collections/" + c.id(), "collection", OgcJson.JSON, c.title());
      });
    });
  }

  private static Selection find(OgcData data, OgcCollection c, String featureId) {
    String code = featureId;
    Period period = null;
    Sector sector = null;
    if (c.coverage()) {
      String[] parts = featureId.split("_", -1);
      if (parts.length != 3) throw notFound(c, featureId);
      code = parts[0];
      try {
        period = Period.parse(parts[1]);
        sector = Sector.valueOf(parts[2]);
      } catch (IllegalArgumentException e) {
        throw notFound(c, featureId);
      }
      if (!data.periods.contains(period)) throw notFound(c, featureId);
    }
    MapUnit u = data.unit(c.level(), code);
    if (u == null) throw notFound(c, featureId);
    return c.coverage()
        ? new Selection(List.of(u), List.of(period), List.of(sector), true, c.geometry())
        : new Selection(List.of(u), List.of(), List.of(), false, c.geometry());
  }

  private static NoDataException notFound(OgcCollection c, String featureId) {
    return new NoDataException("featureId", "no feature " + featureId + " in collection " + c.id()
        + (c.coverage() ? "; ids are CODE_YYYY-MM_SECTOR, e.g. 31.72.03.1004_2026-10_BPU" : "; ids are Kemendagri codes"));
  }

  interface Links {
    void write(JsonGenerator g) throws IOException;
  }

  private static void writeFeature(JsonGenerator g, OgcData data, Selection s, long index, Links links)
      throws IOException {
    MapUnit u;
    Period period = null;
    Sector sector = null;
    if (s.coverage()) {
      int perUnit = s.periods().size() * s.sectors().size();
      u = s.units().get((int) (index / perUnit));
      int rest = (int) (index % perUnit);
      period = s.periods().get(rest / s.sectors().size());
      sector = s.sectors().get(rest % s.sectors().size());
    } else {
      u = s.units().get((int) index);
    }
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", s.coverage() ? u.code() + "_" + period + "_" + sector.name() : u.code());
    g.writeFieldName("geometry");
    if (s.geometry()) g.writeRawValue(u.geometryJson());
    else g.writeNull();
    g.writeObjectFieldStart("properties");
    UnitJson.write(g, u);
    if (s.coverage()) {
      g.writeStringField("sector", sector.name());
      g.writeStringField("period", period.toString());
      g.writeStringField("period_start", period.month().atDay(1).toString());
      g.writeStringField("period_end", period.month().atEndOfMonth().toString());
      FiguresJson.write(g, data.atlas.coverage().figures(u.members(), sector, period, u.areaKm2()));
    }
    g.writeEndObject();
    if (links != null) {
      g.writeArrayFieldStart("links");
      links.write(g);
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
