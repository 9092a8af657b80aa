package id.cakupan.auth;

import java.util.Objects;

/**
 * Who is writing: resolved from a bearer token (or the CLI's operating-system user) once per
 * request. The predicates are the whole role model; endpoints ask them instead of comparing roles.
 *
 * @param tokenId the stored token's id, or null for the configured admin token and the CLI
 * @param name the token's name, written into the import log and the audit log as the actor
 * @param kecamatan the kecamatan code ({@code PP.KK.DD}) a camat is bound to, else null
 */
public record Principal(String tokenId, String name, Role role, String kecamatan) {
  /** The actor name of {@code CAKUPAN_ADMIN_TOKEN}. */
  public static final String ADMIN_TOKEN_NAME = "admin";

  public Principal {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    if (role.boundToKecamatan() != (kecamatan != null)) {
      throw new IllegalArgumentException(role.boundToKecamatan() ? "a " + role + " needs a kecamatan"
          : "a " + role + " is not bound to a kecamatan");
    }
  }

  /** The holder of {@code CAKUPAN_ADMIN_TOKEN}. */
  public static Principal adminToken() {
    return new Principal(null, ADMIN_TOKEN_NAME, Role.ADMIN, null);
  }

  /** Someone at the machine (a CLI command), who can do anything the files allow anyway. */
  public static Principal operator(String name) {
    return new Principal(null, name, Role.ADMIN, null);
  }

  public static Principal of(ApiToken token) {
    return new Principal(token.id(), token.name(), token.role(), token.kecamatan());
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  /** Coverage, boundary and point imports. */
  public boolean mayImport() {
    return role == Role.ADMIN || role == Role.IMPORTER;
  }

  /** Targets, assignees and notes of the kelurahan of one kecamatan (SPEC §6). */
  public boolean mayEditKecamatan(String kecamatanCode) {
    return role == Role.ADMIN || (role == Role.CAMAT && kecamatan.equals(kecamatanCode));
  }

  /** Outreach activities in one kecamatan (SPEC §7); the caller checks that it is in the region. */
  public boolean mayRecordActivityIn(String kecamatanCode) {
    return switch (role) {
      case ADMIN, SUDIN, BRANCH -> true;
      case CAMAT -> kecamatan.equals(kecamatanCode);
      case IMPORTER -> false;
    };
  }

  /** {@code camat 31.72.03 "Camat Koja"}: for problem details and logs (never the token). */
  public String describe() {
    return role + (kecamatan == null ? "" : " " + kecamatan) + " \"" + name + "\"";
  }
}
