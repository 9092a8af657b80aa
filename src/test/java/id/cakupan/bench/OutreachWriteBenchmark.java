package id.cakupan.bench;

import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ClassMethod;
import id.cakupan.map.Geography;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.ProgressQuery;
import id.cakupan.map.RankOrder;
import id.cakupan.map.RankingQuery;
import id.cakupan.map.ResponseCache;
import id.cakupan.targeting.Target;
import id.cakupan.tiles.TileAddress;
import id.cakupan.tiles.VectorTiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * What a camat's target write costs the read side at national scale: about 83,800 kelurahan
 * ({@link TileBenchmark#replicate}) with synthetic coverage. A working set of responses a map
 * client and a camat ask for is built and cached (the national figures of two layers, kelurahan
 * tiles at zooms 5, 8 and 11 over random kelurahan, a kecamatan's progress and the national
 * ranking); then a target is written, published as {@code Cakupan.reload} does (the same atlas
 * with the targets read again), and the working set is asked for again. Printed for the earlier
 * behaviour (every cached entry dropped on publish, as a fresh cache) and for the current one
 * (entries keyed by what they read): entries and bytes kept, and time, CPU and bytes to serve the
 * working set again.
 *
 * <p>Not a test (timings depend on the machine). Run from the project directory:
 * <pre>
 * mvn -q -B -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx6g -cp target/classes:target/test-classes:$(cat target/cp.txt) id.cakupan.bench.OutreachWriteBenchmark
 * </pre>
 * Arguments (all optional): {@code --polygons N} (83800), {@code --months N} (6), {@code --tiles N}
 * per zoom (100), {@code --geojson FILE} (the shared DKI file).
 */
public final class OutreachWriteBenchmark {
  private static final int[] ZOOMS = {5, 8, 11};
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.options(args);
    int polygons = Integer.parseInt(opts.getOrDefault("polygons", "83800"));
    int months = Integer.parseInt(opts.getOrDefault("months", "6"));
    int samples = Integer.parseInt(opts.getOrDefault("tiles", "100"));
    Path geojson = BenchArgs.dkiGeojson(opts);
    System.out.printf(Locale.ROOT, "cakupan outreach write benchmark: %d polygons, %d months, %d tiles per zoom %s;"
        + " java %s, %d cpus, max heap %d MB%n", polygons, months, samples, java.util.Arrays.toString(ZOOMS),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20);

    long t = System.nanoTime();
    BoundarySet national = TileBenchmark.replicate(BoundaryFiles.read(geojson), polygons);
    Geography geography = new Geography(national);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : national.kelurahan()) areas.put(k.code(), k.areaKm2());
    CoverageTable coverage = new CoverageTable(SyntheticCoverage.generate(areas, Period.of(2026, 10), months, 20_260_101L));
    Atlas atlas = new Atlas(national, geography, coverage, true);
    VectorTiles.prepare(geography);
    System.out.printf(Locale.ROOT, "atlas: %d kelurahan, %d coverage records, built in %.1f s%n",
        national.kelurahan().size(), coverage.size(), BenchArgs.seconds(t));

    LayerQuery rate = LayerQuery.DEFAULT.resolve(atlas);
    LayerQuery uncovered = new LayerQuery(Level.KELURAHAN, Sector.BPU, null, Metric.UNCOVERED, ClassMethod.QUANTILE, 5,
        null, null).resolve(atlas);
    Kelurahan camat = national.kelurahan().get(national.kelurahan().size() / 2);
    ProgressQuery progress = new ProgressQuery(new LayerQuery(Level.KELURAHAN, Sector.BPU, null, Metric.UNCOVERED,
        ClassMethod.QUANTILE, 5, null, KecamatanCode.parse(camat.kecamatanCode())).resolve(atlas));
    RankingQuery ranking = new RankingQuery(uncovered, RankOrder.UNCOVERED, 100);
    SplittableRandom random = new SplittableRandom(7);
    List<TileAddress> tiles = new ArrayList<>();
    for (int z : ZOOMS) {
      tiles.addAll(TileBenchmark.sample(geography.units(Level.KELURAHAN), z, samples, random, new HashSet<>()));
    }
    // What the client asks for, from whatever snapshot is published when it asks.
    Function<Layers.Snapshot, Long> workingSet = s -> {
      VectorTiles v = VectorTiles.of(s);
      long bytes = size(v.figures(rate, null)) + size(v.figures(uncovered, null));
      for (TileAddress a : tiles) bytes += size(v.tile(rate, a));
      bytes += size(s.progress(progress, null)) + size(s.ranking(ranking, null));
      return bytes;
    };
    Target target = new Target(camat.code(), Sector.BPU, Period.of(2026, 12), 1234, Period.of(2026, 10), null, null);

    System.out.println();
    System.out.println("behaviour                    entries before  MB before  entries kept  MB kept   publish ms  "
        + "serve again s  cpu s   KB rebuilt");
    for (boolean keyedByInputs : new boolean[] {false, true}) {
      ResponseCache cache = new ResponseCache(Runtime.getRuntime().maxMemory() / 4);
      Layers layers = new Layers(atlas, cache);
      workingSet.apply(layers.snapshot()); // JIT warm-up of the encoders on this run's cache
      long entries = cache.size();
      long weight = cache.weight();

      t = System.nanoTime();
      Atlas written = layers.atlas().withTargets(List.of(target)).withActivities(List.of());
      if (keyedByInputs) {
        layers.publish(written);
      } else {
        cache = new ResponseCache(cache.budget()); // what every publish did before: nothing kept
        layers = new Layers(written, cache);
      }
      double publishMs = (System.nanoTime() - t) / 1e6;
      long keptEntries = cache.size();
      long keptWeight = cache.weight();

      long cpu = THREADS.getCurrentThreadCpuTime();
      t = System.nanoTime();
      workingSet.apply(layers.snapshot());
      double again = BenchArgs.seconds(t);
      double againCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
      long rebuilt = cache.weight() - keptWeight;
      System.out.printf(Locale.ROOT, "%-28s %14d %10.1f %13d %8.1f %12.1f %14.2f %6.2f %12.0f%n",
          keyedByInputs ? "keyed by what it reads" : "all dropped (before)", entries, weight / 1e6, keptEntries,
          keptWeight / 1e6, publishMs, again, againCpu, rebuilt / 1e3);
    }
    System.out.println("entries/MB: the response cache's entries and weight (responses with their gzip, styled layers, tile");
    System.out.println("geometry) when the target is written, and kept by its publish; serve again: the working set asked");
    System.out.println("for once more on the request thread (cpu: its CPU time); KB rebuilt: the cache weight built again.");
  }

  private static long size(CachedResponse r) {
    return r == null ? 0 : r.body().length;
  }
}
