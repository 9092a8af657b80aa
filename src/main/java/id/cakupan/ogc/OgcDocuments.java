package id.cakupan.ogc;

import id.cakupan.map.JsonBytes;
import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The landing page, conformance declaration and collection documents of OGC API - Features. */
final class OgcDocuments {
  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
      "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
      "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
      "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
      "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
      "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
      "http://www.opengis.net/spec/ogcapi-features-8/1.0/conf/sorting",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
      "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");

  private OgcDocuments() {}

  static byte[] landing(String base, OgcData data) {
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("title", "cakupan: BPJS Ketenagakerjaan coverage per kelurahan");
      g.writeStringField("description", "Kelurahan and kecamatan boundaries and monthly coverage of workers by"
          + " BPJS Ketenagakerjaan (participants, workforce, coverage rate, uncovered workers) per kelurahan,"
          + " kecamatan and kota" + (data.atlas.schematic() ? ". Boundaries are SCHEMATIC, not surveyed borders" : "")
          + (data.atlas.synthetic() ? ". Coverage is SYNTHETIC demo data" : "") + ".");
      g.writeArrayFieldStart("links");
      OgcJson.link(g, base + "/ogc", "self", OgcJson.JSON, "This document");
      OgcJson.link(g, base + "/ogc?f=html", "alternate", OgcJson.HTML, "This document as HTML");
      OgcJson.link(g, base + "/ogc/api", "service-desc", OgcJson.OPENAPI, "The API definition (OpenAPI 3.0)");
      OgcJson.link(g, base + "/ogc/conformance", "conformance", OgcJson.JSON, "Conformance classes implemented");
      OgcJson.link(g, base + "/ogc/collections", "data", OgcJson.JSON, "The feature collections");
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static byte[] conformance(String base) {
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("links");
      OgcJson.link(g, base + "/ogc/conformance", "self", OgcJson.JSON, "This document");
      OgcJson.link(g, base + "/ogc/conformance?f=html", "alternate", OgcJson.HTML, "This document as HTML");
      g.writeEndArray();
      g.writeArrayFieldStart("conformsTo");
      for (String c : CONFORMANCE) g.writeString(c);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static byte[] collections(String base, OgcData data) {
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("links");
      OgcJson.link(g, base + "/ogc/collections", "self", OgcJson.JSON, "This document");
      OgcJson.link(g, base + "/ogc/collections?f=html", "alternate", OgcJson.HTML, "This document as HTML");
      g.writeEndArray();
      g.writeArrayFieldStart("collections");
      for (OgcCollection c : OgcCollection.values()) writeCollection(g, base, data, c);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static byte[] collection(String base, OgcData data, OgcCollection c) {
    return JsonBytes.write(g -> writeCollection(g, base, data, c));
  }

  private static void temporal(JsonGenerator g, String start, String end) throws IOException {
    g.writeObjectFieldStart("temporal");
    g.writeArrayFieldStart("interval");
    g.writeStartArray();
    g.writeString(start);
    g.writeString(end);
    g.writeEndArray();
    g.writeEndArray();
    g.writeStringField("trs", OgcJson.GREGORIAN);
    g.writeEndObject();
  }

  private static void writeCollection(JsonGenerator g, String base, OgcData data, OgcCollection c) throws IOException {
    String href = base + "/ogc/collections/" + c.id();
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("title", c.title());
    g.writeStringField("description", c.description());
    // A table's items are records (statistics rows, "geometry": null), not features with a place on the map.
    g.writeStringField("itemType", c.geometry() ? "feature" : "record");
    g.writeArrayFieldStart("crs");
    for (OgcCrs crs : c.crs()) g.writeString(crs.uri());
    g.writeEndArray();
    g.writeStringField("storageCrs", OgcCrs.STORAGE.uri());
    g.writeObjectFieldStart("extent");
    Envelope e = data.extent(c.level());
    // A table has no spatial extent: clients (the OGC suite among them) take one to mean geometry.
    if (!e.isNull() && c.geometry()) {
      g.writeObjectFieldStart("spatial");
      g.writeArrayFieldStart("bbox");
      OgcJson.bbox(g, e);
      g.writeEndArray();
      g.writeStringField("crs", OgcJson.CRS84);
      g.writeEndObject();
    }
    if (c.coverage() && !data.periods.isEmpty()) {
      temporal(g, OgcJson.start(data.periods.get(0)), OgcJson.end(data.periods.get(data.periods.size() - 1)));
    }
    // The activities' spatial extent is the region's (every point lies in a kelurahan); their
    // temporal one runs from the first activity's day to the last one's.
    LocalDate[] days = c.activities() ? ActivityFeatures.dates(data.activities) : null;
    if (days != null) temporal(g, days[0] + "T00:00:00Z", days[1] + "T23:59:59Z");
    g.writeEndObject();
    g.writeArrayFieldStart("links");
    OgcJson.link(g, href, "self", OgcJson.JSON, "This collection");
    OgcJson.link(g, href + "?f=html", "alternate", OgcJson.HTML, "This collection as HTML");
    OgcJson.link(g, href + "/items", "items", OgcJson.GEOJSON, c.title() + " as GeoJSON");
    OgcJson.link(g, href + "/queryables", OgcQueryables.REL, OgcQueryables.MEDIA_TYPE,
        "What filter and sortby can name in " + c.id());
    if (c.activities()) {
      OgcJson.link(g, base + "/api/activities?format=csv", "enclosure", "text/csv", "Every activity as CSV");
    }
    if (c.coverage()) {
      String download = base + "/api/download?level=" + c.level().key();
      OgcJson.link(g, download + "&format=gpkg", "enclosure", "application/geopackage+sqlite3",
          "The newest month, all sectors summed, as a GeoPackage");
      OgcJson.link(g, download + "&format=csv", "enclosure", "text/csv", "The newest month as CSV");
      OgcJson.link(g, download + "&format=csv&layout=wide&metric=participants", "enclosure", "text/csv",
          "Participants of every month, a column per month (also metric=coverage_rate, uncovered, ...; sector=...)");
    }
    g.writeEndArray();
    if (!c.activities()) g.writeNumberField("numberOfUnits", data.units(c.level()).size());
    if (c.coverage()) {
      // Not in the standard: the values the datetime and sector filters can take.
      g.writeArrayFieldStart("periods");
      for (Period p : data.periods) g.writeString(p.toString());
      g.writeEndArray();
      g.writeArrayFieldStart("sectors");
      for (Sector s : OgcData.sectors()) g.writeString(s.name());
      g.writeEndArray();
    }
    g.writeEndObject();
  }
}
