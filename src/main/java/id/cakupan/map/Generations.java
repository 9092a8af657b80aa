package id.cakupan.map;

/**
 * Which published data a cached value was built from: the generation of its geography and
 * coverage, of its targets and of its activities, 0 for a part it does not read ({@link Depends}).
 * A publish gives a new generation only to the parts that changed.
 */
record Generations(long coverage, long targets, long activities) {
  /** The generations a value reading {@code d} is keyed with: these, with 0 for what it does not read. */
  Generations readBy(Depends d) {
    return new Generations(coverage, d.targets() ? targets : 0, d.activities() ? activities : 0);
  }

  /** True when a value keyed with {@code key} was built from data these generations still hold. */
  boolean hold(Generations key) {
    return key.coverage == coverage && (key.targets == 0 || key.targets == targets)
        && (key.activities == 0 || key.activities == activities);
  }
}
