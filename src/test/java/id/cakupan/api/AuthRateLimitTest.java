package id.cakupan.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import id.cakupan.config.Config;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Wrong tokens are logged without the token and limited per client address. Clients come from
 * different loopback addresses (on Linux all of 127/8 is local) by binding the client socket.
 */
class AuthRateLimitTest {
  static final String TOKEN = "rate-limit-test-token";
  @TempDir static Path dataDir;
  static ServerFixture server;
  static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    server = new ServerFixture(new Config(0, dataDir, null, null, null, TOKEN, null));
    Logger logger = (Logger) LoggerFactory.getLogger(Access.class);
    LOG.start();
    logger.addAppender(LOG);
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(Access.class)).detachAppender(LOG);
    server.close();
  }

  /** A coverage import POSTed over a socket bound to {@code from}. */
  static AuthHttp.Response post(String from, String token) throws IOException {
    byte[] body = "kode_wilayah,periode,sektor,peserta_aktif\n".getBytes(StandardCharsets.UTF_8);
    return AuthHttp.send(from, server.server.port(), "POST", "/api/imports/coverage", token, "text/csv", body);
  }

  private static List<String> warningsAbout(String address) {
    return LOG.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
        .filter(m -> m.contains(address)).toList();
  }

  @Test
  void tenWrongTokensBlockThatAddressButNoOther() throws Exception {
    String guesser = "127.0.0.2";
    String neighbour = "127.0.0.3";
    for (int i = 0; i < Access.LIMIT; i++) {
      assertEquals(401, post(guesser, "guess-" + i).status(), "guess " + i);
    }
    AuthHttp.Response blocked = post(guesser, "guess-x");
    assertEquals(429, blocked.status(), blocked.body());
    assertTrue(blocked.headers().get("content-type").startsWith("application/problem+json"), blocked.headers().toString());
    assertTrue(blocked.body().contains("\"status\":429"), blocked.body());
    long retryAfter = Long.parseLong(blocked.headers().get("retry-after"));
    assertTrue(retryAfter >= 1 && retryAfter <= Access.WINDOW_SECONDS, "Retry-After " + retryAfter);
    // Blocked means blocked: the right token from that address waits out the window too.
    assertEquals(429, post(guesser, TOKEN).status());

    // The neighbour's right token gets through (an empty CSV: rejected as a file, 422) and its
    // wrong one is an ordinary 401.
    assertEquals(422, post(neighbour, TOKEN).status());
    assertEquals(401, post(neighbour, "typo").status());
  }

  @Test
  void byDefaultAForwardedForHeaderIsIgnored() throws Exception {
    String spoofer = "127.0.0.9";
    byte[] body = "kode_wilayah,periode,sektor,peserta_aktif\n".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < Access.LIMIT; i++) {
      // Even a client that connects from loopback, as a local proxy would, is no trusted proxy by default.
      assertEquals(401, AuthHttp.send(spoofer, server.server.port(), "POST", "/api/imports/coverage", "guess-" + i,
          "text/csv", body, "203.0.113." + i).status());
    }
    assertEquals(429, AuthHttp.send(spoofer, server.server.port(), "POST", "/api/imports/coverage", TOKEN,
        "text/csv", body, "203.0.113.99").status());
  }

  @Test
  void aFailureIsLoggedOncePerWindowWithoutTheToken() throws Exception {
    String address = "127.0.0.4";
    for (int i = 0; i < 5; i++) assertEquals(401, post(address, "secret-guess-" + i).status());
    List<String> lines = warningsAbout(address);
    assertEquals(1, lines.size(), "one line per address and window: " + lines);
    assertTrue(lines.get(0).contains("POST /api/imports/coverage"), lines.get(0));
    for (ILoggingEvent e : LOG.list) {
      assertFalse(e.getFormattedMessage().contains("secret-guess"), "the token must not be logged: " + e.getFormattedMessage());
    }
  }
}
