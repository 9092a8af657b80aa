package id.cakupan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.cakupan.activity.Activity;
import id.cakupan.activity.ActivityJson;
import id.cakupan.auth.ApiToken;
import id.cakupan.auth.ApiTokenJson;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Role;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.KelurahanLocator;
import id.cakupan.boundary.Outline;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.ogc.filter.Filter;
import id.cakupan.ogc.filter.FilterEvaluator;
import id.cakupan.targeting.Target;
import id.cakupan.store.AtomicFiles.Written;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default store: files under the data directory, held in memory while running.
 *
 * <p>Every write makes a new <em>generation</em>, a directory {@code gen-000042/} holding the whole
 * state, and then switches the one-line file {@code CURRENT} to it by an atomic rename. So coverage,
 * boundaries and the import log change together or not at all, even when the writer is killed:
 *
 * <ul>
 *   <li>{@code boundaries.json}: kelurahan with WKB geometry (full precision), unmatched features,
 *   the kecamatan, kota and provinsi outlines dissolved at import
 *   <li>{@code coverage.csv}: {@code code,period,sector,participants,workforce}
 *   <li>{@code imports.json}: the import log
 *   <li><em>documents</em>, small files of later features, each written whole: {@code tokens.json}
 *   (tokens by the SHA-256 of their secret), {@code audit.jsonl} (the audit log, one JSON object a
 *   line, oldest first), {@code activities.json}, {@code targets.json}; a feature adds its own (see
 *   {@link #commitDocuments})
 *   <li>{@code manifest.json}: SHA-256 and length of each, checked on every load
 * </ul>
 *
 * <p>Writers hold an exclusive lock on {@code store.lock} (the CLI and a running server may share
 * the directory), readers a shared one. Files of an unchanged part are hard links to the previous
 * generation's, so a boundary import does not rewrite a million coverage rows.
 */
public final class EmbeddedStore implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStore.class);
  static final String CURRENT = "CURRENT";
  static final String LOCK = "store.lock";
  static final String BOUNDARIES = "boundaries.json";
  static final String COVERAGE = "coverage.csv";
  static final String IMPORTS = "imports.json";
  static final String MANIFEST = "manifest.json";
  static final String TOKENS = "tokens.json";
  static final String AUDIT = "audit.jsonl";
  static final String ACTIVITIES = "activities.json";
  static final String TARGETS = "targets.json";
  /** The files the generation code knows; every other file a manifest lists is a document. */
  private static final java.util.Set<String> CORE_FILES = java.util.Set.of(BOUNDARIES, COVERAGE, IMPORTS, MANIFEST);
  private static final Pattern GENERATION = Pattern.compile("gen-(\\d{6,})");
  private static final String COVERAGE_HEADER = "code,period,sector,participants,workforce";
  /**
   * One monitor per directory in this JVM: a file lock only keeps other processes out, and a
   * second lock on the same file from this JVM would throw.
   */
  private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

  private final Path dir;
  private final Object monitor;
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** The generation held in memory; null while nothing was ever written. */
  private Generation loaded;
  private BoundarySet boundaries;
  private Map<String, CoverageRecord> coverage = new LinkedHashMap<>();
  private List<ImportRecord> imports = new ArrayList<>();
  /** Documents of the current generation by file name, as stored (checked against the manifest). */
  private Map<String, byte[]> documents = new TreeMap<>();

  /** A generation's number and the checksums of its files, as its manifest lists them. */
  private record Generation(long number, Map<String, Written> files) {
    String name() {
      return name(number);
    }

    static String name(long number) {
      return String.format("gen-%06d", number);
    }
  }

  @FunctionalInterface
  private interface LockedWork<T> {
    T run() throws IOException;
  }

  /**
   * Opens the store in dir: moves data of the old layout (three files beside each other) into a
   * first generation, removes generations a killed writer left half-made, and loads the current one.
   *
   * @throws StoreException when the current generation's files disagree with its manifest
   */
  public EmbeddedStore(Path dir) {
    this.dir = dir;
    this.monitor = MONITORS.computeIfAbsent(dir.toAbsolutePath().normalize(), k -> new Object());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StoreException("cannot create the embedded store in " + where() + ": " + e.getMessage(), e);
    }
    locked(false, "open", () -> {
      if (readCurrent() == null && hasLegacyFiles()) migrateLegacy();
      String current = readCurrent();
      removeLeftovers(current);
      if (current != null) load(current);
      return null;
    });
  }

  /** Picks up writes another process (the CLI) made to the same directory. */
  @Override
  public synchronized long version() {
    String current;
    try {
      current = readCurrent();
    } catch (IOException e) {
      throw new StoreException("cannot read the embedded store in " + where() + ": " + e.getMessage(), e);
    }
    if (!Objects.equals(current, loadedName())) locked(true, "read", () -> refresh());
    // Every write makes a generation, whatever it changed (imports, targets).
    return loaded == null ? 0 : loaded.number();
  }

  @Override
  public String kind() {
    return "embedded";
  }

  public Path directory() {
    return dir;
  }

  @Override
  public synchronized Optional<BoundarySet> boundaries() {
    return Optional.ofNullable(boundaries);
  }

  @Override
  public synchronized boolean hasBoundaries() {
    return boundaries != null;
  }

  @Override
  public synchronized void replaceBoundaries(BoundarySet set, ImportRecord record, List<AuditEntry> audit) {
    locked(false, "write boundaries", () -> {
      refresh();
      commit(set, true, coverage, false, record, auditDocument(audit));
      return null;
    });
  }

  @Override
  public synchronized boolean keepOutlines(ImportRecord dissolvedFrom, List<Outline> outlines) {
    return locked(false, "write boundary outlines", () -> {
      refresh();
      if (boundaries == null || !boundaries.outlines().isEmpty()
          || !dissolvedFrom.equals(ImportRecord.lastBoundaries(imports))) {
        return false;
      }
      commit(boundaries.withOutlines(outlines), true, coverage, false, null, Map.of());
      return true;
    });
  }

  @Override
  public synchronized List<CoverageRecord> coverage() {
    return List.copyOf(coverage.values());
  }

  @Override
  public synchronized void importCoverage(List<CoverageRecord> records, ImportRecord record) {
    locked(false, "write coverage", () -> {
      refresh();
      writeCoverage(new LinkedHashMap<>(coverage), records, record, List.of());
      return null;
    });
  }

  @Override
  public synchronized void replaceAllCoverage(List<CoverageRecord> records, ImportRecord record) {
    locked(false, "write coverage", () -> {
      refresh();
      writeCoverage(new LinkedHashMap<>(), records, record, List.of());
      return null;
    });
  }

  @Override
  public synchronized boolean acceptCoverage(List<CoverageRecord> records, ImportRecord record,
      List<AuditEntry> audit) {
    return locked(false, "write coverage", () -> {
      // Decided from the latest generation, under the lock that the write holds.
      refresh();
      if (ImportRecord.SYNTHETIC.equals(record.kind())) {
        if (!coverage.isEmpty()) return false;
        writeCoverage(new LinkedHashMap<>(), records, record, audit);
      } else {
        writeCoverage(onlySeedStored() ? new LinkedHashMap<>() : new LinkedHashMap<>(coverage), records, record, audit);
      }
      return true;
    });
  }

  /**
   * The stored coverage is exactly the synthetic seed: the last coverage write was the seed and
   * the rows are as many as it wrote (data from an old, torn directory is kept, not wiped).
   */
  private boolean onlySeedStored() {
    ImportRecord last = null;
    for (ImportRecord r : imports) {
      if (ImportRecord.SYNTHETIC.equals(r.kind()) || ImportRecord.COVERAGE.equals(r.kind())) last = r;
    }
    return last != null && ImportRecord.SYNTHETIC.equals(last.kind()) && coverage.size() == last.rows();
  }

  private void writeCoverage(Map<String, CoverageRecord> next, List<CoverageRecord> records, ImportRecord record,
      List<AuditEntry> audit) throws IOException {
    for (CoverageRecord r : records) next.put(key(r), r);
    commit(boundaries, false, next, true, record, auditDocument(audit));
  }

  @Override
  public synchronized List<KelurahanCode> locate(double[] lons, double[] lats) {
    if (boundaries == null) return Collections.nCopies(lons.length, null);
    KelurahanLocator locator = new KelurahanLocator(boundaries.kelurahan());
    List<KelurahanCode> out = new ArrayList<>(lons.length);
    for (int i = 0; i < lons.length; i++) out.add(locator.locate(lons[i], lats[i]));
    return out;
  }

  @Override
  public synchronized List<KelurahanCode> kelurahanMatching(Filter filter) {
    if (boundaries == null) return List.of();
    FilterEvaluator evaluator = new FilterEvaluator(filter);
    List<KelurahanCode> out = new ArrayList<>();
    for (Kelurahan k : boundaries.kelurahan()) {
      if (evaluator.matches(KelurahanQueryables.values(k))) out.add(k.code());
    }
    Collections.sort(out);
    return out;
  }

  @Override
  public synchronized List<CoverageFeature> coverageMatching(Filter filter, int limit) {
    if (boundaries == null) return List.of();
    CoverageTable table = new CoverageTable(coverage.values());
    FilterEvaluator evaluator = new FilterEvaluator(filter);
    List<Kelurahan> byCode = new ArrayList<>(boundaries.kelurahan());
    byCode.sort(Comparator.comparing(Kelurahan::code));
    List<CoverageFeature> out = new ArrayList<>();
    for (Kelurahan k : byCode) {
      for (Period period : table.periods()) {
        for (Sector sector : Sector.values()) {
          if (evaluator.matches(CoverageQueryables.values(k, period, sector, table))) {
            if (out.size() == limit) return out;
            out.add(new CoverageFeature(k.code(), period, sector));
          }
        }
      }
    }
    return out;
  }

  @Override
  public synchronized List<ImportRecord> imports() {
    return List.copyOf(imports);
  }

  @Override
  public void close() {}

  private static String key(CoverageRecord r) {
    return r.code() + "|" + r.period() + "|" + r.sector();
  }

  private String where() {
    return dir.toAbsolutePath().normalize().toString();
  }

  private String loadedName() {
    return loaded == null ? null : loaded.name();
  }

  // --- documents: tokens, the audit log, and what later features keep

  /** The current generation's document, or null when it has none yet. Call under the lock, after refresh(). */
  private byte[] document(String name) {
    return documents.get(name);
  }

  /**
   * Writes one generation in which the named documents are replaced and the audit entries are
   * appended to {@value #AUDIT}; coverage, boundaries and other documents are linked unchanged.
   * Call under {@code locked(false, ...)} after {@code refresh()}, having built the documents from
   * what is current: a later feature stores its data and its audit entries in one step this way.
   */
  private void commitDocuments(Map<String, byte[]> changed, List<AuditEntry> audit) throws IOException {
    Map<String, byte[]> all = new TreeMap<>(changed);
    all.putAll(auditDocument(audit));
    commit(boundaries, false, coverage, false, null, all);
  }

  /** The audit document with the entries appended, as a change for {@link #commit}; empty for no entries. */
  private Map<String, byte[]> auditDocument(List<AuditEntry> audit) throws IOException {
    if (audit.isEmpty()) return Map.of();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] old = document(AUDIT);
    if (old != null) out.write(old);
    for (AuditEntry e : audit) {
      ObjectNode n = json.createObjectNode();
      n.put("at", e.at().toString());
      n.put("actor", e.actor());
      n.put("role", e.role().key());
      n.put("action", e.action());
      n.put("subject", e.subject());
      n.put("old", e.oldValue());
      n.put("new", e.newValue());
      out.write(json.writeValueAsBytes(n));
      out.write('\n');
    }
    return Map.of(AUDIT, out.toByteArray());
  }

  @Override
  public synchronized void appendAudit(List<AuditEntry> entries) {
    if (entries.isEmpty()) return;
    locked(false, "write the audit log", () -> {
      refresh();
      commitDocuments(Map.of(), entries);
      return null;
    });
  }

  @Override
  public synchronized List<AuditEntry> audit(int limit, int offset) {
    locked(true, "read", this::refresh);
    byte[] log = document(AUDIT);
    if (log == null || limit <= 0) return List.of();
    String[] lines = new String(log, StandardCharsets.UTF_8).split("\n");
    List<AuditEntry> out = new ArrayList<>();
    // Newest last in the file, first in the answer; offset and length are ints, so this cannot overflow.
    for (int i = lines.length - 1 - offset; i >= 0 && out.size() < limit; i--) {
      if (lines[i].isEmpty()) continue;
      try {
        JsonNode n = json.readTree(lines[i]);
        out.add(new AuditEntry(Instant.parse(n.get("at").asText()), n.get("actor").asText(),
            Role.parse(n.get("role").asText()), n.get("action").asText(), text(n, "subject"), text(n, "old"),
            text(n, "new")));
      } catch (IOException | RuntimeException e) {
        throw new StoreException("the embedded store in " + where() + " has an unreadable " + AUDIT + " line "
            + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** A stored token with the hash it is found by. */
  private record StoredToken(ApiToken token, String sha256) {}

  private List<StoredToken> storedTokens() throws IOException {
    byte[] doc = document(TOKENS);
    List<StoredToken> out = new ArrayList<>();
    if (doc == null) return out;
    for (JsonNode n : json.readTree(doc)) {
      out.add(new StoredToken(ApiTokenJson.read(n), n.get("sha256").asText()));
    }
    return out;
  }

  private byte[] tokensDocument(List<StoredToken> tokens) throws IOException {
    ArrayNode list = json.createArrayNode();
    for (StoredToken s : tokens) {
      ApiTokenJson.write(list.addObject(), s.token()).put("sha256", s.sha256());
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(list);
  }

  @Override
  public synchronized void createToken(ApiToken token, String sha256, List<AuditEntry> audit) {
    locked(false, "write a token", () -> {
      refresh();
      List<StoredToken> tokens = storedTokens();
      for (StoredToken s : tokens) {
        if (s.token().id().equals(token.id()) || s.sha256().equals(sha256)) {
          throw new StoreException("a token with id " + token.id() + " or the same secret is already stored", null);
        }
      }
      tokens.add(new StoredToken(token, sha256));
      commitDocuments(Map.of(TOKENS, tokensDocument(tokens)), audit);
      return null;
    });
  }

  @Override
  public synchronized List<ApiToken> tokens() {
    return locked(true, "read", () -> {
      refresh();
      return storedTokens().stream().map(StoredToken::token).toList();
    });
  }

  /** Looks at the current generation first: a token revoked by another process stops at once. */
  @Override
  public synchronized Optional<ApiToken> liveToken(String sha256) {
    return locked(true, "read", () -> {
      refresh();
      for (StoredToken s : storedTokens()) {
        if (s.sha256().equals(sha256) && s.token().live()) return Optional.of(s.token());
      }
      return Optional.empty();
    });
  }

  @Override
  public synchronized Optional<ApiToken> revokeToken(String id, Instant at, List<AuditEntry> audit) {
    return locked(false, "revoke a token", () -> {
      refresh();
      List<StoredToken> tokens = storedTokens();
      for (int i = 0; i < tokens.size(); i++) {
        StoredToken s = tokens.get(i);
        if (s.token().id().equals(id) && s.token().live()) {
          ApiToken revoked = s.token().revokedAt(at);
          tokens.set(i, new StoredToken(revoked, s.sha256()));
          commitDocuments(Map.of(TOKENS, tokensDocument(tokens)), audit);
          return Optional.of(revoked);
        }
      }
      return Optional.empty();
    });
  }

  // --- activities.json

  private List<Activity> storedActivities() throws IOException {
    byte[] doc = document(ACTIVITIES);
    List<Activity> out = new ArrayList<>();
    if (doc == null) return out;
    for (JsonNode n : json.readTree(doc)) out.add(ActivityJson.read(n));
    return out;
  }

  private byte[] activitiesDocument(Collection<Activity> activities) throws IOException {
    ArrayNode list = json.createArrayNode();
    for (Activity a : activities) ActivityJson.write(list.addObject(), a, false);
    return json.writeValueAsBytes(list);
  }

  private static final java.util.Comparator<Activity> BY_DATE =
      java.util.Comparator.comparing(Activity::date).thenComparing(Activity::id);

  @Override
  public synchronized List<Activity> activities() {
    return locked(true, "read", () -> {
      refresh();
      return storedActivities().stream().sorted(BY_DATE).toList();
    });
  }

  @Override
  public synchronized void putActivities(List<Activity> activities, List<AuditEntry> audit) {
    locked(false, "write activities", () -> {
      refresh();
      Map<String, Activity> byId = new LinkedHashMap<>();
      for (Activity a : storedActivities()) byId.put(a.id(), a);
      for (Activity a : activities) byId.put(a.id(), a);
      commitDocuments(Map.of(ACTIVITIES, activitiesDocument(byId.values())), audit);
      return null;
    });
  }

  @Override
  public synchronized boolean deleteActivity(String id, List<AuditEntry> audit) {
    return locked(false, "delete an activity", () -> {
      refresh();
      List<Activity> all = storedActivities();
      if (!all.removeIf(a -> a.id().equals(id))) return false;
      commitDocuments(Map.of(ACTIVITIES, activitiesDocument(all)), audit);
      return true;
    });
  }

  // --- targeting: camat targets

  @Override
  public synchronized List<Target> targets(String kecamatan, Sector sector, Period period) {
    return locked(true, "read", () -> {
      refresh();
      List<Target> out = new ArrayList<>();
      for (Target t : storedTargets().values()) {
        if ((kecamatan == null || t.code().kecamatanCode().equals(kecamatan)) && (sector == null || t.sector() == sector)
            && (period == null || t.period().equals(period))) {
          out.add(t);
        }
      }
      return out;
    });
  }

  @Override
  public synchronized List<Target> putTargets(List<Target> targets, ImportRecord record,
      BiFunction<Target, Target, AuditEntry> audit) {
    return locked(false, "write targets", () -> {
      refresh();
      Map<String, Target> next = storedTargets();
      List<Target> before = new ArrayList<>(targets.size());
      List<AuditEntry> entries = new ArrayList<>(targets.size());
      for (Target t : targets) {
        Target was = next.put(t.key(), t);
        before.add(was);
        entries.add(audit.apply(was, t));
      }
      Map<String, byte[]> changed = new TreeMap<>(auditDocument(entries));
      changed.put(TARGETS, targetsDocument(next.values()));
      commit(boundaries, false, coverage, false, record, changed);
      return before;
    });
  }

  /** The stored targets by {@link Target#key()}, in {@link Target#ORDER}. */
  private Map<String, Target> storedTargets() throws IOException {
    byte[] doc = document(TARGETS);
    if (doc == null) return new LinkedHashMap<>();
    List<Target> list = new ArrayList<>();
    for (JsonNode n : json.readTree(doc)) {
      list.add(new Target(KelurahanCode.parse(n.get("code").asText()), Sector.valueOf(n.get("sector").asText()),
          Period.parse(n.get("period").asText()), n.get("target").asLong(), Period.parse(n.get("baseline_period").asText()),
          text(n, "assignee"), text(n, "note")));
    }
    list.sort(Target.ORDER);
    Map<String, Target> ordered = new LinkedHashMap<>();
    for (Target t : list) ordered.put(t.key(), t);
    return ordered;
  }

  private byte[] targetsDocument(java.util.Collection<Target> targets) throws IOException {
    List<Target> sorted = new ArrayList<>(targets);
    sorted.sort(Target.ORDER);
    ArrayNode list = json.createArrayNode();
    for (Target t : sorted) {
      ObjectNode n = list.addObject();
      n.put("code", t.code().value());
      n.put("sector", t.sector().name());
      n.put("period", t.period().toString());
      n.put("target", t.target());
      n.put("baseline_period", t.baseline().toString());
      n.put("assignee", t.assignee());
      n.put("note", t.note());
    }
    return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(list);
  }

  // --- locking

  /** Runs work holding this JVM's monitor for dir and a file lock, shared for reading. */
  private <T> T locked(boolean shared, String what, LockedWork<T> work) {
    synchronized (monitor) {
      try (FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
          FileLock lock = ch.lock(0, Long.MAX_VALUE, shared)) {
        return work.run();
      } catch (StoreException e) {
        throw e;
      } catch (IOException | RuntimeException e) {
        // A malformed manifest or file shows up as a parse error: still a store that cannot be read.
        throw new StoreException("cannot " + what + " the embedded store in " + where() + ": " + e.getMessage(), e);
      }
    }
  }

  // --- generations

  private String readCurrent() throws IOException {
    Path file = dir.resolve(CURRENT);
    if (!Files.exists(file)) return null;
    String name = Files.readString(file, StandardCharsets.UTF_8).strip();
    if (!GENERATION.matcher(name).matches()) throw inconsistent(CURRENT + " holds \"" + name + "\", not a generation");
    return name;
  }

  /** Loads the current generation if another writer moved on since this one was loaded. */
  private Void refresh() throws IOException {
    String current = readCurrent();
    if (Objects.equals(current, loadedName())) return null;
    if (current == null) throw inconsistent(CURRENT + " disappeared while " + loadedName() + " was in use");
    load(current);
    return null;
  }

  /** Reads a whole generation, checking every file against the manifest before using any of it. */
  private void load(String name) throws IOException {
    Path gen = dir.resolve(name);
    if (!Files.isDirectory(gen)) throw inconsistent(CURRENT + " names " + name + ", which does not exist");
    Path manifestFile = gen.resolve(MANIFEST);
    if (!Files.exists(manifestFile)) throw inconsistent(name + " has no " + MANIFEST);
    JsonNode manifest = json.readTree(manifestFile.toFile());
    Map<String, Written> files = new TreeMap<>();
    manifest.get("files").fields().forEachRemaining(f ->
        files.put(f.getKey(), new Written(f.getValue().get("sha256").asText(), f.getValue().get("bytes").asLong())));
    for (String required : List.of(COVERAGE, IMPORTS)) {
      if (!files.containsKey(required)) throw inconsistent(name + "/" + MANIFEST + " lists no " + required);
    }
    Map<String, CoverageRecord> nextCoverage = readCoverage(gen.resolve(COVERAGE), files.get(COVERAGE));
    List<ImportRecord> nextImports = List.of(json.readValue(checked(gen.resolve(IMPORTS), files.get(IMPORTS)),
        ImportRecord[].class));
    BoundarySet nextBoundaries = files.containsKey(BOUNDARIES)
        ? readBoundaries(checked(gen.resolve(BOUNDARIES), files.get(BOUNDARIES))) : null;
    // The counts the writer saw: a second check that the log and the data belong together.
    if (manifest.get("coverage_rows").asLong() != nextCoverage.size()
        || manifest.get("imports").asLong() != nextImports.size()) {
      throw inconsistent(name + " holds " + nextCoverage.size() + " coverage rows and " + nextImports.size()
          + " imports, its manifest says " + manifest.get("coverage_rows") + " and " + manifest.get("imports"));
    }
    Map<String, byte[]> nextDocuments = new TreeMap<>();
    for (Map.Entry<String, Written> f : files.entrySet()) {
      if (!CORE_FILES.contains(f.getKey())) nextDocuments.put(f.getKey(), checked(gen.resolve(f.getKey()), f.getValue()));
    }
    Matcher number = GENERATION.matcher(name);
    number.matches();
    loaded = new Generation(Long.parseLong(number.group(1)), files);
    documents = nextDocuments;
    coverage = nextCoverage;
    imports = new ArrayList<>(nextImports);
    boundaries = nextBoundaries;
  }

  /**
   * Writes the next generation (with record appended to the log, if given) beside the current one,
   * then switches CURRENT to it. A writer
   * killed before the switch leaves a generation that nothing points at; the next open removes it.
   */
  private void commit(BoundarySet nextBoundaries, boolean boundariesChanged, Map<String, CoverageRecord> nextCoverage,
      boolean coverageChanged, ImportRecord record, Map<String, byte[]> changedDocuments) throws IOException {
    List<ImportRecord> nextImports = new ArrayList<>(imports);
    if (record != null) nextImports.add(record);
    Generation previous = loaded;
    long number = previous == null ? 1 : previous.number() + 1;
    String name = Generation.name(number);
    Path partial = dir.resolve(name + ".partial");
    deleteTree(partial);
    Files.createDirectory(partial);
    Map<String, Written> files = new TreeMap<>();
    files.put(COVERAGE, coverageChanged || previous == null
        ? AtomicFiles.writeDurably(partial.resolve(COVERAGE), out -> writeCoverage(out, nextCoverage))
        : linkFrom(previous, COVERAGE, partial));
    files.put(IMPORTS, AtomicFiles.writeDurably(partial.resolve(IMPORTS), out -> json.writeValue(out, nextImports)));
    if (nextBoundaries != null) {
      files.put(BOUNDARIES, boundariesChanged || previous == null || !previous.files().containsKey(BOUNDARIES)
          ? AtomicFiles.writeDurably(partial.resolve(BOUNDARIES),
              out -> json.writeValue(out, boundariesJson(nextBoundaries)))
          : linkFrom(previous, BOUNDARIES, partial));
    }
    Map<String, byte[]> nextDocuments = new TreeMap<>(documents);
    nextDocuments.putAll(changedDocuments);
    for (Map.Entry<String, byte[]> d : nextDocuments.entrySet()) {
      String file = d.getKey();
      byte[] bytes = d.getValue();
      files.put(file, changedDocuments.containsKey(file) || previous == null || !previous.files().containsKey(file)
          ? AtomicFiles.writeDurably(partial.resolve(file), out -> out.write(bytes))
          : linkFrom(previous, file, partial));
    }
    ObjectNode manifest = json.createObjectNode();
    manifest.put("generation", number);
    manifest.put("coverage_rows", nextCoverage.size());
    manifest.put("imports", nextImports.size());
    ObjectNode list = manifest.putObject("files");
    files.forEach((file, w) -> list.putObject(file).put("sha256", w.sha256()).put("bytes", w.bytes()));
    AtomicFiles.writeDurably(partial.resolve(MANIFEST),
        out -> json.writerWithDefaultPrettyPrinter().writeValue(out, manifest));
    AtomicFiles.syncDirectory(partial);
    Path gen = dir.resolve(name);
    deleteTree(gen);
    Files.move(partial, gen, StandardCopyOption.ATOMIC_MOVE);
    KillPoints.step("renamed " + partial.getFileName() + " to " + name);
    AtomicFiles.syncDirectory(dir);
    AtomicFiles.replace(dir.resolve(CURRENT), (name + "\n").getBytes(StandardCharsets.UTF_8));

    loaded = new Generation(number, files);
    boundaries = nextBoundaries;
    coverage = nextCoverage;
    imports = nextImports;
    documents = nextDocuments;
    // Readers in other processes hold the shared lock while loading, so nobody is reading it now.
    if (previous != null) {
      deleteTree(dir.resolve(previous.name()));
      KillPoints.step("removed " + previous.name());
    }
  }

  /** A hard link to the previous generation's file (never modified in place), or a copy where links fail. */
  private Written linkFrom(Generation previous, String file, Path partial) throws IOException {
    Path source = dir.resolve(previous.name()).resolve(file);
    try {
      Files.createLink(partial.resolve(file), source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, partial.resolve(file));
    }
    KillPoints.step("linked " + partial.getFileName() + "/" + file);
    return previous.files().get(file);
  }

  /** Removes what killed writers left: unswitched generations, a CURRENT.tmp, migrated old-layout files. */
  private void removeLeftovers(String current) throws IOException {
    Files.deleteIfExists(dir.resolve(CURRENT + ".tmp"));
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "gen-*")) {
      for (Path entry : entries) {
        if (!entry.getFileName().toString().equals(current)) {
          LOG.info("embedded store {}: removing {}, left by an interrupted write", where(), entry.getFileName());
          deleteTree(entry);
        }
      }
    }
    if (current != null) {
      for (String file : List.of(BOUNDARIES, COVERAGE, IMPORTS)) {
        Files.deleteIfExists(dir.resolve(file));
        Files.deleteIfExists(dir.resolve(file + ".tmp"));
      }
    }
  }

  private boolean hasLegacyFiles() {
    return Files.exists(dir.resolve(COVERAGE)) || Files.exists(dir.resolve(IMPORTS))
        || Files.exists(dir.resolve(BOUNDARIES));
  }

  /**
   * Moves a directory of the old layout (three files, each replaced on its own) into generation 1.
   * The old files stay until CURRENT points at the new generation, so a kill here loses nothing.
   */
  private void migrateLegacy() throws IOException {
    for (String file : List.of(BOUNDARIES, COVERAGE, IMPORTS)) Files.deleteIfExists(dir.resolve(file + ".tmp"));
    Path imp = dir.resolve(IMPORTS);
    Path bnd = dir.resolve(BOUNDARIES);
    coverage = readCoverage(dir.resolve(COVERAGE), null);
    imports = Files.exists(imp) ? new ArrayList<>(List.of(json.readValue(imp.toFile(), ImportRecord[].class)))
        : new ArrayList<>();
    boundaries = Files.exists(bnd) ? readBoundaries(Files.readAllBytes(bnd)) : null;
    // No log entry: nothing was imported, and the log keeps its meaning for the synthetic check.
    commit(boundaries, true, coverage, true, null, Map.of());
    LOG.info("embedded store {}: moved the old layout ({} coverage rows, {} imports) into {}", where(),
        coverage.size(), imports.size(), loadedName());
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) return;
    if (Files.isDirectory(path)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
        for (Path entry : entries) deleteTree(entry);
      }
    }
    Files.delete(path);
  }

  private StoreException inconsistent(String why) {
    return new StoreException("the embedded store in " + where() + " is inconsistent: " + why
        + ". Nothing is served from it; restore the directory from a backup, or move it away to start empty.",
        null);
  }

  /** The file's bytes, after checking them against the manifest. */
  private byte[] checked(Path file, Written expected) throws IOException {
    if (!Files.exists(file)) throw inconsistent(relative(file) + " is missing");
    byte[] bytes = Files.readAllBytes(file);
    String sha = HexFormat.of().formatHex(AtomicFiles.sha256().digest(bytes));
    if (!sha.equals(expected.sha256()) || bytes.length != expected.bytes()) {
      throw inconsistent(relative(file) + " has sha256 " + sha + " (" + bytes.length + " bytes), its manifest says "
          + expected.sha256() + " (" + expected.bytes() + " bytes)");
    }
    return bytes;
  }

  private String relative(Path file) {
    return dir.relativize(file).toString();
  }

  // --- coverage.csv

  /** Reads the records; with expected given, checks the file against it while reading. */
  private Map<String, CoverageRecord> readCoverage(Path file, Written expected) throws IOException {
    Map<String, CoverageRecord> out = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      if (expected != null) throw inconsistent(relative(file) + " is missing");
      return out;
    }
    MessageDigest sha = AtomicFiles.sha256();
    RuntimeException unreadable = null;
    try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] c = line.split(",", -1);
        CoverageRecord rec = new CoverageRecord(KelurahanCode.parse(c[0]), Period.parse(c[1]),
            Sector.valueOf(c[2]), Long.parseLong(c[3]), c[4].isEmpty() ? null : Long.valueOf(c[4]));
        out.put(key(rec), rec);
      }
    } catch (RuntimeException e) {
      unreadable = e;
    }
    // For an altered file the checksum says more than a parse error would.
    if (expected != null) {
      String actual = HexFormat.of().formatHex(sha.digest());
      if (!actual.equals(expected.sha256())) {
        throw inconsistent(relative(file) + " has sha256 " + actual + ", its manifest says " + expected.sha256());
      }
    }
    if (unreadable != null) throw new IOException(relative(file) + ": " + unreadable.getMessage(), unreadable);
    return out;
  }

  private static void writeCoverage(OutputStream out, Map<String, CoverageRecord> records) throws IOException {
    BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    w.write(COVERAGE_HEADER);
    w.write('\n');
    for (CoverageRecord r : records.values()) {
      w.write(r.code() + "," + r.period() + "," + r.sector() + "," + r.participants() + ","
          + (r.workforce() == null ? "" : r.workforce()) + "\n");
    }
    w.flush();
  }

  // --- boundaries.json

  private BoundarySet readBoundaries(byte[] content) throws IOException {
    JsonNode root = json.readTree(content);
    WKBReader wkb = new WKBReader();
    List<Kelurahan> kelurahan = new ArrayList<>();
    for (JsonNode k : root.get("kelurahan")) {
      try {
        MultiPolygon g = (MultiPolygon) wkb.read(Base64.getDecoder().decode(k.get("wkb").asText()));
        kelurahan.add(new Kelurahan(KelurahanCode.parse(k.get("code").asText()), text(k, "kode_bps"),
            k.get("name").asText(), k.get("kecamatan").asText(), k.get("kota").asText(), g,
            k.get("luas_km2").asDouble()));
      } catch (ParseException e) {
        throw new IOException("boundaries.json: bad geometry for " + k.get("code").asText(), e);
      }
    }
    List<UnmatchedFeature> unmatched = new ArrayList<>();
    for (JsonNode u : root.get("unmatched")) {
      unmatched.add(new UnmatchedFeature(u.get("index").asInt(), text(u, "kode_bps"), text(u, "name"),
          text(u, "kecamatan"), text(u, "reason")));
    }
    // Absent from a file written before outlines were stored: the service dissolves them then.
    List<Outline> outlines = new ArrayList<>();
    for (JsonNode o : root.path("outlines")) {
      try {
        outlines.add(new Outline(o.get("code").asText(),
            (MultiPolygon) wkb.read(Base64.getDecoder().decode(o.get("wkb").asText()))));
      } catch (ParseException | ClassCastException e) {
        throw new IOException("boundaries.json: bad outline geometry for " + o.get("code").asText(), e);
      }
    }
    return new BoundarySet(root.get("source").asText(), root.get("schematic").asBoolean(), kelurahan, unmatched,
        outlines);
  }

  private ObjectNode boundariesJson(BoundarySet set) {
    ObjectNode root = json.createObjectNode();
    root.put("source", set.source());
    root.put("schematic", set.schematic());
    ArrayNode list = root.putArray("kelurahan");
    WKBWriter wkb = new WKBWriter();
    for (Kelurahan k : set.kelurahan()) {
      ObjectNode n = list.addObject();
      n.put("code", k.code().value());
      n.put("kode_bps", k.bpsCode());
      n.put("name", k.name());
      n.put("kecamatan", k.kecamatan());
      n.put("kota", k.kota());
      n.put("luas_km2", k.areaKm2());
      n.put("wkb", Base64.getEncoder().encodeToString(wkb.write(k.geometry())));
    }
    ArrayNode un = root.putArray("unmatched");
    for (UnmatchedFeature u : set.unmatched()) {
      ObjectNode n = un.addObject();
      n.put("index", u.index());
      n.put("kode_bps", u.bpsCode());
      n.put("name", u.name());
      n.put("kecamatan", u.kecamatan());
      n.put("reason", u.reason());
    }
    ArrayNode outlines = root.putArray("outlines");
    for (Outline o : set.outlines()) {
      ObjectNode n = outlines.addObject();
      n.put("code", o.code());
      n.put("wkb", Base64.getEncoder().encodeToString(wkb.write(o.geometry())));
    }
    return root;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
