package id.cakupan.tiles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a Mapbox Vector Tile (vector-tile-spec 2.1): layers of features, each with an id,
 * attributes as indexes into the layer's shared key and value tables, and geometry as
 * command integers (see {@link TileGeometryEncoder}).
 *
 * <p>Attribute values may be String, Boolean, Integer, Long, Float or Double; a null value is
 * left out of the feature, since the format has no null.
 */
public final class VectorTileWriter {
  /** The geometry types of the spec's {@code GeomType} enum. */
  public enum GeomType {
    POINT(1),
    LINESTRING(2),
    POLYGON(3);

    final int code;

    GeomType(int code) {
      this.code = code;
    }
  }

  // Field numbers of vector_tile.proto.
  private static final int TILE_LAYERS = 3;
  private static final int LAYER_NAME = 1;
  private static final int LAYER_FEATURES = 2;
  private static final int LAYER_KEYS = 3;
  private static final int LAYER_VALUES = 4;
  private static final int LAYER_EXTENT = 5;
  private static final int LAYER_VERSION = 15;
  private static final int FEATURE_ID = 1;
  private static final int FEATURE_TAGS = 2;
  private static final int FEATURE_TYPE = 3;
  private static final int FEATURE_GEOMETRY = 4;
  private static final int VALUE_STRING = 1;
  private static final int VALUE_FLOAT = 2;
  private static final int VALUE_DOUBLE = 3;
  private static final int VALUE_SINT = 6;
  private static final int VALUE_BOOL = 7;

  private final List<Layer> layers = new ArrayList<>();

  /** Starts a layer; layer names must be unique within a tile. */
  public Layer layer(String name, int extent) {
    for (Layer l : layers) {
      if (l.name.equals(name)) throw new IllegalArgumentException("layer " + name + " already in this tile");
    }
    Layer layer = new Layer(name, extent);
    layers.add(layer);
    return layer;
  }

  /** True when no layer has a feature: such a tile need not be sent at all. */
  public boolean isEmpty() {
    return layers.stream().allMatch(l -> l.featureCount == 0);
  }

  public byte[] toByteArray() {
    ProtobufWriter tile = new ProtobufWriter(4096);
    for (Layer layer : layers) {
      if (layer.featureCount > 0) tile.messageField(TILE_LAYERS, layer.encode());
    }
    return tile.toByteArray();
  }

  /** One layer of the tile, collecting features and the key and value tables they share. */
  public static final class Layer {
    private final String name;
    private final int extent;
    private final ProtobufWriter features = new ProtobufWriter(4096);
    private final Map<String, Integer> keys = new LinkedHashMap<>();
    private final Map<Object, Integer> values = new HashMap<>();
    private final List<Object> valueList = new ArrayList<>();
    private final ProtobufWriter feature = new ProtobufWriter(1024);
    private int[] tags = new int[32];
    private int featureCount;

    private Layer(String name, int extent) {
      this.name = name;
      this.extent = extent;
    }

    public int featureCount() {
      return featureCount;
    }

    /**
     * Adds a feature.
     *
     * @param id the feature id (unsigned), or a negative number for none
     * @param geometry command integers; a feature without any is not written
     * @param attributes in the order they should be tagged; null values are skipped
     */
    public void feature(long id, GeomType type, int[] geometry, Map<String, ?> attributes) {
      if (geometry == null || geometry.length == 0) return;
      int tagCount = 0;
      for (Map.Entry<String, ?> a : attributes.entrySet()) {
        Object value = a.getValue();
        if (value == null) continue;
        if (tagCount + 2 > tags.length) tags = Arrays.copyOf(tags, tags.length * 2);
        tags[tagCount++] = keys.computeIfAbsent(a.getKey(), k -> keys.size());
        tags[tagCount++] = valueIndex(value);
      }
      feature.reset();
      if (id >= 0) feature.uint64Field(FEATURE_ID, id);
      feature.packedUint32Field(FEATURE_TAGS, tags, tagCount);
      feature.uint32Field(FEATURE_TYPE, type.code);
      feature.packedUint32Field(FEATURE_GEOMETRY, geometry, geometry.length);
      features.messageField(LAYER_FEATURES, feature);
      featureCount++;
    }

    private int valueIndex(Object value) {
      // One table entry per distinct value; an Integer is stored as the Long it is written as.
      Object key = value instanceof Integer i ? Long.valueOf(i) : value;
      if (!(key instanceof String || key instanceof Long || key instanceof Double || key instanceof Float
          || key instanceof Boolean)) {
        throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName()
            + " as a vector tile value");
      }
      Integer index = values.get(key);
      if (index == null) {
        index = valueList.size();
        values.put(key, index);
        valueList.add(key);
      }
      return index;
    }

    private ProtobufWriter encode() {
      ProtobufWriter out = new ProtobufWriter(features.size() + 32 * (keys.size() + valueList.size()) + 64);
      out.uint32Field(LAYER_VERSION, 2);
      out.stringField(LAYER_NAME, name);
      out.raw(features);
      for (String key : keys.keySet()) out.stringField(LAYER_KEYS, key);
      ProtobufWriter value = new ProtobufWriter(32);
      for (Object v : valueList) {
        value.reset();
        if (v instanceof String s) value.stringField(VALUE_STRING, s);
        else if (v instanceof Long l) value.sint64Field(VALUE_SINT, l);
        else if (v instanceof Double d) value.doubleField(VALUE_DOUBLE, d);
        else if (v instanceof Float f) value.floatField(VALUE_FLOAT, f);
        else value.boolField(VALUE_BOOL, (Boolean) v);
        out.messageField(LAYER_VALUES, value);
      }
      out.uint32Field(LAYER_EXTENT, extent);
      return out;
    }
  }
}
