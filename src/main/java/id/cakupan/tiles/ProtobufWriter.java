package id.cakupan.tiles;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The few parts of the protocol buffers wire format a vector tile needs: varints, zigzag,
 * 64-bit doubles, and length-delimited fields (strings, nested messages, packed integers).
 */
final class ProtobufWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private byte[] buf;
  private int size;

  ProtobufWriter() {
    this(256);
  }

  ProtobufWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  int size() {
    return size;
  }

  void reset() {
    size = 0;
  }

  /** Appends what another writer holds, as it is (fields already tagged). */
  void raw(ProtobufWriter other) {
    ensure(other.size);
    System.arraycopy(other.buf, 0, buf, size, other.size);
    size += other.size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  void varint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
  }

  static int zigzag(int n) {
    return (n << 1) ^ (n >> 31);
  }

  static long zigzag(long n) {
    return (n << 1) ^ (n >> 63);
  }

  void uint32Field(int field, int value) {
    tag(field, VARINT);
    varint(value & 0xFFFFFFFFL);
  }

  void uint64Field(int field, long value) {
    tag(field, VARINT);
    varint(value);
  }

  void sint64Field(int field, long value) {
    tag(field, VARINT);
    varint(zigzag(value));
  }

  void boolField(int field, boolean value) {
    tag(field, VARINT);
    varint(value ? 1 : 0);
  }

  void doubleField(int field, double value) {
    tag(field, FIXED64);
    ensure(8);
    long bits = Double.doubleToLongBits(value);
    for (int i = 0; i < 8; i++) buf[size++] = (byte) (bits >>> (8 * i)); // little-endian
  }

  void floatField(int field, float value) {
    tag(field, FIXED32);
    ensure(4);
    int bits = Float.floatToIntBits(value);
    for (int i = 0; i < 4; i++) buf[size++] = (byte) (bits >>> (8 * i)); // little-endian
  }

  void stringField(int field, String value) {
    bytesField(field, value.getBytes(StandardCharsets.UTF_8));
  }

  void bytesField(int field, byte[] bytes) {
    bytesField(field, bytes, 0, bytes.length);
  }

  void bytesField(int field, byte[] bytes, int offset, int length) {
    tag(field, LENGTH_DELIMITED);
    varint(length);
    ensure(length);
    System.arraycopy(bytes, offset, buf, size, length);
    size += length;
  }

  /** A nested message, written from another writer. */
  void messageField(int field, ProtobufWriter message) {
    bytesField(field, message.buf, 0, message.size);
  }

  /** A packed repeated uint32 field; nothing at all when empty. */
  void packedUint32Field(int field, int[] values, int count) {
    if (count == 0) return;
    int length = 0;
    for (int i = 0; i < count; i++) length += varintSize(values[i] & 0xFFFFFFFFL);
    tag(field, LENGTH_DELIMITED);
    varint(length);
    for (int i = 0; i < count; i++) varint(values[i] & 0xFFFFFFFFL);
  }

  static int varintSize(long v) {
    int n = 1;
    while ((v & ~0x7FL) != 0) {
      n++;
      v >>>= 7;
    }
    return n;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
  }
}
