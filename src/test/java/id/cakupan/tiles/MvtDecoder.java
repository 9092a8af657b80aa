package id.cakupan.tiles;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal Mapbox Vector Tile reader for tests, written from vector-tile-spec 2.1 independently of the writer. */
final class MvtDecoder {
  record Feature(Long id, int type, Map<String, Object> attributes, List<int[]> rings) {}

  record Layer(String name, int version, int extent, List<Feature> features) {}

  private final byte[] buf;
  private int pos;
  private final int end;

  private MvtDecoder(byte[] buf, int pos, int end) {
    this.buf = buf;
    this.pos = pos;
    this.end = end;
  }

  static List<Layer> decode(byte[] tile) {
    List<Layer> layers = new ArrayList<>();
    MvtDecoder d = new MvtDecoder(tile, 0, tile.length);
    while (d.pos < d.end) {
      long key = d.varint();
      if ((key >>> 3) == 3 && (key & 7) == 2) layers.add(d.sub().layer());
      else d.skip((int) (key & 7));
    }
    return layers;
  }

  private Layer layer() {
    String name = null;
    int version = 1;
    int extent = 4096;
    List<String> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    List<MvtDecoder> rawFeatures = new ArrayList<>();
    while (pos < end) {
      long key = varint();
      int field = (int) (key >>> 3);
      switch (field) {
        case 1 -> name = sub().string();
        case 2 -> rawFeatures.add(sub());
        case 3 -> keys.add(sub().string());
        case 4 -> values.add(sub().value());
        case 5 -> extent = (int) varint();
        case 15 -> version = (int) varint();
        default -> skip((int) (key & 7));
      }
    }
    List<Feature> features = new ArrayList<>();
    for (MvtDecoder f : rawFeatures) features.add(f.feature(keys, values));
    return new Layer(name, version, extent, features);
  }

  private Feature feature(List<String> keys, List<Object> values) {
    Long id = null;
    int type = 0;
    int[] tags = new int[0];
    int[] geometry = new int[0];
    while (pos < end) {
      long key = varint();
      switch ((int) (key >>> 3)) {
        case 1 -> id = varint();
        case 2 -> tags = sub().packed();
        case 3 -> type = (int) varint();
        case 4 -> geometry = sub().packed();
        default -> skip((int) (key & 7));
      }
    }
    Map<String, Object> attributes = new LinkedHashMap<>();
    for (int i = 0; i + 1 < tags.length; i += 2) attributes.put(keys.get(tags[i]), values.get(tags[i + 1]));
    return new Feature(id, type, attributes, rings(geometry));
  }

  /** Decodes commands into absolute rings x0,y0,x1,y1,… (ClosePath ends a ring). */
  static List<int[]> rings(int[] g) {
    List<int[]> rings = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    int x = 0;
    int y = 0;
    int i = 0;
    while (i < g.length) {
      int command = g[i] & 7;
      int count = g[i] >>> 3;
      i++;
      if (command == 7) {
        int[] ring = new int[current.size()];
        for (int k = 0; k < ring.length; k++) ring[k] = current.get(k);
        rings.add(ring);
        current.clear();
        continue;
      }
      for (int c = 0; c < count; c++) {
        x += (g[i] >>> 1) ^ -(g[i] & 1);
        y += (g[i + 1] >>> 1) ^ -(g[i + 1] & 1);
        i += 2;
        if (command == 1 && !current.isEmpty()) throw new IllegalStateException("MoveTo inside an open ring");
        current.add(x);
        current.add(y);
      }
    }
    if (!current.isEmpty()) throw new IllegalStateException("ring without ClosePath");
    return rings;
  }

  private Object value() {
    Object v = null;
    while (pos < end) {
      long key = varint();
      switch ((int) (key >>> 3)) {
        case 1 -> v = sub().string();
        case 2 -> v = Float.intBitsToFloat((int) fixed(4));
        case 3 -> v = Double.longBitsToDouble(fixed(8));
        case 4 -> v = varint();
        case 5 -> v = varint();
        case 6 -> {
          long n = varint();
          v = (n >>> 1) ^ -(n & 1);
        }
        case 7 -> v = varint() != 0;
        default -> skip((int) (key & 7));
      }
    }
    return v;
  }

  private MvtDecoder sub() {
    int length = (int) varint();
    MvtDecoder d = new MvtDecoder(buf, pos, pos + length);
    pos += length;
    return d;
  }

  private String string() {
    return new String(buf, pos, end - pos, StandardCharsets.UTF_8);
  }

  private int[] packed() {
    List<Integer> out = new ArrayList<>();
    while (pos < end) out.add((int) varint());
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  private long varint() {
    long result = 0;
    int shift = 0;
    while (true) {
      byte b = buf[pos++];
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) return result;
      shift += 7;
    }
  }

  private long fixed(int bytes) {
    long v = 0;
    for (int i = 0; i < bytes; i++) v |= (long) (buf[pos++] & 0xFF) << (8 * i);
    return v;
  }

  private void skip(int wireType) {
    switch (wireType) {
      case 0 -> varint();
      case 1 -> pos += 8;
      case 2 -> pos += (int) varint();
      case 5 -> pos += 4;
      default -> throw new IllegalStateException("wire type " + wireType);
    }
  }
}
