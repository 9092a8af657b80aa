package id.cakupan.ogc;

import id.cakupan.map.JsonBytes;
import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.IOException;
import java.util.List;
import org.locationtech.jts.geom.Envelope;

/** The landing page, conformance declaration and collection documents of OGC API - Features. */
final class OgcDocuments {
  static final List<String> CONFORMANCE = List.of(
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
      "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

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
      OgcJson.link(g, base + "/ogc/api", "service-desc", OgcJson.OPENAPI, "The API definition (OpenAPI 3.0)");
      OgcJson.link(g, base + "/ogc/conformance", "conformance", OgcJson.JSON, "Conformance classes implemented");
      OgcJson.link(g, base + "/ogc/collections", "data", OgcJson.JSON, "The feature collections");
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  static byte[] conformance() {
    return JsonBytes.write(g -> {
      g.writeStartObject();
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

  private static void writeCollection(JsonGenerator g, String base, OgcData data, OgcCollection c) throws IOException {
    String href = base + "/ogc/collections/" + c.id();
    g.writeStartObject();
    g.writeStringField("id", c.id());
    g.writeStringField("title", c.title());
    g.writeStringField("description", c.description());
    g.writeStringField("itemType", "feature");
    g.writeArrayFieldStart("crs");
    g.writeString(OgcJson.CRS84);
    g.writeEndArray();
    g.writeObjectFieldStart("extent");
    Envelope e = data.extent(c.level());
    if (!e.isNull()) {
      g.writeObjectFieldStart("spatial");
      g.writeArrayFieldStart("bbox");
      OgcJson.bbox(g, e);
      g.writeEndArray();
      g.writeStringField("crs", OgcJson.CRS84);
      g.writeEndObject();
    }
    if (c.coverage() && !data.periods.isEmpty()) {
      g.writeObjectFieldStart("temporal");
      g.writeArrayFieldStart("interval");
      g.writeStartArray();
      g.writeString(OgcJson.start(data.periods.get(0)));
      g.writeString(OgcJson.end(data.periods.get(data.periods.size() - 1)));
      g.writeEndArray();
      g.writeEndArray();
      g.writeStringField("trs", OgcJson.GREGORIAN);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("links");
    OgcJson.link(g, href, "self", OgcJson.JSON, "This collection");
    OgcJson.link(g, href + "/items", "items", OgcJson.GEOJSON, c.title() + " as GeoJSON");
    if (c.coverage()) {
      String download = base + "/api/download?level=" + c.level().key();
      OgcJson.link(g, download + "&format=gpkg", "enclosure", "application/geopackage+sqlite3",
          "The newest month, all sectors summed, as a GeoPackage");
      OgcJson.link(g, download + "&format=csv", "enclosure", "text/csv", "The newest month as CSV");
      OgcJson.link(g, download + "&format=csv&layout=wide&metric=participants", "enclosure", "text/csv",
          "Participants of every month, a column per month (also metric=coverage_rate, uncovered, ...; sector=...)");
    }
    g.writeEndArray();
    g.writeNumberField("numberOfUnits", data.units(c.level()).size());
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
