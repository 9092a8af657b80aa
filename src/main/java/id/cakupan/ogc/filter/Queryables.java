package id.cakupan.ogc.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The queryables of one collection, in the order they are documented. */
public final class Queryables {
  private final Map<String, Queryable> byName = new LinkedHashMap<>();

  public Queryables(List<Queryable> list) {
    for (Queryable q : list) {
      if (byName.put(q.name(), q) != null) throw new IllegalArgumentException("queryable " + q.name() + " twice");
    }
  }

  public List<Queryable> all() {
    return List.copyOf(byName.values());
  }

  public Optional<Queryable> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The names, comma-separated, for error messages. */
  public String names() {
    return String.join(", ", byName.keySet());
  }
}
