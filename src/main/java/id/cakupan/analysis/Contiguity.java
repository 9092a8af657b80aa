package id.cakupan.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A symmetric neighbour graph over named units (binary spatial weights): who borders whom. No
 * unit is its own neighbour here; Gi* adds the unit itself. Immutable.
 */
public final class Contiguity {
  private final Map<String, List<String>> neighbours;
  private final List<String> islands;

  /**
   * @param codes every unit, in the order results are to be listed
   * @param pairs each unordered pair of neighbouring codes, in any order and orientation
   */
  static Contiguity of(List<String> codes, List<String[]> pairs) {
    Map<String, Set<String>> sets = new LinkedHashMap<>();
    for (String c : codes) sets.put(c, new TreeSet<>());
    for (String[] p : pairs) {
      if (p[0].equals(p[1])) continue;
      sets.get(p[0]).add(p[1]);
      sets.get(p[1]).add(p[0]);
    }
    return new Contiguity(sets);
  }

  private Contiguity(Map<String, Set<String>> sets) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    List<String> alone = new ArrayList<>();
    for (Map.Entry<String, Set<String>> e : sets.entrySet()) {
      map.put(e.getKey(), List.copyOf(e.getValue()));
      if (e.getValue().isEmpty()) alone.add(e.getKey());
    }
    this.neighbours = Collections.unmodifiableMap(map);
    this.islands = List.copyOf(alone);
  }

  /** Every unit, in the order given when the graph was built. */
  public Set<String> codes() {
    return neighbours.keySet();
  }

  /** The unit's neighbours, sorted by code; empty for an island; null for a code not in the graph. */
  public List<String> neighbours(String code) {
    return neighbours.get(code);
  }

  /** Units with no neighbour at all (islands, exclaves): Gi* does not test them. */
  public List<String> islands() {
    return islands;
  }

  /** Number of neighbour pairs. */
  public int pairs() {
    int sum = 0;
    for (List<String> n : neighbours.values()) sum += n.size();
    return sum / 2;
  }

  /** A rough heap size, for caches: a few references and a short string per link. */
  public long estimatedBytes() {
    return 64L * neighbours.size() + 48L * pairs() * 2;
  }
}
