package id.cakupan.map;

import id.cakupan.coverage.Period;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The read side of the service: the current atlas and the responses built from it. Each atlas
 * comes with its own cache, swapped together, so a response built from old data can never be
 * served after new data is published. Requests do no store query and no geometry work.
 */
public final class Layers {
  public static final String GEOJSON = "application/geo+json";
  public static final String JSON = "application/json";
  public static final String CSV = "text/csv; charset=utf-8";
  /** Distinct requests kept per atlas; beyond that the cache starts afresh (bounded memory). */
  private static final int MAX_ENTRIES = 2_000;

  private record Published(Atlas atlas, Map<String, CachedResponse> cache, Map<String, Object> derived) {}

  private volatile Published current;

  public Layers(Atlas atlas) {
    publish(atlas);
  }

  public void publish(Atlas atlas) {
    current = new Published(atlas, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
  }

  public Atlas atlas() {
    return current.atlas();
  }

  /**
   * The current atlas with its cache, for encoders outside this package (OGC API, tiles,
   * downloads): one snapshot per request keeps the data and the cache it fills consistent.
   */
  public Snapshot snapshot() {
    return new Snapshot(current);
  }

  /** One published atlas and the caches that live and die with it. */
  public static final class Snapshot {
    private final Published published;

    private Snapshot(Published published) {
      this.published = published;
    }

    public Atlas atlas() {
      return published.atlas();
    }

    /** The response under {@code key}, built from this atlas on first use. */
    public CachedResponse cached(String key, Supplier<byte[]> body, String contentType) {
      return Layers.cached(published, key, body, contentType);
    }

    /**
     * A structure derived from this atlas (an index, a cache of tile geometry), built once on
     * first use and dropped with the atlas. Keys are few and fixed; values are built under a lock
     * of the map, so build only what every later request needs.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String key, Function<Atlas, T> build) {
      return (T) published.derived().computeIfAbsent(key, k -> build.apply(published.atlas()));
    }
  }

  public CachedResponse choropleth(ChoroplethQuery q) {
    Published p = current;
    Period period = ChoroplethLayer.resolvePeriod(p.atlas(), q.period());
    ChoroplethQuery resolved = q.withPeriod(period);
    return cached(p, resolved.cacheKey(), () -> ChoroplethLayer.build(p.atlas(), resolved), GEOJSON);
  }

  /** The ranking as JSON, or as CSV in {@code csv}'s dialect when it is not null. */
  public CachedResponse ranking(RankingQuery q, CsvWriter.Dialect csv) {
    Published p = current;
    RankingQuery resolved = q.withPeriod(ChoroplethLayer.resolvePeriod(p.atlas(), q.period()));
    return csv != null
        ? cached(p, resolved.cacheKey("csv-" + csv), () -> Ranking.csv(p.atlas(), resolved, csv), CSV)
        : cached(p, resolved.cacheKey("json"), () -> Ranking.json(p.atlas(), resolved), JSON);
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

  private static CachedResponse cached(Published p, String key, Supplier<byte[]> body, String contentType) {
    CachedResponse hit = p.cache().get(key);
    if (hit != null) return hit;
    CachedResponse built = CachedResponse.of(body.get(), contentType);
    if (p.cache().size() >= MAX_ENTRIES) p.cache().clear();
    p.cache().put(key, built);
    return built;
  }
}
