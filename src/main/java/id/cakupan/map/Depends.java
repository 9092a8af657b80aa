package id.cakupan.map;

/**
 * What a cached value is built from, which decides which publishes drop it. Targets change
 * whenever a camat saves one, activities whenever a bazar is recorded; boundaries and coverage
 * only with an import. So every cached value is keyed with the generation of the geography and
 * coverage it read and, when it reads them, with the generation of the targets and that of the
 * activities ({@link Generations}). A target write starts a new targets generation only: what was
 * built from coverage alone (at national scale, a country's choropleths, tiles, WMS maps and
 * downloads) or from coverage and activities (the ranking) is still served, while what reads the
 * targets is built again; an activity write likewise.
 */
public enum Depends {
  /** Boundaries, geography and coverage counts only: choropleth, tiles, WMS, downloads, hot spots, OGC units. */
  COVERAGE(false, false),
  /** Also the targets: the target list. */
  TARGETS(true, false),
  /**
   * Also the activities: rankings with their {@code belum tersentuh} flag, reach, the OGC
   * activities collection and the documents describing it.
   */
  ACTIVITIES(false, true),
  /** Also the targets and the activities: progress (the worklist), with targets and {@code belum tersentuh}. */
  TARGETS_AND_ACTIVITIES(true, true);

  private final boolean targets;
  private final boolean activities;

  Depends(boolean targets, boolean activities) {
    this.targets = targets;
    this.activities = activities;
  }

  boolean targets() {
    return targets;
  }

  boolean activities() {
    return activities;
  }
}
