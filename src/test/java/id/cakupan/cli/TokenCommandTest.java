package id.cakupan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.cakupan.auth.Tokens;
import id.cakupan.store.PostgresCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code token create|list|revoke} on both stores; the secret is printed once and stored nowhere. */
class TokenCommandTest {
  record Run(int exit, String out, String err) {
    String lastLine() {
      List<String> lines = out.lines().toList();
      return lines.get(lines.size() - 1);
    }
  }

  static synchronized Run cli(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int exit = Main.run(args);
      return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  static String[] with(String[] store, String... args) {
    return Stream.concat(Stream.of(args), Stream.of(store)).toArray(String[]::new);
  }

  /** Creates, lists and revokes; returns the secrets printed, for the caller to look for in the store. */
  static List<String> createListRevoke(String... store) {
    Run koja = cli(with(store, "token", "create", "--role", "camat", "--kecamatan", "31.72.03", "--name", "Camat Koja"));
    assertEquals(0, koja.exit(), koja.err());
    String secret = koja.lastLine();
    assertTrue(secret.matches("ckp_[A-Za-z0-9_-]{43}"), koja.out());
    assertTrue(koja.out().lines().count() >= 2, "what was created is said before the token: " + koja.out());
    Run importer = cli(with(store, "token", "create", "--role", "IMPORTER", "--name", "Data officer"));
    assertEquals(0, importer.exit(), importer.err());
    String id = koja.out().lines().filter(l -> l.startsWith("created token ")).findFirst().orElseThrow().split(" ")[2];

    Run list = cli(with(store, "token", "list"));
    assertEquals(0, list.exit(), list.err());
    assertTrue(list.out().contains(id) && list.out().contains("camat") && list.out().contains("31.72.03")
        && list.out().contains("Camat Koja") && list.out().contains("Data officer"), list.out());
    assertFalse(list.out().contains(secret) || list.out().contains(Tokens.sha256(secret)), "never the secret or hash");

    Run revoke = cli(with(store, "token", "revoke", id));
    assertEquals(0, revoke.exit(), revoke.err());
    assertTrue(revoke.out().contains("revoked token " + id), revoke.out());
    Run again = cli(with(store, "token", "revoke", id));
    assertEquals(TokenCommand.REFUSED, again.exit());
    assertTrue(again.err().contains("already revoked"), again.err());
    Run unknown = cli(with(store, "token", "revoke", "00000000"));
    assertEquals(TokenCommand.REFUSED, unknown.exit());
    assertTrue(unknown.err().contains("no token with id 00000000"), unknown.err());
    String row = cli(with(store, "token", "list")).out().lines().filter(l -> l.startsWith(id)).findFirst().orElseThrow();
    assertTrue(row.matches(id + "\\s+camat\\s+31\\.72\\.03\\s+\\S+Z\\s+\\S+Z\\s+Camat Koja"), "revoked time listed: " + row);

    // Refusals: clear messages, nothing stored.
    Run noKecamatan = cli(with(store, "token", "create", "--role", "camat", "--name", "Camat"));
    assertEquals(TokenCommand.REFUSED, noKecamatan.exit());
    assertTrue(noKecamatan.err().contains("--kecamatan"), noKecamatan.err());
    Run outside = cli(with(store, "token", "create", "--role", "camat", "--kecamatan", "31.71.01", "--name", "Camat"));
    assertEquals(TokenCommand.REFUSED, outside.exit());
    assertTrue(outside.err().contains("31.71.01 is not in the region") && outside.err().contains("31.72.03"), outside.err());
    Run sudin = cli(with(store, "token", "create", "--role", "sudin", "--kecamatan", "31.72.03", "--name", "Sudin"));
    assertEquals(TokenCommand.REFUSED, sudin.exit());
    assertTrue(sudin.err().contains("only for camat"), sudin.err());
    Run lurah = cli(with(store, "token", "create", "--role", "lurah", "--name", "Lurah"));
    assertEquals(TokenCommand.REFUSED, lurah.exit());
    assertTrue(lurah.err().contains("unknown role 'lurah'"), lurah.err());
    Run finalList = cli(with(store, "token", "list"));
    assertEquals(2, finalList.out().lines().filter(l -> l.matches("[0-9a-f]{8}\\s.*")).count(), finalList.out());
    return List.of(secret, importer.lastLine());
  }

  @Test
  void embeddedStoreKeepsOnlyHashes(@TempDir Path dir) throws Exception {
    List<String> secrets = createListRevoke("--data-dir", dir.toString());
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String s : secrets) {
          assertFalse(text.contains(s) || text.contains(s.substring(4)), f + " holds a secret");
        }
      }
    }
    assertTrue(Files.walk(dir).anyMatch(f -> f.getFileName().toString().equals("tokens.json")));
  }

  @Test
  void postgisKeepsOnlyHashes() throws Exception {
    try (PostgresCluster cluster = PostgresCluster.start()) {
      List<String> secrets = createListRevoke("--db", cluster.url());
      try (Connection c = cluster.connect(PostgresCluster.DATABASE); Statement st = c.createStatement()) {
        for (String table : List.of("api_token", "audit_log")) {
          StringBuilder all = new StringBuilder();
          try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
              for (int i = 1; i <= md.getColumnCount(); i++) all.append(rs.getString(i)).append('|');
            }
          }
          assertFalse(all.isEmpty(), table + " is empty");
          for (String s : secrets) assertFalse(all.toString().contains(s.substring(4)), table + " holds a secret");
          if (table.equals("api_token")) {
            for (String s : secrets) assertTrue(all.toString().contains(Tokens.sha256(s)), "stored by hash");
          }
        }
      }
    }
  }
}
