package id.cakupan.bench;

import java.net.URI;
import java.util.List;
import java.util.Random;

/**
 * The mix of reads the soak sends: what the map page, a GIS client and a spreadsheet user ask
 * for, with parameters drawn from what the server reports (kelurahan on the map, months with
 * data, where the kelurahan lie). Months are swapped in as imports add them.
 */
final class SoakRequests {
  private static final String[] SECTORS = {"ALL", "PU", "BPU", "JAKON"};
  private static final String[] METRICS = {"coverage_rate", "participants", "workforce", "uncovered", "change",
      "density"};
  private static final String[] METHODS = {"quantile", "equal_interval", "jenks"};
  private static final String[] LEVELS = {"kelurahan", "kelurahan", "kelurahan", "kecamatan", "kota"};
  private static final String[] COLLECTIONS = {"kelurahan", "kecamatan", "coverage-kelurahan",
      "coverage-kecamatan", "coverage-kota"};

  /** One request: where, and a short label for the failure table. */
  record Read(String label, URI uri) {}

  private final String base;
  private final List<String> codes;
  private final List<String> kecamatan;
  /** Longitude, latitude of one vertex of each kelurahan: tiles around them have data. */
  private final List<double[]> points;
  private volatile List<String> periods;

  SoakRequests(String base, List<String> codes, List<String> kecamatan, List<double[]> points, List<String> periods) {
    this.base = base;
    this.codes = List.copyOf(codes);
    this.kecamatan = List.copyOf(kecamatan);
    this.points = List.copyOf(points);
    this.periods = List.copyOf(periods);
  }

  void periods(List<String> newest) {
    if (!newest.isEmpty()) periods = List.copyOf(newest);
  }

  Read next(Random r) {
    int pick = r.nextInt(100);
    if (pick < 25) return read("choropleth", "/api/choropleth?" + choropleth(r, pick(r, LEVELS)));
    if (pick < 50) return read("tile", tile(r));
    if (pick < 60) return read("ranking json", "/api/ranking?" + ranking(r) + "&format=json");
    if (pick < 65) return read("ranking csv", "/api/ranking?" + ranking(r) + "&format=csv");
    if (pick < 78) return read("kelurahan", "/api/kelurahan/" + pick(r, codes));
    if (pick < 83) return read("periods", "/api/periods");
    if (pick < 95) return read("ogc items", ogcItems(r));
    return read("download csv", "/api/download?format=csv&level=" + pick(r, LEVELS) + "&sector=" + pick(r, SECTORS)
        + period(r));
  }

  private Read read(String label, String pathAndQuery) {
    return new Read(label, URI.create(base + pathAndQuery));
  }

  private String choropleth(Random r, String level) {
    StringBuilder q = new StringBuilder("level=" + level + "&sector=" + skewed(r, SECTORS) + "&metric="
        + skewed(r, METRICS) + "&method=" + skewed(r, METHODS) + "&classes=" + (r.nextBoolean() ? 5 : 3 + r.nextInt(7)));
    q.append(period(r));
    // A kecamatan filter only narrows kelurahan or kecamatan layers; on kota it is a client error.
    if (!level.equals("kota") && r.nextInt(5) == 0) q.append("&kecamatan=").append(pick(r, kecamatan));
    return q.toString();
  }

  private String ranking(Random r) {
    StringBuilder q = new StringBuilder("sector=" + pick(r, SECTORS)
        + "&sort=" + (r.nextBoolean() ? "uncovered" : "coverage_rate"));
    q.append(period(r));
    if (r.nextInt(3) == 0) q.append("&kecamatan=").append(pick(r, kecamatan));
    if (r.nextBoolean()) q.append("&limit=").append(10 + r.nextInt(90));
    return q.toString();
  }

  private String tile(Random r) {
    double[] p = points.get(r.nextInt(points.size()));
    int z = 10 + r.nextInt(6);
    long n = 1L << z;
    long x = (long) Math.floor((p[0] + 180) / 360 * n);
    double lat = Math.toRadians(p[1]);
    long y = (long) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
    String layer = r.nextInt(4) == 0 ? "kecamatan" : "kelurahan";
    return "/tiles/" + layer + "/" + z + "/" + x + "/" + y + ".mvt?sector=" + skewed(r, SECTORS) + "&metric="
        + skewed(r, METRICS) + period(r);
  }

  private String ogcItems(Random r) {
    String collection = pick(r, COLLECTIONS);
    StringBuilder q = new StringBuilder("/ogc/collections/" + collection + "/items?limit=" + (10 + r.nextInt(91))
        + "&offset=" + r.nextInt(200));
    if (collection.startsWith("coverage-")) {
      q.append("&sector=").append(pick(r, SECTORS));
      List<String> months = periods;
      if (!months.isEmpty()) q.append("&period=").append(pick(r, months));
    }
    return q.toString();
  }

  /** Mostly the newest month (the default), else one of the others. */
  private String period(Random r) {
    List<String> months = periods;
    if (months.isEmpty() || r.nextInt(3) > 0) return "";
    return "&period=" + pick(r, months);
  }

  /** Half the time the first value (what the map page shows by default), else any: users mostly keep defaults. */
  private static String skewed(Random r, String[] values) {
    return r.nextBoolean() ? values[0] : pick(r, values);
  }

  private static String pick(Random r, String[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String pick(Random r, List<String> values) {
    return values.get(r.nextInt(values.size()));
  }
}
