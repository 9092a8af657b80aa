package id.cakupan.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.app.TargetWrites;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.Sector;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.ProgressQuery;
import id.cakupan.map.TargetList;
import id.cakupan.targeting.InvalidTargetException;
import id.cakupan.targeting.TargetField;
import id.cakupan.targeting.TargetImport;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Targeting (SPEC §4, §6): set one target, list targets, progress against them, and the bulk
 * target import. Writes: admin, or the camat of the kelurahan's kecamatan.
 */
final class TargetHandlers {
  /** A member given twice is refused, not silently the last one. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  /** A target body is a number and two short texts; anything near this is not one. */
  static final long MAX_BODY_BYTES = 64 * 1024;
  private static final Set<String> PROGRESS_PARAMS = Set.of("kecamatan", "sector", "period", "format", "locale");
  private static final Set<String> BODY_MEMBERS = Set.of("target", "baseline_period", "assignee", "note");

  private final TargetWrites writes;
  private final Layers layers;
  private final Access access;
  private final ImportHandlers uploads;

  TargetHandlers(TargetWrites writes, Layers layers, Access access, ImportHandlers uploads) {
    this.writes = writes;
    this.layers = layers;
    this.access = access;
    this.uploads = uploads;
  }

  /** {@code PUT /api/targets/{code}/{sector}/{period}}: 401 before 400 before 403 before 404/422. */
  void put(Context ctx) {
    Principal by = access.authenticate(ctx);
    new QueryParams(ctx, Set.of());
    KelurahanCode code = path(ctx, "code", KelurahanCode::parse);
    Sector sector = path(ctx, "sector", Sector::parse);
    Period period = path(ctx, "period", Period::parse);
    access.requireKecamatanEditor(by, code.kecamatanCode());
    TargetWrites.Request request = body(ctx);
    TargetWrites.Stored stored;
    try {
      stored = writes.put(code, sector, period, request, by);
    } catch (InvalidTargetException e) {
      throw new Problem(422, "Invalid target", e.getMessage(), e.field().key());
    }
    ctx.contentType(Layers.JSON).result(JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("status", stored.before() == null ? "created" : "replaced");
      g.writeFieldName("target");
      TargetList.write(g, layers.atlas(), stored.after());
      g.writeFieldName("previous");
      if (stored.before() == null) g.writeNull();
      else TargetList.write(g, layers.atlas(), stored.before());
      g.writeEndObject();
    }));
  }

  private interface Parser<T> {
    T parse(String s);
  }

  private static <T> T path(Context ctx, String name, Parser<T> parser) {
    try {
      return parser.parse(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter(name, e.getMessage());
    }
  }

  /** The JSON body: only {@code target} is required; unknown members are refused, not ignored. */
  private static TargetWrites.Request body(Context ctx) {
    if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) throw BoundedBody.tooLarge(MAX_BODY_BYTES, "body");
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = BoundedBody.read(in, MAX_BODY_BYTES, "body");
    } catch (IOException e) {
      throw Problem.badParameter("body", "the request body could not be read: " + e.getMessage());
    }
    JsonNode root;
    try {
      root = bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw Problem.badParameter("body", "the body is not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw Problem.badParameter("body", "the body could not be read as JSON");
    }
    if (!(root instanceof ObjectNode object)) {
      throw Problem.badParameter("body", "send a JSON object, e.g. {\"target\": 1500, \"assignee\": \"Lurah Koja\"}");
    }
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!BODY_MEMBERS.contains(name)) {
        throw Problem.badParameter(name, "unknown member '" + name + "'; a target takes target, baseline_period,"
            + " assignee and note");
      }
    }
    JsonNode target = object.get("target");
    if (target == null || target.isNull()) {
      throw Problem.badParameter("target", "target is required: the number of participants to reach");
    }
    if (!target.isIntegralNumber() || !target.canConvertToLong()) {
      throw Problem.badParameter("target", "target must be a whole number, e.g. 1500, not " + cut(target.toString()));
    }
    String baselineText = text(object, TargetField.BASELINE_PERIOD);
    Period baseline;
    try {
      baseline = baselineText == null ? null : Period.parse(baselineText);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("baseline_period", e.getMessage());
    }
    return new TargetWrites.Request(target.longValue(), baseline, text(object, TargetField.ASSIGNEE),
        text(object, TargetField.NOTE));
  }

  private static String text(ObjectNode object, TargetField field) {
    JsonNode v = object.get(field.key());
    if (v == null || v.isNull()) return null;
    if (!v.isTextual()) throw Problem.badParameter(field.key(), field.key() + " must be a string or null");
    return v.textValue();
  }

  private static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  /** {@code GET /api/targets?kecamatan=&sector=&period=}: every filter optional. */
  void list(Context ctx) {
    QueryParams p = new QueryParams(ctx, Set.of("kecamatan", "sector", "period"));
    CachedResponses.send(ctx, layers.snapshot().targets(
        p.get("kecamatan", KecamatanCode::parse, null),
        p.get("sector", Sector::parse, null),
        p.get("period", Period::parse, null)));
  }

  /** {@code GET /api/progress?kecamatan=&sector=&period=&format=json|csv&locale=}: sector ALL and the newest month by default. */
  void progress(Context ctx) {
    LayerRequest r = new LayerRequest(ctx, PROGRESS_PARAMS, layers);
    QueryParams p = r.params();
    String format = p.get("format", TargetHandlers::format, "json");
    LayerQuery layer = r.requestedLayer(Level.KELURAHAN);
    CsvWriter.Dialect dialect = p.get("locale", CsvWriter.Dialect::parse, CsvWriter.Dialect.PLAIN);
    if (p.has("locale") && !format.equals("csv")) throw Problem.badParameter("locale", "locale applies to format=csv only");
    ProgressQuery q = new ProgressQuery(r.resolve(layer));
    if (format.equals("xlsx")) {
      ctx.header(io.javalin.http.Header.CONTENT_DISPOSITION,
          "attachment; filename=\"" + MapHandlers.sheetName("daftar-kerja", q.kecamatanCode(), q.sector()) + "\"");
      CachedResponses.send(ctx, r.snapshot().progressXlsx(q));
      return;
    }
    CachedResponses.send(ctx, r.snapshot().progress(q, format.equals("csv") ? dialect : null));
  }

  private static String format(String s) {
    String f = s.trim().toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
      throw new IllegalArgumentException("'" + s + "' is not a format: expected json, csv or xlsx");
    }
    return f;
  }

  /** {@code POST /api/imports/targets}: admin anywhere, a camat only in its kecamatan (rows outside are reported). */
  void importFile(Context ctx) {
    Principal by = access.require(ctx, p -> p.isAdmin() || p.role() == Role.CAMAT, "role admin or camat");
    new QueryParams(ctx, Set.of("name"));
    TargetImport result;
    try (Upload upload = uploads.upload(ctx, "targets.csv")) {
      result = writes.importFile(upload.name(), upload.content(), by);
      if (!result.accepted()) {
        ImportHandlers.rejected(ctx, upload.name(), result.errors());
        return;
      }
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("status", "imported");
    body.put("rows", result.targets().size());
    body.putArray("errors");
    ctx.json(body);
  }
}
