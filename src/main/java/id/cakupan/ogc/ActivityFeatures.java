package id.cakupan.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.activity.Activity;
import id.cakupan.map.JsonBytes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * The OGC API - Features collection {@code activities} (SPEC §7): one point per outreach activity,
 * where it was recorded or else its kelurahan's interior point. Not an {@link OgcCollection}: its
 * features come from the store's activities, not from the published atlas, and change with every
 * write, so its pages are built per request rather than cached.
 */
public final class ActivityFeatures {
  public static final String ID = "activities";
  static final String TITLE = "Outreach activities";

  /** An activity with the point it is drawn at ({@code null} when its kelurahan has no geometry). */
  public record Located(Activity activity, String name, Coordinate point) {
    public String pointSource() {
      return activity.hasPoint() ? "recorded" : point == null ? null : "kelurahan";
    }
  }

  /** One page: the matches in order, sliced by limit and offset, with links that carry the query on. */
  public record Page(List<Located> matches, int limit, int offset, String query) {}

  private ActivityFeatures() {}

  /** Keeps what lies in any of the boxes (CRS84); an activity without a point lies in none. */
  public static List<Located> inBoxes(List<Located> all, List<Envelope> boxes) {
    if (boxes == null) return all;
    List<Located> out = new ArrayList<>();
    for (Located l : all) {
      if (l.point() == null) continue;
      for (Envelope e : boxes) {
        if (e.covers(l.point())) {
          out.add(l);
          break;
        }
      }
    }
    return out;
  }

  public static byte[] collection(String base, Envelope extent) {
    return JsonBytes.write(g -> writeCollection(g, base, extent));
  }

  static void writeCollection(JsonGenerator g, String base, Envelope extent) throws IOException {
    String href = base + "/ogc/collections/" + ID;
    g.writeStartObject();
    g.writeStringField("id", ID);
    g.writeStringField("title", TITLE);
    g.writeStringField("description", "Bazar, pelatihan, pembinaan, sosialisasi and other outreach activities (planned,"
        + " done or cancelled) of the sudin, camat, lurah and BPJS branch offices: one point per activity, where it"
        + " was recorded or else at its kelurahan's interior point (property point says which)");
    g.writeStringField("itemType", "feature");
    g.writeArrayFieldStart("crs");
    g.writeString(OgcJson.CRS84);
    g.writeEndArray();
    g.writeObjectFieldStart("extent");
    if (!extent.isNull()) {
      g.writeObjectFieldStart("spatial");
      g.writeArrayFieldStart("bbox");
      OgcJson.bbox(g, extent);
      g.writeEndArray();
      g.writeStringField("crs", OgcJson.CRS84);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeArrayFieldStart("links");
    OgcJson.link(g, href, "self", OgcJson.JSON, "This collection");
    OgcJson.link(g, href + "/items", "items", OgcJson.GEOJSON, TITLE + " as GeoJSON");
    OgcJson.link(g, base + "/api/activities?format=csv", "enclosure", "text/csv", "Every activity as CSV");
    g.writeEndArray();
    g.writeEndObject();
  }

  public static byte[] items(String base, Page page) {
    List<Located> all = page.matches();
    int from = Math.min(page.offset(), all.size());
    int to = (int) Math.min((long) from + page.limit(), all.size());
    String href = base + "/ogc/collections/" + ID + "/items";
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (Located l : all.subList(from, to)) writeFeature(g, l);
      g.writeEndArray();
      g.writeNumberField("numberMatched", all.size());
      g.writeNumberField("numberReturned", to - from);
      g.writeArrayFieldStart("links");
      OgcJson.link(g, href + query(page.query(), page.limit(), page.offset()), "self", OgcJson.GEOJSON, "This page");
      if (to < all.size()) {
        OgcJson.link(g, href + query(page.query(), page.limit(), to), "next", OgcJson.GEOJSON, "The next page");
      }
      if (from > 0) {
        OgcJson.link(g, href + query(page.query(), page.limit(), Math.max(0, from - page.limit())), "prev",
            OgcJson.GEOJSON, "The previous page");
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  public static byte[] item(Located l) {
    return JsonBytes.write(g -> writeFeature(g, l));
  }

  private static String query(String rest, int limit, int offset) {
    return "?limit=" + limit + "&offset=" + offset + (rest == null || rest.isEmpty() ? "" : "&" + rest);
  }

  private static void writeFeature(JsonGenerator g, Located l) throws IOException {
    Activity a = l.activity();
    g.writeStartObject();
    g.writeStringField("type", "Feature");
    g.writeStringField("id", a.id());
    if (l.point() == null) {
      g.writeNullField("geometry");
    } else {
      g.writeObjectFieldStart("geometry");
      g.writeStringField("type", "Point");
      g.writeArrayFieldStart("coordinates");
      g.writeNumber(round6(l.point().x));
      g.writeNumber(round6(l.point().y));
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeObjectFieldStart("properties");
    g.writeStringField("type", a.type().key());
    g.writeStringField("status", a.status().key());
    g.writeStringField("date", a.date().toString());
    g.writeStringField("organiser", a.organiser());
    g.writeStringField("code", a.code().value());
    g.writeStringField("name", l.name());
    g.writeStringField("kecamatan_code", a.kecamatanCode());
    g.writeStringField("target_group", a.targetGroup());
    if (a.attendees() == null) g.writeNullField("attendees");
    else g.writeNumberField("attendees", a.attendees());
    if (a.registrations() == null) g.writeNullField("registrations");
    else g.writeNumberField("registrations", a.registrations());
    g.writeStringField("note", a.note());
    g.writeStringField("point", l.pointSource());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
