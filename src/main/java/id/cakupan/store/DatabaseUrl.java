package id.cakupan.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database URL given to {@code --db} / {@code CAKUPAN_DB_URL}, turned into what the JDBC driver
 * wants. Accepts the libpq form {@code postgresql://user:password@host:port/db?sslmode=require}
 * (also {@code postgres://}) and the JDBC form {@code jdbc:postgresql://host:port/db?...}.
 *
 * <p>Credentials are taken out of the JDBC URL (from the user info or the {@code user} and
 * {@code password} parameters) so that the URL can be logged; other parameters pass through as
 * given. Nothing here, including error messages and {@link #toString()}, ever shows the password.
 */
public final class DatabaseUrl {
  public static final int DEFAULT_PORT = 5432;
  private static final String EXPECTED =
      "expected postgresql://user@host:port/db or jdbc:postgresql://host:port/db";

  /** One host of the (possibly multi-host) authority, as written: IPv6 keeps its brackets. */
  public record Host(String name, int port) {
    @Override
    public String toString() {
      return name + ":" + port;
    }
  }

  private final List<Host> hosts;
  private final String database;
  private final String rawDatabase;
  private final String user;
  private final String password;
  private final Map<String, String> parameters;
  private final List<String> rawParameters;

  private DatabaseUrl(List<Host> hosts, String database, String rawDatabase, String user, String password,
      Map<String, String> parameters, List<String> rawParameters) {
    this.hosts = List.copyOf(hosts);
    this.database = database;
    this.rawDatabase = rawDatabase;
    this.user = user;
    this.password = password;
    this.parameters = Collections.unmodifiableMap(parameters);
    this.rawParameters = List.copyOf(rawParameters);
  }

  /** Parses a URL; anything malformed is an IllegalArgumentException that says what is wrong. */
  public static DatabaseUrl parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("no database URL given: " + EXPECTED);
    }
    String s = text.trim();
    String rest;
    if (startsWithIgnoreCase(s, "jdbc:postgresql:")) {
      rest = s.substring("jdbc:postgresql:".length());
      // The driver's short forms jdbc:postgresql:db and jdbc:postgresql:/ mean localhost.
      if (!rest.startsWith("//")) rest = "//localhost/" + (rest.startsWith("/") ? rest.substring(1) : rest);
      rest = rest.substring(2);
    } else if (startsWithIgnoreCase(s, "postgresql://")) {
      rest = s.substring("postgresql://".length());
    } else if (startsWithIgnoreCase(s, "postgres://")) {
      rest = s.substring("postgres://".length());
    } else {
      int colon = s.indexOf(':');
      String scheme = colon > 0 && colon < 20 && s.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")
          ? "'" + s.substring(0, colon) + "'" : "missing";
      throw new IllegalArgumentException("database URL scheme is " + scheme + ": " + EXPECTED);
    }

    // The query starts at the first '?'; user info ends at the last '@' before it, so that an
    // unencoded '@' in a password does not spill the password into the host part.
    int q = rest.indexOf('?');
    String beforeQuery = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? "" : rest.substring(q + 1);
    int at = beforeQuery.lastIndexOf('@');
    String userInfo = at < 0 ? null : beforeQuery.substring(0, at);
    String hostAndPath = at < 0 ? beforeQuery : beforeQuery.substring(at + 1);

    int slash = hostAndPath.indexOf('/');
    String authority = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
    String rawDatabase = slash < 0 ? "" : hostAndPath.substring(slash + 1);

    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user name");
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
      if (user.isEmpty()) throw new IllegalArgumentException("database URL has an empty user name before '@'");
    }

    List<Host> hosts = parseHosts(authority);

    if (rawDatabase.isEmpty()) {
      throw new IllegalArgumentException("database URL names no database: " + EXPECTED);
    }
    if (rawDatabase.contains("/")) {
      throw new IllegalArgumentException("database name in the URL contains '/': " + EXPECTED);
    }
    String database = decode(rawDatabase, "database name");

    Map<String, String> parameters = new LinkedHashMap<>();
    List<String> rawParameters = new ArrayList<>();
    if (!query.isEmpty()) {
      int n = 0;
      for (String pair : query.split("&", -1)) {
        n++;
        if (pair.isEmpty()) continue;
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          // Not echoed: a password with an unencoded '&' would end up here.
          throw new IllegalArgumentException(
              "database URL parameter " + n + " after '?' is not name=value");
        }
        String name = decode(pair.substring(0, eq), "parameter name");
        String value = decode(pair.substring(eq + 1), "value of parameter '" + name + "'");
        // Credentials leave the URL so the URL itself can be shown; the user info wins over them.
        if (name.equals("user")) {
          if (user == null) user = value;
        } else if (name.equals("password")) {
          if (password == null) password = value;
        } else {
          parameters.put(name, value);
          rawParameters.add(pair);
        }
      }
    }
    return new DatabaseUrl(hosts, database, rawDatabase, user, password, parameters, rawParameters);
  }

  private static List<Host> parseHosts(String authority) {
    if (authority.isEmpty()) {
      throw new IllegalArgumentException("database URL names no host: " + EXPECTED);
    }
    List<Host> hosts = new ArrayList<>();
    for (String part : authority.split(",", -1)) {
      String name;
      String port = null;
      if (part.startsWith("[")) {
        int close = part.indexOf(']');
        if (close < 0) throw new IllegalArgumentException("database URL has an IPv6 host without its closing ']'");
        name = part.substring(0, close + 1);
        String after = part.substring(close + 1);
        if (!after.isEmpty()) {
          if (!after.startsWith(":")) {
            throw new IllegalArgumentException("database URL has text after the IPv6 host " + name);
          }
          port = after.substring(1);
        }
      } else {
        int colon = part.indexOf(':');
        name = colon < 0 ? part : part.substring(0, colon);
        port = colon < 0 ? null : part.substring(colon + 1);
      }
      if (name.isEmpty() || name.equals("[]")) {
        throw new IllegalArgumentException("database URL names no host: " + EXPECTED);
      }
      if (!name.startsWith("[") && !name.matches("[A-Za-z0-9._-]+")) {
        throw new IllegalArgumentException("database host '" + name + "' is not a host name or address");
      }
      hosts.add(new Host(name, port == null ? DEFAULT_PORT : parsePort(port, name)));
    }
    return hosts;
  }

  private static int parsePort(String text, String host) {
    if (text.matches("\\d{1,5}")) {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) return port;
    }
    // The text is not echoed: with an unencoded '?' in a password it would be part of the password.
    throw new IllegalArgumentException(
        "database port after host " + host + " is not a number between 1 and 65535");
  }

  private static String decode(String text, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          // Never echo the text: it may be the password.
          throw new IllegalArgumentException("database URL has a bad %-escape in the " + what);
        }
        out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** {@code jdbc:postgresql://host:port/db?params}, without user or password. */
  public String jdbcUrl() {
    StringBuilder b = new StringBuilder("jdbc:postgresql://");
    for (int i = 0; i < hosts.size(); i++) {
      if (i > 0) b.append(',');
      b.append(hosts.get(i));
    }
    b.append('/').append(rawDatabase);
    if (!rawParameters.isEmpty()) b.append('?').append(String.join("&", rawParameters));
    return b.toString();
  }

  public List<Host> hosts() {
    return hosts;
  }

  /** The first host; the others are fallbacks. */
  public Host host() {
    return hosts.get(0);
  }

  public String database() {
    return database;
  }

  /** The user, or null to let the driver choose (it takes the OS user name). */
  public String user() {
    return user;
  }

  /** The password, or null for none (trust, peer or a password file). Never log it. */
  public String password() {
    return password;
  }

  /** Parameters other than user and password, decoded. */
  public Map<String, String> parameters() {
    return parameters;
  }

  /** {@code host:port/db}, for messages. */
  public String describe() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < hosts.size(); i++) {
      if (i > 0) b.append(',');
      b.append(hosts.get(i));
    }
    return b.append('/').append(database).toString();
  }

  /** {@code postgresql://user@host:port/db}, the password never shown. */
  @Override
  public String toString() {
    return "postgresql://" + (user == null ? "" : user + (password == null ? "" : ":***") + "@") + describe();
  }
}
