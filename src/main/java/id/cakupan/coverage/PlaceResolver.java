package id.cakupan.coverage;

/**
 * How a CSV row names its place. The coverage code knows nothing of the gazetteer; an
 * implementation backed by one lives in the boundary package. Each method returns the
 * Kemendagri code or throws {@link IllegalArgumentException} with a message naming what is
 * unknown, which the import report shows as is.
 */
public interface PlaceResolver {
  /** A code already in Kemendagri form; it must exist, e.g. "unknown kelurahan code 31.72.09.1001". */
  KelurahanCode byKemendagri(KelurahanCode code);

  /** A 10-digit BPS code, which maps to a Kemendagri code only through the crosswalk. */
  KelurahanCode byBps(String bpsCode);

  /** Names in any spelling the crosswalk knows (case, spaces, BPS variants). */
  KelurahanCode byName(String kecamatan, String kelurahan);
}
