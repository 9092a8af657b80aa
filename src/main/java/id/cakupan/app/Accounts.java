package id.cakupan.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.cakupan.auth.ApiToken;
import id.cakupan.auth.ApiTokenJson;
import id.cakupan.auth.AuditEntry;
import id.cakupan.auth.Principal;
import id.cakupan.auth.Role;
import id.cakupan.auth.Tokens;
import id.cakupan.boundary.Gazetteer;
import id.cakupan.boundary.GazetteerEntry;
import id.cakupan.coverage.KecamatanCode;
import id.cakupan.store.Store;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Tokens and the audit log over the store, shared by the CLI ({@code token create|list|revoke})
 * and the server (resolving a bearer token, {@code GET /api/audit}). Every token change is audited
 * in the same write.
 */
public final class Accounts {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_NAME_LENGTH = 100;

  private final Store store;
  private final Gazetteer gazetteer;
  private final Clock clock;

  /** @param gazetteer the region's crosswalk: a camat's kecamatan must be one of its kecamatan */
  public Accounts(Store store, Gazetteer gazetteer, Clock clock) {
    this.store = store;
    this.gazetteer = gazetteer;
    this.clock = clock;
  }

  /**
   * Makes and stores a token; the returned secret is the only copy there will ever be.
   *
   * @throws IllegalArgumentException for a blank or long name, a kecamatan given to a role that is
   *     not bound to one (or missing for a camat), or a kecamatan that is not in the region
   */
  public Tokens.Issued create(String name, Role role, String kecamatan, Principal by) {
    if (name != null && name.strip().length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("a token name has at most " + MAX_NAME_LENGTH + " characters");
    }
    if (kecamatan != null) {
      kecamatan = KecamatanCode.parse(kecamatan).value();
      if (role.boundToKecamatan() && gazetteer.kecamatanName(kecamatan) == null) {
        throw new IllegalArgumentException("kecamatan " + kecamatan + " is not in the region's gazetteer (" + gazetteer.source()
            + "); its kecamatan are " + String.join(", ", gazetteer.entries().stream()
                .map(GazetteerEntry::code).map(c -> c.kecamatanCode()).distinct().sorted().toList()));
      }
    }
    Tokens.Issued issued = Tokens.issue(name, role, kecamatan, clock.instant());
    store.createToken(issued.token(), issued.sha256(),
        List.of(AuditEntry.of(clock.instant(), by, "token.create", issued.token().id(), null, json(issued.token()))));
    return issued;
  }

  public List<ApiToken> list() {
    return store.tokens();
  }

  /** @return the revoked token, or empty when no live token has this id */
  public Optional<ApiToken> revoke(String id, Principal by) {
    Optional<ApiToken> before = store.tokens().stream().filter(t -> t.id().equals(id) && t.live()).findFirst();
    if (before.isEmpty()) return Optional.empty();
    var at = clock.instant();
    ApiToken after = before.get().revokedAt(at);
    return store.revokeToken(id, at,
        List.of(AuditEntry.of(at, by, "token.revoke", id, json(before.get()), json(after))));
  }

  /** Who holds this bearer token, asked from the store each time so a revocation elsewhere counts at once. */
  public Optional<Principal> principal(String secret) {
    return store.liveToken(Tokens.sha256(secret)).map(Principal::of);
  }

  /** Whether any stored token still works: without one and without an admin token, nobody can write. */
  public boolean anyLiveToken() {
    return store.tokens().stream().anyMatch(ApiToken::live);
  }

  /** Newest first. */
  public List<AuditEntry> audit(int limit, int offset) {
    return store.audit(limit, offset);
  }

  /** A token as the audit log shows it: everything listed, never the secret or its hash. */
  static String json(ApiToken t) {
    return ApiTokenJson.write(JSON.createObjectNode(), t).toString();
  }
}
