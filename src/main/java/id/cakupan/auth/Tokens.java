package id.cakupan.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes and hashes bearer tokens. A token is {@value #PREFIX} and 32 random bytes in base64url:
 * the prefix lets secret scanners and people recognise one; the store keeps only its SHA-256, so
 * a copy of the data directory or database lets nobody write. 256 random bits need no slow hash.
 */
public final class Tokens {
  public static final String PREFIX = "ckp_";
  static final int SECRET_BYTES = 32;
  static final int ID_BYTES = 4;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** A new token: the secret (shown once), its hash (stored) and what is listed. */
  public record Issued(String secret, String sha256, ApiToken token) {
    @Override
    public String toString() {
      return "Issued[" + token + "]"; // never the secret, whoever prints this
    }
  }

  /** @throws IllegalArgumentException when the role and the kecamatan do not fit together */
  public static Issued issue(String name, Role role, String kecamatan, Instant now) {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a token needs a name (--name)");
    if (role.boundToKecamatan() && kecamatan == null) {
      throw new IllegalArgumentException("a " + role + " token needs --kecamatan (e.g. 31.72.03)");
    }
    if (!role.boundToKecamatan() && kecamatan != null) {
      throw new IllegalArgumentException("a " + role + " token acts in the whole region; --kecamatan is only for camat");
    }
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    byte[] id = new byte[ID_BYTES];
    RANDOM.nextBytes(id);
    String text = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiToken token = new ApiToken(HexFormat.of().formatHex(id), name.strip(), role, kecamatan, now, null);
    return new Issued(text, sha256(text), token);
  }

  /** The hex SHA-256 of the token text as sent in the header. */
  public static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
