package id.cakupan.bench;

import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Period;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * A made-up country the size of Indonesia for benchmarks: 38 provinces with their real two-digit
 * codes, about 530 kabupaten/kota, about 7,200 kecamatan and a chosen number of kelurahan/desa
 * (83,800 by default), each with a unique Kemendagri code ({@code PP.KK.DD.VVVV}: kota numbered
 * from 71 with kelurahan from 1001, kabupaten from 01 with desa from 2001), a unique 10-digit BPS
 * code that does not follow from it, and an invented name. Everything follows from the seed.
 */
final class SyntheticNation {
  /** The 38 province codes of the Kemendagri list (the numbers only; every name here is invented). */
  private static final int[] PROVINCES = {
      11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
      61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96};
  private static final String[] SYLLABLES = {
      "ba", "be", "bi", "bo", "bu", "ca", "ci", "da", "di", "du", "ga", "gi", "ja", "jo", "ka", "ke", "ki",
      "ko", "ku", "la", "li", "lu", "ma", "me", "mi", "mu", "na", "ni", "nu", "pa", "pe", "pi", "po", "ra",
      "ri", "ru", "sa", "se", "si", "su", "ta", "te", "ti", "tu", "wa", "wi", "ya", "yo", "ng", "an", "ar"};

  /** One place with what the CSV needs precomputed: its code as text and workforce per sector. */
  record Place(String code, int[] workforce, int[] participants) {}

  private final Gazetteer gazetteer;
  private final List<Place> places;
  private final int provinces;
  private final int kabupatenKota;
  private final int kecamatan;

  private SyntheticNation(Gazetteer gazetteer, List<Place> places, int provinces, int kabupatenKota, int kecamatan) {
    this.gazetteer = gazetteer;
    this.places = places;
    this.provinces = provinces;
    this.kabupatenKota = kabupatenKota;
    this.kecamatan = kecamatan;
  }

  /** @param size the number of kelurahan/desa, at least one per kecamatan's worth (a few thousand) */
  static SyntheticNation generate(int size, long seed) {
    Random random = new Random(seed);
    // Provinces -> 8..20 kabupaten/kota -> 8..19 kecamatan: about 530 and 7,200 (Indonesia: 514 and 7,277).
    record Kec(int province, int kab, int kec, String kecName, String kotaName, boolean kota) {}
    List<Kec> kecs = new ArrayList<>();
    int kabCount = 0;
    for (int p : PROVINCES) {
      int kabs = 8 + random.nextInt(13);
      int nextKabupaten = 1;
      int nextKota = 71;
      Set<String> kabNames = new HashSet<>();
      for (int k = 0; k < kabs; k++) {
        boolean kota = random.nextInt(6) == 0 && nextKota < 80;
        int kab = kota ? nextKota++ : nextKabupaten++;
        String kabName = (kota ? "Kota " : "Kabupaten ") + uniqueName(random, kabNames, 2, 3);
        kabCount++;
        int kecCount = 8 + random.nextInt(12);
        Set<String> kecNames = new HashSet<>();
        for (int d = 1; d <= kecCount; d++) {
          kecs.add(new Kec(p, kab, d, uniqueName(random, kecNames, 2, 3), kabName, kota));
        }
      }
    }
    if (size < kecs.size()) {
      throw new IllegalArgumentException("at least " + kecs.size() + " places are needed for " + kecs.size()
          + " kecamatan; asked for " + size);
    }
    // Kelurahan/desa per kecamatan: uneven weights, scaled so that the total is exactly size.
    int[] weights = new int[kecs.size()];
    long total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1 + random.nextInt(21);
      total += weights[i];
    }
    int[] counts = new int[kecs.size()];
    int assigned = 0;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = Math.max(1, (int) (size * (long) weights[i] / total));
      assigned += counts[i];
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) order.add(i);
    Collections.shuffle(order, random);
    for (int j = 0; assigned != size; j = (j + 1) % order.size()) {
      int i = order.get(j);
      if (assigned < size) {
        counts[i]++;
        assigned++;
      } else if (counts[i] > 1) {
        counts[i]--;
        assigned--;
      }
    }

    List<GazetteerEntry> entries = new ArrayList<>(size);
    List<Place> places = new ArrayList<>(size);
    for (int i = 0; i < kecs.size(); i++) {
      Kec k = kecs.get(i);
      int n = counts[i];
      // BPS numbers the villages of a kecamatan in its own order: no arithmetic leads from one code to the other.
      List<Integer> bpsOrder = new ArrayList<>();
      for (int v = 1; v <= n; v++) bpsOrder.add(v);
      Collections.shuffle(bpsOrder, random);
      Set<String> names = new HashSet<>();
      double lon = 95 + random.nextDouble() * 46;
      double lat = -11 + random.nextDouble() * 17;
      for (int v = 0; v < n; v++) {
        String code = String.format(Locale.ROOT, "%02d.%02d.%02d.%04d", k.province(), k.kab(), k.kec(),
            (k.kota() ? 1001 : 2001) + v);
        String bps = String.format(Locale.ROOT, "%02d%02d%03d%03d", k.province(), k.kab(), k.kec() * 10,
            bpsOrder.get(v));
        String name = uniqueName(random, names, 2, 4);
        entries.add(new GazetteerEntry(new KelurahanCode(code), bps, name, k.kecName(), k.kotaName(), name,
            lon + random.nextDouble() * 0.2, lat + random.nextDouble() * 0.2, 0.5 + random.nextDouble() * 40));
        places.add(place(random, code));
      }
    }
    return new SyntheticNation(new Gazetteer("synthetic-nation-" + size, entries), places, PROVINCES.length,
        kabCount, kecs.size());
  }

  private static Place place(Random random, String code) {
    int[] workforce = new int[3];
    int[] participants = new int[3];
    // PU, BPU, JAKON: a few hundred to tens of thousands of workers, informal coverage far lower.
    double[] rates = {0.55 + 0.4 * random.nextDouble(), 0.02 + 0.3 * random.nextDouble(),
        0.2 + 0.7 * random.nextDouble()};
    double scale = Math.exp(5 + 4 * random.nextDouble());
    double[] shares = {1.0, 1.2, 0.1};
    for (int s = 0; s < 3; s++) {
      workforce[s] = (int) Math.round(scale * shares[s] * (0.5 + random.nextDouble()));
      participants[s] = (int) Math.round(workforce[s] * rates[s]);
    }
    return new Place(code, workforce, participants);
  }

  private static String uniqueName(Random random, Set<String> taken, int minSyllables, int maxSyllables) {
    while (true) {
      int n = minSyllables + random.nextInt(maxSyllables - minSyllables + 1);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) sb.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
      sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
      String name = sb.toString();
      if (taken.add(name)) return name;
    }
  }

  /**
   * Writes the SPEC §3 CSV (kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja): every place,
   * every month up to and including last, sectors PU, BPU and JAKON; about 3% of the workforce
   * cells are left empty (unknown). The same seed gives the same file; {@code revision} is added to
   * every peserta_aktif, so revision 1 is the same file with every value changed. Returns the
   * number of data rows.
   */
  long writeCsv(Path file, Period last, int months, long seed, int revision) throws IOException {
    Random random = new Random(seed);
    String[] sectors = {"PU", "BPU", "JAKON"};
    long rows = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      StringBuilder sb = new StringBuilder(1 << 16);
      sb.append("kode_wilayah,periode,sektor,peserta_aktif,tenaga_kerja\n");
      for (int m = months - 1; m >= 0; m--) {
        String period = last.minusMonths(m).toString();
        int age = months - 1 - m;
        for (Place p : places) {
          for (int s = 0; s < 3; s++) {
            // Slow growth month on month, with some noise, never above what makes sense.
            long workforce = p.workforce()[s] + random.nextInt(5);
            long participants = Math.min(workforce + 50,
                Math.max(0, p.participants()[s] + age * (s == 1 ? 2 : 1) + random.nextInt(7) - 3));
            sb.append(p.code()).append(',').append(period).append(',').append(sectors[s]).append(',')
                .append(participants + revision).append(',');
            if (random.nextInt(33) != 0) sb.append(workforce);
            sb.append('\n');
            rows++;
          }
          if (sb.length() > 60_000) {
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            sb.setLength(0);
          }
        }
      }
      out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
    }
    return rows;
  }

  Gazetteer gazetteer() {
    return gazetteer;
  }

  int places() {
    return places.size();
  }

  int provinces() {
    return provinces;
  }

  int kabupatenKota() {
    return kabupatenKota;
  }

  int kecamatan() {
    return kecamatan;
  }
}
