package id.cakupan.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one minute of the soak saw: requests, latencies of the completed ones, and failures by
 * kind ({@code "503"}, {@code "connect: ConnectException"}, …). Workers add from many threads;
 * a lock is cheap at a few thousand requests a second and keeps the numbers consistent.
 */
final class SoakStats {
  private long[] latencies = new long[4096];
  private int timed;
  private long requests;
  private long bytes;
  private long notModified;
  private final Map<String, Long> failures = new TreeMap<>();

  synchronized void ok(long nanos, long bodyBytes, boolean wasNotModified) {
    requests++;
    add(nanos);
    bytes += bodyBytes;
    if (wasNotModified) notModified++;
  }

  /** A response that is not 2xx/304, or no response at all; its latency counts if it has one. */
  synchronized void failed(String kind, long nanos) {
    requests++;
    if (nanos >= 0) add(nanos);
    failures.merge(kind, 1L, Long::sum);
  }

  private void add(long nanos) {
    if (timed == latencies.length) latencies = Arrays.copyOf(latencies, timed * 2);
    latencies[timed++] = nanos;
  }

  /** Folds another minute in, for the summary. */
  synchronized void addAll(SoakStats other) {
    Snapshot s = other.snapshot();
    for (long l : s.sortedLatencies()) add(l);
    requests += s.requests();
    bytes += s.bytes();
    notModified += s.notModified();
    s.failures().forEach((k, v) -> failures.merge(k, v, Long::sum));
  }

  synchronized Snapshot snapshot() {
    long[] sorted = Arrays.copyOf(latencies, timed);
    Arrays.sort(sorted);
    return new Snapshot(requests, sorted, bytes, notModified, new TreeMap<>(failures));
  }

  /**
   * @param sortedLatencies nanoseconds of the requests that got an answer (all but connection failures)
   */
  record Snapshot(long requests, long[] sortedLatencies, long bytes, long notModified, Map<String, Long> failures) {
    long failed() {
      return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Milliseconds at quantile q (nearest rank), or NaN without timed requests. */
    double millis(double q) {
      if (sortedLatencies.length == 0) return Double.NaN;
      int rank = (int) Math.ceil(q * sortedLatencies.length);
      return sortedLatencies[Math.max(0, Math.min(sortedLatencies.length - 1, rank - 1))] / 1e6;
    }

    long failuresStartingWith(String prefix) {
      return failures.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
          .mapToLong(Map.Entry::getValue).sum();
    }
  }
}
