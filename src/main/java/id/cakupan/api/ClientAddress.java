package id.cakupan.api;

import id.cakupan.config.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request came from, for limits and logs. The socket's peer, unless that peer is a
 * trusted proxy: then {@code X-Forwarded-For} is read from the right (each proxy appends the
 * address it was connected from) and the first hop that is not itself a trusted proxy is the
 * client. What a client writes into the header lies left of that hop and is never reached; a
 * direct client's header is not read at all.
 */
final class ClientAddress {
  /** Enough hops for any real chain of proxies; a longer header is not walked further. */
  static final int MAX_HOPS = 32;

  private ClientAddress() {}

  static String of(HttpServletRequest req, TrustedProxies proxies) {
    String peer = req.getRemoteAddr();
    if (proxies.isEmpty() || !proxies.contains(peer)) return peer;
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(req.getHeaders("X-Forwarded-For"))) {
      for (String hop : header.split(",")) hops.add(hop);
    }
    return of(peer, hops, proxies);
  }

  /** @param hops the X-Forwarded-For entries in the order sent, leftmost first */
  static String of(String peer, List<String> hops, TrustedProxies proxies) {
    if (!proxies.contains(peer)) return peer;
    String nearest = peer;
    for (int i = hops.size() - 1, walked = 0; i >= 0 && walked < MAX_HOPS; i--, walked++) {
      String hop = TrustedProxies.canonical(hops.get(i));
      // Not an address: no trusted proxy wrote it, so stop at the last hop one did write.
      if (hop == null) return nearest;
      if (!proxies.contains(hop)) return hop;
      nearest = hop;
    }
    return nearest;
  }
}
