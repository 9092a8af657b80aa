package id.cakupan.map;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Every finished response, and every structure a response is built from that is worth keeping
 * (a styled layer, the geometry of a tile), in one cache bounded by bytes. Clients choose many
 * parts of a key (manual breaks, filters, the host in absolute links), so only a byte bound keeps
 * the heap safe: a flood of distinct requests evicts older entries instead of growing the heap.
 *
 * <p>Keys carry the {@link Generations} of the data a value was built from: its geography and
 * coverage, its targets and its activities (0 for a part it does not read). A publish drops what
 * was built from data it replaced, and a response of old data is never served under a new
 * generation's key.
 * Concurrent requests for one key build it once: the first builds outside any lock, the others
 * wait for its result.
 */
public final class ResponseCache {
  /** No single entry may take more than this share of the budget: it would evict too much. */
  static final int LARGEST_SHARE = 8;
  /** Bytes an entry costs beyond its value and key text: the cache node, key, future and holder. */
  static final int ENTRY_OVERHEAD = 200;

  private record Key(Generations of, String text) {}

  private record Sized(Object value, long bytes) {}

  /** A build that threw, for the requests that waited on it. */
  private record Failure(Throwable error) {}

  private final long budget;
  private final AsyncCache<Key, Sized> cache;

  public ResponseCache(long budgetBytes) {
    if (budgetBytes < 0) throw new IllegalArgumentException("cache budget must be >= 0, got " + budgetBytes);
    this.budget = budgetBytes;
    this.cache = Caffeine.newBuilder()
        .maximumWeight(budgetBytes)
        .weigher((Key k, Sized v) -> weight(k, v))
        // Evict on the caller's thread: the bound then holds when a request returns.
        .executor(Runnable::run)
        .buildAsync();
  }

  /** The finished response under {@code key}, built on first use from the data of {@code generations}. */
  CachedResponse response(Generations generations, String key, Supplier<byte[]> body, String contentType) {
    return get(generations, "response|" + key, () -> CachedResponse.of(body.get(), contentType), CachedResponse::bytes);
  }

  /**
   * A value under {@code key} built once while it stays cached; {@code bytes} estimates what it
   * holds on the heap. A value larger than a share of the budget is returned but not kept.
   */
  @SuppressWarnings("unchecked")
  <T> T get(Generations generations, String key, Supplier<T> build, ToLongFunction<T> bytes) {
    Key k = new Key(generations, key);
    AtomicReference<CompletableFuture<Sized>> mine = new AtomicReference<>();
    CompletableFuture<Sized> future = cache.get(k, (key1, executor) -> {
      CompletableFuture<Sized> f = new CompletableFuture<>();
      mine.set(f);
      return f;
    });
    if (future == mine.get()) {
      try {
        T value = build.get();
        Sized sized = new Sized(value, bytes.applyAsLong(value));
        // Removed while still incomplete (weight 0), so it never evicts anything on its way out.
        if (weight(k, sized) > budget / LARGEST_SHARE) cache.asMap().remove(k, future);
        future.complete(sized);
      } catch (RuntimeException | Error e) {
        // Not cached, and handed to the waiters as a value: a future failed in the cache is
        // logged as a warning by Caffeine, and a client's bad query is no warning.
        cache.asMap().remove(k, future);
        future.complete(new Sized(new Failure(e), 0));
        throw e;
      }
    }
    Object value = future.join().value();
    if (value instanceof Failure f) {
      if (f.error() instanceof RuntimeException r) throw r;
      throw (Error) f.error();
    }
    return (T) value;
  }

  /** Drops every entry built from data that {@code current} no longer holds. */
  void retainOnly(Generations current) {
    cache.asMap().keySet().removeIf(k -> !current.hold(k.of()));
  }

  public long budget() {
    return budget;
  }

  /** The summed weight of what is cached now, in bytes. */
  public long weight() {
    cache.synchronous().cleanUp();
    return cache.synchronous().policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  public long size() {
    cache.synchronous().cleanUp();
    return cache.synchronous().estimatedSize();
  }

  private static int weight(Key k, Sized v) {
    return (int) Math.min(Integer.MAX_VALUE, v.bytes() + k.text().length() + ENTRY_OVERHEAD);
  }
}
