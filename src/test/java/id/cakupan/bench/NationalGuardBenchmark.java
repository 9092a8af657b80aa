package id.cakupan.bench;

import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundaryLayer;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.download.DownloadFormat;
import id.cakupan.download.DownloadQuery;
import id.cakupan.download.LayerDownloads;
import id.cakupan.map.Atlas;
import id.cakupan.map.Geography;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.ResponseCache;
import id.cakupan.wms.MapRequest;
import id.cakupan.wms.WmsCrs;
import id.cakupan.wms.WmsLayer;
import id.cakupan.wms.WmsService;
import id.cakupan.wms.WmsStyle;
import id.cakupan.wms.WmsTime;
import java.awt.Color;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.locationtech.jts.geom.Envelope;

/**
 * What one anonymous request for the whole country costs on the national benchmark set (83,800
 * polygons, as bench/tiles.sh): the kelurahan GeoJSON download held in memory (main) against
 * streamed to a file (now), and a WMS image of every kelurahan of the country. Prints CPU seconds
 * and the bytes the requesting thread allocated; not a test. Options: {@code --polygons N},
 * {@code --png PREFIX} (write the images), {@code --only tables} (the ranking and worklist only), {@code --only wms} (the images only: run with main's classes first on the class path to see
 * main's drawing).
 */
public final class NationalGuardBenchmark {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.options(args);
    int polygons = Integer.parseInt(opts.getOrDefault("polygons", "83800"));
    System.out.printf(Locale.ROOT, "cakupan national guards: %d polygons; java %s, %d cpus, max heap %d MB; load %s%n",
        polygons, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, BenchArgs.loadAverage());
    BoundaryLayer dki = BoundaryFiles.read(BenchArgs.dkiGeojson(opts));
    BoundarySet national = TileBenchmark.replicate(dki, polygons);
    Geography geography = new Geography(national);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : national.kelurahan()) areas.put(k.code(), k.areaKm2());
    CoverageTable coverage = new CoverageTable(SyntheticCoverage.generate(areas, Period.of(2026, 10), 1, 20_260_101L));
    Atlas atlas = new Atlas(national, geography, coverage, true);
    long vertices = 0;
    Envelope country = new Envelope();
    for (var u : geography.units(Level.KELURAHAN)) {
      vertices += u.geometry().getNumPoints();
      country.expandToInclude(u.geometry().getEnvelopeInternal());
    }
    System.out.printf(Locale.ROOT, "%d kelurahan, %d vertices; load %s%n%n", geography.units(Level.KELURAHAN).size(), vertices,
        BenchArgs.loadAverage());

    LayerQuery layer = new LayerQuery(Level.KELURAHAN, Sector.BPU, null, Metric.COVERAGE_RATE, LayerQuery.DEFAULT.method(), 5,
        null, null).resolve(atlas);
    DownloadQuery q = new DownloadQuery(layer, DownloadFormat.GEOJSON, false, false);
    // --only wms: with main's classes first on the class path, the images as main drew them.
    boolean downloads = opts.getOrDefault("only", "").isEmpty();
    Path file = Files.createTempFile("national-", ".geojson");
    try {
      for (int run = 0; downloads && run < 2; run++) { // the first warms the JIT
        measure(run, "GeoJSON download in memory (main)", () -> LayerDownloads.geojson(atlas, q).length);
        measure(run, "GeoJSON download streamed to a file (now)", () -> {
          try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            LayerDownloads.geojson(atlas, q, out);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
          return file.toFile().length();
        });
      }
    } finally {
      Files.deleteIfExists(file);
    }

    // The tables without geometry of every kelurahan (--only tables): the ranking's CSV, JSON and
    // XLSX, the progress worklist's XLSX, as one request builds them for the cache.
    boolean tables = opts.getOrDefault("only", "tables").equals("tables");
    var ranking = new id.cakupan.map.RankingQuery(layer, id.cakupan.map.RankOrder.UNCOVERED, null);
    var progress = new id.cakupan.map.ProgressQuery(layer);
    for (int run = 0; tables && run < 2; run++) {
      measure(run, "ranking CSV, every kelurahan", () -> id.cakupan.map.RankingEncoder.csv(atlas, ranking,
          id.cakupan.map.CsvWriter.Dialect.PLAIN).length);
      measure(run, "ranking JSON, every kelurahan", () -> id.cakupan.map.RankingEncoder.json(atlas, ranking).length);
      measure(run, "ranking XLSX, every kelurahan", () -> id.cakupan.map.Ranking.xlsx(atlas, ranking).length);
      measure(run, "progress XLSX, every kelurahan", () -> id.cakupan.map.ProgressTable.xlsx(atlas, progress,
          java.util.Set.of()).length);
    }
    if (opts.getOrDefault("only", "").equals("tables")) return;

    WmsService wms = new WmsService(new Layers(atlas, new ResponseCache(0)));
    long before = heldHeap();
    for (int run = 0; run < 2; run++) {
      for (WmsCrs crs : List.of(WmsCrs.CRS_84, WmsCrs.EPSG_3857)) {
        Envelope bbox = crs == WmsCrs.CRS_84 ? country : id.cakupan.wms.ProjectedUnits.extentIn(country, crs);
        MapRequest r = new MapRequest(List.of(new WmsLayer(Level.KELURAHAN, Sector.BPU, Metric.COVERAGE_RATE)),
            List.of(WmsStyle.DEFAULT), crs, bbox, 2048, 1024, WmsTime.NEWEST, false, Color.WHITE, false);
        measure(run, "WMS GetMap 2048x1024 whole country, kelurahan, " + crs.code()
            + (run == 0 && crs == WmsCrs.EPSG_3857 ? " (incl. projecting the country once)" : ""),
            () -> {
              byte[] png = wms.map(r).body();
              if (opts.containsKey("png")) {
                try {
                  Files.write(Path.of(opts.get("png") + "-" + crs.name() + ".png"), png);
                } catch (java.io.IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              }
              return png.length;
            });
      }
    }
    System.out.printf(Locale.ROOT, "heap held after the images above, beyond the atlas: %.1f MB%n",
        (heldHeap() - before) / 1e6);
    // Every level in every CRS for the whole country: what an anonymous client can make the
    // service keep (the cache of finished images is off, so this is what the projections hold).
    // Twice: the first GetMap of a level in a CRS also builds what is kept for it, the second does not.
    for (int pass = 0; pass < 2; pass++) everyLevelInEveryCrs(wms, country, opts, pass == 0 ? ", first" : ", again");
    System.out.printf(Locale.ROOT, "heap held after every level in every CRS, beyond the atlas: %.1f MB; load %s%n",
        (heldHeap() - before) / 1e6, BenchArgs.loadAverage());
  }

  private static void everyLevelInEveryCrs(WmsService wms, Envelope country, Map<String, String> opts, String pass) {
    for (WmsCrs crs : WmsCrs.values()) {
      for (Level level : WmsLayer.LEVELS) {
        Envelope bbox = crs.geographic() ? country : id.cakupan.wms.ProjectedUnits.extentIn(country, crs);
        MapRequest r = new MapRequest(List.of(new WmsLayer(level, Sector.BPU, Metric.COVERAGE_RATE)),
            List.of(WmsStyle.DEFAULT), crs, bbox, 2048, 1024, WmsTime.NEWEST, false, Color.WHITE, false);
        measure(1, "WMS GetMap 2048x1024 whole country, " + level + ", " + crs.code() + pass, () -> {
          byte[] png = wms.map(r).body();
          if (opts.containsKey("png")) {
            try {
              Files.write(Path.of(opts.get("png") + "-" + level + "-" + crs.name() + ".png"), png);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }
          return png.length;
        });
      }
    }
  }

  /** Heap in use after full collections: what stays reachable. */
  private static long heldHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void measure(int run, String what, LongSupplier body) {
    long id = Thread.currentThread().getId();
    long cpu = THREADS.getCurrentThreadCpuTime();
    long allocated = THREADS.getThreadAllocatedBytes(id);
    long t = System.nanoTime();
    long bytes = body.getAsLong();
    System.out.printf(Locale.ROOT, "%s%-75s %7.1f s wall %7.1f s cpu %9.1f MB allocated %9.1f MB out; load %s%n",
        run == 0 ? "(warm-up) " : "", what, BenchArgs.seconds(t), (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9,
        (THREADS.getThreadAllocatedBytes(id) - allocated) / 1e6, bytes / 1e6, BenchArgs.loadAverage());
  }
}
