package id.cakupan.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityEffect;
import id.cakupan.activity.ActivityFields;
import id.cakupan.activity.ActivityFilter;
import id.cakupan.activity.ActivityStatus;
import id.cakupan.activity.ActivityType;
import id.cakupan.activity.FieldError;
import id.cakupan.activity.Reach;
import id.cakupan.activity.TargetGroups;
import id.cakupan.app.Outreach;
import id.cakupan.auth.Principal;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.ImportError;
import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.Depends;
import id.cakupan.map.Layers;
import id.cakupan.ogc.ActivityFeatures;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;

/** Outreach activities (SPEC §7): record, plan, edit, list, effect and reach. */
final class ActivityHandlers {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long MAX_BODY_BYTES = 64 * 1024;
  static final int MAX_LISTED_ERRORS = 50;
  private static final Pattern ID = Pattern.compile("[0-9a-f]{1,32}");

  private final Outreach outreach;
  private final Access access;
  private final Layers layers;

  ActivityHandlers(Outreach outreach, Access access, Layers layers) {
    this.outreach = outreach;
    this.access = access;
    this.layers = layers;
  }

  void create(Context ctx) {
    Principal by = access.authenticate(ctx);
    new QueryParams(ctx, Set.of());
    Activity a = valid(Outreach.newId(), fields(ctx));
    access.requireActivityIn(by, a.kecamatanCode());
    outreach.create(a, by);
    ctx.status(201).header("Location", "/api/activities/" + a.id());
    ctx.json(row(a));
  }

  void update(Context ctx) {
    Principal by = access.authenticate(ctx);
    new QueryParams(ctx, Set.of());
    Activity old = existing(ctx.pathParam("id"));
    access.requireActivityIn(by, old.kecamatanCode());
    Activity next = valid(old.id(), fields(ctx));
    // Moving an activity to another kecamatan needs the right there too.
    access.requireActivityIn(by, next.kecamatanCode());
    outreach.update(old, next, by);
    ctx.json(row(next));
  }

  void delete(Context ctx) {
    Principal by = access.authenticate(ctx);
    new QueryParams(ctx, Set.of());
    Activity old = existing(ctx.pathParam("id"));
    access.requireActivityIn(by, old.kecamatanCode());
    if (!outreach.delete(old, by)) throw notFound(old.id());
    ctx.status(204);
  }

  void list(Context ctx) {
    QueryParams p = new QueryParams(ctx, Set.of("kecamatan", "from", "to", "type", "status", "format", "locale"));
    ActivityFilter filter = filter(p);
    String format = p.get("format", s -> {
      if (!Set.of("json", "csv", "geojson").contains(s)) {
        throw new IllegalArgumentException("'" + s + "' is not a format: expected json, csv or geojson");
      }
      return s;
    }, "json");
    if (p.has("locale") && !format.equals("csv")) throw Problem.badParameter("locale", "locale applies to format=csv only");
    List<Activity> rows = outreach.list(filter);
    ctx.header("Cache-Control", "no-cache");
    switch (format) {
      case "csv" -> {
        CsvWriter csv = csv(rows, p.get("locale", CsvWriter.Dialect::parse, CsvWriter.Dialect.PLAIN));
        ctx.contentType(Layers.CSV).header("Content-Disposition", "attachment; filename=\"kegiatan.csv\"")
            .result(csv.bytes());
      }
      case "geojson" -> CachedResponses.sendBuilt(ctx, geojson(rows), Layers.GEOJSON);
      default -> {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode out = body.putArray("rows");
        rows.forEach(a -> out.add(row(a)));
        CachedResponses.sendBuilt(ctx, body, Layers.JSON);
      }
    }
  }

  void effect(Context ctx) {
    QueryParams p = new QueryParams(ctx, Set.of("kecamatan", "from", "to", "type", "organiser"));
    ActivityFilter filter = filter(p);
    String organiser = p.get("organiser", s -> s, null);
    ActivityEffect.Result r = outreach.effect(a -> filter.test(a)
        && (organiser == null || a.organiser().equalsIgnoreCase(organiser.strip())));
    ObjectNode body = JSON.createObjectNode();
    body.put("sector", "BPU");
    body.put("caveat", ActivityEffect.CAVEAT);
    ArrayNode rows = body.putArray("rows");
    for (ActivityEffect.Row row : r.rows()) {
      ObjectNode n = row(row.activity());
      n.put("month", row.activity().month().toString());
      n.put("before", row.before());
      n.put("after", row.after());
      n.put("change", row.change());
      n.put("comparison", round(row.comparison()));
      n.put("comparison_kelurahan", row.comparisonKelurahan());
      n.put("excess", round(row.excess()));
      rows.add(n);
    }
    summaries(body.putArray("by_type"), r.byType(), "type");
    summaries(body.putArray("by_organiser"), r.byOrganiser(), "organiser");
    CachedResponses.sendBuilt(ctx, body, Layers.JSON);
  }

  void reach(Context ctx) {
    QueryParams p = new QueryParams(ctx, Set.of("period", "kecamatan"));
    Period newest = layers.atlas().coverage().newest();
    Period m = p.get("period", Period::parse, newest);
    if (m == null) throw Problem.badParameter("period", "no coverage is stored yet; give period=YYYY-MM");
    String kecamatan = p.get("kecamatan", ActivityHandlers::kecamatan, null);
    // Built from the published snapshot alone, so kept with it: gzipped once, with an ETag.
    Layers.Snapshot snapshot = layers.snapshot();
    CachedResponse body = snapshot.cached(Depends.ACTIVITIES, "reach|" + m + "|" + kecamatan,
        () -> reachJson(m, kecamatan, snapshot.atlas().reach(m)), Layers.JSON);
    CachedResponses.send(ctx, body);
  }

  private byte[] reachJson(Period m, String kecamatan, List<Reach.Row> reach) {
    Map<KelurahanCode, Kelurahan> byCode = outreach.kelurahan();
    ObjectNode body = JSON.createObjectNode();
    body.put("period", m.toString());
    body.put("sector", "BPU");
    ArrayNode rows = body.putArray("rows");
    for (Reach.Row r : reach) {
      if (kecamatan != null && !r.code().kecamatanCode().equals(kecamatan)) continue;
      Kelurahan k = byCode.get(r.code());
      ObjectNode n = rows.addObject();
      n.put("code", r.code().value());
      n.put("bps_code", k == null ? null : k.bpsCode());
      n.put("name", k == null ? null : k.name());
      n.put("kecamatan_code", r.code().kecamatanCode());
      n.put("uncovered", r.uncovered());
      n.put("complete", r.uncovered() != null);
      n.put("last_done", r.lastDone() == null ? null : r.lastDone().toString());
      n.put("reached", r.reached());
      n.put("top_third", r.topThird());
      n.put("belum_tersentuh", r.belumTersentuh());
    }
    return body.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** What a form needs: the fixed lists and suggestions. */
  void options(Context ctx) {
    new QueryParams(ctx, Set.of());
    ObjectNode body = JSON.createObjectNode();
    ArrayNode types = body.putArray("types");
    for (ActivityType t : ActivityType.values()) types.add(t.key());
    ArrayNode statuses = body.putArray("statuses");
    for (ActivityStatus s : ActivityStatus.values()) statuses.add(s.key());
    ArrayNode organisers = body.putArray("organisers");
    outreach.organisers().names().forEach(organisers::add);
    ArrayNode groups = body.putArray("target_groups");
    TargetGroups.SUGGESTIONS.forEach(groups::add);
    CachedResponses.sendBuilt(ctx, body, Layers.JSON);
  }

  // --- parsing

  private static ActivityFilter filter(QueryParams p) {
    try {
      return new ActivityFilter(p.get("kecamatan", ActivityHandlers::kecamatan, null),
          p.get("from", ActivityHandlers::date, null), p.get("to", ActivityHandlers::date, null),
          p.get("type", ActivityType::parse, null), p.has("status") ? p.get("status", ActivityStatus::parse, null) : null);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("from", e.getMessage());
    }
  }

  static String kecamatan(String s) {
    return KecamatanCode.parse(s).value();
  }

  private static LocalDate date(String s) {
    try {
      return LocalDate.parse(s.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date YYYY-MM-DD");
    }
  }

  private Activity existing(String id) {
    if (!ID.matcher(id).matches()) throw notFound(id);
    return outreach.find(id).orElseThrow(() -> notFound(id));
  }

  private static Problem notFound(String id) {
    return new Problem(404, "Not found", "no activity with id " + (id.length() > 40 ? id.substring(0, 40) + "…" : id), "id");
  }

  private Activity valid(String id, Map<String, String> fields) {
    ActivityFields.Parsed parsed = outreach.parse(id, fields);
    if (!parsed.accepted()) throw rejected(parsed.errors());
    return parsed.activity();
  }

  /** The JSON object's members as text; numbers keep their written form, so "12.5" attendees is refused, not cut. */
  private static Map<String, String> fields(Context ctx) {
    byte[] bytes;
    if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) throw BoundedBody.tooLarge(MAX_BODY_BYTES, "body");
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = BoundedBody.read(in, MAX_BODY_BYTES, "body");
    } catch (IOException e) {
      throw Problem.badParameter("body", "the request body could not be read: " + e.getMessage());
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw Problem.badParameter("body", "the body is not JSON: " + firstLine(e.getMessage()));
    }
    if (node == null || !node.isObject()) {
      throw Problem.badParameter("body", "send the activity as a JSON object, e.g. {\"type\":\"bazar\",\"status\":"
          + "\"rencana\",\"date\":\"2026-12-05\",\"organiser\":\"Kecamatan Koja\",\"code\":\"31.72.03.1001\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    var it = node.fields();
    while (it.hasNext()) {
      var f = it.next();
      JsonNode v = f.getValue();
      if (v.isContainerNode()) {
        throw rejected(List.of(new FieldError(f.getKey(), "'" + f.getKey() + "' must be text or a number, not "
            + (v.isArray() ? "an array" : "an object"))));
      }
      out.put(f.getKey(), v.isNull() ? null : v.isNumber() ? v.numberValue().toString() : v.asText());
    }
    return out;
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  /** 422 problem+json listing every field at fault. */
  static Problem rejected(List<FieldError> errors) {
    return new FieldProblem(errors);
  }

  /** A 422 whose body also lists the fields; sent by {@link #sendRejected}. */
  static final class FieldProblem extends Problem {
    final List<FieldError> errors;

    FieldProblem(List<FieldError> errors) {
      super(422, "Activity rejected", errors.size() + " problem(s): " + errors.get(0).field() + ": "
          + errors.get(0).message(), errors.get(0).field());
      this.errors = errors;
    }
  }

  static void sendRejected(FieldProblem e, Context ctx) {
    ObjectNode body = JSON.createObjectNode();
    body.put("type", "about:blank");
    body.put("title", e.title());
    body.put("status", 422);
    body.put("detail", e.getMessage());
    body.put("parameter", e.parameter());
    ArrayNode errors = body.putArray("errors");
    // A body of many unknown members must not come back many times larger.
    for (FieldError f : e.errors.subList(0, Math.min(e.errors.size(), MAX_LISTED_ERRORS))) {
      errors.addObject().put("field", ImportError.cell(f.field())).put("message", cut(f.message(), 1000));
    }
    ctx.status(422).contentType(ProblemResponses.MEDIA_TYPE).result(body.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String cut(String s, int chars) {
    if (s == null || s.length() <= chars) return s;
    int end = Character.isHighSurrogate(s.charAt(chars - 1)) ? chars - 1 : chars;
    return s.substring(0, end) + "…";
  }

  // --- encoding

  private ObjectNode row(Activity a) {
    ObjectNode n = Outreach.json(a);
    n.put("name", outreach.name(a.code()));
    return n;
  }

  private static Double round(Double v) {
    return v == null ? null : Math.round(v * 1000.0) / 1000.0;
  }

  private static void summaries(ArrayNode out, List<ActivityEffect.Summary> summaries, String keyName) {
    for (ActivityEffect.Summary s : summaries) {
      ObjectNode n = out.addObject();
      n.put(keyName, s.key());
      n.put("activities", s.activities());
      n.put("registrations", s.registrations());
      n.put("registrations_per_activity", round(s.registrationsPerActivity()));
      n.put("mean_excess", round(s.meanExcess()));
      n.put("activities_with_excess", s.activitiesWithExcess());
    }
  }

  private CsvWriter csv(List<Activity> rows, CsvWriter.Dialect dialect) {
    CsvWriter w = new CsvWriter(dialect);
    String[][] heads = {{"id", "id"}, {"type", "jenis"}, {"status", "status"}, {"date", "tanggal"},
        {"organiser", "penyelenggara"}, {"code", "kode_wilayah"}, {"name", "kelurahan"},
        {"kecamatan_code", "kode_kecamatan"}, {"lon", "bujur"}, {"lat", "lintang"}, {"target_group", "sasaran"},
        {"attendees", "peserta_hadir"}, {"registrations", "pendaftaran"}, {"note", "catatan"}};
    for (String[] h : heads) w.head(h[0], h[1]);
    w.endRow();
    for (Activity a : rows) {
      w.text(a.id()).text(a.type().key()).text(a.status().key()).text(a.date().toString()).text(a.organiser())
          .text(a.code().value()).text(outreach.name(a.code())).text(a.kecamatanCode())
          .decimal(a.lon(), 6).decimal(a.lat(), 6).text(a.targetGroup())
          .integer(a.attendees() == null ? null : a.attendees().longValue())
          .integer(a.registrations() == null ? null : a.registrations().longValue()).text(a.note()).endRow();
    }
    return w;
  }

  /** Each activity at its recorded point, else its kelurahan's interior point (null when that has no geometry). */
  private List<ActivityFeatures.Located> located(List<Activity> rows) {
    // Only the kelurahan listed: at national scale the rest would cost seconds.
    Map<KelurahanCode, Kelurahan> region = outreach.kelurahan();
    Map<KelurahanCode, Optional<Coordinate>> interior = new HashMap<>();
    List<ActivityFeatures.Located> out = new ArrayList<>(rows.size());
    for (Activity a : rows) {
      Coordinate c = a.hasPoint() ? new Coordinate(a.lon(), a.lat()) : interior.computeIfAbsent(a.code(), code -> {
        Kelurahan k = region.get(code);
        return k == null || k.geometry().isEmpty() ? Optional.empty()
            : Optional.of(InteriorPointArea.getInteriorPoint(k.geometry()));
      }).orElse(null);
      out.add(new ActivityFeatures.Located(a, outreach.name(a.code()), c));
    }
    return out;
  }

  /** Points where recorded, else the kelurahan's interior point (said in {@code point}). */
  private ObjectNode geojson(List<Activity> rows) {
    ObjectNode fc = JSON.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (ActivityFeatures.Located l : located(rows)) {
      Activity a = l.activity();
      ObjectNode f = features.addObject();
      f.put("type", "Feature");
      f.put("id", a.id());
      Coordinate c = l.point();
      if (c == null) {
        f.putNull("geometry");
      } else {
        ObjectNode g = f.putObject("geometry");
        g.put("type", "Point");
        g.putArray("coordinates").add(round6(c.x)).add(round6(c.y));
      }
      ObjectNode props = row(a);
      props.put("point", a.hasPoint() ? "recorded" : c == null ? null : "kelurahan");
      f.set("properties", props);
    }
    return fc;
  }

  private static double round6(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
