package id.cakupan.api;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of import files held in memory at once, over every request: a parser that needs a
 * file whole waits for room, so two importers sending 1 GiB each do not need 2 GiB of heap.
 * Counted in KiB so that a budget of several GiB fits a semaphore's int.
 */
final class UploadMemory {
  /** How long an import waits for another to finish before it is told to come back. */
  static final long WAIT_SECONDS = 120;
  private final Semaphore kib;
  private final int budgetKib;
  private final long waitSeconds;

  UploadMemory(long budgetBytes) {
    this(budgetBytes, WAIT_SECONDS);
  }

  UploadMemory(long budgetBytes, long waitSeconds) {
    this.budgetKib = kib(budgetBytes);
    this.kib = new Semaphore(budgetKib, true);
    this.waitSeconds = waitSeconds;
  }

  void acquire(long bytes) {
    int want = Math.min(kib(bytes), budgetKib);
    boolean got;
    try {
      got = kib.tryAcquire(want, waitSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      got = false;
    }
    if (!got) {
      throw new Problem(503, "Service unavailable", "other imports are being read; nothing was stored, send the file"
          + " again shortly", null);
    }
  }

  void release(long bytes) {
    if (bytes > 0) kib.release(Math.min(kib(bytes), budgetKib));
  }

  private static int kib(long bytes) {
    return (int) Math.min(Integer.MAX_VALUE, (bytes + 1023) >> 10);
  }
}
