package id.cakupan.download;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes polygons as the geometry files of an ESRI Shapefile (shape type 5, Polygon): the
 * {@code .shp} and its index, the {@code .shx}. One record per polygon, in order; an empty or
 * null polygon becomes a null shape so that the records still pair with the rows of the .dbf.
 * The format wants outer rings clockwise and holes counter-clockwise, the opposite of RFC 7946,
 * so every ring is turned as needed.
 */
public final class ShpPolygonWriter {
  private static final int FILE_CODE = 9994;
  private static final int VERSION = 1000;
  private static final int HEADER_BYTES = 100;
  private static final int RECORD_HEADER_BYTES = 8;
  private static final int NULL_SHAPE = 0;
  private static final int POLYGON = 5;

  /** The two files, byte for byte. */
  public record Files(byte[] shp, byte[] shx) {}

  private ShpPolygonWriter() {}

  public static Files write(List<MultiPolygon> polygons) {
    List<byte[]> contents = new ArrayList<>(polygons.size());
    Envelope extent = new Envelope();
    long shpBytes = HEADER_BYTES;
    for (MultiPolygon mp : polygons) {
      byte[] content = mp == null || mp.isEmpty() ? nullShape() : polygon(mp);
      if (mp != null && !mp.isEmpty()) extent.expandToInclude(mp.getEnvelopeInternal());
      contents.add(content);
      shpBytes += RECORD_HEADER_BYTES + content.length;
    }
    if (shpBytes > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("a .shp is written in memory up to 2 GB; this layer needs " + shpBytes + " bytes");
    }
    long shxBytes = HEADER_BYTES + (long) RECORD_HEADER_BYTES * polygons.size();
    ByteBuffer shp = ByteBuffer.allocate((int) shpBytes);
    ByteBuffer shx = ByteBuffer.allocate((int) shxBytes);
    header(shp, shpBytes, extent);
    header(shx, shxBytes, extent);
    for (int i = 0; i < contents.size(); i++) {
      byte[] content = contents.get(i);
      shx.order(ByteOrder.BIG_ENDIAN).putInt(shp.position() / 2).putInt(content.length / 2);
      shp.order(ByteOrder.BIG_ENDIAN).putInt(i + 1).putInt(content.length / 2);
      shp.put(content);
    }
    return new Files(shp.array(), shx.array());
  }

  /** The 100-byte header both files share; lengths count 16-bit words, as the format does. */
  private static void header(ByteBuffer b, long bytes, Envelope extent) {
    b.order(ByteOrder.BIG_ENDIAN).putInt(FILE_CODE);
    for (int i = 0; i < 5; i++) b.putInt(0);
    b.putInt((int) (bytes / 2));
    b.order(ByteOrder.LITTLE_ENDIAN).putInt(VERSION).putInt(POLYGON);
    boolean none = extent.isNull();
    b.putDouble(none ? 0 : extent.getMinX()).putDouble(none ? 0 : extent.getMinY());
    b.putDouble(none ? 0 : extent.getMaxX()).putDouble(none ? 0 : extent.getMaxY());
    for (int i = 0; i < 4; i++) b.putDouble(0); // z and m ranges, unused for type 5
  }

  private static byte[] nullShape() {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(NULL_SHAPE).array();
  }

  private static byte[] polygon(MultiPolygon mp) {
    List<CoordinateSequence> rings = new ArrayList<>();
    List<Boolean> outer = new ArrayList<>();
    for (int p = 0; p < mp.getNumGeometries(); p++) {
      Polygon polygon = (Polygon) mp.getGeometryN(p);
      if (polygon.isEmpty()) continue;
      rings.add(polygon.getExteriorRing().getCoordinateSequence());
      outer.add(true);
      for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
        LinearRing hole = polygon.getInteriorRingN(h);
        rings.add(hole.getCoordinateSequence());
        outer.add(false);
      }
    }
    int points = 0;
    for (CoordinateSequence r : rings) points += r.size();
    ByteBuffer b = ByteBuffer.allocate(4 + 32 + 4 + 4 + 4 * rings.size() + 16 * points).order(ByteOrder.LITTLE_ENDIAN);
    Envelope e = mp.getEnvelopeInternal();
    b.putInt(POLYGON);
    b.putDouble(e.getMinX()).putDouble(e.getMinY()).putDouble(e.getMaxX()).putDouble(e.getMaxY());
    b.putInt(rings.size()).putInt(points);
    int start = 0;
    for (CoordinateSequence r : rings) {
      b.putInt(start);
      start += r.size();
    }
    for (int i = 0; i < rings.size(); i++) {
      CoordinateSequence r = rings.get(i);
      // Outer rings clockwise, holes counter-clockwise: reversed whenever they run the other way.
      boolean reverse = Orientation.isCCW(r) == outer.get(i);
      for (int k = 0; k < r.size(); k++) {
        int at = reverse ? r.size() - 1 - k : k;
        b.putDouble(r.getX(at)).putDouble(r.getY(at));
      }
    }
    return b.array();
  }
}
