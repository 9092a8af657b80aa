package id.cakupan.places;

import id.cakupan.map.Level;
import java.util.regex.Pattern;

/**
 * A picker's question: the areas of one level, optionally only those in one coarser area and
 * those whose name (or code) matches a search text, at most {@code limit} of them.
 *
 * @param parent a provinsi, kota or kecamatan code coarser than {@code level}, or null
 * @param search the search text as given (trimmed), or null
 */
public record PlaceQuery(Level level, String parent, String search, int limit) {
  public static final int DEFAULT_LIMIT = 500;
  public static final int MAX_LIMIT = 1000;
  public static final int MAX_SEARCH = 100;
  private static final Pattern PROVINSI = Pattern.compile("\\d{2}");
  private static final Pattern KOTA = Pattern.compile("\\d{2}\\.\\d{2}");
  private static final Pattern KECAMATAN = Pattern.compile("\\d{2}\\.\\d{2}\\.\\d{2}");

  public PlaceQuery {
    if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    if (parent != null && parentLevel(parent).ordinal() <= level.ordinal()) {
      throw new IllegalArgumentException("'" + parent + "' is a " + parentLevel(parent).key() + " code: the parent of "
          + level.key() + " places is a coarser area");
    }
  }

  /** The level a parent code names by its shape: {@code 31} a provinsi, {@code 31.72} a kota, {@code 31.72.03} a kecamatan. */
  public static Level parentLevel(String code) {
    if (PROVINSI.matcher(code).matches()) return Level.PROVINSI;
    if (KOTA.matcher(code).matches()) return Level.KOTA;
    if (KECAMATAN.matcher(code).matches()) return Level.KECAMATAN;
    throw new IllegalArgumentException("'" + code + "' is not a provinsi, kota or kecamatan code: expected e.g. 31, 31.72 or 31.72.03");
  }

  /** The parent code as a parameter holds it: surrounding space dropped, its shape checked. */
  public static String parseParent(String text) {
    String s = text.trim();
    parentLevel(s);
    return s;
  }

  /** The search text as a parameter holds it: trimmed, bounded, never empty. */
  public static String parseSearch(String text) {
    String s = text.trim();
    if (s.length() > MAX_SEARCH) throw new IllegalArgumentException("the search text is longer than " + MAX_SEARCH + " characters");
    if (PlaceIndex.searchable(s).isEmpty()) throw new IllegalArgumentException("'" + s + "' has no letter or digit to search for");
    return s;
  }

  public String cacheKey() {
    return "places|" + level.key() + "|" + parent + "|" + limit + "|" + search;
  }
}
