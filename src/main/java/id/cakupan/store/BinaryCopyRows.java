package id.cakupan.store;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.PGCopyInputStream;

/**
 * The rows of a {@code COPY … TO STDOUT (FORMAT binary)}, one at a time, field by field as the
 * bytes PostgreSQL sends (its {@code *send} form: UTF-8 text, big-endian numbers, bytea as is).
 * Geometry travels as {@code ST_AsBinary} bytes: half the size of the hex EWKB a result set
 * carries, and no hex to decode. A row is read into one buffer reused for the next, with no array
 * per field: a national coverage read is 6 million rows of 5 fields, and 30 million small arrays
 * kept the collector busy through start-up.
 */
final class BinaryCopyRows {
  static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};
  /** Day 0 of a {@code date} field. */
  static final java.time.LocalDate EPOCH = java.time.LocalDate.of(2000, 1, 1);

  private final DataInputStream in;
  private boolean done;
  private byte[] row = new byte[256];
  private int[] start = new int[8];
  private int[] length = new int[8];
  private int fields;

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
   * Reads the next row; false after the last one, when the COPY has also ended (so the connection
   * is ready for the next statement). The fields read before are gone.
   */
  boolean next() throws IOException {
    if (done) return false;
    short count = in.readShort();
    if (count == -1) {
      done = true;
      if (in.read() != -1) throw new IOException("data after the binary COPY trailer");
      return false;
    }
    if (count < 0) throw new IOException("a negative field count in the binary COPY stream");
    if (count > start.length) {
      start = new int[count];
      length = new int[count];
    }
    fields = count;
    int end = 0;
    for (int i = 0; i < count; i++) {
      int n = in.readInt();
      start[i] = end;
      length[i] = n;
      if (n < 0) continue; // NULL
      if (end + n > row.length) row = Arrays.copyOf(row, Math.max(2 * row.length, end + n));
      in.readFully(row, end, n);
      end += n;
    }
    return true;
  }

  boolean isNull(int field) {
    return length(field) < 0;
  }

  /** A text field, or null for NULL. */
  String text(int field) {
    int n = length(field);
    return n < 0 ? null : new String(row, start[field], n, StandardCharsets.UTF_8);
  }

  /** A field's bytes (a geometry's WKB), or null for NULL. */
  byte[] bytes(int field) {
    int n = length(field);
    return n < 0 ? null : Arrays.copyOfRange(row, start[field], start[field] + n);
  }

  /** Whether a field holds exactly these bytes: for telling a repeated value without decoding it. */
  boolean holds(int field, byte[] value) {
    int n = length(field);
    return value != null && n == value.length
        && Arrays.equals(row, start[field], start[field] + n, value, 0, n);
  }

  /** A {@code double precision} field (float8send: IEEE 754, big-endian). */
  double float8(int field) throws IOException {
    return Double.longBitsToDouble(number(field, 8));
  }

  /** A {@code bigint} field (int8send: big-endian). */
  long int8(int field) throws IOException {
    return number(field, 8);
  }

  /** A {@code date} field (date_send: days since {@link #EPOCH}, big-endian). */
  int date(int field) throws IOException {
    return (int) number(field, 4);
  }

  private long number(int field, int bytes) throws IOException {
    if (length(field) != bytes) throw new EOFException("field " + field + ": " + bytes + " bytes expected");
    long v = 0;
    for (int i = start[field]; i < start[field] + bytes; i++) v = (v << 8) | (row[i] & 0xff);
    return bytes == 4 ? (int) v : v; // a date before 2000 is negative
  }

  private int length(int field) {
    if (field >= fields) throw new IllegalArgumentException("field " + field + " of a row of " + fields);
    return length[field];
  }

  /** Ends a COPY left unread (an error on the way): the connection goes back to the pool usable. */
  static void cancel(CopyOut copy) throws SQLException {
    if (copy.isActive()) copy.cancelCopy();
  }
}
