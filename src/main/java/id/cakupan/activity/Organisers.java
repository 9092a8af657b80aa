package id.cakupan.activity;

import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Who may be named as an activity's organiser: a sudin, a kecamatan, a kelurahan or a BPJS branch
 * office. A fixed list keeps the per-organiser summaries of SPEC §7 from splitting one office into
 * five spellings. Matching ignores case and repeated spaces; the list's spelling is stored.
 */
public final class Organisers {
  /** The city's sector offices that foster informal workers, per kota ("Sudin … Jakarta Utara"). */
  static final List<String> SUDIN = List.of(
      "Sudin Nakertransgi", // tenaga kerja, transmigrasi dan energi
      "Sudin PPKUKM", // perindustrian, perdagangan, koperasi, usaha kecil dan menengah
      "Sudin Parekraf", // pariwisata dan ekonomi kreatif
      "Sudin KPKP", // ketahanan pangan, kelautan dan pertanian: nelayan
      "Sudin Sosial");
  /** BPJS Ketenagakerjaan branch offices serving Jakarta Utara; a deployment elsewhere lists its own. */
  static final List<String> BRANCHES = List.of(
      "BPJS Ketenagakerjaan Cabang Jakarta Tanjung Priok",
      "BPJS Ketenagakerjaan Cabang Jakarta Kelapa Gading");

  private final Map<String, String> byKey = new LinkedHashMap<>();

  public Organisers(List<String> names) {
    for (String n : names) {
      String name = n.strip().replaceAll("\\s+", " ");
      if (!name.isEmpty()) byKey.putIfAbsent(key(name), name);
    }
    if (byKey.isEmpty()) throw new IllegalArgumentException("the organiser list is empty");
  }

  /** Sudin per kota, every kecamatan and kelurahan of the gazetteer, and the BPJS branches. */
  public static Organisers defaults(Gazetteer gazetteer) {
    List<String> names = new ArrayList<>();
    TreeSet<String> kota = new TreeSet<>();
    TreeSet<String> kecamatan = new TreeSet<>();
    TreeSet<String> kelurahan = new TreeSet<>();
    for (GazetteerEntry e : gazetteer.entries()) {
      kota.add(e.kota().replaceFirst("^(Kota|Kabupaten) Administrasi ", ""));
      kecamatan.add("Kecamatan " + e.kecamatan());
      kelurahan.add("Kelurahan " + e.name());
    }
    for (String k : kota) {
      for (String s : SUDIN) names.add(s + " " + k);
    }
    names.addAll(kecamatan);
    names.addAll(kelurahan);
    names.addAll(BRANCHES);
    return new Organisers(names);
  }

  /** The list's spelling of name, or null when it is not on the list. */
  public String match(String name) {
    return name == null ? null : byKey.get(key(name));
  }

  public List<String> names() {
    return List.copyOf(byKey.values());
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
