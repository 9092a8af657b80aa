package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailedLoginsTest {
  private final AtomicLong now = new AtomicLong(5_000);
  private final FailedLogins failed = new FailedLogins(3, 60, 4, now::get);

  @Test
  void theLimitBlocksUntilTheWindowEnds() {
    assertTrue(failed.fail("a").firstInWindow());
    now.addAndGet(10);
    assertFalse(failed.fail("a").firstInWindow());
    assertEquals(0, failed.blockedForNanos("a"));
    assertEquals(3, failed.fail("a").failures());
    assertEquals(50, failed.blockedForNanos("a"), "until 60 after the first failure");
    assertEquals(0, failed.blockedForNanos("b"), "other addresses are not affected");
    now.addAndGet(49);
    assertEquals(1, failed.blockedForNanos("a"));
    now.addAndGet(1);
    assertEquals(0, failed.blockedForNanos("a"));
    FailedLogins.Failure next = failed.fail("a");
    assertTrue(next.firstInWindow(), "a new window opens");
    assertEquals(1, next.failures());
    assertEquals(3, next.previousWindowFailures());
  }

  @Test
  void theTableKeepsOnlyTheMostRecentlySeenAddresses() {
    failed.fail("old");
    failed.fail("old");
    failed.fail("old");
    for (int i = 0; i < 10; i++) failed.fail("10.0.0." + i);
    assertEquals(4, failed.addresses());
    assertEquals(0, failed.blockedForNanos("old"), "evicted, so no longer blocked: the cap bounds memory");

    failed.fail("busy");
    failed.fail("busy");
    failed.fail("busy");
    for (int i = 0; i < 2; i++) failed.fail("10.0.1." + i);
    assertTrue(failed.blockedForNanos("busy") > 0, "a recently seen address stays");
  }
}
