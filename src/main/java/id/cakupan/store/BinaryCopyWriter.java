package id.cakupan.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows written as a {@code COPY … FROM STDIN (FORMAT binary)}, the counterpart of {@link
 * BinaryCopyRows}: each field in the form PostgreSQL's {@code *recv} functions read (UTF-8 text,
 * big-endian numbers, geometry as WKB). A national boundary set is 83,800 polygons of 22.7 M
 * vertices; as batched inserts each geometry went as hex EWKB text, twice its bytes, parsed again.
 */
final class BinaryCopyWriter {
  private static final int CHUNK_BYTES = 1 << 20;

  private final CopyIn copy;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK_BYTES + (1 << 16));

  BinaryCopyWriter(Connection c, String copySql) throws SQLException {
    copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    buffer.writeBytes(BinaryCopyRows.SIGNATURE);
    int32(0); // flags
    int32(0); // no header extension
  }

  /** Starts a row of {@code fields} fields; the calls that follow write them in order. */
  BinaryCopyWriter row(int fields) throws SQLException {
    if (buffer.size() >= CHUNK_BYTES) flush();
    int16(fields);
    return this;
  }

  BinaryCopyWriter text(String value) {
    return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  BinaryCopyWriter int4(int value) {
    int32(4);
    int32(value);
    return this;
  }

  BinaryCopyWriter float8(double value) {
    int32(8);
    long bits = Double.doubleToLongBits(value);
    int32((int) (bits >>> 32));
    int32((int) bits);
    return this;
  }

  /** A field as bytes (a {@code geometry} as WKB: a column with an SRID gives it to one without); null for NULL. */
  BinaryCopyWriter bytes(byte[] value) {
    if (value == null) {
      int32(-1);
    } else {
      int32(value.length);
      buffer.writeBytes(value);
    }
    return this;
  }

  /** Sends the trailer and ends the COPY. */
  void finish() throws SQLException {
    int16(-1);
    flush();
    copy.endCopy();
  }

  /** Ends a COPY left unfinished (an error on the way), so the connection can roll back and be reused. */
  void cancel(Exception cause) {
    if (!copy.isActive()) return;
    try {
      copy.cancelCopy();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private void flush() throws SQLException {
    copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
    buffer.reset();
  }

  // Big-endian, as COPY's binary format has it.
  private void int16(int v) {
    buffer.write(v >>> 8);
    buffer.write(v);
  }

  private void int32(int v) {
    int16(v >>> 16);
    int16(v);
  }
}
