package id.cakupan.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * A token's listed fields as a JSON object, one set of names for the audit log and the embedded store's document
 * (which adds the hash beside them).
 */
public final class ApiTokenJson {
  private ApiTokenJson() {}

  /** Writes {@code id, name, role, kecamatan, created, revoked} into {@code n}: never the secret or its hash. */
  public static ObjectNode write(ObjectNode n, ApiToken t) {
    n.put("id", t.id());
    n.put("name", t.name());
    n.put("role", t.role().key());
    n.put("kecamatan", t.kecamatan());
    n.put("created", t.created().toString());
    n.put("revoked", t.revoked() == null ? null : t.revoked().toString());
    return n;
  }

  /** The token {@link #write} wrote (stored data, already validated). */
  public static ApiToken read(JsonNode n) {
    JsonNode kecamatan = n.get("kecamatan");
    return new ApiToken(n.get("id").asText(), n.get("name").asText(), Role.parse(n.get("role").asText()),
        kecamatan == null || kecamatan.isNull() ? null : kecamatan.asText(), Instant.parse(n.get("created").asText()),
        n.hasNonNull("revoked") ? Instant.parse(n.get("revoked").asText()) : null);
  }
}
