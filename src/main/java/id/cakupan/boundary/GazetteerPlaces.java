package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;
import id.cakupan.coverage.PlaceResolver;
import java.util.HashSet;
import java.util.Set;

/** Resolves the places of a coverage CSV through the crosswalk, so both code systems and all spellings work. */
public final class GazetteerPlaces implements PlaceResolver {
  private final Gazetteer gazetteer;
  private final Set<String> kecamatanNames = new HashSet<>();

  public GazetteerPlaces(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
    for (GazetteerEntry e : gazetteer.entries()) kecamatanNames.add(Gazetteer.normalise(e.kecamatan()));
  }

  @Override
  public KelurahanCode byKemendagri(KelurahanCode code) {
    return gazetteer.byCode(code)
        .map(GazetteerEntry::code)
        .orElseThrow(() -> new IllegalArgumentException("unknown kelurahan code " + code));
  }

  @Override
  public KelurahanCode byBps(String bpsCode) {
    String s = bpsCode == null ? "" : bpsCode.trim();
    if (s.length() != 10 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("'" + bpsCode + "' is not a BPS code: expected 10 digits, e.g. 3175040005");
    }
    return gazetteer.byBpsCode(s)
        .map(GazetteerEntry::code)
        .orElseThrow(() -> new IllegalArgumentException("unknown BPS code " + s));
  }

  @Override
  public KelurahanCode byName(String kecamatan, String kelurahan) {
    return gazetteer.byName(kecamatan, kelurahan)
        .map(GazetteerEntry::code)
        .orElseThrow(() -> new IllegalArgumentException(
            // Say which half is wrong: a misspelt kecamatan makes every kelurahan in it unknown.
            kecamatanNames.contains(Gazetteer.normalise(kecamatan))
                ? "unknown kelurahan '" + kelurahan + "' in kecamatan " + kecamatan
                : "unknown kecamatan '" + kecamatan + "'"));
  }
}
