package id.cakupan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityCsv;
import id.cakupan.activity.ActivityEffect;
import id.cakupan.activity.ActivityFields;
import id.cakupan.activity.ActivityFilter;
import id.cakupan.activity.ActivityJson;
import id.cakupan.activity.FieldError;
import id.cakupan.activity.Organisers;
import id.cakupan.activity.Reach;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Principal;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.Counts;
import id.cakupan.coverage.ImportError;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.Atlas;
import id.cakupan.map.Layers;
import id.cakupan.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Outreach activities (SPEC §7) over the store and the published atlas: validation including the
 * point-in-kelurahan check, audited writes, lists, the effect and the {@code belum tersentuh} flags.
 * Who may write where is the caller's check ({@code api/Access}), done between {@link #parse} and the write.
 */
public final class Outreach {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Activity dates are Jakarta's calendar days. */
  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private final Store store;
  private final Layers layers;
  private final Organisers organisers;
  private final Clock clock;
  /** Republishes the atlas after a write: rankings and progress carry the {@code belum tersentuh} flag. */
  private final Runnable changed;

  /** The published atlas's kelurahan by code, rebuilt when a new atlas is published. */
  private record Index(Atlas atlas, Map<KelurahanCode, Kelurahan> byCode) {}

  private volatile Index index;

  public Outreach(Store store, Layers layers, Organisers organisers, Clock clock, Runnable changed) {
    this.store = store;
    this.changed = changed;
    this.layers = layers;
    this.organisers = organisers;
    this.clock = clock;
  }

  /** The configured organiser file (one name a line, {@code #} comments), or the region's defaults. */
  public static Organisers organisers(Path file, Gazetteer gazetteer) throws IOException {
    if (file == null) return Organisers.defaults(gazetteer);
    List<String> names = Files.readAllLines(file).stream().filter(l -> !l.strip().startsWith("#")).toList();
    return new Organisers(names);
  }

  public Organisers organisers() {
    return organisers;
  }

  /** A fresh id for a new activity. */
  public static String newId() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Validates the fields as activity {@code id}; a point must lie inside the kelurahan it names. */
  public ActivityFields.Parsed parse(String id, Map<String, String> fields) {
    Map<KelurahanCode, Kelurahan> region = kelurahan();
    ActivityFields.Parsed parsed = ActivityFields.parse(id, fields, organisers, region::containsKey, today());
    if (!parsed.accepted() || !parsed.activity().hasPoint()) return parsed;
    List<FieldError> outside = pointErrors(List.of(parsed.activity())).get(0);
    return outside.isEmpty() ? parsed : new ActivityFields.Parsed(null, outside);
  }

  /** For each activity, the error of a point outside its kelurahan (empty when fine), located in one store call. */
  List<List<FieldError>> pointErrors(List<Activity> activities) {
    List<Activity> withPoint = activities.stream().filter(Activity::hasPoint).toList();
    double[] lons = new double[withPoint.size()];
    double[] lats = new double[withPoint.size()];
    for (int i = 0; i < withPoint.size(); i++) {
      lons[i] = withPoint.get(i).lon();
      lats[i] = withPoint.get(i).lat();
    }
    List<KelurahanCode> found = withPoint.isEmpty() ? List.of() : store.locate(lons, lats);
    List<List<FieldError>> out = new ArrayList<>();
    int j = 0;
    for (Activity a : activities) {
      if (!a.hasPoint()) {
        out.add(List.of());
        continue;
      }
      KelurahanCode at = found.get(j++);
      out.add(a.code().equals(at) ? List.of() : List.of(new FieldError("lon", "the point " + a.lon() + "," + a.lat()
          + " lies " + (at == null ? "outside every kelurahan" : "in kelurahan " + at + " " + name(at))
          + ", not in " + a.code() + " " + name(a.code()))));
    }
    return out;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(JAKARTA));
  }

  public String name(KelurahanCode code) {
    Kelurahan k = kelurahan().get(code);
    return k == null ? "" : k.name();
  }

  /** The region's kelurahan by code, from the published atlas. */
  public Map<KelurahanCode, Kelurahan> kelurahan() {
    Atlas atlas = layers.atlas();
    Index i = index;
    if (i == null || i.atlas() != atlas) {
      Map<KelurahanCode, Kelurahan> byCode = new HashMap<>();
      for (Kelurahan k : atlas.boundaries().kelurahan()) byCode.put(k.code(), k);
      i = new Index(atlas, Map.copyOf(byCode));
      index = i;
    }
    return i.byCode();
  }

  public Optional<Activity> find(String id) {
    return store.activities().stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public List<Activity> list(ActivityFilter filter) {
    return store.activities().stream().filter(filter::test).toList();
  }

  public Activity create(Activity a, Principal by) {
    store.putActivities(List.of(a), List.of(audit(by, "activity.create", a.id(), null, a)));
    changed.run();
    return a;
  }

  public Activity update(Activity old, Activity next, Principal by) {
    store.putActivities(List.of(next), List.of(audit(by, "activity.update", next.id(), old, next)));
    changed.run();
    return next;
  }

  public boolean delete(Activity old, Principal by) {
    boolean deleted = store.deleteActivity(old.id(), List.of(audit(by, "activity.delete", old.id(), old, null)));
    if (deleted) changed.run();
    return deleted;
  }

  /** Stores a whole validated file of new activities in one write, one audit entry each. */
  public void createAll(List<Activity> activities, Principal by) {
    List<AuditEntry> audit = new ArrayList<>();
    for (Activity a : activities) audit.add(audit(by, "activity.create", a.id(), null, a));
    store.putActivities(activities, audit);
    changed.run();
  }

  /**
   * A whole file of activities, all stored in one write or none: rows without an id are new, rows
   * with one replace that activity. Rows the principal may not write are reported apart
   * ({@code outOfScope}), so the caller can answer 403 rather than 422.
   */
  public record FileImport(int created, int updated, List<ImportError> errors, List<ImportError> outOfScope) {
    public boolean accepted() {
      return errors.isEmpty() && outOfScope.isEmpty();
    }
  }

  public FileImport importCsv(byte[] content, Principal by) {
    ActivityCsv.Parsed csv = ActivityCsv.parse(content);
    if (csv.errors().stream().anyMatch(e -> e.line() == 1) || (csv.rows().isEmpty() && !csv.errors().isEmpty())) {
      return new FileImport(0, 0, csv.errors(), List.of());
    }
    if (csv.rows().isEmpty()) {
      return new FileImport(0, 0, List.of(new ImportError(1, null, "the file has a header but no activities")), List.of());
    }
    List<ImportError> errors = new ArrayList<>(csv.errors());
    List<ImportError> scope = new ArrayList<>();
    Map<String, Activity> stored = new HashMap<>();
    for (Activity a : store.activities()) stored.put(a.id(), a);
    Map<KelurahanCode, Kelurahan> region = kelurahan();
    LocalDate today = today();
    List<Activity> valid = new ArrayList<>();
    List<Integer> validLines = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int updated = 0;
    for (ActivityCsv.Row row : csv.rows()) {
      Map<String, String> fields = new LinkedHashMap<>(row.fields());
      String id = fields.remove("id");
      Activity old = null;
      if (id == null || id.isBlank()) {
        id = newId();
      } else {
        id = id.strip();
        old = stored.get(id);
        if (old == null) {
          errors.add(new ImportError(row.line(), "id", "no activity with id " + ImportError.cell(id)
              + "; leave id empty for a new activity"));
          continue;
        }
        if (!seen.add(id)) {
          errors.add(new ImportError(row.line(), "id", "activity " + id + " appears twice in the file"));
          continue;
        }
      }
      ActivityFields.Parsed parsed = ActivityFields.parse(id, fields, organisers, region::containsKey, today);
      if (!parsed.accepted()) {
        for (FieldError f : parsed.errors()) errors.add(new ImportError(row.line(), f.field(), f.message()));
        continue;
      }
      Activity a = parsed.activity();
      if (!by.mayRecordActivityIn(a.kecamatanCode()) || (old != null && !by.mayRecordActivityIn(old.kecamatanCode()))) {
        scope.add(new ImportError(row.line(), "code", by.describe() + " may not record activities in kecamatan "
            + (by.mayRecordActivityIn(a.kecamatanCode()) ? old.kecamatanCode() : a.kecamatanCode())));
      }
      if (old != null) updated++;
      valid.add(a);
      validLines.add(row.line());
    }
    List<List<FieldError>> points = pointErrors(valid);
    for (int i = 0; i < valid.size(); i++) {
      for (FieldError f : points.get(i)) errors.add(new ImportError(validLines.get(i), f.field(), f.message()));
    }
    errors.sort(Comparator.comparingInt(ImportError::line));
    if (!errors.isEmpty() || !scope.isEmpty()) return new FileImport(0, 0, listed(errors), listed(scope));
    List<AuditEntry> audit = new ArrayList<>();
    for (Activity a : valid) {
      Activity old = stored.get(a.id());
      audit.add(audit(by, old == null ? "activity.create" : "activity.update", a.id(), old, a));
    }
    store.putActivities(valid, audit);
    changed.run();
    return new FileImport(valid.size() - updated, updated, List.of(), List.of());
  }

  /** At most {@value #MAX_LISTED_ERRORS} errors and a line counting the rest: a report stays small. */
  static final int MAX_LISTED_ERRORS = 200;

  private static List<ImportError> listed(List<ImportError> errors) {
    if (errors.size() <= MAX_LISTED_ERRORS) return errors;
    List<ImportError> out = new ArrayList<>(errors.subList(0, MAX_LISTED_ERRORS));
    ImportError next = errors.get(MAX_LISTED_ERRORS);
    out.add(new ImportError(next.line(), null, (errors.size() - MAX_LISTED_ERRORS) + " more error(s) from line "
        + next.line() + " on, not listed"));
    return out;
  }

  /** SPEC §7's effect of the done activities the filter selects, against all BPU participants in the atlas. */
  public ActivityEffect.Result effect(Predicate<Activity> subjects) {
    Atlas atlas = layers.atlas();
    List<Activity> all = store.activities();
    List<KelurahanCode> kelurahan = atlas.boundaries().kelurahan().stream().map(Kelurahan::code).toList();
    return ActivityEffect.compute(all.stream().filter(subjects).toList(), all, kelurahan,
        (code, month) -> {
          Counts c = atlas.coverage().cell(code, Sector.BPU, month);
          return c == null ? null : c.participants();
        });
  }

  /** {@code belum tersentuh} for every kelurahan of the region in month m (BPU uncovered, top third per kota). */
  public List<Reach.Row> reach(Period m) {
    return layers.atlas().reach(m);
  }

  private AuditEntry audit(Principal by, String action, String subject, Activity old, Activity next) {
    return AuditEntry.of(clock.instant(), by, action, subject, old == null ? null : json(old).toString(),
        next == null ? null : json(next).toString());
  }

  /** An activity as the API and the audit log show it. */
  public static ObjectNode json(Activity a) {
    return ActivityJson.write(JSON.createObjectNode(), a, true);
  }
}
