package id.cakupan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small national-shaped region for tests: the mainland kelurahan of the DKI gazetteer (provinsi
 * 31) and a copy of them 0.7° further east under provinsi 32, drawn with schematic boundaries.
 * Two provinsi make a region national (TileLevels), so it takes every national code path with a
 * few hundred kelurahan instead of 83,800.
 */
public final class TwoProvinsi {
  private TwoProvinsi() {}

  /**
   * A server of this region on a fresh embedded store in {@code dir} (gazetteer and data written
   * there; schematic boundaries and demo coverage made at start), with a 64 MiB response cache.
   */
  public static id.cakupan.api.ServerFixture server(Path dir) throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    return new id.cakupan.api.ServerFixture(
        new id.cakupan.config.Config(0, data, null, gazetteer(dir), null, null, null, null, 64L << 20));
  }

  /** Writes the gazetteer into {@code dir} and returns its path. */
  public static Path gazetteer(Path dir) throws IOException {
    List<String> lines = Files.readAllLines(Path.of("geodata/dki-jakarta.csv"), StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    out.add(lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      if (line.startsWith("31.01.")) continue; // the islands would make the view mostly sea
      out.add(line);
      String[] f = line.split(",", -1);
      f[0] = "32" + f[0].substring(2);
      f[1] = "32" + f[1].substring(2);
      f[6] = String.format(Locale.ROOT, "%.5f", Double.parseDouble(f[6]) + 0.7);
      out.add(String.join(",", f));
    }
    Path gazetteer = dir.resolve("two-provinsi.csv");
    Files.write(gazetteer, out, StandardCharsets.UTF_8);
    return gazetteer;
  }
}
