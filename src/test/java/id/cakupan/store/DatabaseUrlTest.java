package id.cakupan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

  @Test
  void libpqFormWithUserOnly() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://cakupan@db.example.id:5433/cakupan");
    assertEquals("jdbc:postgresql://db.example.id:5433/cakupan", u.jdbcUrl());
    assertEquals("cakupan", u.user());
    assertNull(u.password());
    assertEquals("db.example.id", u.host().name());
    assertEquals(5433, u.host().port());
    assertEquals("cakupan", u.database());
    assertEquals("db.example.id:5433/cakupan", u.describe());
  }

  @Test
  void libpqFormWithPasswordKeepsItOutOfUrlAndMessages() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://app:s3cret@127.0.0.1:5432/gis");
    assertEquals("jdbc:postgresql://127.0.0.1:5432/gis", u.jdbcUrl());
    assertEquals("app", u.user());
    assertEquals("s3cret", u.password());
    assertFalse(u.toString().contains("s3cret"), u.toString());
    assertEquals("postgresql://app:***@127.0.0.1:5432/gis", u.toString());
  }

  @Test
  void percentEncodedCredentialsAreDecoded() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://ana%40bpjs:p%40ss%2Fw%3Ard@host/db");
    assertEquals("ana@bpjs", u.user());
    assertEquals("p@ss/w:rd", u.password());
  }

  @Test
  void unencodedAtInPasswordStillFindsTheHost() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://app:pa@ss@host:6000/db");
    assertEquals("pa@ss", u.password());
    assertEquals("host", u.host().name());
    assertEquals(6000, u.host().port());
  }

  @Test
  void portDefaultsTo5432() {
    DatabaseUrl u = DatabaseUrl.parse("postgres://u@localhost/cakupan");
    assertEquals("jdbc:postgresql://localhost:5432/cakupan", u.jdbcUrl());
  }

  @Test
  void parametersPassThroughAsGiven() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://u:pw@h:5432/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem");
    assertEquals("jdbc:postgresql://h:5432/db?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem", u.jdbcUrl());
    assertEquals(Map.of("sslmode", "verify-full", "sslrootcert", "/etc/ca.pem"), u.parameters());
  }

  @Test
  void jdbcFormPassesThroughAndTakesCredentialsOutOfTheQuery() {
    DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://h:5544/cakupan?user=app&password=secret&sslmode=require");
    assertEquals("jdbc:postgresql://h:5544/cakupan?sslmode=require", u.jdbcUrl());
    assertEquals("app", u.user());
    assertEquals("secret", u.password());
    assertFalse(u.toString().contains("secret"));
  }

  @Test
  void jdbcFormWithUserInfoIsAcceptedToo() {
    // The driver itself does not read user info, so it must become properties.
    DatabaseUrl u = DatabaseUrl.parse("jdbc:postgresql://app:pw@h/db");
    assertEquals("jdbc:postgresql://h:5432/db", u.jdbcUrl());
    assertEquals("app", u.user());
    assertEquals("pw", u.password());
  }

  @Test
  void jdbcShortFormMeansLocalhost() {
    assertEquals("jdbc:postgresql://localhost:5432/cakupan", DatabaseUrl.parse("jdbc:postgresql:cakupan").jdbcUrl());
  }

  @Test
  void multipleHostsAndIpv6() {
    DatabaseUrl u = DatabaseUrl.parse("postgresql://u@[::1]:5433,db2/cakupan?targetServerType=primary");
    assertEquals("jdbc:postgresql://[::1]:5433,db2:5432/cakupan?targetServerType=primary", u.jdbcUrl());
    assertEquals(2, u.hosts().size());
    assertEquals("[::1]:5433,db2:5432/cakupan", u.describe());
  }

  @Test
  void schemeIsCaseInsensitiveAndWhitespaceTrimmed() {
    assertEquals("jdbc:postgresql://h:5432/db", DatabaseUrl.parse("  PostgreSQL://u@h/db \n").jdbcUrl());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "mysql://u@h/db | scheme is 'mysql'",
      "h:5432/db | scheme is",
      "postgresql://u@/db | names no host",
      "postgresql://u@h:5432 | names no database",
      "postgresql://u@h:5432/ | names no database",
      "postgresql://u@h/db/extra | contains '/'",
      "postgresql://u@h:abc/db | port after host h",
      "postgresql://u@h:70000/db | port after host h",
      "postgresql://u@h:0/db | port after host h",
      "postgresql://@h/db | empty user name",
      "postgresql://u@h/db?sslmode | parameter 1",
      "postgresql://u@h/db?a=1&=x | parameter 2",
      "postgresql://u@[::1/db | closing ']'",
      "postgresql://u@h%zz/db | not a host name",
      "postgresql://u@h/d%b | bad %-escape in the database name",
  })
  void malformedUrlsSayWhatIsWrong(String url, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(url));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankUrlIsRefused(String url) {
    assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(url));
    assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "postgresql://u:topsecret@h:xyz/db",
      "postgresql://u:top%zzsecret@h/db",
      "postgresql://u:top?secret@h/db",
      "postgresql://u:pw@h/db?password=topsecret&oops",
      "mysql://u:topsecret@h/db",
  })
  void errorMessagesNeverShowThePassword(String url) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse(url));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }
}
