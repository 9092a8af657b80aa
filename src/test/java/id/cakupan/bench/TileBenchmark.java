package id.cakupan.bench;

import id.cakupan.boundary.Areas;
import id.cakupan.boundary.BoundaryFeature;
import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryLayer;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageRecord;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Geography;
import id.cakupan.map.Level;
import id.cakupan.map.MapUnit;
import id.cakupan.tiles.TileAddress;
import id.cakupan.tiles.TileLevels;
import id.cakupan.tiles.VectorTiles;
import id.cakupan.tiles.WebMercator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Vector tiles at national scale: about 83,800 desa/kelurahan with realistic vertex counts
 * (translated copies of the 270 real DKI Jakarta polygons, ~73k vertices, laid out over
 * Indonesia's extent with generated Kemendagri codes) and synthetic coverage. Prints how long
 * building the atlas and the geometry tiles are cut from takes, the heap it holds, and per zoom (4,
 * 5, 7, 8, 10, 11, 14) the level a national tile draws, its size (mean and largest) and latency
 * p50/p99 of tiles requested for the first time; then whether issue 10's targets are met.
 *
 * <p>Not a test (timings depend on the machine). Run from the project directory:
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx8g -cp target/classes:target/test-classes:$(cat target/cp.txt) id.cakupan.bench.TileBenchmark
 * </pre>
 * Arguments (all optional): {@code --polygons N} (83800), {@code --months N} (24),
 * {@code --tiles N} sampled per zoom (200), {@code --geojson FILE} (the shared DKI file).
 */
public final class TileBenchmark {
  // Indonesia, roughly: Sabang to Merauke, Miangas to Rote.
  private static final double WEST = 95.0;
  private static final double EAST = 141.0;
  private static final double SOUTH = -11.0;
  private static final double NORTH = 6.0;
  private static final int[] ZOOMS = {4, 5, 7, 8, 10, 11, 14};
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.options(args);
    int polygons = Integer.parseInt(opts.getOrDefault("polygons", "83800"));
    int months = Integer.parseInt(opts.getOrDefault("months", "24"));
    int samples = Integer.parseInt(opts.getOrDefault("tiles", "200"));
    Path geojson = BenchArgs.dkiGeojson(opts);

    System.out.printf(Locale.ROOT, "cakupan tile benchmark: %d polygons, %d months, %d tiles per zoom; java %s, %d cpus, max heap %d MB, collector %s%n",
        polygons, months, samples, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, collectors());
    long heap0 = usedHeapMb();

    long t = System.nanoTime();
    BoundaryLayer dki = BoundaryFiles.read(geojson);
    BoundarySet national = replicate(dki, polygons);
    long vertices = national.kelurahan().stream().mapToLong(k -> k.geometry().getNumPoints()).sum();
    System.out.printf(Locale.ROOT, "boundaries: %d kelurahan, %d vertices (%.0f per polygon), %d kecamatan groups, %d kota groups,"
        + " made in %.1f s; heap %d MB%n", national.kelurahan().size(), vertices, (double) vertices / national.kelurahan().size(),
        national.kelurahan().stream().map(Kelurahan::kecamatanCode).distinct().count(),
        national.kelurahan().stream().map(Kelurahan::kotaCode).distinct().count(), BenchArgs.seconds(t), usedHeapMb() - heap0);

    t = System.nanoTime();
    long cpu = processCpuNanos();
    national = Geography.dissolved(national); // what a boundary import stores with the kelurahan
    System.out.printf(Locale.ROOT, "import: kecamatan, kota and provinsi dissolved into %d outlines in %.1f s (%.1f s CPU),"
        + " stored with the boundaries (not start-up)%n", national.outlines().size(), BenchArgs.seconds(t),
        (processCpuNanos() - cpu) / 1e9);

    long heapBefore = usedHeapMb();
    t = System.nanoTime();
    cpu = processCpuNanos();
    Geography geography = new Geography(national);
    double geographySeconds = BenchArgs.seconds(t);
    double geographyCpu = (processCpuNanos() - cpu) / 1e9;
    System.out.printf(Locale.ROOT, "geography (kecamatan, kota and provinsi from the stored outlines; %d, %d and %d units): %.1f s"
        + " (%.1f s CPU); heap +%d MB%n", geography.units(Level.KECAMATAN).size(), geography.units(Level.KOTA).size(),
        geography.units(Level.PROVINSI).size(), geographySeconds, geographyCpu, usedHeapMb() - heapBefore);

    heapBefore = usedHeapMb();
    t = System.nanoTime();
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : national.kelurahan()) areas.put(k.code(), k.areaKm2());
    Period end = Period.of(2026, 10);
    List<CoverageRecord> records = SyntheticCoverage.generate(areas, end, months, 20_260_101L);
    int recordCount = records.size();
    double generateSeconds = BenchArgs.seconds(t);
    t = System.nanoTime();
    CoverageTable coverage = new CoverageTable(records);
    double tableSeconds = BenchArgs.seconds(t);
    records = null;
    System.out.printf(Locale.ROOT, "coverage: %d records generated in %.1f s, indexed in %.1f s; heap +%d MB%n", recordCount,
        generateSeconds, tableSeconds, usedHeapMb() - heapBefore);

    Atlas atlas = new Atlas(national, geography, coverage, true);
    dki = null;
    heapBefore = usedHeapMb();
    t = System.nanoTime();
    cpu = processCpuNanos();
    VectorTiles.prepare(geography); // what the service does when it publishes a geography (Cakupan.buildAtlas)
    double tileGeometrySeconds = BenchArgs.seconds(t);
    double tileGeometryCpu = (processCpuNanos() - cpu) / 1e9;
    System.out.printf(Locale.ROOT, "tile geometry (R-trees of every level, generalised copies of the levels low zooms draw): %.1f s"
        + " (%.1f s CPU); heap +%d MB%n", tileGeometrySeconds, tileGeometryCpu, usedHeapMb() - heapBefore);
    double startup = geographySeconds + tableSeconds + tileGeometrySeconds;
    long heapAfterStart = usedHeapMb() - heap0;
    System.out.printf(Locale.ROOT, "atlas built (geography + coverage table + tile geometry: %.1f s of start-up, not counting reading the"
        + " store or generating the demo records); heap used %d MB%n", startup, heapAfterStart);

    VectorTiles tiles = VectorTiles.forAtlas(atlas);
    t = System.nanoTime();
    LayerQuery q = LayerQuery.DEFAULT.resolve(atlas); // kelurahan, ALL, newest month, coverage_rate, quantile 5
    tiles.styled(q);
    LayerQuery restyle = new LayerQuery(Level.KELURAHAN, Sector.BPU, null, Metric.UNCOVERED,
        id.cakupan.map.ClassMethod.QUANTILE, 5, null, null).resolve(atlas);
    tiles.styled(restyle);
    System.out.printf(Locale.ROOT, "two styled layers (figures + quantile classes of every kelurahan): %.1f s%n", BenchArgs.seconds(t));

    // JIT warm-up on tiles that are not measured: the measured tiles below are drawn from the rest,
    // so each is requested for the first time (its response and its clipped geometry not cached).
    SplittableRandom random = new SplittableRandom(42);
    Set<TileAddress> requested = new java.util.HashSet<>();
    t = System.nanoTime();
    TileAddress first = sample(geography.units(Level.KELURAHAN), 7, 1, random, requested).get(0);
    tiles.tile(q, first);
    requested.add(first);
    System.out.printf(Locale.ROOT, "first tile at zoom 7 (cold JIT): %.1f ms%n", millis(t));
    // Both paths of the encoder: from a generalised copy (zoom 7 and 10) and from every vertex (zoom 12).
    for (int z : new int[] {10, 7, 12}) {
      for (TileAddress a : sample(geography.units(Level.KELURAHAN), z, z == 7 ? 20 : 300, random, requested)) {
        tiles.tile(q, a);
        requested.add(a);
      }
    }

    System.out.println();
    System.out.println("kelurahan layer (national mode: coarser levels drawn at low zooms), distinct tiles at random kelurahan,"
        + " none requested before; milliseconds per tile");
    System.out.println("zoom  drawn      tiles  features/tile  KB/tile  max KB   cold p50   cold p99  cpu p50  cpu p99   restyle p50  restyle p99  cached p50  cached p99");
    Map<Integer, double[]> coldP99 = new TreeMap<>();
    long largestOfAll = 0;
    for (int z : ZOOMS) {
      List<TileAddress> addresses = sample(geography.units(Level.KELURAHAN), z, samples, random, requested);
      requested.addAll(addresses);
      double[] cold = new double[addresses.size()];
      double[] coldCpu = new double[addresses.size()];
      double[] again = new double[addresses.size()];
      double[] cached = new double[addresses.size()];
      long bytes = 0;
      long largest = 0;
      long features = 0;
      for (int i = 0; i < addresses.size(); i++) {
        long c = THREADS.getCurrentThreadCpuTime();
        long s = System.nanoTime();
        var tile = tiles.tile(q, addresses.get(i));
        cold[i] = millis(s);
        coldCpu[i] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
        if (tile != null) {
          bytes += tile.body().length;
          largest = Math.max(largest, tile.body().length);
          features += countFeatures(tile.body());
        }
      }
      for (int i = 0; i < addresses.size(); i++) {
        long s = System.nanoTime();
        tiles.tile(restyle, addresses.get(i));
        again[i] = millis(s);
      }
      for (int i = 0; i < addresses.size(); i++) {
        long s = System.nanoTime();
        tiles.tile(q, addresses.get(i));
        cached[i] = millis(s);
      }
      coldP99.put(z, new double[] {pct(cold, 50), pct(cold, 99), largest, pct(coldCpu, 99)});
      largestOfAll = Math.max(largestOfAll, largest);
      System.out.printf(Locale.ROOT, "%4d  %-9s %6d %14.0f %8.1f %7.1f %10.1f %10.1f %8.1f %8.1f %12.1f %12.1f %11.2f %11.2f%n", z,
          TileLevels.drawn(Level.KELURAHAN, z, tiles.national(), false).key(), addresses.size(),
          (double) features / addresses.size(), bytes / 1024.0 / addresses.size(), largest / 1024.0,
          pct(cold, 50), pct(cold, 99), pct(coldCpu, 50), pct(coldCpu, 99), pct(again, 50), pct(again, 99), pct(cached, 50),
          pct(cached, 99));
    }
    System.out.println("cold: clip + simplify + encode (nothing cached for the tile), wall clock; cpu: the same tiles in CPU time of");
    System.out.println("the requesting thread (what the tile cost, without waits for a core or GC pauses); restyle: another sector and metric,");
    System.out.println("geometry from the per-tile cache; cached: the finished tile (with its gzip) from the cache.");
    System.out.printf(Locale.ROOT, "%nheap used at the end (after GC): %d MB%n", usedHeapMb() - heap0);

    System.out.println();
    System.out.println("issue 10's national targets, this run:");
    System.out.printf(Locale.ROOT, "  heap after start <= 1536 MB: %d MB, %s%n", heapAfterStart, met(heapAfterStart <= 1536));
    System.out.printf(Locale.ROOT, "  start-up <= 15 s: %.1f s, %s (excludes reading the store)%n", startup, met(startup <= 15));
    for (Map.Entry<Integer, double[]> e : coldP99.entrySet()) {
      if (e.getKey() < 8) continue;
      System.out.printf(Locale.ROOT, "  zoom %2d cold p99 < 20 ms: %.1f ms (p50 %.1f ms), %s; in CPU time p99 %.1f ms; largest tile %.1f KB%n",
          e.getKey(), e.getValue()[1], e.getValue()[0], met(e.getValue()[1] < 20), e.getValue()[3], e.getValue()[2] / 1024);
    }
    System.out.printf(Locale.ROOT, "  no tile over 500 KB: largest %.1f KB, %s%n", largestOfAll / 1024.0, met(largestOfAll <= 500 * 1024));
    if (atlas.coverage().size() < 0) System.out.println(); // keep the atlas reachable until here
  }

  /** Copies of the DKI polygons spread on a grid over Indonesia, with generated codes. */
  public static BoundarySet replicate(BoundaryLayer dki, int count) {
    return replicate(dki, count, count);
  }

  /**
   * The first {@code count} polygons of the grid that {@code layoutCount} polygons would fill: a
   * smaller set with the national set's density (for tests of tile sizes), or the whole of it.
   * Copies go to provinsi 11, 12, ... in four equal runs, 90 kota at most per provinsi.
   */
  public static BoundarySet replicate(BoundaryLayer dki, int count, int layoutCount) {
    List<BoundaryFeature> source = dki.features();
    Envelope extent = new Envelope();
    for (BoundaryFeature f : source) extent.expandToInclude(f.geometry().getEnvelopeInternal());
    int copies = (layoutCount + source.size() - 1) / source.size();
    int perProvinsi = Math.min(90, Math.max(1, (int) Math.ceil(((count + source.size() - 1) / source.size()) / 4.0)));
    int cols = (int) Math.ceil(Math.sqrt(copies * (EAST - WEST) / (NORTH - SOUTH)));
    int rows = (copies + cols - 1) / cols;
    double dx = (EAST - WEST) / cols;
    double dy = (NORTH - SOUTH) / rows;
    if (dx < extent.getWidth() || dy < extent.getHeight()) {
      throw new IllegalStateException("copies would overlap: " + cols + " x " + rows);
    }
    // District (kecamatan) numbering of the original, and the original's area (translation barely changes it).
    Map<String, Integer> district = new TreeMap<>();
    double[] area = new double[source.size()];
    for (int i = 0; i < source.size(); i++) {
      district.putIfAbsent(String.valueOf(source.get(i).attributes().get("district_code")), 0);
      area[i] = Areas.areaKm2(source.get(i).geometry());
    }
    int n = 1;
    for (Map.Entry<String, Integer> e : district.entrySet()) e.setValue(n++);
    List<Kelurahan> out = new ArrayList<>(count);
    for (int c = 0; c < copies && out.size() < count; c++) {
      int col = c % cols;
      int row = c / cols;
      AffineTransformation move = AffineTransformation.translationInstance(
          WEST + col * dx - extent.getMinX(), NORTH - (row + 1) * dy - extent.getMinY());
      int province = 11 + c / perProvinsi;
      int kota = 1 + c % perProvinsi;
      Map<Integer, Integer> villageInDistrict = new TreeMap<>();
      for (int i = 0; i < source.size() && out.size() < count; i++) {
        BoundaryFeature f = source.get(i);
        int d = district.get(String.valueOf(f.attributes().get("district_code")));
        int v = villageInDistrict.merge(d, 1, Integer::sum);
        KelurahanCode code = new KelurahanCode(String.format(Locale.ROOT, "%02d.%02d.%02d.%04d", province, kota, d, 1000 + v));
        MultiPolygon moved = (MultiPolygon) move.transform(f.geometry());
        out.add(new Kelurahan(code, null, String.valueOf(f.attributes().get("village")),
            String.valueOf(f.attributes().get("district")), "Kota Sintetis " + (c + 1), moved, area[i]));
      }
    }
    return new BoundarySet("synthetic national (" + copies + " copies of " + dki.source() + ")", false, out, List.of());
  }

  /** Distinct tiles at zoom z holding the interior point of a randomly chosen kelurahan, none of {@code exclude}. */
  static List<TileAddress> sample(List<MapUnit> units, int z, int n, SplittableRandom random, Set<TileAddress> exclude) {
    Set<TileAddress> out = new LinkedHashSet<>();
    int attempts = 0;
    while (out.size() < n && attempts++ < 50 * n) {
      MapUnit u = units.get(random.nextInt(units.size()));
      Coordinate p = InteriorPointArea.getInteriorPoint(u.geometry());
      TileAddress a = new TileAddress(z, (int) (WebMercator.x(p.x) * (1 << z)), (int) (WebMercator.y(p.y) * (1 << z)));
      if (!exclude.contains(a)) out.add(a);
    }
    return new ArrayList<>(out);
  }

  private static String met(boolean met) {
    return met ? "met" : "NOT met";
  }

  private static int countFeatures(byte[] tile) {
    // Count Feature messages (field 2 of the layer) without a full decoder: walk the layer's fields.
    int pos = 0;
    int count = 0;
    while (pos < tile.length) {
      long[] key = varint(tile, pos);
      pos = (int) key[1];
      long[] len = varint(tile, pos);
      pos = (int) len[1];
      int end = pos + (int) len[0];
      if ((key[0] >>> 3) == 3) {
        while (pos < end) {
          long[] k = varint(tile, pos);
          pos = (int) k[1];
          int wire = (int) (k[0] & 7);
          if (wire == 0) {
            pos = (int) varint(tile, pos)[1];
          } else if (wire == 2) {
            long[] l = varint(tile, pos);
            if ((k[0] >>> 3) == 2) count++;
            pos = (int) (l[1] + l[0]);
          } else if (wire == 1) {
            pos += 8;
          } else {
            pos += 4;
          }
        }
      }
      pos = end;
    }
    return count;
  }

  private static long[] varint(byte[] b, int pos) {
    long v = 0;
    int shift = 0;
    while (true) {
      byte x = b[pos++];
      v |= (long) (x & 0x7F) << shift;
      if ((x & 0x80) == 0) return new long[] {v, pos};
      shift += 7;
    }
  }

  private static double pct(double[] values, int p) {
    if (values.length == 0) return Double.NaN;
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  /** CPU time of the whole process (every thread, the collector's included), where the JVM can tell. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /** The garbage collector in use (its pauses land on tiles: README, "Running a national region"). */
  private static String collectors() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .map(java.lang.management.GarbageCollectorMXBean::getName)
        .collect(java.util.stream.Collectors.joining(" + "));
  }

  private static long usedHeapMb() {
    for (int i = 0; i < 3; i++) System.gc();
    Runtime r = Runtime.getRuntime();
    return (r.totalMemory() - r.freeMemory()) >> 20;
  }

  private static double millis(long start) {
    return (System.nanoTime() - start) / 1e6;
  }
}
