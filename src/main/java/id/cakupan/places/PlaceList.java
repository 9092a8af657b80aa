package id.cakupan.places;

import com.fasterxml.jackson.core.JsonGenerator;
import id.cakupan.map.JsonBytes;
import id.cakupan.map.Level;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Answers a {@link PlaceQuery} from a {@link PlaceIndex} as the compact JSON of /api/places. */
public final class PlaceList {
  private PlaceList() {}

  /**
   * The places matching the query in code order; with a search text, names with a word that starts
   * with it (or codes that do) before names that merely contain it.
   */
  public static List<Place> matches(PlaceIndex index, PlaceQuery q) {
    List<Place> candidates;
    if (q.parent() == null) {
      candidates = index.places(q.level());
    } else {
      Place parent = index.place(q.parent());
      if (parent == null) {
        throw new IllegalArgumentException("no " + PlaceQuery.parentLevel(q.parent()).key() + " " + q.parent() + " in this region");
      }
      candidates = index.places(q.level(), q.parent());
    }
    if (q.search() == null) return candidates;
    String needle = PlaceIndex.searchable(q.search());
    List<Place> first = new ArrayList<>();
    List<Place> then = new ArrayList<>();
    for (Place p : candidates) {
      String name = p.searchName();
      if (name.startsWith(needle) || name.contains(" " + needle) || p.code().startsWith(q.search())) first.add(p);
      else if (name.contains(needle)) then.add(p);
    }
    first.addAll(then);
    return first;
  }

  public static byte[] json(PlaceIndex index, PlaceQuery q) {
    List<Place> all = matches(index, q);
    List<Place> shown = all.size() > q.limit() ? all.subList(0, q.limit()) : all;
    return JsonBytes.write(g -> {
      g.writeStartObject();
      g.writeStringField("level", q.level().key());
      if (q.parent() != null) {
        Place parent = index.place(q.parent());
        g.writeObjectFieldStart("parent");
        g.writeStringField("level", parent.level().key());
        g.writeStringField("code", parent.code());
        g.writeStringField("name", parent.name());
        g.writeEndObject();
      }
      if (q.search() != null) g.writeStringField("q", q.search());
      g.writeNumberField("matched", all.size());
      g.writeBooleanField("truncated", shown.size() < all.size());
      g.writeArrayFieldStart("places");
      for (Place p : shown) write(g, p);
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static void write(JsonGenerator g, Place p) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", p.code());
    g.writeStringField("name", p.name());
    for (Place parent : p.parents()) {
      g.writeStringField(parent.level().key(), parent.code());
      g.writeStringField(parent.level().key() + "_name", parent.name());
    }
    if (p.level() == Level.PROVINSI) g.writeNumberField("kota_count", p.kota());
    if (p.level() != Level.KECAMATAN) g.writeNumberField("kecamatan_count", p.kecamatan());
    g.writeArrayFieldStart("bbox");
    for (double v : p.bbox()) g.writeNumber(BigDecimal.valueOf(v).stripTrailingZeros().toPlainString());
    g.writeEndArray();
    g.writeEndObject();
  }
}
