package id.cakupan.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TokensTest {
  static final Instant NOW = Instant.parse("2026-11-15T08:00:00Z");

  @Test
  void aTokenIsPrefixedRandomBase64urlAndOnlyItsHashIsKept() {
    Tokens.Issued a = Tokens.issue("Camat Koja", Role.CAMAT, "31.72.03", NOW);
    Tokens.Issued b = Tokens.issue("Camat Koja", Role.CAMAT, "31.72.03", NOW);
    assertTrue(a.secret().startsWith("ckp_"), a.secret());
    assertEquals(32, Base64.getUrlDecoder().decode(a.secret().substring(4)).length);
    assertTrue(a.secret().substring(4).matches("[A-Za-z0-9_-]{43}"), a.secret());
    assertNotEquals(a.secret(), b.secret());
    assertNotEquals(a.token().id(), b.token().id());
    assertTrue(a.token().id().matches("[0-9a-f]{8}"), a.token().id());
    assertEquals(Tokens.sha256(a.secret()), a.sha256());
    assertTrue(a.sha256().matches("[0-9a-f]{64}"));
    assertFalse(a.toString().contains(a.secret()), "printing the issue must not print the secret");
    assertEquals(new ApiToken(a.token().id(), "Camat Koja", Role.CAMAT, "31.72.03", NOW, null), a.token());
  }

  @Test
  void theSha256IsTheStandardOne() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256("abc"));
  }

  @Test
  void onlyACamatIsBoundToAKecamatan() {
    assertThrows(IllegalArgumentException.class, () -> Tokens.issue("Camat", Role.CAMAT, null, NOW));
    assertThrows(IllegalArgumentException.class, () -> Tokens.issue("Sudin", Role.SUDIN, "31.72.03", NOW));
    assertThrows(IllegalArgumentException.class, () -> Tokens.issue(" ", Role.ADMIN, null, NOW));
    assertEquals(Role.BRANCH, Tokens.issue("BPJS Tanjung Priok", Role.BRANCH, null, NOW).token().role());
  }

  @Test
  void rolesParseFromTheirLowerCaseNames() {
    for (Role r : Role.values()) assertEquals(r, Role.parse(r.key()));
    assertEquals(Role.CAMAT, Role.parse(" Camat "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Role.parse("lurah"));
    assertTrue(e.getMessage().contains("admin, importer, camat, sudin, branch"), e.getMessage());
  }

  @Test
  void principalsAllowWhatTheirRoleAllows() {
    Principal admin = Principal.adminToken();
    Principal importer = new Principal("1", "Data", Role.IMPORTER, null);
    Principal koja = new Principal("2", "Camat Koja", Role.CAMAT, "31.72.03");
    Principal sudin = new Principal("3", "Sudin Nakertrans", Role.SUDIN, null);
    Principal branch = new Principal("4", "BPJS Priok", Role.BRANCH, null);

    assertTrue(admin.mayImport() && importer.mayImport());
    assertFalse(koja.mayImport() || sudin.mayImport() || branch.mayImport());

    assertTrue(admin.mayEditKecamatan("31.72.01"));
    assertTrue(koja.mayEditKecamatan("31.72.03"));
    assertFalse(koja.mayEditKecamatan("31.72.01"));
    assertFalse(importer.mayEditKecamatan("31.72.03") || sudin.mayEditKecamatan("31.72.03")
        || branch.mayEditKecamatan("31.72.03"));

    assertTrue(admin.mayRecordActivityIn("31.72.01") && sudin.mayRecordActivityIn("31.72.01")
        && branch.mayRecordActivityIn("31.72.01") && koja.mayRecordActivityIn("31.72.03"));
    assertFalse(koja.mayRecordActivityIn("31.72.01"));
    assertFalse(importer.mayRecordActivityIn("31.72.03"));

    assertThrows(IllegalArgumentException.class, () -> new Principal("5", "x", Role.CAMAT, null));
    assertThrows(IllegalArgumentException.class, () -> new Principal("5", "x", Role.ADMIN, "31.72.03"));
    assertEquals("camat 31.72.03 \"Camat Koja\"", koja.describe());
  }
}
