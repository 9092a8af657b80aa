package id.cakupan.tiles;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/** A least-recently-used cache bounded by the summed weight (bytes) of its values. */
final class LruCache<K, V> {
  private final long maxWeight;
  private final ToLongFunction<V> weigher;
  private final LinkedHashMap<K, V> map = new LinkedHashMap<>(256, 0.75f, true);
  private long weight;

  LruCache(long maxWeight, ToLongFunction<V> weigher) {
    this.maxWeight = maxWeight;
    this.weigher = weigher;
  }

  synchronized V get(K key) {
    return map.get(key);
  }

  synchronized void put(K key, V value) {
    long w = weigher.applyAsLong(value);
    if (w > maxWeight) return; // would evict everything else and still not fit
    V old = map.put(key, value);
    if (old != null) weight -= weigher.applyAsLong(old);
    weight += w;
    Iterator<Map.Entry<K, V>> eldest = map.entrySet().iterator();
    while (weight > maxWeight && eldest.hasNext()) {
      Map.Entry<K, V> e = eldest.next();
      if (e.getKey().equals(key)) continue;
      weight -= weigher.applyAsLong(e.getValue());
      eldest.remove();
    }
  }

  synchronized int size() {
    return map.size();
  }

  synchronized long weight() {
    return weight;
  }
}
