package id.cakupan.api;

import java.util.concurrent.Semaphore;

/**
 * At most a fixed number of one kind of expensive response at once (a whole national layer
 * written to a file). One more is refused at once with a 503 problem, which carries Retry-After,
 * rather than queued: a queue of waiting requests would hold threads and connections instead.
 */
final class BusySlots {
  private final Semaphore permits;
  private final int size;
  private final String what;

  /** @param what the plural the problem names, e.g. "large downloads" */
  BusySlots(int size, String what) {
    this.permits = new Semaphore(size);
    this.size = size;
    this.what = what;
  }

  /** One slot until it is closed; a 503 {@link Problem} when all are taken. */
  Slot take() {
    if (!permits.tryAcquire()) {
      throw new Problem(503, "Service unavailable", size + " " + what + " are being served now, the most at once;"
          + " try again in a few seconds", null);
    }
    return new Slot(permits);
  }

  /** A taken slot; closing it more than once gives it back once. */
  static final class Slot implements AutoCloseable {
    private Semaphore permits;

    private Slot(Semaphore permits) {
      this.permits = permits;
    }

    @Override
    public void close() {
      if (permits != null) permits.release();
      permits = null;
    }
  }
}
