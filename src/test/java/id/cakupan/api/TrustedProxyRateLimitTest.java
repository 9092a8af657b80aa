package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.cakupan.boundary.Region;
import id.cakupan.config.Config;
import id.cakupan.config.TrustedProxies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a load balancer every client arrives from the balancer's address. With the balancer
 * trusted, the wrong-token limit keys on the client it forwarded; a client talking to the server
 * directly cannot pick its key by writing X-Forwarded-For.
 */
class TrustedProxyRateLimitTest {
  static final String TOKEN = "trusted-proxy-test-token";
  static final String BALANCER = "127.0.0.50";
  @TempDir static Path dataDir;
  static ServerFixture server;

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, null, null, null, TOKEN, null, Region.JAKARTA_UTARA,
        Config.defaultCacheBytes(), null, TrustedProxies.parse("127.0.0.48/30")));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static AuthHttp.Response post(String from, String forwardedFor, String token) throws IOException {
    byte[] body = "kode_wilayah,periode,sektor,peserta_aktif\n".getBytes(StandardCharsets.UTF_8);
    return AuthHttp.send(from, server.server.port(), "POST", "/api/imports/coverage", token, "text/csv", body,
        forwardedFor);
  }

  @Test
  void aGuesserBehindTheBalancerLocksOutOnlyItself() throws Exception {
    String guesser = "203.0.113.5";
    String colleague = "203.0.113.6";
    for (int i = 0; i < Access.LIMIT; i++) {
      // The guesser varies what it writes itself; the balancer appends the address it saw.
      assertEquals(401, post(BALANCER, "10.0.0." + i + ", " + guesser, "guess-" + i).status(), "guess " + i);
    }
    assertEquals(429, post(BALANCER, guesser, "guess-x").status());
    assertEquals(429, post(BALANCER, "9.9.9.9, " + guesser, TOKEN).status(), "blocked, whatever it writes left");
    // Another client through the same balancer still gets in (an empty CSV: rejected as a file, 422).
    assertEquals(422, post(BALANCER, colleague, TOKEN).status());
  }

  @Test
  void aDirectClientsForwardedForIsIgnored() throws Exception {
    String direct = "127.0.0.60";
    for (int i = 0; i < Access.LIMIT; i++) {
      assertEquals(401, post(direct, "198.51.100." + i, "guess-" + i).status(), "guess " + i);
    }
    // A fresh made-up address does not buy a fresh allowance: the socket's address is blocked.
    assertEquals(429, post(direct, "198.51.100.200", TOKEN).status());
  }
}
