package id.cakupan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityEffect;
import id.cakupan.activity.ActivityFields;
import id.cakupan.activity.ActivityFilter;
import id.cakupan.activity.FieldError;
import id.cakupan.activity.Organisers;
import id.cakupan.activity.Reach;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Principal;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.Counts;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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

  public Outreach(Store store, Layers layers, Organisers organisers, Clock clock) {
    this.store = store;
    this.layers = layers;
    this.organisers = organisers;
    this.clock = clock;
  }

  /** The configured organiser file (one name a line, {@code #} comments), or the region's defaults. */
  public static Organisers organisers(Path file, id.cakupan.boundary.Gazetteer gazetteer) throws IOException {
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
    Atlas atlas = layers.atlas();
    Set<KelurahanCode> region = atlas.boundaries().kelurahan().stream().map(Kelurahan::code)
        .collect(Collectors.toSet());
    ActivityFields.Parsed parsed = ActivityFields.parse(id, fields, organisers, region::contains, today());
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
    return layers.atlas().boundaries().kelurahan().stream().filter(k -> k.code().equals(code)).map(Kelurahan::name)
        .findFirst().orElse("");
  }

  public Optional<Activity> find(String id) {
    return store.activities().stream().filter(a -> a.id().equals(id)).findFirst();
  }

  public List<Activity> list(ActivityFilter filter) {
    return store.activities().stream().filter(filter::test).toList();
  }

  public Activity create(Activity a, Principal by) {
    store.putActivities(List.of(a), List.of(audit(by, "activity.create", a.id(), null, a)));
    return a;
  }

  public Activity update(Activity old, Activity next, Principal by) {
    store.putActivities(List.of(next), List.of(audit(by, "activity.update", next.id(), old, next)));
    return next;
  }

  public boolean delete(Activity old, Principal by) {
    return store.deleteActivity(old.id(), List.of(audit(by, "activity.delete", old.id(), old, null)));
  }

  /** Stores a whole validated file of new activities in one write, one audit entry each. */
  public void createAll(List<Activity> activities, Principal by) {
    List<AuditEntry> audit = new ArrayList<>();
    for (Activity a : activities) audit.add(audit(by, "activity.create", a.id(), null, a));
    store.putActivities(activities, audit);
  }

  /** SPEC §7's effect of the done activities the filter selects, against all BPU participants in the atlas. */
  public ActivityEffect.Result effect(java.util.function.Predicate<Activity> subjects) {
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
    Atlas atlas = layers.atlas();
    List<KelurahanCode> kelurahan = atlas.boundaries().kelurahan().stream().map(Kelurahan::code).toList();
    return Reach.evaluate(m, kelurahan, store.activities(), code -> {
      Counts c = atlas.coverage().cell(code, Sector.BPU, m);
      return c == null || c.workforce() == null ? null : Math.max(c.workforce() - c.participants(), 0);
    });
  }

  private AuditEntry audit(Principal by, String action, String subject, Activity old, Activity next) {
    return AuditEntry.of(clock.instant(), by, action, subject, old == null ? null : json(old).toString(),
        next == null ? null : json(next).toString());
  }

  /** An activity as the API and the audit log show it. */
  public static ObjectNode json(Activity a) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", a.id());
    n.put("type", a.type().key());
    n.put("status", a.status().key());
    n.put("date", a.date().toString());
    n.put("organiser", a.organiser());
    n.put("code", a.code().value());
    n.put("kecamatan_code", a.kecamatanCode());
    n.put("lon", a.lon());
    n.put("lat", a.lat());
    n.put("target_group", a.targetGroup());
    n.put("attendees", a.attendees());
    n.put("registrations", a.registrations());
    n.put("note", a.note());
    return n;
  }
}
