package id.cakupan.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The rows of a {@code COPY … TO STDOUT (FORMAT binary)}, field by field as the bytes PostgreSQL
 * sends (its {@code *send} form: UTF-8 text, big-endian numbers, bytea as is). Geometry travels as
 * {@code ST_AsBinary} bytes: half the size of the hex EWKB a result set carries, and no hex to decode.
 */
final class BinaryCopyRows {
  static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

  private final DataInputStream in;
  private boolean done;

  /** Reads the header of {@code copy}, which must be a binary COPY TO STDOUT. */
  BinaryCopyRows(CopyOut copy) throws IOException {
    in = new DataInputStream(new BufferedInputStream(new PGCopyInputStream(copy), 1 << 16));
    byte[] signature = new byte[SIGNATURE.length];
    in.readFully(signature);
    if (!Arrays.equals(signature, SIGNATURE)) throw new IOException("not a binary COPY stream");
    in.readInt(); // flags: bit 16 (OIDs) is never set by COPY (SELECT …)
    in.skipNBytes(in.readInt()); // header extension, none so far
  }

  /**
   * The next row's fields (null for SQL NULL), or null after the last row, when the COPY has
   * also ended (so the connection is ready for the next statement).
   */
  byte[][] next() throws IOException {
    if (done) return null;
    short count = in.readShort();
    if (count == -1) {
      done = true;
      if (in.read() != -1) throw new IOException("data after the binary COPY trailer");
      return null;
    }
    byte[][] fields = new byte[count][];
    for (int i = 0; i < count; i++) {
      int length = in.readInt();
      if (length < 0) continue;
      fields[i] = new byte[length];
      in.readFully(fields[i]);
    }
    return fields;
  }

  static String text(byte[] field) {
    return field == null ? null : new String(field, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A {@code double precision} field (float8send: IEEE 754, big-endian). */
  static double float8(byte[] field) throws IOException {
    if (field == null || field.length != 8) throw new EOFException("a double precision field of 8 bytes expected");
    return java.nio.ByteBuffer.wrap(field).getDouble();
  }

  /** Day 0 of a {@code date} field. */
  static final java.time.LocalDate EPOCH = java.time.LocalDate.of(2000, 1, 1);

  /** A {@code bigint} field (int8send: big-endian). */
  static long int8(byte[] field) throws IOException {
    if (field == null || field.length != 8) throw new EOFException("a bigint field of 8 bytes expected");
    return java.nio.ByteBuffer.wrap(field).getLong();
  }

  /** A {@code date} field (date_send: days since {@link #EPOCH}, big-endian). */
  static int date(byte[] field) throws IOException {
    if (field == null || field.length != 4) throw new EOFException("a date field of 4 bytes expected");
    return java.nio.ByteBuffer.wrap(field).getInt();
  }

  /** Ends a COPY left unread (an error on the way): the connection goes back to the pool usable. */
  static void cancel(CopyOut copy) throws SQLException {
    if (copy.isActive()) copy.cancelCopy();
  }
}
