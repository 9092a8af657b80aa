package id.cakupan.places;

import id.cakupan.map.Geography;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Envelope;

/**
 * The provinsi, kota and kecamatan of a geography as pickers list them, in code order, with the
 * areas each lies in: built once per geography (names and extents only, no polygons), so that a
 * picker of a national region asks for a few dozen names instead of every kecamatan's figures.
 */
public final class PlaceIndex {
  /** The levels a picker chooses among; a kecamatan's kelurahan come with its layer. */
  public static final List<Level> LEVELS = List.of(Level.PROVINSI, Level.KOTA, Level.KECAMATAN);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<Level, List<Place>> byLevel = new EnumMap<>(Level.class);
  private final Map<String, Place> byCode = new HashMap<>();
  private final Map<String, List<Place>> byParent = new HashMap<>();

  private PlaceIndex() {}

  public static PlaceIndex of(Geography geography) {
    PlaceIndex index = new PlaceIndex();
    Map<String, Integer> kotaIn = new HashMap<>();
    Map<String, Integer> kecamatanIn = new HashMap<>();
    for (MapUnit k : geography.units(Level.KOTA)) kotaIn.merge(provinsiOf(k.code()), 1, Integer::sum);
    for (MapUnit k : geography.units(Level.KECAMATAN)) {
      kecamatanIn.merge(provinsiOf(k.kotaCode()), 1, Integer::sum);
      kecamatanIn.merge(k.kotaCode(), 1, Integer::sum);
    }
    for (MapUnit u : geography.units(Level.PROVINSI)) {
      index.add(new Place(Level.PROVINSI, u.code(), u.name(), searchable(u.name()), new Place[0], bbox(u),
          kotaIn.getOrDefault(u.code(), 0), kecamatanIn.getOrDefault(u.code(), 0)));
    }
    for (MapUnit u : geography.units(Level.KOTA)) {
      index.add(new Place(Level.KOTA, u.code(), u.name(), searchable(u.name()), index.parents(provinsiOf(u.code())),
          bbox(u), 0, kecamatanIn.getOrDefault(u.code(), 0)));
    }
    for (MapUnit u : geography.units(Level.KECAMATAN)) {
      index.add(new Place(Level.KECAMATAN, u.code(), u.name(), searchable(u.name()),
          index.parents(provinsiOf(u.kotaCode()), u.kotaCode()), bbox(u), 0, 0));
    }
    return index;
  }

  private void add(Place p) {
    byLevel.computeIfAbsent(p.level(), l -> new ArrayList<>()).add(p);
    byCode.put(p.code(), p);
    for (Place parent : p.parents()) byParent.computeIfAbsent(parent.code(), c -> new ArrayList<>()).add(p);
  }

  /** The places of these codes already in the index, coarsest first; a code not in it is left out. */
  private Place[] parents(String... codes) {
    List<Place> out = new ArrayList<>();
    for (String c : codes) {
      Place p = c == null ? null : byCode.get(c);
      if (p != null) out.add(p);
    }
    return out.toArray(new Place[0]);
  }

  /** The place of this code, or null. */
  public Place place(String code) {
    return byCode.get(code);
  }

  /** Every place of a level, in code order. */
  public List<Place> places(Level level) {
    return byLevel.getOrDefault(level, List.of());
  }

  /** The places of a level in the area {@code parentCode}, in code order. */
  public List<Place> places(Level level, String parentCode) {
    List<Place> out = new ArrayList<>();
    for (Place p : byParent.getOrDefault(parentCode, List.of())) {
      if (p.level() == level) out.add(p);
    }
    return out;
  }

  /**
   * A name as a search compares it: lower case, accents and punctuation dropped, words separated by
   * one space ("Pulo Gadung", "pulo-gadung" and "Pulogadung " differ only in spaces).
   */
  public static String searchable(String text) {
    String s = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
    return NOT_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  private static String provinsiOf(String code) {
    return code == null || code.length() < 2 ? null : code.substring(0, 2);
  }

  private static double[] bbox(MapUnit u) {
    if (u.geometry() == null || u.geometry().isEmpty()) return new double[0];
    Envelope e = u.geometry().getEnvelopeInternal();
    return new double[] {floor4(e.getMinX()), floor4(e.getMinY()), ceil4(e.getMaxX()), ceil4(e.getMaxY())};
  }

  // 4 decimals (~11 m) frame an area on a map: the 6 of the geometry would add a quarter to the list.
  private static double floor4(double v) {
    return Math.floor(v * 1e4) / 1e4;
  }

  private static double ceil4(double v) {
    return Math.ceil(v * 1e4) / 1e4;
  }
}
