package id.cakupan.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored token as anyone may see it: never the secret, and never its hash outside the store.
 *
 * @param id short random hex, what {@code token revoke ID} takes
 * @param kecamatan the kecamatan code of a camat token, else null
 * @param revoked when it was revoked, or null while it works
 */
public record ApiToken(String id, String name, Role role, String kecamatan, Instant created, Instant revoked) {
  public ApiToken {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
  }

  public boolean live() {
    return revoked == null;
  }

  public ApiToken revokedAt(Instant at) {
    return new ApiToken(id, name, role, kecamatan, created, at);
  }
}
