package id.cakupan.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a token may do (SPEC §6, §7). Reads are public; every write names the roles it allows.
 * {@link #CAMAT} is bound to one kecamatan; {@link #SUDIN} (a city sector office) and
 * {@link #BRANCH} (a BPJS branch office) record outreach activities anywhere in the region.
 */
public enum Role {
  ADMIN, IMPORTER, CAMAT, SUDIN, BRANCH;

  /** The lower-case name used in JSON, the CLI and the audit log. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A camat token must name its kecamatan; no other role may. */
  public boolean boundToKecamatan() {
    return this == CAMAT;
  }

  /** @throws IllegalArgumentException naming the accepted roles */
  public static Role parse(String text) {
    String s = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.name().equals(s)) return r;
    }
    throw new IllegalArgumentException("unknown role '" + text + "'; expected one of " + keys());
  }

  public static String keys() {
    return Arrays.stream(values()).map(Role::key).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return key();
  }
}
