package id.cakupan.ogc.filter;

import java.util.List;

/**
 * A property a filter or sortby may name, with its JSON Schema type.
 *
 * @param values the values it can take, when there are few (an {@code enum}); empty otherwise
 * @param role an OGC role ({@code id}, {@code primary-geometry}, {@code primary-interval-start},
 *     {@code primary-interval-end}), or null
 */
public record Queryable(String name, Type type, String title, List<String> values, String role) {
  public enum Type {
    STRING, NUMBER, INTEGER, DATE, GEOMETRY;

    boolean numeric() {
      return this == NUMBER || this == INTEGER;
    }
  }

  public static Queryable of(String name, Type type, String title) {
    return new Queryable(name, type, title, List.of(), null);
  }

  public Queryable withValues(List<String> values) {
    return new Queryable(name, type, title, List.copyOf(values), role);
  }

  public Queryable withRole(String role) {
    return new Queryable(name, type, title, values, role);
  }
}
