package id.cakupan.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.SharedGeodata;
import id.cakupan.boundary.UnmatchedFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundaries the product ships (geodata/) are what make-geodata makes from ../shared today,
 * in the form SPEC §2 fixes, and not copies of the shared files.
 */
class GeodataTest {
  private static final Path COMMITTED = Path.of("geodata");
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path out;
  static Geodata.Result result;

  @BeforeAll
  static void regenerate() throws Exception {
    result = Geodata.make(SharedGeodata.file(SharedGeodata.DKI_GEOJSON),
        SharedGeodata.file("dki-jakarta-gazetteer.csv"), out);
  }

  @Test
  void theCommittedFilesAreExactlyWhatTheGeneratorMakesFromTheSharedFiles() throws Exception {
    assertEquals(3, result.written().size());
    for (Path made : result.written()) {
      Path committed = COMMITTED.resolve(made.getFileName());
      assertTrue(Files.exists(committed), committed + " is not committed");
      assertArrayEquals(Files.readAllBytes(made), Files.readAllBytes(committed),
          committed + " differs from make-geodata's output; regenerate it (geodata/README.md)");
    }
  }

  @Test
  void noShippedFileIsAByteCopyOfASharedFile() throws Exception {
    Set<String> shared = new HashSet<>();
    try (Stream<Path> files = Files.list(SharedGeodata.directory())) {
      for (Path f : files.toList()) shared.add(sha256(f));
    }
    try (Stream<Path> files = Files.list(COMMITTED)) {
      for (Path f : files.toList()) assertFalse(shared.contains(sha256(f)), f + " is a byte copy of a shared file");
    }
  }

  @Test
  void everyKelurahanOfDkiIsThereOnceWithBothCodesAndTheLakesAreReportedNotShipped() throws Exception {
    JsonNode dki = JSON.readTree(COMMITTED.resolve("dki-jakarta-kelurahan.geojson").toFile());
    assertEquals(267, dki.get("features").size());
    Set<String> codes = new TreeSet<>();
    Set<String> kota = new TreeSet<>();
    for (JsonNode f : dki.get("features")) {
      JsonNode p = f.get("properties");
      assertEquals(f.get("id").asText(), p.get("kode_kemendagri").asText());
      assertTrue(p.get("kode_bps").asText().matches("31\\d{8}"), p.toString());
      assertFalse(p.get("kode_bps").asText().endsWith("888"), p.toString());
      assertTrue(p.get("kode_kecamatan").asText().length() == 8 && f.get("id").asText().startsWith(p.get("kode_kecamatan").asText()));
      codes.add(f.get("id").asText());
      kota.add(p.get("kode_kota").asText() + " " + p.get("kota").asText());
    }
    assertEquals(267, codes.size());
    assertEquals(6, kota.size(), kota.toString());
    // Jakarta Utara is BPS 3175 but Kemendagri 31.72: the file must carry the crosswalk, not arithmetic.
    JsonNode utara = JSON.readTree(COMMITTED.resolve("jakarta-utara-kelurahan.geojson").toFile());
    assertEquals(31, utara.get("features").size());
    for (JsonNode f : utara.get("features")) {
      assertTrue(f.get("id").asText().startsWith("31.72."));
      assertTrue(f.get("properties").get("kode_bps").asText().startsWith("3175"));
    }
    List<String> unmatched = new ArrayList<>();
    for (UnmatchedFeature u : result.set().unmatched()) unmatched.add(u.bpsCode());
    assertEquals(List.of("3174080888", "3175555888", "3175888888"), unmatched);
  }

  @Test
  void geometryIsRfc7946MultiPolygonsWithCounterClockwiseShellsAndAtMostSixDecimals() throws Exception {
    Pattern number = Pattern.compile("-?\\d+(\\.(\\d+))?");
    for (String name : List.of("jakarta-utara-kelurahan.geojson", "dki-jakarta-kelurahan.geojson")) {
      JsonNode fc = JSON.readTree(COMMITTED.resolve(name).toFile());
      assertFalse(fc.has("crs"), name + ": RFC 7946 has no crs member");
      for (JsonNode f : fc.get("features")) {
        JsonNode g = f.get("geometry");
        assertEquals("MultiPolygon", g.get("type").asText());
        Matcher m = number.matcher(g.get("coordinates").toString());
        while (m.find()) {
          assertTrue(m.group(2) == null || m.group(2).length() <= 6, name + " " + f.get("id") + ": " + m.group());
        }
        for (JsonNode polygon : g.get("coordinates")) {
          for (int r = 0; r < polygon.size(); r++) {
            double area = signedArea(polygon.get(r));
            // Exterior counter-clockwise (positive), holes clockwise (negative).
            assertTrue(r == 0 ? area > 0 : area < 0, name + " " + f.get("id") + " ring " + r + " area " + area);
          }
        }
      }
    }
  }

  private static double signedArea(JsonNode ring) {
    double sum = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
          - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
    }
    return sum / 2;
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
