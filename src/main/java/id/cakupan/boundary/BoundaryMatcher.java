package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Gives each boundary polygon its Kemendagri code through the gazetteer: by a Kemendagri code
 * attribute, else by BPS code, else by name within the kecamatan. Polygons that match nothing
 * (lakes coded {@code …888}, unknown places) are reported, never joined to a guess.
 */
public final class BoundaryMatcher {
  private static final List<String> KEMENDAGRI_KEYS = List.of("kode_kemendagri", "kode_wilayah", "code");
  private static final List<String> BPS_KEYS = List.of("kode_bps", "village_code", "kode_desa", "adm4_pcode", "bps_code");
  private static final List<String> NAME_KEYS = List.of("kelurahan", "desa", "village", "nama", "name", "adm4_en");
  private static final List<String> KECAMATAN_KEYS = List.of("kecamatan", "district", "adm3_en");
  private static final GeometryFactory FACTORY = new GeometryFactory();

  private BoundaryMatcher() {}

  public static BoundarySet match(BoundaryLayer layer, Gazetteer gazetteer) {
    Map<KelurahanCode, Geometry> geometries = new LinkedHashMap<>();
    Map<KelurahanCode, GazetteerEntry> entries = new LinkedHashMap<>();
    List<UnmatchedFeature> unmatched = new ArrayList<>();
    int index = 0;
    for (BoundaryFeature feature : layer.features()) {
      index++;
      Map<String, Object> attrs = lowerCaseKeys(feature.attributes());
      String bps = bpsCode(first(attrs, BPS_KEYS));
      String name = first(attrs, NAME_KEYS);
      String kecamatan = first(attrs, KECAMATAN_KEYS);
      Optional<GazetteerEntry> entry = byKemendagri(first(attrs, KEMENDAGRI_KEYS), gazetteer)
          .or(() -> gazetteer.byBpsCode(bps))
          .or(() -> gazetteer.byName(kecamatan, name));
      if (entry.isEmpty()) {
        String reason = bps != null && bps.endsWith("888")
            ? "not a kelurahan: BPS code ends in 888 (water body)"
            : "no match in gazetteer " + gazetteer.source() + " by code or by name within the kecamatan";
        unmatched.add(new UnmatchedFeature(index, bps, name, kecamatan, reason));
        continue;
      }
      GazetteerEntry e = entry.get();
      entries.put(e.code(), e);
      // A kelurahan drawn as several features (islands) becomes one MultiPolygon.
      geometries.merge(e.code(), feature.geometry(), Geometry::union);
    }
    List<Kelurahan> kelurahan = new ArrayList<>();
    for (Map.Entry<KelurahanCode, Geometry> g : geometries.entrySet()) {
      GazetteerEntry e = entries.get(g.getKey());
      MultiPolygon mp = toMultiPolygon(g.getValue());
      kelurahan.add(new Kelurahan(e.code(), e.bpsCode(), e.name(), e.kecamatan(), e.kota(), mp, Areas.areaKm2(mp)));
    }
    kelurahan.sort((a, b) -> a.code().compareTo(b.code()));
    return new BoundarySet(layer.source(), false, kelurahan, unmatched);
  }

  private static Optional<GazetteerEntry> byKemendagri(String code, Gazetteer gazetteer) {
    if (code == null || !KelurahanCode.isValid(code)) return Optional.empty();
    return gazetteer.byCode(KelurahanCode.parse(code));
  }

  /** BPS codes appear as {@code 3175040005}, {@code id3175040005} or {@code ID3175040005}. */
  static String bpsCode(String raw) {
    if (raw == null) return null;
    String digits = raw.replaceAll("[^0-9]", "");
    return digits.length() == 10 ? digits : null;
  }

  static MultiPolygon toMultiPolygon(Geometry g) {
    if (g instanceof MultiPolygon mp) return mp;
    if (g instanceof Polygon p) return FACTORY.createMultiPolygon(new Polygon[] {p});
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (g.getGeometryN(i) instanceof Polygon p) parts.add(p);
    }
    return FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  private static Map<String, Object> lowerCaseKeys(Map<String, Object> attrs) {
    Map<String, Object> out = new LinkedHashMap<>();
    attrs.forEach((k, v) -> out.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    return out;
  }

  private static String first(Map<String, Object> attrs, List<String> keys) {
    for (String k : keys) {
      Object v = attrs.get(k);
      if (v != null && !v.toString().isBlank()) return v.toString().trim();
    }
    return null;
  }
}
