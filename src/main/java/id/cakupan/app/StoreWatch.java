package id.cakupan.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Whether the store answers, kept current by one background thread so that health answers at once
 * and never waits on the store. The check runs every 10 s while the store answers (which also
 * notices imports by other processes), every 2 s while it does not, and soon when someone looks
 * at a status older than 2 s. A check that hangs holds back the next one rather than piling up,
 * and counts as an outage once the store has kept it waiting for {@link #PATIENCE}.
 */
final class StoreWatch implements AutoCloseable {
  static final Duration HEALTHY_INTERVAL = Duration.ofSeconds(10);
  static final Duration DEGRADED_INTERVAL = Duration.ofSeconds(2);
  /** A ping takes milliseconds; this long means the store is not answering, whatever the timeouts say. */
  static final Duration PATIENCE = Duration.ofSeconds(3);
  private static final long NONE = Long.MIN_VALUE;

  private final Runnable check;
  private final ScheduledExecutorService thread;
  private final AtomicBoolean extraQueued = new AtomicBoolean();
  private volatile String outage;
  private volatile long pingSince = NONE;
  private volatile long lastCheck = System.nanoTime();

  /** @param check one look at the store, reporting through {@link #ping}, {@link #answered} and {@link #failed} */
  StoreWatch(Runnable check) {
    this.check = check;
    this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "store-watcher");
      t.setDaemon(true);
      return t;
    });
  }

  void start() {
    schedule(HEALTHY_INTERVAL);
  }

  /** The status as last seen; asks for a fresh look in the background when it is getting old. */
  StoreStatus status() {
    if (System.nanoTime() - lastCheck > DEGRADED_INTERVAL.toNanos()) checkSoon();
    String why = outage;
    if (why != null) return StoreStatus.degraded(why);
    long since = pingSince;
    if (since != NONE && System.nanoTime() - since > PATIENCE.toNanos()) {
      return StoreStatus.degraded("the store has not answered for "
          + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since) + " s");
    }
    return StoreStatus.OK;
  }

  /** Times one call to the store, so that a hang shows as an outage before the call gives up. */
  <T> T ping(Supplier<T> call) {
    pingSince = System.nanoTime();
    try {
      return call.get();
    } finally {
      pingSince = NONE;
    }
  }

  /** @return whether the store was unavailable until now */
  boolean answered() {
    boolean wasDown = outage != null;
    outage = null;
    return wasDown;
  }

  /** @return whether the store was available until now */
  boolean failed(String reason) {
    boolean wasUp = outage == null;
    outage = reason == null ? "the store failed" : reason;
    return wasUp;
  }

  /** One extra check on the watcher thread, unless one is already waiting: they never pile up. */
  void checkSoon() {
    if (!extraQueued.compareAndSet(false, true)) return;
    try {
      thread.execute(() -> {
        extraQueued.set(false);
        runCheck();
      });
    } catch (RejectedExecutionException e) {
      // Closed: nobody is watching any more.
    }
  }

  private void schedule(Duration delay) {
    try {
      thread.schedule(() -> {
        try {
          runCheck();
        } finally {
          schedule(outage == null ? HEALTHY_INTERVAL : DEGRADED_INTERVAL);
        }
      }, delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Closed.
    }
  }

  private void runCheck() {
    lastCheck = System.nanoTime();
    try {
      check.run();
    } catch (RuntimeException e) {
      failed(e.toString());
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
