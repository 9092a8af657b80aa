package id.cakupan.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.KelurahanLocator;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The default store: plain files under the data directory, held in memory while running.
 * Each file is replaced atomically, so a kill mid-write leaves the previous version.
 *
 * <ul>
 *   <li>{@code boundaries.json}: kelurahan with WKB geometry (full precision), unmatched features
 *   <li>{@code coverage.csv}: {@code code,period,sector,participants,workforce}
 *   <li>{@code imports.json}: the import log
 * </ul>
 */
public final class EmbeddedStore implements Store {
  private static final String COVERAGE_HEADER = "code,period,sector,participants,workforce";
  private final Path dir;
  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private FileTime loadedImportsTime;
  private BoundarySet boundaries;
  private Map<String, CoverageRecord> coverage;
  private List<ImportRecord> imports;

  public EmbeddedStore(Path dir) {
    this.dir = dir;
    try {
      Files.createDirectories(dir);
      // Left by a writer that was killed mid-write; the real files still hold the last good state.
      for (String name : List.of("boundaries.json", "coverage.csv", "imports.json")) {
        Files.deleteIfExists(dir.resolve(name + ".tmp"));
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the embedded store in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    load();
  }

  private void load() {
    try {
      loadedImportsTime = importsTime();
      this.boundaries = readBoundaries();
      this.coverage = readCoverage();
      this.imports = readImports();
    } catch (IOException | RuntimeException e) {
      throw new StoreException("cannot read the embedded store in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
  }

  private FileTime importsTime() throws IOException {
    Path file = dir.resolve("imports.json");
    return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
  }

  /** Picks up imports another process (the CLI) wrote to the same directory. */
  @Override
  public synchronized long version() {
    try {
      if (!java.util.Objects.equals(importsTime(), loadedImportsTime)) load();
    } catch (IOException e) {
      throw new StoreException("cannot read the embedded store in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
    }
    return imports.size();
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
  public synchronized void replaceBoundaries(BoundarySet set, ImportRecord record) {
    try {
      writeBoundaries(set);
      appendImport(record);
      boundaries = set;
    } catch (IOException e) {
      throw new StoreException("cannot write boundaries to " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<CoverageRecord> coverage() {
    return List.copyOf(coverage.values());
  }

  @Override
  public synchronized void importCoverage(List<CoverageRecord> records, ImportRecord record) {
    write(new LinkedHashMap<>(coverage), records, record);
  }

  @Override
  public synchronized void replaceAllCoverage(List<CoverageRecord> records, ImportRecord record) {
    write(new LinkedHashMap<>(), records, record);
  }

  private void write(Map<String, CoverageRecord> next, List<CoverageRecord> records, ImportRecord record) {
    for (CoverageRecord r : records) next.put(key(r), r);
    try {
      writeCoverage(next);
      appendImport(record);
      coverage = next;
    } catch (IOException e) {
      throw new StoreException("cannot write coverage to " + dir + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<KelurahanCode> locate(double[] lons, double[] lats) {
    if (boundaries == null) return java.util.Collections.nCopies(lons.length, null);
    KelurahanLocator locator = new KelurahanLocator(boundaries.kelurahan());
    List<KelurahanCode> out = new ArrayList<>(lons.length);
    for (int i = 0; i < lons.length; i++) out.add(locator.locate(lons[i], lats[i]));
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

  // --- coverage.csv

  private Map<String, CoverageRecord> readCoverage() throws IOException {
    Map<String, CoverageRecord> out = new LinkedHashMap<>();
    Path file = dir.resolve("coverage.csv");
    if (!Files.exists(file)) return out;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      while ((line = r.readLine()) != null) {
        String[] c = line.split(",", -1);
        CoverageRecord rec = new CoverageRecord(KelurahanCode.parse(c[0]), Period.parse(c[1]),
            Sector.valueOf(c[2]), Long.parseLong(c[3]), c[4].isEmpty() ? null : Long.valueOf(c[4]));
        out.put(key(rec), rec);
      }
    }
    return out;
  }

  private void writeCoverage(Map<String, CoverageRecord> records) throws IOException {
    AtomicFiles.write(dir.resolve("coverage.csv"), out -> {
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(COVERAGE_HEADER);
      w.write('\n');
      for (CoverageRecord r : records.values()) {
        w.write(r.code() + "," + r.period() + "," + r.sector() + "," + r.participants() + ","
            + (r.workforce() == null ? "" : r.workforce()) + "\n");
      }
      w.flush();
    });
  }

  // --- imports.json

  private List<ImportRecord> readImports() throws IOException {
    Path file = dir.resolve("imports.json");
    if (!Files.exists(file)) return new ArrayList<>();
    return new ArrayList<>(List.of(json.readValue(file.toFile(), ImportRecord[].class)));
  }

  private void appendImport(ImportRecord record) throws IOException {
    List<ImportRecord> next = new ArrayList<>(imports);
    next.add(record);
    AtomicFiles.write(dir.resolve("imports.json"), out -> json.writeValue(out, next));
    imports = next;
    loadedImportsTime = importsTime();
  }

  // --- boundaries.json

  private BoundarySet readBoundaries() throws IOException {
    Path file = dir.resolve("boundaries.json");
    if (!Files.exists(file)) return null;
    JsonNode root = json.readTree(file.toFile());
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
    return new BoundarySet(root.get("source").asText(), root.get("schematic").asBoolean(), kelurahan, unmatched);
  }

  private void writeBoundaries(BoundarySet set) throws IOException {
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
    AtomicFiles.write(dir.resolve("boundaries.json"), out -> json.writeValue(out, root));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
