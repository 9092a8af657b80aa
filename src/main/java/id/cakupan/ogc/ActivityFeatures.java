package id.cakupan.ogc;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityStatus;
import id.cakupan.activity.ActivityType;
import id.cakupan.map.MapUnit;
import id.cakupan.ogc.filter.Queryable;
import id.cakupan.ogc.filter.Queryable.Type;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * The features of the OGC collection {@code activities} (SPEC §7): one point per outreach
 * activity of the published snapshot, where it was recorded or else at its kelurahan's interior
 * point. Its properties are exactly the fields {@code GET /api/activities} gives anyone (reads are
 * public), plus the kelurahan name and which point is drawn; nothing about who recorded it.
 */
public final class ActivityFeatures {
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  /** An activity with the point it is drawn at ({@code null} when its kelurahan has no geometry). */
  public record Located(Activity activity, String name, Coordinate point) {
    public String pointSource() {
      return activity.hasPoint() ? "recorded" : point == null ? null : "kelurahan";
    }
  }

  private ActivityFeatures() {}

  /**
   * The activities located, in id order (the collection's listing order, so that ties in a sorted
   * listing fall by feature id as in the other collections).
   *
   * @param kelurahan the region's kelurahan by code, or null for one not in it
   */
  static List<Located> locate(List<Activity> activities, Function<String, MapUnit> kelurahan) {
    Map<String, Optional<Coordinate>> interior = new HashMap<>();
    List<Located> out = new ArrayList<>(activities.size());
    for (Activity a : activities) {
      MapUnit k = kelurahan.apply(a.code().value());
      Coordinate c = a.hasPoint() ? new Coordinate(a.lon(), a.lat()) : interior.computeIfAbsent(a.code().value(),
          code -> k == null || k.geometry().isEmpty() ? Optional.empty()
              : Optional.of(InteriorPointArea.getInteriorPoint(k.geometry()))).orElse(null);
      out.add(new Located(a, k == null ? "" : k.name(), c));
    }
    out.sort(Comparator.comparing(l -> l.activity().id()));
    return List.copyOf(out);
  }

  /** What a filter or sortby can name: every property of a feature, and its point. */
  static List<Queryable> queryables() {
    return List.of(
        Queryable.of("type", Type.STRING, "Kind of activity")
            .withValues(Arrays.stream(ActivityType.values()).map(ActivityType::key).toList()),
        Queryable.of("status", Type.STRING, "rencana (planned), selesai (done) or batal (cancelled)")
            .withValues(Arrays.stream(ActivityStatus.values()).map(ActivityStatus::key).toList()),
        Queryable.of("date", Type.DATE, "Day of the activity").withRole("primary-instant"),
        Queryable.of("organiser", Type.STRING, "Sudin, kecamatan, kelurahan or BPJS branch that runs it"),
        Queryable.of("code", Type.STRING, "Kemendagri code of the kelurahan where it happens"),
        Queryable.of("name", Type.STRING, "Name of that kelurahan"),
        Queryable.of("kecamatan_code", Type.STRING, "Kecamatan code, e.g. 31.72.03"),
        Queryable.of("target_group", Type.STRING, "Target group (free text; null when not given)"),
        Queryable.of("attendees", Type.INTEGER, "People who came (null when not counted)"),
        Queryable.of("registrations", Type.INTEGER, "Workers signed up at the event (null when not counted)"),
        Queryable.of("note", Type.STRING, "Note (null when none)"),
        Queryable.of("point", Type.STRING, "recorded (the activity's own point) or kelurahan (its interior point)")
            .withValues(List.of("recorded", "kelurahan")),
        Queryable.of(OgcQueryables.GEOMETRY, Type.GEOMETRY, "Where the activity is drawn").withRole("primary-geometry"));
  }

  /** The queryable values of one activity, as its GeoJSON properties give them. */
  static Object value(Located l, String property) {
    Activity a = l.activity();
    return switch (property) {
      case "type" -> a.type().key();
      case "status" -> a.status().key();
      case "date" -> a.date();
      case "organiser" -> a.organiser();
      case "code" -> a.code().value();
      case "name" -> l.name();
      case "kecamatan_code" -> a.kecamatanCode();
      case "target_group" -> a.targetGroup();
      case "attendees" -> a.attendees();
      case "registrations" -> a.registrations();
      case "note" -> a.note();
      case "point" -> l.pointSource();
      case OgcQueryables.GEOMETRY -> l.point() == null ? null : point(l.point());
      default -> throw new IllegalStateException("no queryable " + property);
    };
  }

  private static Point point(Coordinate c) {
    return GEOMETRY.createPoint(c);
  }

  /** The first and last day of the activities, or null when there are none. */
  static LocalDate[] dates(List<Located> activities) {
    if (activities.isEmpty()) return null;
    LocalDate first = null;
    LocalDate last = null;
    for (Located l : activities) {
      LocalDate d = l.activity().date();
      if (first == null || d.isBefore(first)) first = d;
      if (last == null || d.isAfter(last)) last = d;
    }
    return new LocalDate[] {first, last};
  }

  /** The point in the CRS asked for, in its axis order, rounded as the polygons of that CRS are. */
  static void writeGeometry(JsonGenerator g, Located l, OgcCrs crs) throws IOException {
    if (l.point() == null) {
      g.writeNull();
      return;
    }
    double[] xy = crs.fromLonLat(l.point().x, l.point().y);
    g.writeStartObject();
    g.writeStringField("type", "Point");
    g.writeArrayFieldStart("coordinates");
    // Plain digits: metres in EPSG:3857 reach 1e7, where a double would print an exponent.
    for (double v : xy) {
      g.writeNumber(BigDecimal.valueOf(v).setScale(crs.decimals(), RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeProperties(JsonGenerator g, Located l) throws IOException {
    Activity a = l.activity();
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
  }
}
