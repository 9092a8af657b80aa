package id.cakupan.coverage;

import java.util.List;
import java.util.Locale;

/** BPJS Ketenagakerjaan participation segments (SPEC §3). ALL is derived, never imported. */
public enum Sector {
  PU("Penerima Upah", List.of("formal", "penerima upah")),
  BPU("Bukan Penerima Upah", List.of("informal", "bukan penerima upah")),
  JAKON("Jasa Konstruksi", List.of("jasa konstruksi", "jakon")),
  ALL("Semua sektor", List.of());

  /** The sectors that are imported; ALL is their sum. */
  public static final List<Sector> IMPORTED = List.of(PU, BPU, JAKON);

  private final String label;
  private final List<String> aliases;

  Sector(String label, List<String> aliases) {
    this.label = label;
    this.aliases = aliases;
  }

  public String label() {
    return label;
  }

  /** Parses a code or alias, case-insensitive, including ALL (for queries). */
  public static Sector parse(String text) {
    String s = text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    for (Sector sector : values()) {
      if (sector.name().toLowerCase(Locale.ROOT).equals(s) || sector.aliases.contains(s)) {
        return sector;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a sector: expected PU, BPU, JAKON or ALL (or formal, informal, jasa konstruksi)");
  }

  /** Parses a sector that may be imported: ALL is refused because it is derived. */
  public static Sector parseImported(String text) {
    Sector sector = parse(text);
    if (sector == ALL) {
      throw new IllegalArgumentException("sector ALL is derived from PU, BPU and JAKON and cannot be imported");
    }
    return sector;
  }
}
