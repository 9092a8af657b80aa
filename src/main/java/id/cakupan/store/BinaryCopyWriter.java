package id.cakupan.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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
  private final DataOutputStream out = new DataOutputStream(buffer);

  BinaryCopyWriter(Connection c, String copySql) throws SQLException {
    copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
    try {
      out.write(BinaryCopyRows.SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // no header extension
    } catch (IOException e) {
      throw new IllegalStateException(e); // a byte array does not fail
    }
  }

  /** Starts a row of {@code fields} fields; the calls that follow write them in order. */
  BinaryCopyWriter row(int fields) throws SQLException {
    try {
      if (buffer.size() >= CHUNK_BYTES) flush();
      out.writeShort(fields);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  BinaryCopyWriter text(String value) {
    return bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
  }

  BinaryCopyWriter int4(int value) {
    try {
      out.writeInt(4);
      out.writeInt(value);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  BinaryCopyWriter float8(double value) {
    try {
      out.writeInt(8);
      out.writeDouble(value);
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A field as bytes (a {@code geometry} as WKB: a column with an SRID gives it to one without); null for NULL. */
  BinaryCopyWriter bytes(byte[] value) {
    try {
      if (value == null) {
        out.writeInt(-1);
      } else {
        out.writeInt(value.length);
        out.write(value);
      }
      return this;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends the trailer and ends the COPY. */
  void finish() throws SQLException {
    try {
      out.writeShort(-1);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
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
}
