package id.cakupan.api;

import io.javalin.http.Context;
import io.javalin.http.Header;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Writes need {@code Authorization: Bearer <CAKUPAN_ADMIN_TOKEN>}; reads stay public. */
final class AdminAuth {
  private final byte[] token;

  AdminAuth(String token) {
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns who is writing, for the import log; throws a 401/403 problem otherwise. */
  String require(Context ctx) {
    if (token == null) {
      throw new Problem(403, "Writes are disabled",
          "this server has no admin token; start it with CAKUPAN_ADMIN_TOKEN set to enable imports", null);
    }
    String header = ctx.header(Header.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer");
      throw new Problem(401, "Unauthorized", "send Authorization: Bearer <admin token>", "Authorization");
    }
    byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    // Constant-time comparison: timing must not reveal how much of the token was right.
    if (!MessageDigest.isEqual(given, token)) {
      ctx.header(Header.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      throw new Problem(401, "Unauthorized", "the bearer token is not valid", "Authorization");
    }
    return "admin";
  }
}
