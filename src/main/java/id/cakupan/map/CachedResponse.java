package id.cakupan.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** A finished response body, gzipped once and tagged with a strong ETag of its content. */
public record CachedResponse(byte[] body, byte[] gzipped, String etag, String contentType) {
  public static CachedResponse of(byte[] body, String contentType) {
    return new CachedResponse(body, gzip(body), etag(body), contentType);
  }

  /** What this response holds on the heap: both bodies, the two strings and the objects around them. */
  public long bytes() {
    return body.length + gzipped.length + 2L * (etag.length() + contentType.length()) + 96;
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
