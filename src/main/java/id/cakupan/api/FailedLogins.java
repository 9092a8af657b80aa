package id.cakupan.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Wrong tokens counted per client address in fixed windows: after {@code limit} failures in one
 * window the address is blocked until that window ends. The table holds at most {@code maxAddresses}
 * entries, dropping the least recently seen, so many addresses cannot exhaust memory.
 */
final class FailedLogins {
  /** What the caller should do about one failure: log it (first in its window), and the count so far. */
  record Failure(boolean firstInWindow, int failures, int previousWindowFailures) {}

  private static final class Window {
    long startNanos;
    int failures;
    int previous;
  }

  private final int limit;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Window> byAddress;

  /** @param nanoClock a monotonic clock, {@code System::nanoTime} outside tests */
  FailedLogins(int limit, long windowNanos, int maxAddresses, LongSupplier nanoClock) {
    this.limit = limit;
    this.windowNanos = windowNanos;
    this.clock = nanoClock;
    this.byAddress = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
        return size() > maxAddresses;
      }
    };
  }

  /** Nanoseconds until the address may try again, or 0 when it is not blocked. */
  synchronized long blockedForNanos(String address) {
    Window w = byAddress.get(address);
    if (w == null || w.failures < limit) return 0;
    long left = w.startNanos + windowNanos - clock.getAsLong();
    return Math.max(left, 0);
  }

  synchronized Failure fail(String address) {
    long now = clock.getAsLong();
    Window w = byAddress.computeIfAbsent(address, a -> {
      Window fresh = new Window();
      fresh.startNanos = now - windowNanos; // expired at once: the code below opens the first window
      return fresh;
    });
    boolean first = now - w.startNanos >= windowNanos;
    if (first) {
      w.previous = w.failures;
      w.failures = 0;
      w.startNanos = now;
    }
    w.failures++;
    return new Failure(first, w.failures, w.previous);
  }

  synchronized int addresses() {
    return byAddress.size();
  }
}
