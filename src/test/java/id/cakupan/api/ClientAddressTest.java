package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.config.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which X-Forwarded-For hop is the client: the rightmost one no trusted proxy accounts for. */
class ClientAddressTest {
  static final TrustedProxies LB = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

  @Test
  void theRightmostUntrustedHopIsTheClient() {
    // The client wrote 1.2.3.4 itself; the load balancer appended the address it saw, 203.0.113.9.
    assertEquals("203.0.113.9", ClientAddress.of("10.1.2.3", List.of("1.2.3.4", " 203.0.113.9"), LB));
    // Two proxies: an inner one (trusted) between the client and the load balancer.
    assertEquals("198.51.100.4", ClientAddress.of("10.1.2.3", List.of("6.6.6.6", "198.51.100.4", "192.168.1.7"), LB));
    assertEquals("2001:db8:0:0:0:0:0:7", ClientAddress.of("fd00::1", List.of("[2001:db8::7]:443"), LB));
    assertEquals("203.0.113.9", ClientAddress.of("10.1.2.3", List.of("203.0.113.9:51234"), LB));
  }

  @Test
  void withoutAnUntrustedHopTheNearestAddressCounts() {
    assertEquals("10.1.2.3", ClientAddress.of("10.1.2.3", List.of(), LB));
    assertEquals("10.9.9.9", ClientAddress.of("10.1.2.3", List.of("10.9.9.9"), LB));
    // Text no proxy would write ends the walk at the last hop a trusted proxy did write.
    assertEquals("10.9.9.9", ClientAddress.of("10.1.2.3", List.of("evil.example", "10.9.9.9"), LB));
    assertEquals("10.1.2.3", ClientAddress.of("10.1.2.3", List.of("unknown"), LB));
  }

  @Test
  void aDirectClientsHeaderIsNeverRead() {
    assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", List.of("10.0.0.1"), TrustedProxies.NONE));
  }

  @Test
  void rangesAndLiterals() {
    assertTrue(LB.contains("10.255.0.1"));
    assertFalse(LB.contains("11.0.0.1"));
    assertTrue(LB.contains("192.168.1.7"));
    assertFalse(LB.contains("192.168.1.8"));
    assertTrue(LB.contains("fdab::1"));
    assertTrue(LB.contains("::ffff:10.0.0.1"), "an IPv4-mapped address is its IPv4 address");
    assertFalse(LB.contains("localhost"), "a name is never looked up");
    assertNull(TrustedProxies.literal("example.org"));
    assertNull(TrustedProxies.literal("999.1.1.1"));
    assertTrue(TrustedProxies.parse("").isEmpty());
    assertTrue(TrustedProxies.parse(null).isEmpty());
    assertEquals("none", TrustedProxies.NONE.toString());
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.internal"));
  }
}
