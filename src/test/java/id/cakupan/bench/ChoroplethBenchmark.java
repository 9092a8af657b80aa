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
import id.cakupan.map.Atlas;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ChoroplethGeoJson;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.Geography;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Level;
import id.cakupan.map.MapZoom;
import id.cakupan.tiles.TileAddress;
import id.cakupan.tiles.TileLevels;
import id.cakupan.tiles.VectorTiles;
import id.cakupan.tiles.WebMercator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.locationtech.jts.geom.Envelope;

/**
 * What the national map page asks the server for, first request of each (warm JVM, nothing
 * cached), on the national benchmark set of bench/tiles.sh (83,800 polygons): at its first view
 * (zoom 4, the zoom the whole country fits in) and after zooming to 6, 8, 10 and 12, the way the
 * page did before branch {@code natmap} (GeoJSON of the zoom's coarser level, simplified for the
 * zoom as one coverage, plus the kecamatan outlines at that zoom; tiles from the kelurahan zoom on)
 * and the way it does now (vector tiles of a 1280 × 800 view, the figures of the level drawn
 * without geometry, and once the kecamatan list). The GeoJSON is written by the same code the old
 * page's requests ran ({@link ChoroplethGeoJson#write(Atlas, id.cakupan.map.StyledLayer, MapZoom)},
 * unchanged for city regions), so one run measures both.
 *
 * <p>Not a test: prints wall-clock and CPU seconds. Options: {@code --polygons N} (83800),
 * {@code --months N} (3), {@code --before false} (skip the old requests, minutes of CPU),
 * {@code --geojson FILE}.
 */
public final class ChoroplethBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int VIEW_WIDTH = 1280;
  private static final int VIEW_HEIGHT = 800;
  private static final int[] ZOOMS = {4, 6, 8, 10, 12};

  /** One request's first answer: wall clock and CPU of the requesting thread, bytes. */
  private record Timed(String what, double seconds, double cpuSeconds, long bytes) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.options(args);
    int polygons = Integer.parseInt(opts.getOrDefault("polygons", "83800"));
    int months = Integer.parseInt(opts.getOrDefault("months", "3"));
    boolean before = Boolean.parseBoolean(opts.getOrDefault("before", "true"));
    System.out.printf(Locale.ROOT, "cakupan national map requests: %d polygons, %d months; java %s, %d cpus, max heap %d MB; load %s%n",
        polygons, months, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, BenchArgs.loadAverage());

    long t = System.nanoTime();
    BoundaryLayer dki = BoundaryFiles.read(BenchArgs.dkiGeojson(opts));
    BoundarySet national = TileBenchmark.replicate(dki, polygons);
    Geography geography = new Geography(national);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : national.kelurahan()) areas.put(k.code(), k.areaKm2());
    CoverageTable coverage = new CoverageTable(SyntheticCoverage.generate(areas, Period.of(2026, 10), months, 20_260_101L));
    Atlas atlas = new Atlas(national, geography, coverage, true);
    VectorTiles.prepare(geography); // built when the service publishes the geography, before any request
    System.out.printf(Locale.ROOT, "atlas and tile geometry built in %.1f s (start-up, not measured below); %d kecamatan, %d kota, %d provinsi%n",
        BenchArgs.seconds(t), geography.units(Level.KECAMATAN).size(), geography.units(Level.KOTA).size(),
        geography.units(Level.PROVINSI).size());

    // The view: centred on a kelurahan in the middle of the list (on land at every zoom).
    Envelope middle = geography.units(Level.KELURAHAN).get(geography.units(Level.KELURAHAN).size() / 2).geometry().getEnvelopeInternal();
    double lon = middle.centre().x;
    double lat = middle.centre().y;
    LayerQuery page = LayerQuery.DEFAULT.resolve(atlas); // the page's default: ALL, newest month, coverage_rate, quantile 5

    // JIT warm-up on another view and another metric: nothing measured below is cached by it.
    VectorTiles tiles = VectorTiles.forAtlas(atlas);
    LayerQuery warm = new LayerQuery(Level.KELURAHAN, Sector.BPU, null, Metric.PARTICIPANTS, page.method(), 5, null, null).resolve(atlas);
    Envelope far = geography.units(Level.KELURAHAN).get(0).geometry().getEnvelopeInternal();
    for (int z : new int[] {7, 9, 12, 12, 13}) {
      for (TileAddress a : view(far.centre().x, far.centre().y, z)) tiles.tile(warm, a);
    }
    tiles.figures(warm.withLevel(Level.KECAMATAN), List.of(bbox(far.centre().x, far.centre().y, 9)));
    if (before) warmGeoJson(dki);
    System.out.printf(Locale.ROOT, "view centred on %.4f, %.4f; JIT warmed on another view and metric; load %s%n%n", lon, lat,
        BenchArgs.loadAverage());

    System.out.println("after (branch natmap): vector tiles of the view + figures without geometry (+ the kecamatan list once)");
    header();
    Map<Integer, Double> after = new LinkedHashMap<>();
    for (int i = 0; i < ZOOMS.length; i++) {
      int z = ZOOMS[i];
      Level drawn = TileLevels.drawn(Level.KELURAHAN, z, true, false);
      List<Timed> requests = new ArrayList<>();
      List<TileAddress> addresses = view(lon, lat, z);
      requests.add(timed(addresses.size() + " tiles", () -> {
        long b = 0;
        for (TileAddress a : addresses) {
          CachedResponse r = tiles.tile(page, a);
          if (r != null) b += r.body().length;
        }
        return b;
      }));
      boolean inView = drawn == Level.KECAMATAN || drawn == Level.KELURAHAN;
      requests.add(timed(drawn.key() + " figures" + (inView ? " in view" : ""),
          () -> (long) tiles.figures(page.withLevel(drawn), inView ? List.of(bbox(lon, lat, z)) : null).body().length));
      if (i == 0) {
        LayerQuery list = new LayerQuery(Level.KECAMATAN, page.sector(), null, Metric.PARTICIPANTS, page.method(), 5, null, null)
            .resolve(atlas);
        requests.add(timed("kecamatan list", () -> (long) tiles.figures(list, null).body().length));
      }
      after.put(z, print(z, drawn, requests));
    }

    if (!before) return;
    System.out.println();
    System.out.println("before (main): GeoJSON of the zoom's level simplified for the zoom + kecamatan outlines at the zoom; tiles from zoom 11");
    header();
    for (int z : ZOOMS) {
      Level drawn = TileLevels.drawn(Level.KELURAHAN, z, true, false);
      List<Timed> requests = new ArrayList<>();
      if (drawn == Level.KELURAHAN) {
        // The old page drew the kelurahan zoom from the tiles too (cached by now: same as after).
        List<TileAddress> addresses = view(lon, lat, z);
        requests.add(timed(addresses.size() + " tiles (cached by the after run)", () -> {
          long b = 0;
          for (TileAddress a : addresses) {
            CachedResponse r = tiles.tile(page, a);
            if (r != null) b += r.body().length;
          }
          return b;
        }));
      } else {
        MapZoom zoom = new MapZoom(z);
        requests.add(timed(drawn.key() + " GeoJSON zoom " + z,
            () -> (long) ChoroplethGeoJson.write(atlas, ChoroplethLayer.style(atlas, page.withLevel(drawn)), zoom).length));
        LayerQuery outlines = new LayerQuery(Level.KECAMATAN, page.sector(), null, Metric.PARTICIPANTS, page.method(), 5, null, null)
            .resolve(atlas);
        requests.add(timed("kecamatan outlines zoom " + z,
            () -> (long) ChoroplethGeoJson.write(atlas, ChoroplethLayer.style(atlas, outlines), zoom).length));
      }
      print(z, drawn, requests);
    }
    System.out.printf(Locale.ROOT, "%nload at the end %s%n", BenchArgs.loadAverage());
  }

  /** The JIT of the old path warmed on the real DKI polygons (270): the same code, a city's size. */
  private static void warmGeoJson(BoundaryLayer dki) {
    BoundarySet city = TileBenchmark.replicate(dki, 270);
    Geography g = new Geography(city);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : city.kelurahan()) areas.put(k.code(), k.areaKm2());
    Atlas a = new Atlas(city, g, new CoverageTable(SyntheticCoverage.generate(areas, Period.of(2026, 10), 2, 1L)), true);
    for (int z : new int[] {9, 10, 11}) {
      ChoroplethGeoJson.write(a, ChoroplethLayer.style(a, LayerQuery.DEFAULT.resolve(a)), new MapZoom(z));
    }
  }

  private static void header() {
    System.out.println("zoom  drawn       first answer of the page's requests (wall s / CPU s / KB)                      total wall s");
  }

  private static double print(int z, Level drawn, List<Timed> requests) {
    double total = 0;
    StringBuilder sb = new StringBuilder();
    for (Timed r : requests) {
      total += r.seconds();
      if (sb.length() > 0) sb.append("; ");
      sb.append(String.format(Locale.ROOT, "%s %.3f / %.3f / %.0f", r.what(), r.seconds(), r.cpuSeconds(), r.bytes() / 1024.0));
    }
    System.out.printf(Locale.ROOT, "%4d  %-10s  %-86s %8.3f%n", z, drawn.key(), sb, total);
    return total;
  }

  private static Timed timed(String what, Supplier<Long> request) {
    long cpu = THREADS.getCurrentThreadCpuTime();
    long t = System.nanoTime();
    long bytes = request.get();
    return new Timed(what, BenchArgs.seconds(t), (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9, bytes);
  }

  /** The 256-pixel tiles a 1280 × 800 map centred on lon/lat shows at zoom z. */
  static List<TileAddress> view(double lon, double lat, int z) {
    double size = 256.0 * (1 << z);
    double cx = WebMercator.x(lon) * size;
    double cy = WebMercator.y(lat) * size;
    int n = 1 << z;
    List<TileAddress> out = new ArrayList<>();
    for (int x = (int) Math.floor((cx - VIEW_WIDTH / 2.0) / 256); x <= (int) Math.floor((cx + VIEW_WIDTH / 2.0) / 256); x++) {
      for (int y = (int) Math.floor((cy - VIEW_HEIGHT / 2.0) / 256); y <= (int) Math.floor((cy + VIEW_HEIGHT / 2.0) / 256); y++) {
        if (x >= 0 && y >= 0 && x < n && y < n) out.add(new TileAddress(z, x, y));
      }
    }
    return out;
  }

  /** The lon/lat box of that view, 10 % wider each side, as the page sends it. */
  static Envelope bbox(double lon, double lat, int z) {
    double degreesPerPixel = 360.0 / (256.0 * (1 << z));
    double w = VIEW_WIDTH * 1.2 / 2 * degreesPerPixel;
    double h = VIEW_HEIGHT * 1.2 / 2 * degreesPerPixel * Math.cos(Math.toRadians(lat));
    return new Envelope(lon - w, lon + w, lat - h, lat + h);
  }
}
