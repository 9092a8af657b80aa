package id.cakupan.api;

import id.cakupan.app.Accounts;
import id.cakupan.auth.Principal;
import id.cakupan.config.TrustedProxies;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may write (SPEC §4, §6): resolves {@code Authorization: Bearer <token>} to a {@link Principal}
 * and checks its role; reads stay public. The token is {@code CAKUPAN_ADMIN_TOKEN} (an admin,
 * compared in constant time) or a stored token, looked up by its SHA-256 in the store on every
 * write, so a token revoked by the CLI in another process stops at once.
 *
 * <p>Wrong tokens are logged (never the token) and limited per client address: after {@value #LIMIT}
 * in a minute, every write from that address, even with a right token, gets 429 until the minute is
 * over, so guessing cannot go on in parallel with a lucky hit. Behind a load balancer the address
 * is the one its trusted proxies forwarded ({@link ClientAddress}), else every client would share
 * the proxy's address and one guesser would lock everybody out.
 *
 * <p>Handlers call one of the {@code require...} methods first, before reading the body; each
 * returns the principal to record as the actor: 401 without or with a wrong token, 403 when the
 * token's role or kecamatan does not allow the write.
 */
public final class Access {
  static final int LIMIT = 10;
  static final long WINDOW_SECONDS = 60;
  static final int MAX_ADDRESSES = 10_000;
  /** Far beyond a {@code ckp_} token (47 characters): longer guesses are not even hashed. */
  static final int MAX_TOKEN_LENGTH = 512;
  private static final Logger LOG = LoggerFactory.getLogger(Access.class);

  private final byte[] adminToken;
  private final Accounts accounts;
  private final FailedLogins failed;
  private final TrustedProxies proxies;

  public Access(String adminToken, Accounts accounts, TrustedProxies proxies) {
    this(adminToken, accounts, proxies, System::nanoTime);
  }

  Access(String adminToken, Accounts accounts, TrustedProxies proxies, LongSupplier nanoClock) {
    this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
    this.accounts = accounts;
    this.proxies = proxies;
    this.failed = new FailedLogins(LIMIT, TimeUnit.SECONDS.toNanos(WINDOW_SECONDS), MAX_ADDRESSES, nanoClock);
  }

  /** Any valid token; 401 without or with a wrong one, 429 while the address is blocked. */
  public Principal authenticate(Context ctx) {
    // The socket's address; X-Forwarded-For only from a trusted proxy: a client could write any address into it.
    String address = ClientAddress.of(ctx.req(), proxies);
    long blocked = failed.blockedForNanos(address);
    if (blocked > 0) {
      long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(blocked + TimeUnit.SECONDS.toNanos(1) - 1));
      ctx.header(Header.RETRY_AFTER, Long.toString(seconds));
      throw new Problem(429, "Too many requests", "too many wrong tokens from " + address
          + "; writes from this address are refused for " + seconds + " s", "Authorization");
    }
    if (adminToken == null && !accounts.anyLiveToken()) {
      throw new Problem(403, "Writes are disabled", "this server has no admin token and no stored token; start it"
          + " with CAKUPAN_ADMIN_TOKEN set, or create a token with 'cakupan token create', to enable writes", null);
    }
    String header = ctx.header(Header.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
      throw new Problem(401, "Unauthorized", "send Authorization: Bearer <token>", "Authorization");
    }
    String given = header.substring(7).trim();
    Optional<Principal> principal = resolve(given);
    if (principal.isEmpty()) {
      FailedLogins.Failure f = failed.fail(address);
      // One line per address and window: a flood of guesses must not flood the log as well.
      if (f.firstInWindow()) {
        LOG.warn("wrong token on {} {} from {}{}; further failures from this address in the next {} s are "
            + "counted, not logged ({} allowed)", ctx.method(), ctx.path(), address,
            f.previousWindowFailures() > 1 ? " (" + f.previousWindowFailures() + " in its previous window)" : "",
            WINDOW_SECONDS, LIMIT);
      }
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      throw new Problem(401, "Unauthorized", "the bearer token is not valid (unknown or revoked)", "Authorization");
    }
    return principal.get();
  }

  private Optional<Principal> resolve(String given) {
    if (given.isEmpty() || given.length() > MAX_TOKEN_LENGTH) return Optional.empty();
    // Constant-time comparison: timing must not reveal how much of the token was right. A stored
    // token is found by its SHA-256, which reveals nothing about the secret either.
    if (adminToken != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), adminToken)) {
      return Optional.of(Principal.adminToken());
    }
    return accounts.principal(given);
  }

  /**
   * A valid token whose principal passes {@code allowed}; 403 otherwise.
   *
   * @param needed what the write needs, for the problem's detail, e.g. {@code "role admin or importer"}
   */
  public Principal require(Context ctx, Predicate<Principal> allowed, String needed) {
    return check(authenticate(ctx), allowed, needed);
  }

  /**
   * The role check of {@link #require} for a principal already authenticated: for writes whose
   * kecamatan is known only after the request is parsed (401 comes before a 400 for a bad path).
   */
  public Principal check(Principal p, Predicate<Principal> allowed, String needed) {
    if (!allowed.test(p)) {
      throw new Problem(403, "Forbidden", "this write needs " + needed + "; the token is " + p.describe(),
          "Authorization");
    }
    return p;
  }

  public Principal requireAdmin(Context ctx) {
    return require(ctx, Principal::isAdmin, "role admin");
  }

  /** Coverage, boundary and point imports: admin or importer. */
  public Principal requireImporter(Context ctx) {
    return require(ctx, Principal::mayImport, "role admin or importer");
  }

  /** Targets, assignees and notes in a kecamatan ({@code 31.72.03}): admin, or the camat of that kecamatan. */
  public Principal requireKecamatanEditor(Context ctx, String kecamatanCode) {
    return require(ctx, p -> p.mayEditKecamatan(kecamatanCode), "role admin, or camat of kecamatan " + kecamatanCode);
  }

  /** As {@link #requireKecamatanEditor(Context, String)}, for a principal already authenticated. */
  public Principal requireKecamatanEditor(Principal p, String kecamatanCode) {
    return check(p, q -> q.mayEditKecamatan(kecamatanCode), "role admin, or camat of kecamatan " + kecamatanCode);
  }

  /** Outreach activities in a kecamatan: admin, sudin, branch, or the camat of that kecamatan. */
  public Principal requireActivityIn(Context ctx, String kecamatanCode) {
    return require(ctx, p -> p.mayRecordActivityIn(kecamatanCode),
        "role admin, sudin or branch, or camat of kecamatan " + kecamatanCode);
  }

  /** As {@link #requireActivityIn(Context, String)}, for a principal already authenticated. */
  public Principal requireActivityIn(Principal p, String kecamatanCode) {
    return check(p, q -> q.mayRecordActivityIn(kecamatanCode),
        "role admin, sudin or branch, or camat of kecamatan " + kecamatanCode);
  }
}
