package id.cakupan.ogc;

import id.cakupan.map.JsonBytes;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Period;
import id.cakupan.map.GeoJsonGeometryWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** JSON writing shared by the OGC documents: links, extents, and a generator to bytes. */
final class OgcJson {
  static final String JSON = "application/json";
  static final String GEOJSON = "application/geo+json";
  static final String HTML = "text/html";
  static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";
  static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
  static final String GREGORIAN = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private OgcJson() {}

  static void link(JsonGenerator g, String href, String rel, String type, String title) throws IOException {
    g.writeStartObject();
    g.writeStringField("href", href);
    g.writeStringField("rel", rel);
    if (type != null) g.writeStringField("type", type);
    if (title != null) g.writeStringField("title", title);
    g.writeEndObject();
  }

  /** {@code [minLon, minLat, maxLon, maxLat]} rounded outward to 6 decimals. */
  static void bbox(JsonGenerator g, Envelope e) throws IOException {
    g.writeStartArray();
    for (double v : GeoJsonGeometryWriter.bbox(GEOMETRY.toGeometry(e))) g.writeNumber(v);
    g.writeEndArray();
  }

  /** The first instant of a month, RFC 3339 in UTC. */
  static String start(Period p) {
    return p.month().atDay(1) + "T00:00:00Z";
  }

  /** The last second of a month, RFC 3339 in UTC. */
  static String end(Period p) {
    return p.month().atEndOfMonth() + "T23:59:59Z";
  }
}
