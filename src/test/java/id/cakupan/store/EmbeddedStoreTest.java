package id.cakupan.store;

import static id.cakupan.store.StoreFixtures.KOJA;
import static id.cakupan.store.StoreFixtures.LAGOA;
import static id.cakupan.store.StoreFixtures.OCT;
import static id.cakupan.store.StoreFixtures.PLUIT;
import static id.cakupan.store.StoreFixtures.SEP;
import static id.cakupan.store.StoreFixtures.assertSameBoundaries;
import static id.cakupan.store.StoreFixtures.log;
import static id.cakupan.store.StoreFixtures.rec;
import static id.cakupan.store.StoreFixtures.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.Sector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKBWriter;

/** What only the embedded store has: generations on disk, the old layout, several writers on one directory. */
class EmbeddedStoreTest {
  @TempDir
  Path dir;

  private final ObjectMapper json =
      new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @Test
  void aDirectoryOfTheOldLayoutIsMovedIntoAGenerationWithEverythingIntact() throws Exception {
    BoundarySet set = StoreFixtures.jakartaUtara();
    List<ImportRecord> log = List.of(log(ImportRecord.BOUNDARIES, 3, "00"), log(ImportRecord.COVERAGE, 2, "01"));
    List<CoverageRecord> counts = List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L), rec(PLUIT, SEP, Sector.PU, 5, null));
    writeOldLayout(set, counts, log);
    Files.writeString(dir.resolve("coverage.csv.tmp"), "code,period,sec"); // a write killed in the old layout

    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      // That layout kept no outlines: read as none, for the service to dissolve and keep at start.
      assertSameBoundaries(set.withOutlines(List.of()), store.boundaries().orElseThrow());
      assertEquals(sorted(counts), sorted(store.coverage()));
      assertEquals(log, store.imports(), "the migration adds nothing to the import log");
    }
    for (String old : List.of("coverage.csv", "imports.json", "boundaries.json", "coverage.csv.tmp")) {
      assertFalse(Files.exists(dir.resolve(old)), old + " is gone from the top level");
    }
    assertEquals("gen-000001", Files.readString(dir.resolve(EmbeddedStore.CURRENT)).strip());
    try (EmbeddedStore again = new EmbeddedStore(dir)) {
      assertEquals(sorted(counts), sorted(again.coverage()));
      assertEquals(log, again.imports());
    }
  }

  @Test
  void aGenerationThatDisagreesWithItsManifestIsRefusedWithAClearMessage() throws Exception {
    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      store.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L)), log(ImportRecord.COVERAGE, 1, "00"));
    }
    Path csv = dir.resolve("gen-000001").resolve(EmbeddedStore.COVERAGE);
    Files.writeString(csv, "31.72.03.1003,2026-10,BPU,5,10\n", StandardOpenOption.APPEND);

    StoreException e = assertThrows(StoreException.class, () -> new EmbeddedStore(dir));
    assertTrue(e.getMessage().contains("inconsistent") && e.getMessage().contains("gen-000001/coverage.csv"),
        e.getMessage());
  }

  @Test
  void aLogThatLostItsLastEntryIsRefused() throws Exception {
    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      store.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L)), log(ImportRecord.COVERAGE, 1, "00"));
      store.importCoverage(List.of(rec(LAGOA, OCT, Sector.BPU, 1, 9L)), log(ImportRecord.COVERAGE, 1, "01"));
    }
    Path imports = dir.resolve("gen-000002").resolve(EmbeddedStore.IMPORTS);
    Files.write(imports, json.writeValueAsBytes(List.of(log(ImportRecord.COVERAGE, 1, "00"))));

    StoreException e = assertThrows(StoreException.class, () -> new EmbeddedStore(dir));
    assertTrue(e.getMessage().contains("gen-000002/imports.json"), e.getMessage());
  }

  @Test
  void twoStoresOnOneDirectoryKeepEachOthersImports() {
    // As the CLI and a running server do: each must write on top of the other's latest data.
    try (EmbeddedStore server = new EmbeddedStore(dir); EmbeddedStore cli = new EmbeddedStore(dir)) {
      CoverageRecord first = rec(KOJA, OCT, Sector.BPU, 120, 900L);
      CoverageRecord second = rec(LAGOA, OCT, Sector.PU, 5, 10L);
      cli.acceptCoverage(List.of(first), log(ImportRecord.COVERAGE, 1, "00"));
      server.acceptCoverage(List.of(second), log(ImportRecord.COVERAGE, 1, "01"));
      server.replaceBoundaries(StoreFixtures.schematicPluitOnly(), log(ImportRecord.BOUNDARIES, 1, "02"));
      try (EmbeddedStore reopened = new EmbeddedStore(dir)) {
        assertEquals(sorted(List.of(first, second)), sorted(reopened.coverage()));
        assertEquals(List.of(log(ImportRecord.COVERAGE, 1, "00"), log(ImportRecord.COVERAGE, 1, "01"),
            log(ImportRecord.BOUNDARIES, 1, "02")), reopened.imports());
      }
      assertEquals(3, cli.version(), "the other instance sees the new import");
      assertEquals(sorted(List.of(first, second)), sorted(cli.coverage()));
    }
  }

  @Test
  void aBoundaryImportKeepsTheCoverageFileAsItWas() throws Exception {
    try (EmbeddedStore store = new EmbeddedStore(dir)) {
      store.importCoverage(List.of(rec(KOJA, OCT, Sector.BPU, 120, 900L)), log(ImportRecord.COVERAGE, 1, "00"));
      byte[] before = Files.readAllBytes(dir.resolve("gen-000001").resolve(EmbeddedStore.COVERAGE));
      store.replaceBoundaries(StoreFixtures.jakartaUtara(), log(ImportRecord.BOUNDARIES, 3, "01"));
      assertEquals(List.of("gen-000002"), generations(), "the old generation is removed after the switch");
      assertEquals(new String(before, StandardCharsets.UTF_8),
          Files.readString(dir.resolve("gen-000002").resolve(EmbeddedStore.COVERAGE)));
    }
  }

  private List<String> generations() throws Exception {
    try (var entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("gen-")).sorted().toList();
    }
  }

  /** The three files as the store wrote them before generations: each replaced on its own. */
  private void writeOldLayout(BoundarySet set, List<CoverageRecord> counts, List<ImportRecord> log) throws Exception {
    StringBuilder csv = new StringBuilder("code,period,sector,participants,workforce\n");
    for (CoverageRecord r : counts) {
      csv.append(r.code()).append(',').append(r.period()).append(',').append(r.sector()).append(',')
          .append(r.participants()).append(',').append(r.workforce() == null ? "" : r.workforce()).append('\n');
    }
    Files.writeString(dir.resolve("coverage.csv"), csv);
    Files.write(dir.resolve("imports.json"), json.writeValueAsBytes(log));
    ObjectNode root = json.createObjectNode();
    root.put("source", set.source());
    root.put("schematic", set.schematic());
    ArrayNode list = root.putArray("kelurahan");
    for (Kelurahan k : set.kelurahan()) {
      list.addObject().put("code", k.code().value()).put("kode_bps", k.bpsCode()).put("name", k.name())
          .put("kecamatan", k.kecamatan()).put("kota", k.kota()).put("luas_km2", k.areaKm2())
          .put("wkb", Base64.getEncoder().encodeToString(new WKBWriter().write(k.geometry())));
    }
    ArrayNode unmatched = root.putArray("unmatched");
    for (UnmatchedFeature u : set.unmatched()) {
      unmatched.addObject().put("index", u.index()).put("kode_bps", u.bpsCode()).put("name", u.name())
          .put("kecamatan", u.kecamatan()).put("reason", u.reason());
    }
    Files.write(dir.resolve("boundaries.json"), json.writeValueAsBytes(root));
  }
}
