package id.cakupan.store;

import id.cakupan.boundary.PackedCoordinates;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;

/**
 * Polygons read back from PostGIS as WKB bytes ({@code ST_AsBinary}), as they were written (WKB
 * through a binary COPY, {@link BinaryCopyWriter}): no digit is lost to text.
 */
final class PostgisGeometries {
  static final int WGS84 = 4326;

  private PostgisGeometries() {}

  /**
   * A MultiPolygon from {@code ST_AsBinary} bytes (2-D WKB, either byte order), decoded straight
   * into packed coordinates: no hex, no driver objects, no {@code Coordinate} per vertex.
   */
  static org.locationtech.jts.geom.MultiPolygon readWkb(byte[] wkb, String code) throws ParseException {
    try {
      ByteBuffer in = ByteBuffer.wrap(wkb);
      expectType(in, 6, "MultiPolygon", code);
      org.locationtech.jts.geom.Polygon[] polygons = new org.locationtech.jts.geom.Polygon[count(in)];
      GeometryFactory factory = PackedCoordinates.FACTORY;
      for (int i = 0; i < polygons.length; i++) {
        expectType(in, 3, "Polygon", code);
        int rings = count(in);
        if (rings == 0) {
          polygons[i] = factory.createPolygon();
          continue;
        }
        org.locationtech.jts.geom.LinearRing shell = factory.createLinearRing(ringXy(in));
        org.locationtech.jts.geom.LinearRing[] holes = new org.locationtech.jts.geom.LinearRing[rings - 1];
        for (int r = 0; r < holes.length; r++) holes[r] = factory.createLinearRing(ringXy(in));
        polygons[i] = factory.createPolygon(shell, holes);
      }
      if (in.hasRemaining()) throw new ParseException("kelurahan " + code + ": bytes after its geometry");
      return factory.createMultiPolygon(polygons);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new ParseException("kelurahan " + code + ": truncated or malformed WKB (" + e + ")");
    }
  }

  /** Reads a WKB byte-order mark and type, and sets the buffer's order for what follows. */
  private static void expectType(ByteBuffer in, int type, String name, String code) throws ParseException {
    byte order = in.get();
    in.order(order == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int found = in.getInt();
    if (found != type) {
      throw new ParseException("kelurahan " + code + " has a WKB geometry of type " + found + ", not a 2-D " + name);
    }
  }

  private static int count(ByteBuffer in) {
    int n = in.getInt();
    // each element takes at least 4 bytes: a larger count is a corrupt stream, not an array to allocate
    if (n < 0 || n > in.remaining() / 4) throw new IllegalArgumentException("count " + n);
    return n;
  }

  private static PackedCoordinates ringXy(ByteBuffer in) {
    int points = in.getInt();
    if (points < 0 || points > in.remaining() / 16) throw new IllegalArgumentException("point count " + points);
    double[] xy = new double[2 * points];
    in.asDoubleBuffer().get(xy);
    in.position(in.position() + 16 * points);
    return PackedCoordinates.of(xy);
  }
}
