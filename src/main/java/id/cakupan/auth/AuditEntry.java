package id.cakupan.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit log (SPEC §6: who, when, what, old → new).
 *
 * @param actor the token's name (or {@code cli:<user>} for a CLI command)
 * @param action what was done, {@code <thing>.<verb>}: {@code import.coverage}, {@code token.create}, {@code target.put}
 * @param subject what it was done to: a file name, a token id, {@code 31.72.03.1004/BPU/2026-12}
 * @param oldValue the value before, as JSON text, or null (nothing before)
 * @param newValue the value after, as JSON text, or null (deleted)
 */
public record AuditEntry(Instant at, String actor, Role role, String action, String subject, String oldValue,
    String newValue) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(action, "action");
  }

  /** An entry for what principal did. */
  public static AuditEntry of(Instant at, Principal by, String action, String subject, String oldValue,
      String newValue) {
    return new AuditEntry(at, by.name(), by.role(), action, subject, oldValue, newValue);
  }
}
