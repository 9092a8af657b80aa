package id.cakupan.map;

/**
 * What a cached value is built from, which decides which publishes drop it. Targets and
 * activities change whenever a camat saves a target or records a bazar; boundaries and coverage
 * only with an import. So every cached value is keyed with the generation of the geography and
 * coverage it read, and, when it reads targets or activities too, with the generation of those:
 * a target or activity write starts a new outreach generation only, and what was built from
 * coverage alone (at national scale, a country's choropleths, tiles, WMS maps and downloads) is
 * still served, while everything that reads targets or activities is built again.
 */
public enum Depends {
  /** Boundaries, geography and coverage counts only: choropleth, tiles, WMS, downloads, hot spots, OGC units. */
  COVERAGE,
  /**
   * Also the targets or the activities: target lists, progress (the worklist), rankings with their
   * {@code belum tersentuh} flag, reach, the OGC activities collection and documents describing it.
   */
  OUTREACH
}
