package id.cakupan.ogc;

import id.cakupan.ogc.filter.FeatureValues;
import id.cakupan.ogc.filter.SortBy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * The features of a selection that pass a Part 3 filter, in sortby order, as the one page asked
 * for. Features are visited one by one and only the page (unsorted) or the best
 * offset + limit (sorted) are kept, so memory follows the page, not the collection.
 *
 * @param matched how many features pass
 * @param page positions in the selection's listing order of the features on the page, in order
 */
record FeatureMatches(long matched, long[] page) {
  /** How deep a sorted listing may be paged: a sorted page keeps offset + limit features. */
  static final int MAX_SORTED_DEPTH = 100_000;

  private record Ranked(long index, Object[] keys) {}

  /** @param filter the condition still to test here, or null */
  static FeatureMatches find(OgcData data, FeatureItems.Selection s, Predicate<FeatureValues> filter, FeatureQuery q) {
    long size = s.size();
    long matched = 0;
    if (q.sortBy() == null) {
      long from = q.offset();
      long to = from + q.limit();
      List<Long> page = new ArrayList<>();
      for (long i = 0; i < size; i++) {
        if (filter != null && !filter.test(FeatureItems.feature(data, s, i))) continue;
        if (matched >= from && matched < to) page.add(i);
        matched++;
      }
      return new FeatureMatches(matched, page.stream().mapToLong(Long::longValue).toArray());
    }
    SortBy sortBy = q.sortBy();
    int keep = (int) Math.min((long) q.offset() + q.limit(), MAX_SORTED_DEPTH);
    long[] idRank = idRanks(s);
    Comparator<Ranked> order = Comparator.<Ranked, Object[]>comparing(Ranked::keys, sortBy.keyComparator())
        .thenComparingLong(r -> idRank(s, idRank, r.index()));
    // The worst kept feature on top, to be dropped when a better one comes.
    PriorityQueue<Ranked> best = new PriorityQueue<>(Math.max(1, Math.min(keep, 1024)), order.reversed());
    for (long i = 0; i < size; i++) {
      FeatureValues f = FeatureItems.feature(data, s, i);
      if (filter != null && !filter.test(f)) continue;
      matched++;
      Ranked r = new Ranked(i, sortBy.keysOf(f));
      if (best.size() < keep) {
        best.add(r);
      } else if (order.compare(r, best.peek()) < 0) {
        best.poll();
        best.add(r);
      }
    }
    List<Ranked> sorted = new ArrayList<>(best);
    sorted.sort(order);
    int from = (int) Math.min(q.offset(), sorted.size());
    return new FeatureMatches(matched, sorted.subList(from, sorted.size()).stream().mapToLong(Ranked::index).toArray());
  }

  /**
   * Ties are broken by feature id. Units are listed by code and months in order, as ids sort; only
   * the sectors are listed PU, BPU, JAKON, ALL rather than by name, so each gets its rank by name.
   */
  private static long[] idRanks(FeatureItems.Selection s) {
    List<String> names = s.sectors().stream().map(Enum::name).sorted().toList();
    long[] rank = new long[s.sectors().size()];
    for (int i = 0; i < rank.length; i++) rank[i] = names.indexOf(s.sectors().get(i).name());
    return rank;
  }

  private static long idRank(FeatureItems.Selection s, long[] sectorRank, long index) {
    if (!s.coverage()) return index;
    int sectors = s.sectors().size();
    return index - index % sectors + sectorRank[(int) (index % sectors)];
  }
}
