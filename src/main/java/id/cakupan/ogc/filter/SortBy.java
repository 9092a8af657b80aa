package id.cakupan.ogc.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The OGC {@code sortby} parameter: {@code +name}, {@code -name} or {@code name} (ascending),
 * comma-separated, each a queryable that is not a geometry. Nulls sort last either way; the caller
 * breaks ties (the OGC items, by feature id).
 */
public record SortBy(List<Key> keys, String text) {
  public static final int MAX_KEYS = 8;

  public record Key(String property, boolean ascending) {}

  public static SortBy parse(String text, Queryables queryables) {
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_KEYS) throw new IllegalArgumentException("at most " + MAX_KEYS + " sort keys");
    List<Key> keys = new ArrayList<>();
    for (String part : parts) {
      String p = part.trim();
      boolean ascending = true;
      // A '+' in a query string arrives as a space when not percent-encoded: " name" is "+name".
      if (p.startsWith("+")) {
        p = p.substring(1).trim();
      } else if (p.startsWith("-")) {
        ascending = false;
        p = p.substring(1).trim();
      }
      if (p.isEmpty()) throw new IllegalArgumentException("an empty sort key in '" + text + "'");
      String name = p;
      Queryable q = queryables.get(name).orElseThrow(() -> new IllegalArgumentException("unknown property '" + name
          + "'; the queryables of this collection are " + queryables.names()));
      if (q.type() == Queryable.Type.GEOMETRY) throw new IllegalArgumentException("'" + name + "' is a geometry and cannot be sorted by");
      keys.add(new Key(name, ascending));
    }
    return new SortBy(List.copyOf(keys), text);
  }

  /** Orders features by the keys; features equal on every key compare equal (a stable sort keeps their order). */
  public Comparator<FeatureValues> comparator() {
    Comparator<Object[]> byKeys = keyComparator();
    return (a, b) -> byKeys.compare(keysOf(a), keysOf(b));
  }

  /** A feature's values of the sort keys, read once so that sorting does not read them again. */
  public Object[] keysOf(FeatureValues f) {
    Object[] out = new Object[keys.size()];
    for (int i = 0; i < out.length; i++) out[i] = f.value(keys.get(i).property());
    return out;
  }

  /** Orders {@link #keysOf} arrays. */
  public Comparator<Object[]> keyComparator() {
    return (a, b) -> {
      for (int i = 0; i < keys.size(); i++) {
        Object x = a[i];
        Object y = b[i];
        if (x == null || y == null) {
          if (x == null && y == null) continue;
          return x == null ? 1 : -1;
        }
        int c = FilterEvaluator.compare(x, y);
        if (c != 0) return keys.get(i).ascending() ? c : -c;
      }
      return 0;
    };
  }
}
