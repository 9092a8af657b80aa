package id.cakupan.tiles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorTileWriterTest {
  @Test
  void writesLayersFeaturesAttributesAndGeometry() {
    VectorTileWriter w = new VectorTileWriter();
    VectorTileWriter.Layer layer = w.layer("kelurahan", 4096);
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("code", "31.72.03.1004");
    a.put("participants", 24153L);
    a.put("change", -187);
    a.put("coverage_rate", 0.593076);
    a.put("class", null);
    a.put("ok", true);
    int[] square = TileGeometryEncoder.commands(new int[] {0, 0, 10, 0, 10, 10, 0, 10});
    layer.feature(3172031004L, VectorTileWriter.GeomType.POLYGON, square, a);
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("code", "31.72.03.1005");
    b.put("participants", 24153L); // shares the value table entry
    layer.feature(3172031005L, VectorTileWriter.GeomType.POLYGON, square, b);

    List<MvtDecoder.Layer> layers = MvtDecoder.decode(w.toByteArray());
    assertEquals(1, layers.size());
    MvtDecoder.Layer l = layers.get(0);
    assertEquals("kelurahan", l.name());
    assertEquals(2, l.version());
    assertEquals(4096, l.extent());
    assertEquals(2, l.features().size());
    MvtDecoder.Feature f = l.features().get(0);
    assertEquals(3172031004L, f.id());
    assertEquals(3, f.type());
    assertEquals("31.72.03.1004", f.attributes().get("code"));
    assertEquals(24153L, f.attributes().get("participants"));
    assertEquals(-187L, f.attributes().get("change"));
    assertEquals(0.593076, (Double) f.attributes().get("coverage_rate"), 0);
    assertEquals(true, f.attributes().get("ok"));
    assertFalse(f.attributes().containsKey("class"), "nulls are left out");
    assertArrayEquals(new int[] {0, 0, 10, 0, 10, 10, 0, 10}, f.rings().get(0));
    assertEquals(24153L, l.features().get(1).attributes().get("participants"));
  }

  @Test
  void anEmptyTileHasNoLayers() {
    VectorTileWriter w = new VectorTileWriter();
    w.layer("kelurahan", 4096).feature(1, VectorTileWriter.GeomType.POLYGON, new int[0], Map.of());
    assertTrue(w.isEmpty());
    assertEquals(0, w.toByteArray().length);
  }

  @Test
  void varintsAndZigzagFollowProtobuf() {
    ProtobufWriter p = new ProtobufWriter();
    p.varint(300);
    assertArrayEquals(new byte[] {(byte) 0xAC, 0x02}, p.toByteArray());
    assertEquals(0, ProtobufWriter.zigzag(0));
    assertEquals(1, ProtobufWriter.zigzag(-1));
    assertEquals(2, ProtobufWriter.zigzag(1));
    assertEquals(4294967295L, ProtobufWriter.zigzag(Integer.MIN_VALUE) & 0xFFFFFFFFL);
    assertEquals(3L, ProtobufWriter.zigzag(-2L));
  }

  @Test
  void refusesValuesTheFormatCannotHold() {
    VectorTileWriter.Layer layer = new VectorTileWriter().layer("x", 4096);
    assertThrows(IllegalArgumentException.class, () -> layer.feature(1, VectorTileWriter.GeomType.POLYGON,
        new int[] {9, 0, 0, 26, 2, 0, 0, 2, 1, 0, 15}, Map.of("when", java.time.LocalDate.of(2026, 1, 1))));
  }
}
