package id.cakupan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the national benchmarks share: their {@code --name value} options, the source polygons, timing and load. */
final class BenchArgs {
  private BenchArgs() {}

  static Map<String, String> options(String[] args) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) throw new IllegalArgumentException("expected --name value, got " + args[i]);
      out.put(args[i].substring(2), args[i + 1]);
    }
    return out;
  }

  /** The real DKI polygons the synthetic country is copied from: {@code --geojson}, else ../shared/geodata's. */
  static Path dkiGeojson(Map<String, String> opts) {
    return Path.of(opts.getOrDefault("geojson",
        System.getProperty("cakupan.sharedGeodata", "../shared/geodata") + "/dki-jakarta-kelurahan-bps2020.geojson"));
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  /** The 1, 5 and 15 minute load averages: on a shared machine a figure means little without them. */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
