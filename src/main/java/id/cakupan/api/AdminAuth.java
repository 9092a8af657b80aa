package id.cakupan.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes need {@code Authorization: Bearer <CAKUPAN_ADMIN_TOKEN>}; reads stay public. Wrong tokens
 * are logged (never the token) and limited per client address: after {@value #LIMIT} in a minute,
 * every write from that address, even with the right token, gets 429 until the minute is over, so
 * guessing cannot go on in parallel with a lucky hit.
 */
final class AdminAuth {
  static final int LIMIT = 10;
  static final long WINDOW_SECONDS = 60;
  static final int MAX_ADDRESSES = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(AdminAuth.class);

  private final byte[] token;
  private final FailedLogins failed;

  AdminAuth(String token) {
    this(token, System::nanoTime);
  }

  AdminAuth(String token, LongSupplier nanoClock) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.failed = new FailedLogins(LIMIT, TimeUnit.SECONDS.toNanos(WINDOW_SECONDS), MAX_ADDRESSES, nanoClock);
  }

  /** Returns who is writing, for the import log; throws a 401/403/429 problem otherwise. */
  String require(Context ctx) {
    if (token == null) {
      throw new Problem(403, "Writes are disabled",
          "this server has no admin token; start it with CAKUPAN_ADMIN_TOKEN set to enable imports", null);
    }
    // The socket's address, not X-Forwarded-For: a client could write any address into a header.
    String address = ctx.req().getRemoteAddr();
    long blocked = failed.blockedForNanos(address);
    if (blocked > 0) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(blocked + TimeUnit.SECONDS.toNanos(1) - 1));
      ctx.header(Header.RETRY_AFTER, Long.toString(seconds));
      throw new Problem(429, "Too many requests", "too many wrong tokens from " + address
          + "; writes from this address are refused for " + seconds + " s", "Authorization");
    }
    String header = ctx.header(Header.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
      throw new Problem(401, "Unauthorized", "send Authorization: Bearer <admin token>", "Authorization");
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    // Constant-time comparison: timing must not reveal how much of the token was right.
    if (!MessageDigest.isEqual(given, token)) {
      FailedLogins.Failure f = failed.fail(address);
      // One line per address and window: a flood of guesses must not flood the log as well.
      if (f.firstInWindow()) {
        LOG.warn("wrong admin token on {} {} from {}{}; further failures from this address in the next {} s are "
            + "counted, not logged ({} allowed)", ctx.method(), ctx.path(), address,
            f.previousWindowFailures() > 1 ? " (" + f.previousWindowFailures() + " in its previous window)" : "",
            WINDOW_SECONDS, LIMIT);
      }
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      throw new Problem(401, "Unauthorized", "the bearer token is not valid", "Authorization");
    }
    return "admin";
  }
}
