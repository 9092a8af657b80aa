package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The crosswalk between Kemendagri codes, BPS codes and the names found in boundary files and
 * CSVs. Names are compared after {@link #normalise(String)}, so that spacing and case variants
 * (Rawabadak / Rawa Badak, Kali Baru / Kalibaru) match; spellings that differ in letters
 * (Tanjung Priuk) match through the {@code nama_di_batas_bps2020} column.
 */
public final class Gazetteer {
  /** The Jakarta Utara crosswalk shipped in the jar (geodata/jakarta-utara.csv). */
  public static final String BUILT_IN = "geodata/jakarta-utara.csv";

  private final String source;
  private final Map<KelurahanCode, GazetteerEntry> byCode = new LinkedHashMap<>();
  private final Map<String, GazetteerEntry> byBps = new HashMap<>();
  private final Map<String, GazetteerEntry> byKecamatanAndName = new HashMap<>();
  private final Map<String, String> kecamatanNames = new HashMap<>();

  public Gazetteer(String source, Collection<GazetteerEntry> entries) {
    this.source = source;
    for (GazetteerEntry e : entries) {
      if (byCode.put(e.code(), e) != null) {
        throw new IllegalArgumentException(source + ": code " + e.code() + " appears twice");
      }
      if (e.bpsCode() != null && !e.bpsCode().isEmpty()) byBps.put(e.bpsCode(), e);
      byKecamatanAndName.put(key(e.kecamatan(), e.name()), e);
      if (e.boundaryName() != null && !e.boundaryName().isEmpty()) {
        byKecamatanAndName.putIfAbsent(key(e.kecamatan(), e.boundaryName()), e);
      }
      kecamatanNames.putIfAbsent(e.code().kecamatanCode(), e.kecamatan());
    }
  }

  public static Gazetteer builtIn() {
    try (InputStream in = Gazetteer.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) throw new IllegalStateException("built-in gazetteer missing from the jar: " + BUILT_IN);
      return parse(BUILT_IN, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read built-in gazetteer " + BUILT_IN, e);
    }
  }

  public static Gazetteer read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file.getFileName().toString(), in);
    }
  }

  /**
   * Reads the crosswalk CSV: {@code kode_kemendagri,kode_bps,kelurahan,kecamatan,kota,
   * nama_di_batas_bps2020} and optionally {@code lon,lat,luas_km2}.
   */
  public static Gazetteer parse(String source, InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = reader.readLine();
    if (header == null) throw new IllegalArgumentException(source + ": empty gazetteer");
    header = header.replace("\uFEFF", "");
    List<String> columns = List.of(header.trim().toLowerCase(Locale.ROOT).split(",", -1));
    for (String required : List.of("kode_kemendagri", "kode_bps", "kelurahan", "kecamatan", "kota")) {
      if (!columns.contains(required)) {
        throw new IllegalArgumentException(source + ": gazetteer has no column '" + required + "'");
      }
    }
    List<GazetteerEntry> entries = new ArrayList<>();
    String line;
    int lineNo = 1;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) continue;
      String[] cells = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < columns.size() && i < cells.length; i++) row.put(columns.get(i), cells[i].trim());
      try {
        entries.add(new GazetteerEntry(
            KelurahanCode.parse(row.get("kode_kemendagri")),
            row.get("kode_bps"),
            row.get("kelurahan"),
            row.get("kecamatan"),
            row.get("kota"),
            row.getOrDefault("nama_di_batas_bps2020", ""),
            number(row.get("lon")),
            number(row.get("lat")),
            number(row.get("luas_km2"))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + " line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return new Gazetteer(source, entries);
  }

  private static Double number(String s) {
    return s == null || s.isEmpty() ? null : Double.valueOf(s);
  }

  /** Lower case, accents and everything but letters and digits removed. */
  public static String normalise(String name) {
    if (name == null) return "";
    String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static String key(String kecamatan, String name) {
    return normalise(kecamatan) + "/" + normalise(name);
  }

  public String source() {
    return source;
  }

  public Collection<GazetteerEntry> entries() {
    return byCode.values();
  }

  public int size() {
    return byCode.size();
  }

  public Optional<GazetteerEntry> byCode(KelurahanCode code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public Optional<GazetteerEntry> byBpsCode(String bpsCode) {
    return Optional.ofNullable(bpsCode == null ? null : byBps.get(bpsCode.trim()));
  }

  /** Matches a kelurahan by name within its kecamatan, both in any known spelling. */
  public Optional<GazetteerEntry> byName(String kecamatan, String kelurahan) {
    return Optional.ofNullable(byKecamatanAndName.get(key(kecamatan, kelurahan)));
  }

  /** The kecamatan's name for a code such as {@code 31.72.03}; null when unknown. */
  public String kecamatanName(String kecamatanCode) {
    return kecamatanNames.get(kecamatanCode);
  }
}
