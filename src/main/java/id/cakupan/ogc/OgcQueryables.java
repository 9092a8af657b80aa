package id.cakupan.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.coverage.Sector;
import id.cakupan.map.JsonBytes;
import id.cakupan.ogc.filter.Queryable;
import id.cakupan.ogc.filter.Queryable.Type;
import id.cakupan.ogc.filter.Queryables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a filter or sortby can name in each collection (OGC API - Features Part 3): every property
 * an item carries, and its geometry, published as a JSON Schema at
 * {@code /ogc/collections/{id}/queryables}.
 */
public final class OgcQueryables {
  public static final String MEDIA_TYPE = "application/schema+json";
  public static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
  /** The name of the geometry queryable, as CQL2 examples and clients call it. */
  public static final String GEOMETRY = "geometry";

  private static final Map<OgcCollection, Queryables> BY_COLLECTION = new EnumMap<>(OgcCollection.class);

  static {
    for (OgcCollection c : OgcCollection.values()) BY_COLLECTION.put(c, new Queryables(build(c)));
  }

  /** The numeric properties that are null where unknown or not counted. */
  private static final Set<String> NULLABLE_NUMBERS =
      Set.of("workforce", "coverage_rate", "uncovered", "change", "attendees", "registrations");

  private OgcQueryables() {}

  public static Queryables of(OgcCollection c) {
    return BY_COLLECTION.get(c);
  }

  private static List<Queryable> build(OgcCollection c) {
    if (c.activities()) return ActivityFeatures.queryables();
    List<Queryable> q = new ArrayList<>();
    Queryable code = Queryable.of("code", Type.STRING, "Kemendagri code of the " + c.level().key());
    q.add(c.coverage() ? code : code.withRole("id"));
    q.add(Queryable.of("bps_code", Type.STRING, "BPS code (null where unknown)"));
    q.add(Queryable.of("name", Type.STRING, "Name"));
    q.add(Queryable.of("level", Type.STRING, "Level").withValues(List.of(c.level().key())));
    q.add(Queryable.of("kecamatan", Type.STRING, "Kecamatan name"));
    q.add(Queryable.of("kecamatan_code", Type.STRING, "Kecamatan code, e.g. 31.72.03"));
    q.add(Queryable.of("kota", Type.STRING, "Kota name"));
    q.add(Queryable.of("kota_code", Type.STRING, "Kota code, e.g. 31.72"));
    q.add(Queryable.of("luas_km2", Type.NUMBER, "Area in km² (3 decimals)"));
    if (c.coverage()) {
      q.add(Queryable.of("sector", Type.STRING, "Sector").withValues(Arrays.stream(Sector.values()).map(Sector::name).toList()));
      q.add(Queryable.of("period", Type.STRING, "Month, YYYY-MM"));
      q.add(Queryable.of("period_start", Type.DATE, "First day of the month").withRole("primary-interval-start"));
      q.add(Queryable.of("period_end", Type.DATE, "Last day of the month").withRole("primary-interval-end"));
      q.add(Queryable.of("participants", Type.INTEGER, "Active participants at month end"));
      q.add(Queryable.of("workforce", Type.INTEGER, "Estimated workers (null when unknown)"));
      q.add(Queryable.of("coverage_rate", Type.NUMBER, "participants / workforce (6 decimals; null when unknown)"));
      q.add(Queryable.of("uncovered", Type.INTEGER, "max(workforce - participants, 0); null when unknown"));
      q.add(Queryable.of("change", Type.INTEGER, "participants - participants of the month before; null without one"));
      q.add(Queryable.of("density", Type.NUMBER, "Participants per km² (2 decimals)"));
    }
    if (c.geometry()) {
      q.add(Queryable.of(GEOMETRY, Type.GEOMETRY, "The " + c.level().key() + " boundary").withRole("primary-geometry"));
    }
    return q;
  }

  /** The JSON Schema 2020-12 document of a collection's queryables. */
  static byte[] schema(String base, OgcCollection c) {
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("$schema", "https://json-schema.org/draft/2020-12/schema");
      g.writeStringField("$id", base + "/ogc/collections/" + c.id() + "/queryables");
      g.writeStringField("type", "object");
      g.writeStringField("title", c.title());
      g.writeStringField("description", "The properties a filter (CQL2) or sortby can name in " + c.id());
      g.writeObjectFieldStart("properties");
      for (Queryable q : of(c).all()) {
        g.writeObjectFieldStart(q.name());
        g.writeStringField("title", q.title());
        writeType(g, q, c);
        if (!q.values().isEmpty()) {
          g.writeArrayFieldStart("enum");
          for (String v : q.values()) g.writeString(v);
          g.writeEndArray();
        }
        if (q.role() != null) g.writeStringField("x-ogc-role", q.role());
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeBooleanField("additionalProperties", false);
      g.writeEndObject();
    });
  }

  private static void writeType(JsonGenerator g, Queryable q, OgcCollection c) throws java.io.IOException {
    boolean nullable = NULLABLE_NUMBERS.contains(q.name());
    switch (q.type()) {
      case STRING -> g.writeStringField("type", "string");
      case NUMBER, INTEGER -> {
        String t = q.type() == Type.NUMBER ? "number" : "integer";
        if (nullable) {
          g.writeArrayFieldStart("type");
          g.writeString(t);
          g.writeString("null");
          g.writeEndArray();
        } else {
          g.writeStringField("type", t);
        }
      }
      case DATE -> {
        g.writeStringField("type", "string");
        g.writeStringField("format", "date");
      }
      case GEOMETRY -> {
        g.writeStringField("format", c.activities() ? "geometry-point" : "geometry-multipolygon");
        g.writeStringField("$ref", "https://geojson.org/schema/" + (c.activities() ? "Point" : "MultiPolygon") + ".json");
      }
    }
  }
}
