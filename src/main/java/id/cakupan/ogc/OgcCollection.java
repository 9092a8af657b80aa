package id.cakupan.ogc;

import id.cakupan.map.Level;
import java.util.List;
import java.util.Optional;

/**
 * The feature collections served under /ogc: boundaries of two levels, coverage of every level
 * with one feature per unit, month and sector, and the same coverage per kelurahan without
 * geometry (a table: repeating every polygon for every month and sector is most of the size of
 * the spatial one, and statistics tools join on the codes anyway); and the outreach activities
 * as points, one per activity of the published snapshot (SPEC §7).
 */
public enum OgcCollection {
  KELURAHAN("kelurahan", Level.KELURAHAN, false, true, "Kelurahan",
      "Kelurahan boundaries with Kemendagri codes, names, kecamatan and area"),
  KECAMATAN("kecamatan", Level.KECAMATAN, false, true, "Kecamatan",
      "Kecamatan boundaries, dissolved from their kelurahan, with codes, names and area"),
  COVERAGE_KELURAHAN("coverage-kelurahan", Level.KELURAHAN, true, true, "Coverage per kelurahan",
      "BPJS Ketenagakerjaan participants, workforce, coverage rate, uncovered workers, change and density"
          + " per kelurahan: one feature per kelurahan, month and sector (PU, BPU, JAKON, ALL)"),
  COVERAGE_KECAMATAN("coverage-kecamatan", Level.KECAMATAN, true, true, "Coverage per kecamatan",
      "The coverage metrics summed per kecamatan (ratio of sums): one feature per kecamatan, month and sector"),
  COVERAGE_KOTA("coverage-kota", Level.KOTA, true, true, "Coverage per kota",
      "The coverage metrics summed per kota (ratio of sums): one feature per kota, month and sector"),
  COVERAGE_PROVINSI("coverage-provinsi", Level.PROVINSI, true, true, "Coverage per provinsi",
      "The coverage metrics summed per provinsi (ratio of sums): one feature per provinsi, month and sector"),
  COVERAGE_TABLE("coverage-kelurahan-table", Level.KELURAHAN, true, false, "Coverage per kelurahan (table)",
      "The records of coverage-kelurahan without geometry (\"geometry\": null): one per kelurahan, month and"
          + " sector, with the Kemendagri and BPS codes to join on; being without geometry, every record matches"
          + " any bbox"),
  ACTIVITIES("activities", Level.KELURAHAN, false, true, "Outreach activities",
      "Bazar, pelatihan, pembinaan, sosialisasi and other outreach activities (planned, done or cancelled) of the"
          + " sudin, camat, lurah and BPJS branch offices: one point per activity, where it was recorded or else at"
          + " its kelurahan's interior point (property point says which)");

  private final String id;
  private final Level level;
  private final boolean coverage;
  private final boolean geometry;
  private final String title;
  private final String description;

  OgcCollection(String id, Level level, boolean coverage, boolean geometry, String title, String description) {
    this.id = id;
    this.level = level;
    this.coverage = coverage;
    this.geometry = geometry;
    this.title = title;
    this.description = description;
  }

  public String id() {
    return id;
  }

  public Level level() {
    return level;
  }

  /** True for the coverage collections: features per month and sector, with the metrics. */
  public boolean coverage() {
    return coverage;
  }

  /** True for the outreach activities: points of the snapshot's activities, not units of a level. */
  public boolean activities() {
    return this == ACTIVITIES;
  }

  /** False for a table: its features carry {@code "geometry": null}. */
  public boolean geometry() {
    return geometry;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /**
   * The CRS the items can be asked in (OGC API - Features Part 2): every one offered for a
   * collection with geometry; for a table only the default, there being nothing to project.
   */
  public List<OgcCrs> crs() {
    return geometry() ? OgcCrs.all() : List.of(OgcCrs.STORAGE);
  }

  public static Optional<OgcCollection> byId(String id) {
    for (OgcCollection c : values()) {
      if (c.id.equals(id)) return Optional.of(c);
    }
    return Optional.empty();
  }
}
