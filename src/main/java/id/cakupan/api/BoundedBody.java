package id.cakupan.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads an upload into memory or copies it to a file, counting the bytes actually received: a chunked body declares no
 * length, so only counting stops it. Reading stops at the first byte past the limit.
 */
final class BoundedBody {
  private static final int CHUNK = 1 << 16;

  private BoundedBody() {}

  /**
   * @param limit the most bytes accepted, at most {@code Integer.MAX_VALUE - 8}
   * @param parameter what a 413 names: "body" or the multipart field
   */
  static byte[] read(InputStream in, long limit, String parameter) throws IOException {
    byte[] buffer = new byte[(int) Math.min(CHUNK, limit + 1)];
    int size = 0;
    while (true) {
      if (size == buffer.length) {
        if (size > limit) throw tooLarge(limit, parameter);
        // Grow by doubling, but never past one byte over the limit: that byte is enough to refuse.
        buffer = Arrays.copyOf(buffer, (int) Math.min((long) size * 2, limit + 1));
      }
      int n = in.read(buffer, size, buffer.length - size);
      if (n < 0) break;
      size += n;
    }
    if (size > limit) throw tooLarge(limit, parameter);
    return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
  }

  /**
   * Copies an upload to a file, counting as {@link #read} does; stops at the first byte past the
   * limit. A failure to write (a full disk) is the server's, so it comes as {@link UncheckedIOException}.
   *
   * @return the bytes copied
   */
  static long copy(InputStream in, OutputStream out, long limit, String parameter) throws IOException {
    byte[] buffer = new byte[CHUNK];
    long size = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      size += n;
      if (size > limit) throw tooLarge(limit, parameter);
      try {
        out.write(buffer, 0, n);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return size;
  }

  static Problem tooLarge(long limit, String parameter) {
    return new Problem(413, "Content too large", "the upload is larger than " + describe(limit)
        + ", the most this server accepts; nothing was read past that", parameter);
  }

  private static String describe(long bytes) {
    if (bytes >= 1L << 30 && bytes % (1L << 30) == 0) return (bytes >> 30) + " GiB";
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) return (bytes >> 20) + " MiB";
    return bytes + " bytes";
  }
}
