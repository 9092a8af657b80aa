package id.cakupan.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address ranges of reverse proxies whose {@code X-Forwarded-For} is believed
 * ({@code --trusted-proxies 10.0.0.0/8,192.168.1.7}); empty by default, when only the socket's
 * address counts. Addresses are parsed as literals only: a header's text never causes a DNS lookup.
 */
public final class TrustedProxies {
  public static final TrustedProxies NONE = new TrustedProxies(List.of(), "");
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV4_PORT = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}:\\d{1,5}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) return false;
      int full = prefix / 8;
      for (int i = 0; i < full; i++) if (address[i] != network[i]) return false;
      int rest = prefix % 8;
      if (rest == 0) return true;
      int mask = 0xFF << (8 - rest) & 0xFF;
      return (address[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;
  private final String text;

  private TrustedProxies(List<Range> ranges, String text) {
    this.ranges = ranges;
    this.text = text;
  }

  /**
   * Parses {@code CIDR,CIDR,...}: IPv4 or IPv6 addresses, each with an optional {@code /prefix}
   * (a bare address is one host). Blank means none.
   *
   * @throws IllegalArgumentException naming the first entry that is not one
   */
  public static TrustedProxies parse(String list) {
    if (list == null || list.isBlank()) return NONE;
    List<Range> ranges = new ArrayList<>();
    for (String entry : list.split(",")) {
      String e = entry.trim();
      if (e.isEmpty()) continue;
      int slash = e.indexOf('/');
      byte[] address = literal(slash < 0 ? e : e.substring(0, slash));
      if (address == null) throw new IllegalArgumentException("'" + e + "' is not an IP address or CIDR range");
      int prefix = address.length * 8;
      if (slash >= 0) {
        String p = e.substring(slash + 1);
        if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > address.length * 8) {
          throw new IllegalArgumentException("'" + e + "' has no valid prefix length (0 to " + address.length * 8 + ")");
        }
        prefix = Integer.parseInt(p);
      }
      ranges.add(new Range(address, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges), list.trim());
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** Whether the address (a literal, as Jetty reports a peer or a proxy writes a hop) is a trusted proxy. */
  public boolean contains(String address) {
    byte[] a = literal(address);
    if (a == null) return false;
    for (Range r : ranges) if (r.contains(a)) return true;
    return false;
  }

  /**
   * The bytes of an IPv4 or IPv6 literal (IPv6 possibly in brackets), or null for anything else,
   * host names included. An IPv4-mapped IPv6 address counts as its IPv4 address.
   */
  public static byte[] literal(String text) {
    if (text == null) return null;
    String s = text.trim();
    // Some proxies write a hop with its port: 203.0.113.7:51234 or [2001:db8::7]:51234.
    if (IPV4_PORT.matcher(s).matches()) s = s.substring(0, s.lastIndexOf(':'));
    if (s.startsWith("[") && s.contains("]:")) s = s.substring(0, s.lastIndexOf("]:") + 1);
    if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
    int zone = s.indexOf('%');
    if (zone >= 0) s = s.substring(0, zone);
    if (s.isEmpty() || s.length() > 45) return null;
    if (IPV4.matcher(s).matches()) {
      byte[] b = new byte[4];
      String[] parts = s.split("\\.");
      for (int i = 0; i < 4; i++) {
        int v = Integer.parseInt(parts[i]);
        if (v > 255) return null;
        b[i] = (byte) v;
      }
      return b;
    }
    if (!IPV6.matcher(s).matches()) return null;
    try {
      // A text with ':' is parsed as an IPv6 literal, never looked up.
      return InetAddress.getByName(s.toLowerCase(Locale.ROOT)).getAddress();
    } catch (UnknownHostException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The canonical text of an address literal, so that one client has one key however it is written. */
  public static String canonical(String address) {
    byte[] b = literal(address);
    if (b == null) return null;
    try {
      return InetAddress.getByAddress(b).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return ranges.isEmpty() ? "none" : text;
  }
}
