package id.cakupan.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.FiguresJson;
import id.cakupan.map.InvalidQueryException;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.map.NoDataException;
import id.cakupan.map.UnitJson;
import id.cakupan.ogc.filter.FilterEvaluator;
import id.cakupan.ogc.filter.FeatureValues;
import id.cakupan.ogc.filter.FilterException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
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

  /**
   * The features a query selects, as three lists whose product is the result set, or (in the
   * activities collection) as the activities themselves.
   */
  record Selection(List<MapUnit> units, List<Period> periods, List<Sector> sectors, boolean coverage, boolean geometry,
      List<ActivityFeatures.Located> activities) {
    Selection(List<MapUnit> units, List<Period> periods, List<Sector> sectors, boolean coverage, boolean geometry) {
      this(units, periods, sectors, coverage, geometry, null);
    }

    static Selection of(List<ActivityFeatures.Located> activities) {
      return new Selection(List.of(), List.of(), List.of(), false, true, activities);
    }

    long size() {
      if (activities != null) return activities.size();
      return coverage ? (long) units.size() * periods.size() * sectors.size() : units.size();
    }
  }

  static Selection select(OgcData data, FeatureQuery q) {
    OgcCollection c = q.collection();
    if (c.activities()) return selectActivities(data, q);
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

  /** An activity without a point lies in no bbox: only features whose geometry meets the box are in the result. */
  private static Selection selectActivities(OgcData data, FeatureQuery q) {
    List<ActivityFeatures.Located> out = new ArrayList<>();
    for (ActivityFeatures.Located l : data.activities) {
      if (q.code() != null && !q.code().equals(l.activity().code().value())) continue;
      if (q.days() != null && !q.days().contains(l.activity().date())) continue;
      if (q.bbox() != null && (l.point() == null || q.bbox().stream().noneMatch(e -> e.covers(l.point())))) continue;
      out.add(l);
    }
    return Selection.of(out);
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

  /** A filter the store refused (it ran too long) is the client's fault, named as the filter's. */
  private static <T> T inStore(Supplier<T> query) {
    try {
      return query.get();
    } catch (FilterException e) {
      throw new InvalidQueryException("filter", "parameter 'filter': " + e.getMessage());
    }
  }

  /**
   * The most coverage records the store may answer a filter with; beyond it the filter runs here,
   * so that memory follows the page, not the collection.
   */
  static final int MAX_STORE_MATCHES = 100_000;

  /**
   * The most coverage records the store derives a filter's metrics for: the SQL has no month or
   * sector to narrow by, so beyond this (national data) the filter runs here, over the read model
   * already in memory, rather than against the database's statement timeout.
   */
  static final long MAX_STORE_SCAN = 500_000;

  /**
   * @param inStore the store that evaluates filters on the kelurahan and coverage-kelurahan
   *     collections (and its table), or null to evaluate them here
   */
  static byte[] page(String base, OgcData data, FeatureQuery q, FilterInStore inStore) {
    return page(base, data, q, inStore, MAX_PAGE_GEOMETRY_BYTES);
  }

  /**
   * About the most geometry one page carries: 10,000 kelurahan of a national region at full
   * detail are some 65 MB of JSON held in memory per request. A page ends at {@code limit} or
   * before the feature that would pass this, whichever comes first (a server may return fewer than
   * {@code limit}, OGC API - Features 1.0 /req/core/fc-limit-response-1); its next link goes on from
   * there. A page always holds at least one feature.
   */
  static final long MAX_PAGE_GEOMETRY_BYTES = 16L << 20;

  /** @param maxGeometryBytes see {@link #MAX_PAGE_GEOMETRY_BYTES} */
  static byte[] page(String base, OgcData data, FeatureQuery q, FilterInStore inStore, long maxGeometryBytes) {
    Selection selected = select(data, q);
    Predicate<FeatureValues> test = q.where() == null ? null : new FilterEvaluator(q.where())::matches;
    OgcCollection c = q.collection();
    if (q.where() != null && inStore != null && c == OgcCollection.KELURAHAN) {
      Set<String> codes = new HashSet<>();
      for (KelurahanCode k : inStore(() -> inStore.kelurahanMatching(q.where()))) codes.add(k.value());
      selected = new Selection(selected.units().stream().filter(u -> codes.contains(u.code())).toList(),
          selected.periods(), selected.sectors(), false, selected.geometry());
      test = null;
    } else if (q.where() != null && inStore != null && c.coverage() && c.level() == Level.KELURAHAN
        && (long) data.units(Level.KELURAHAN).size() * data.periods.size() * OgcData.sectors().size() <= MAX_STORE_SCAN) {
      List<String> ids = inStore(() -> inStore.coverageMatching(q.where(), MAX_STORE_MATCHES + 1));
      if (ids.size() <= MAX_STORE_MATCHES) {
        Set<String> matched = new HashSet<>(ids);
        test = f -> matched.contains(((OgcFeatureValues) f).id());
      }
    }
    Selection s = selected;
    FeatureMatches matches = test == null && q.sortBy() == null ? null : FeatureMatches.find(data, s, test, q);
    long matched = matches == null ? s.size() : matches.matched();
    long from = Math.min(q.offset(), matched);
    long to = pageEnd(data, s, matches, from, Math.min(from + q.limit(), matched), maxGeometryBytes);
    String items = base + "/ogc/collections/" + q.collection().id() + "/items";
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeNumberField("numberMatched", matched);
      g.writeNumberField("numberReturned", to - from);
      g.writeStringField("timeStamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
      g.writeArrayFieldStart("links");
      OgcJson.link(g, items + "?" + q.queryString(q.offset()), "self", OgcJson.GEOJSON, "This page");
      OgcJson.link(g, items + "?" + q.queryString(q.offset()) + "&f=html", "alternate", OgcJson.HTML, "This page as HTML");
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
      Geometries geometries = new Geometries(q.crs());
      for (long i = from; i < to; i++) {
        writeFeature(g, data, s, matches == null ? i : matches.page()[(int) (i - from)], geometries, null);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** The end of the page from {@code from}: {@code to}, or sooner where the geometry would pass {@code maxBytes}. */
  private static long pageEnd(OgcData data, Selection s, FeatureMatches matches, long from, long to, long maxBytes) {
    if (!s.geometry() || s.activities() != null) return to; // points or no geometry: small whatever the limit
    long bytes = 0;
    for (long i = from; i < to; i++) {
      MapUnit u = ((OgcFeatureValues) feature(data, s, matches == null ? i : matches.page()[(int) (i - from)])).unit();
      bytes += 20L * u.geometry().getNumPoints(); // "[106.123456,-6.123456]," as JSON
      if (bytes > maxBytes && i > from) return i;
    }
    return to;
  }

  /** One feature by id: a unit code, or {@code code_YYYY-MM_SECTOR} in a coverage collection. */
  static byte[] single(String base, OgcData data, OgcCollection c, String featureId, OgcCrs crs) {
    Selection s = c.activities() ? findActivity(data, featureId) : find(data, c, featureId);
    String href = base + "/ogc/collections/" + c.id() + "/items/" + featureId
        + (crs == OgcCrs.STORAGE ? "" : "?crs=" + URLEncoder.encode(crs.uri(), StandardCharsets.UTF_8));
    return JsonBytes.write(g -> {
      writeFeature(g, data, s, 0, new Geometries(crs), links -> {
        OgcJson.link(links, href, "self", OgcJson.GEOJSON, "This feature");
        OgcJson.link(links, href + (href.contains("?") ? "&" : "?") + "f=html", "alternate", OgcJson.HTML,
            "This feature as HTML");
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

  private static Selection findActivity(OgcData data, String featureId) {
    for (ActivityFeatures.Located l : data.activities) {
      if (l.activity().id().equals(featureId)) return Selection.of(List.of(l));
    }
    throw notFound(OgcCollection.ACTIVITIES, featureId);
  }

  private static NoDataException notFound(OgcCollection c, String featureId) {
    return new NoDataException("featureId", "no feature " + featureId + " in collection " + c.id()
        + (c.coverage() ? "; ids are CODE_YYYY-MM_SECTOR, e.g. 31.72.03.1004_2026-10_BPU"
            : c.activities() ? "; ids are the activities' ids, as GET /api/activities lists them" : "; ids are Kemendagri codes"));
  }

  interface Links {
    void write(JsonGenerator g) throws IOException;
  }

  /** Each unit's geometry in the requested CRS, projected once per response however often it repeats. */
  static final class Geometries {
    private final OgcCrs crs;
    private final CrsGeometryJson writer;
    private final Map<MapUnit, String> projected = new HashMap<>();

    Geometries(OgcCrs crs) {
      this.crs = crs;
      this.writer = crs == OgcCrs.STORAGE ? null : new CrsGeometryJson(crs);
    }

    String json(MapUnit u) {
      if (writer == null) return u.geometryJson();
      return projected.computeIfAbsent(u, unit -> writer.toJson(unit.geometry()));
    }

    OgcCrs crs() {
      return crs;
    }
  }

  /** The feature at a position of the selection's listing order. */
  static FeatureValues feature(OgcData data, Selection s, long index) {
    if (s.activities() != null) {
      ActivityFeatures.Located l = s.activities().get((int) index);
      return property -> ActivityFeatures.value(l, property);
    }
    if (!s.coverage()) return new OgcFeatureValues(data, s.units().get((int) index), null, null);
    int perUnit = s.periods().size() * s.sectors().size();
    int rest = (int) (index % perUnit);
    return new OgcFeatureValues(data, s.units().get((int) (index / perUnit)), s.periods().get(rest / s.sectors().size()),
        s.sectors().get(rest % s.sectors().size()));
  }

  private static void writeFeature(JsonGenerator g, OgcData data, Selection s, long index, Geometries geometries,
      Links links) throws IOException {
    if (s.activities() != null) {
      writeActivity(g, s.activities().get((int) index), geometries.crs(), links);
      return;
    }
    OgcFeatureValues f = (OgcFeatureValues) feature(data, s, index);
    MapUnit u = f.unit();
    Period period = f.period();
    Sector sector = f.sector();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", s.coverage() ? u.code() + "_" + period + "_" + sector.name() : u.code());
    g.writeFieldName("geometry");
    if (s.geometry()) g.writeRawValue(geometries.json(u));
    else g.writeNull();
    g.writeObjectFieldStart("properties");
    UnitJson.write(g, u);
    if (s.coverage()) {
      g.writeStringField("sector", sector.name());
      g.writeStringField("period", period.toString());
      g.writeStringField("period_start", period.month().atDay(1).toString());
      g.writeStringField("period_end", period.month().atEndOfMonth().toString());
      FiguresJson.write(g, ChoroplethLayer.figures(data.atlas, u, sector, period));
    }
    endFeature(g, links);
  }

  private static void writeActivity(JsonGenerator g, ActivityFeatures.Located l, OgcCrs crs, Links links)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", l.activity().id());
    g.writeFieldName("geometry");
    ActivityFeatures.writeGeometry(g, l, crs);
    g.writeObjectFieldStart("properties");
    ActivityFeatures.writeProperties(g, l);
    endFeature(g, links);
  }

  /** Closes the properties, adds the feature's own links (a single item has them, a page's items not) and the feature. */
  private static void endFeature(JsonGenerator g, Links links) throws IOException {
    g.writeEndObject();
    if (links != null) {
      g.writeArrayFieldStart("links");
      links.write(g);
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
