package id.cakupan.bench;

import id.cakupan.boundary.BoundaryFiles;
import id.cakupan.boundary.BoundarySet;
import id.cakupan.boundary.Kelurahan;
import id.cakupan.coverage.CoverageTable;
import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.SyntheticCoverage;
import id.cakupan.map.Atlas;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.Geography;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.places.Place;
import id.cakupan.places.PlaceIndex;
import id.cakupan.places.PlaceList;
import id.cakupan.places.PlaceQuery;
import id.cakupan.tiles.VectorTiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bytes the kecamatan pickers of the map, worklist and outreach pages fetch on the national
 * benchmark set of bench/tiles.sh (83,800 polygons): before, every kecamatan's figures without
 * geometry ({@code /api/choropleth?level=kecamatan&metric=participants&geometry=none}, the pages'
 * only source of names); now, the /api/places lists a picker walks (provinsi, the kota of one
 * provinsi, the kecamatan of one kota), a name search, and the largest answer the limit allows.
 *
 * <p>Not a test: prints sizes (raw and gzipped, as the service sends them). Options:
 * {@code --polygons N} (83800), {@code --geojson FILE}.
 */
public final class PlacesBenchmark {
  public static void main(String[] args) throws Exception {
    Map<String, String> opts = BenchArgs.options(args);
    int polygons = Integer.parseInt(opts.getOrDefault("polygons", "83800"));
    System.out.printf(Locale.ROOT, "cakupan picker bytes: %d polygons; java %s, %d cpus; load %s%n", polygons,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), BenchArgs.loadAverage());
    long t = System.nanoTime();
    BoundarySet national = TileBenchmark.replicate(BoundaryFiles.read(BenchArgs.dkiGeojson(opts)), polygons);
    Geography geography = new Geography(national);
    Map<KelurahanCode, Double> areas = new LinkedHashMap<>();
    for (Kelurahan k : national.kelurahan()) areas.put(k.code(), k.areaKm2());
    CoverageTable coverage = new CoverageTable(SyntheticCoverage.generate(areas, Period.of(2026, 10), 1, 20_260_101L));
    Atlas atlas = new Atlas(national, geography, coverage, true);
    System.out.printf(Locale.ROOT, "atlas built in %.1f s; %d kecamatan, %d kota, %d provinsi%n%n", BenchArgs.seconds(t),
        geography.units(Level.KECAMATAN).size(), geography.units(Level.KOTA).size(), geography.units(Level.PROVINSI).size());

    System.out.println("before: the pages' kecamatan names");
    LayerQuery names = new LayerQuery(Level.KECAMATAN, LayerQuery.DEFAULT.sector(), null, Metric.PARTICIPANTS,
        LayerQuery.DEFAULT.method(), LayerQuery.DEFAULT.classes(), null, null).resolve(atlas);
    CachedResponse figures = VectorTiles.forAtlas(atlas).figures(names, null);
    row("/api/choropleth?level=kecamatan&metric=participants&geometry=none", figures.body().length, figures.gzipped().length,
        geography.units(Level.KECAMATAN).size() + " options in one select");

    t = System.nanoTime();
    PlaceIndex index = PlaceIndex.of(geography);
    System.out.printf(Locale.ROOT, "%nnow: /api/places (index of names and extents built in %.2f s, once per geography)%n", BenchArgs.seconds(t));
    CachedResponse provinsi = answer(index, new PlaceQuery(Level.PROVINSI, null, null, PlaceQuery.DEFAULT_LIMIT));
    row("/api/places?level=provinsi", provinsi.body().length, provinsi.gzipped().length,
        index.places(Level.PROVINSI).size() + " provinsi");
    List<Sized> kota = new ArrayList<>();
    for (Place p : index.places(Level.PROVINSI)) kota.add(sized(index, new PlaceQuery(Level.KOTA, p.code(), null, PlaceQuery.DEFAULT_LIMIT)));
    List<Sized> kecamatan = new ArrayList<>();
    for (Place p : index.places(Level.KOTA)) {
      kecamatan.add(sized(index, new PlaceQuery(Level.KECAMATAN, p.code(), null, PlaceQuery.DEFAULT_LIMIT)));
    }
    Sized kotaMax = largest(kota);
    Sized kecamatanMax = largest(kecamatan);
    row("/api/places?level=kota&parent=PP, largest of " + kota.size(), kotaMax.raw, kotaMax.gzip, kotaMax.places + " kota");
    row("/api/places?level=kecamatan&parent=PP.KK, largest of " + kecamatan.size(), kecamatanMax.raw, kecamatanMax.gzip,
        kecamatanMax.places + " kecamatan");
    row("  a picker down to one kecamatan (the three above)", provinsi.body().length + kotaMax.raw + kecamatanMax.raw,
        provinsi.gzipped().length + kotaMax.gzip + kecamatanMax.gzip, "vs the figures above");
    Sized search = sized(index, new PlaceQuery(Level.KECAMATAN, null, "koja", 10));
    row("/api/places?level=kecamatan&q=koja&limit=10 (the search box)", search.raw, search.gzip,
        search.places + " of " + search.matched + " matches");
    Sized bounded = sized(index, new PlaceQuery(Level.KECAMATAN, null, null, PlaceQuery.DEFAULT_LIMIT));
    row("/api/places?level=kecamatan (default limit " + PlaceQuery.DEFAULT_LIMIT + ")", bounded.raw, bounded.gzip,
        bounded.places + " of " + bounded.matched + ", truncated");
    Sized most = sized(index, new PlaceQuery(Level.KECAMATAN, null, null, PlaceQuery.MAX_LIMIT));
    row("/api/places?level=kecamatan&limit=" + PlaceQuery.MAX_LIMIT + " (the largest answer)", most.raw, most.gzip,
        most.places + " of " + most.matched + ", truncated");
    System.out.printf(Locale.ROOT, "%nload %s%n", BenchArgs.loadAverage());
  }

  private record Sized(long raw, long gzip, int places, int matched) {}

  private static CachedResponse answer(PlaceIndex index, PlaceQuery q) {
    return CachedResponse.of(PlaceList.json(index, q), Layers.JSON);
  }

  private static Sized sized(PlaceIndex index, PlaceQuery q) {
    CachedResponse r = answer(index, q);
    List<Place> all = PlaceList.matches(index, q);
    return new Sized(r.body().length, r.gzipped().length, Math.min(all.size(), q.limit()), all.size());
  }

  private static Sized largest(List<Sized> all) {
    Sized max = all.get(0);
    for (Sized s : all) if (s.raw > max.raw) max = s;
    return max;
  }

  private static void row(String what, long raw, long gzip, String note) {
    System.out.printf(Locale.ROOT, "  %-66s %,12d B raw %,10d B gzip  %s%n", what, raw, gzip, note);
  }
}
