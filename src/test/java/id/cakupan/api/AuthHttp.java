package id.cakupan.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP/1.1 exchange from a loopback address of its own (on Linux all of 127/8 is local), so
 * the many wrong tokens a test sends on purpose never reach the per-address limit of {@link Access}.
 */
final class AuthHttp {
  private static final AtomicInteger NEXT = new AtomicInteger();

  record Response(int status, Map<String, String> headers, String body) {}

  private AuthHttp() {}

  /** A fresh source address in 127.10.0.0/16 for every call. */
  static String freshAddress() {
    int n = NEXT.getAndIncrement();
    return "127.10." + (n / 250 % 250) + "." + (n % 250 + 1);
  }

  /** @param token the bearer token, or null for no Authorization header */
  static Response send(int port, String method, String path, String token, String contentType, byte[] body)
      throws IOException {
    return send(freshAddress(), port, method, path, token, contentType, body);
  }

  /** As {@link #send(int, String, String, String, String, byte[])}, from the loopback address {@code from}. */
  static Response send(String from, int port, String method, String path, String token, String contentType,
      byte[] body) throws IOException {
    return send(from, port, method, path, token, contentType, body, null);
  }

  /** As above, with an {@code X-Forwarded-For} header (null for none). */
  static Response send(String from, int port, String method, String path, String token, String contentType,
      byte[] body, String forwardedFor) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
      if (forwardedFor != null) head.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n");
      if (contentType != null) head.append("Content-Type: ").append(contentType).append("\r\n");
      if (body != null) head.append("Content-Length: ").append(body.length).append("\r\n");
      head.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      if (body != null) out.write(body);
      out.flush();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      String[] lines = text.substring(0, end).split("\r\n");
      Map<String, String> headers = new HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
      }
      String rest = text.substring(end + 4);
      if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) rest = unchunk(rest);
      return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, rest);
    }
  }

  private static String unchunk(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int eol = s.indexOf("\r\n", i);
      int size = Integer.parseInt(s.substring(i, eol).split(";")[0].trim(), 16);
      if (size == 0) break;
      // Sizes count bytes; the bodies here are ASCII JSON, so characters are bytes.
      out.append(s, eol + 2, eol + 2 + size);
      i = eol + 2 + size + 2;
    }
    return out.toString();
  }
}
