package id.cakupan.map;

import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.sheet.XlsxTable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.locationtech.jts.geom.Envelope;

/**
 * The read side of the service: the current atlas and the responses built from it. Responses
 * live in one {@link ResponseCache} bounded by bytes, keyed with the generations of the atlas they
 * were built from, so a response of old data can never be served after new data is published.
 * Requests do no store query and no geometry work.
 *
 * <p>Each published atlas has three {@link Generations}: of its geography and coverage, of its
 * targets and of its activities, each new only when that part changed. A publish that keeps the
 * geography and coverage objects (a target or activity write) keeps what was built from them
 * alone: cached responses, memos, derived indexes and exact requests; one that keeps the
 * activities (a target write) also keeps what reads coverage and activities, and so on.
 */
public final class Layers {
  public static final String GEOJSON = "application/geo+json";
  public static final String JSON = "application/json";
  public static final String CSV = "text/csv; charset=utf-8";

  /**
   * @param coverageDerived structures derived from the geography and coverage alone, kept with them
   * @param derived structures derived from more than that, dropped with this atlas
   * @param exact responses by request text: choropleths only, which read no targets or activities
   */
  private record Published(Atlas atlas, Generations generations, Map<String, Object> coverageDerived,
      Map<String, Object> derived, ExactRequests exact) {}

  /**
   * Finished responses by the exact text of the request that asked for them, so that a repeat of
   * a request (the map's default view, read thousands of times per import) is one hash lookup:
   * no parsing, no key building. Bounded by count and by the bytes it keeps alive, which may
   * outlive their eviction from the {@link ResponseCache}; when full it starts afresh.
   */
  private static final class ExactRequests {
    static final int MAX_ENTRIES = 256;
    static final int MAX_KEY_LENGTH = 512;
    private final Map<String, CachedResponse> responses = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    private final long budget;

    ExactRequests(long budget) {
      this.budget = budget;
    }

    CachedResponse get(String request) {
      return responses.get(request);
    }

    void put(String request, CachedResponse response) {
      if (request.length() > MAX_KEY_LENGTH || response.bytes() > budget) return;
      if (responses.size() >= MAX_ENTRIES || bytes.addAndGet(response.bytes() + request.length()) > budget) {
        responses.clear();
        bytes.set(response.bytes() + request.length());
      }
      responses.put(request, response);
    }
  }

  private final ResponseCache cache;
  private final ClusterLookup hotspots;
  private long generations;
  private volatile Published current;

  public Layers(Atlas atlas, ResponseCache cache) {
    this(atlas, cache, ClusterLookup.NONE);
  }

  /** @param hotspots fills the progress rows' hot-spot flag */
  public Layers(Atlas atlas, ResponseCache cache, ClusterLookup hotspots) {
    this.cache = cache;
    this.hotspots = hotspots;
    publish(atlas);
  }

  /**
   * Publishes an atlas. When it holds the very geography and coverage of the published one (an
   * atlas {@link Atlas#withTargets} or {@link Atlas#withActivities} of it), what was built from
   * those alone is kept, and with equal targets (or activities) what was built from those too;
   * everything else is built again from the new atlas on first use.
   */
  public synchronized void publish(Atlas atlas) {
    Published before = current;
    long next = ++generations;
    boolean sameCoverage = before != null && sameCoverage(before.atlas(), atlas);
    Generations was = before == null ? null : before.generations();
    Generations now = new Generations(sameCoverage ? was.coverage() : next,
        before != null && before.atlas().targets().equals(atlas.targets()) ? was.targets() : next,
        before != null && before.atlas().activities().equals(atlas.activities()) ? was.activities() : next);
    current = new Published(atlas, now, sameCoverage ? before.coverageDerived() : new ConcurrentHashMap<>(),
        new ConcurrentHashMap<>(), sameCoverage ? before.exact() : new ExactRequests(cache.budget() / 8));
    // Nothing will ask for the old ones again; free their bytes now.
    cache.retainOnly(now);
  }

  /** Everything a {@link Depends#COVERAGE} value may read, as the same (immutable) objects. */
  private static boolean sameCoverage(Atlas a, Atlas b) {
    return a.boundaries() == b.boundaries() && a.geography() == b.geography() && a.coverage() == b.coverage()
        && a.synthetic() == b.synthetic();
  }

  public Atlas atlas() {
    return current.atlas();
  }

  public ResponseCache cache() {
    return cache;
  }

  /**
   * The current atlas with its cache, for encoders outside this package (OGC API, tiles,
   * downloads): one snapshot per request keeps the data and the cache it fills consistent.
   */
  public Snapshot snapshot() {
    return new Snapshot(current, cache, hotspots);
  }

  /** One published atlas and the cache entries built from it. */
  public static final class Snapshot {
    private final Published published;
    private final ResponseCache cache;
    private final ClusterLookup hotspots;

    private Snapshot(Published published, ResponseCache cache, ClusterLookup hotspots) {
      this.published = published;
      this.cache = cache;
      this.hotspots = hotspots;
    }

    public Atlas atlas() {
      return published.atlas();
    }

    /** The response this snapshot already gave to exactly this request text, or null. */
    public CachedResponse exact(String request) {
      return published.exact().get(request);
    }

    /**
     * Remembers the response to a request text; only for responses that depend on nothing but that
     * text and the geography and coverage ({@link Depends#COVERAGE}): they outlive target writes.
     */
    public void rememberExact(String request, CachedResponse response) {
      published.exact().put(request, response);
    }

    /** The response under {@code key}, built from what of this atlas it {@code reads} on first use. */
    public CachedResponse cached(Depends reads, String key, Supplier<byte[]> body, String contentType) {
      return cache.response(published.generations().readBy(reads), key, body, contentType);
    }

    /**
     * A structure some responses are built from (a styled layer, a tile's geometry), kept in the
     * same byte-bounded cache as the responses; {@code bytes} estimates its heap size.
     */
    public <T> T memo(Depends reads, String key, Supplier<T> build, ToLongFunction<T> bytes) {
      return cache.get(published.generations().readBy(reads), "memo|" + key, build, bytes);
    }

    /**
     * A structure derived from this atlas (an index), built once on first use and dropped with
     * what of the atlas it {@code reads}. Keys are few and fixed, never from a request (this map
     * has no bound); values are built under a lock of the map, so build only what every later
     * request needs. A {@link Depends#COVERAGE} value outlives this snapshot: later snapshots
     * with the same coverage get it, so it must not hand out this snapshot's targets or activities.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Depends reads, String key, Function<Atlas, T> build) {
      Map<String, Object> derived = reads == Depends.COVERAGE ? published.coverageDerived() : published.derived();
      return (T) derived.computeIfAbsent(key, k -> build.apply(published.atlas()));
    }

    /** The choropleth of a query resolved against this snapshot's atlas, drawn for the whole-region view. */
    public CachedResponse choropleth(LayerQuery q) {
      return choropleth(q, null);
    }

    /**
     * The choropleth of a query resolved against this snapshot's atlas, its geometry simplified for
     * a map at {@code zoom} (null: the whole-region view).
     */
    public CachedResponse choropleth(LayerQuery q, MapZoom zoom) {
      Atlas atlas = atlas();
      MapZoom z = zoom != null ? zoom : atlas.geography().defaultZoom();
      return cached(Depends.COVERAGE, q.cacheKey() + "|z" + z.level(),
          () -> ChoroplethGeoJson.write(atlas, ChoroplethLayer.style(atlas, q), z), GEOJSON);
    }

    /**
     * The choropleth of a query narrowed to a few units (a national region's kecamatan): their
     * geometry simplified as a coverage of their own for {@code zoom}, by default the zoom at which
     * they fit the default view; the whole level is never simplified for it.
     */
    public CachedResponse choroplethOfFew(LayerQuery q, MapZoom zoom) {
      Atlas atlas = atlas();
      StyledLayer styled = ChoroplethLayer.style(atlas, q);
      MapZoom z = zoom;
      if (z == null) {
        Envelope extent = new Envelope();
        for (MapUnit u : styled.units()) extent.expandToInclude(u.geometry().getEnvelopeInternal());
        z = MapZoom.fitting(extent);
      }
      MapZoom at = z;
      return cached(Depends.COVERAGE, q.cacheKey() + "|own|z" + at.level(),
          () -> ChoroplethGeoJson.writeOwnCoverage(atlas, styled, at), GEOJSON);
    }

    /**
     * The ranking as JSON, or as CSV in {@code csv}'s dialect when it is not null; its month
     * resolved. Its rows carry {@code belum tersentuh}, which reads the activities.
     */
    public CachedResponse ranking(RankingQuery q, CsvWriter.Dialect csv) {
      Atlas atlas = atlas();
      return csv != null
          ? cached(Depends.ACTIVITIES, q.cacheKey("csv-" + csv), () -> RankingEncoder.csv(atlas, q, csv), CSV)
          : cached(Depends.ACTIVITIES, q.cacheKey("json"), () -> RankingEncoder.json(atlas, q), JSON);
    }

    /** The ranking as an .xlsx workbook (the camat's printable list); its month resolved. No activity column. */
    public CachedResponse rankingXlsx(RankingQuery q) {
      Atlas atlas = atlas();
      return cached(Depends.COVERAGE, q.cacheKey("xlsx"), () -> Ranking.xlsx(atlas, q), XlsxTable.CONTENT_TYPE);
    }

    /** The stored targets (SPEC §4), filtered; null filters match any. */
    public CachedResponse targets(KecamatanCode kecamatan, Sector sector, Period period) {
      Atlas atlas = atlas();
      String code = kecamatan == null ? null : kecamatan.value();
      return cached(Depends.TARGETS, "targets|" + code + "|" + sector + "|" + period,
          () -> TargetList.json(atlas, code, sector, period), JSON);
    }

    /** Progress against targets (SPEC §6) as JSON, or as CSV in {@code csv}'s dialect when it is not null; its month resolved. */
    public CachedResponse progress(ProgressQuery q, CsvWriter.Dialect csv) {
      Atlas atlas = atlas();
      return csv != null
          ? cached(Depends.TARGETS_AND_ACTIVITIES, q.cacheKey("csv-" + csv),
              () -> ProgressTable.csv(atlas, q, csv, hot(q)), CSV)
          : cached(Depends.TARGETS_AND_ACTIVITIES, q.cacheKey("json"), () -> ProgressTable.json(atlas, q, hot(q)), JSON);
    }

    /** Progress against targets as an .xlsx workbook: the camat's worklist to forward or print. */
    public CachedResponse progressXlsx(ProgressQuery q) {
      Atlas atlas = atlas();
      return cached(Depends.TARGETS_AND_ACTIVITIES, q.cacheKey("xlsx"), () -> ProgressTable.xlsx(atlas, q, hot(q)),
          XlsxTable.CONTENT_TYPE);
    }

    /**
     * The region's low-coverage cluster for the query's sector and month: computed over the whole
     * region, so kept once per (sector, month) for every kecamatan's progress, in the same bounded
     * cache; from coverage alone, so a target write keeps it.
     */
    private java.util.Set<String> hot(ProgressQuery q) {
      if (hotspots == ClusterLookup.NONE) return null;
      return memo(Depends.COVERAGE, "low-coverage-cluster|" + q.sector() + "|" + q.period(),
          () -> hotspots.lowCoverageCluster(atlas(), q.sector(), q.period()), codes -> 64L + 80L * codes.size());
    }
  }

  public CachedResponse kelurahan(String code) {
    Published p = current;
    return cached(p, "kelurahan|" + code, () -> KelurahanDetail.build(p.atlas(), code), GEOJSON);
  }

  public CachedResponse periods() {
    Published p = current;
    return cached(p, "periods", () -> {
      StringBuilder sb = new StringBuilder("{\"periods\":[");
      String sep = "";
      for (Period period : p.atlas().coverage().periods().descendingSet()) {
        sb.append(sep).append('"').append(period).append('"');
        sep = ",";
      }
      return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }, JSON);
  }

  /** A response built from the geography and coverage alone. */
  private CachedResponse cached(Published p, String key, Supplier<byte[]> body, String contentType) {
    return cache.response(p.generations().readBy(Depends.COVERAGE), key, body, contentType);
  }
}
