package id.cakupan.boundary;

import id.cakupan.coverage.KelurahanCode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * The areas the service ships surveyed boundaries for (geodata/, made by {@code make-geodata}
 * from the BPS 2020 files). Each names its crosswalk and its boundary file on the classpath, so
 * the jar serves real borders from wherever it runs.
 *
 * @param prefix Kemendagri code prefix of the kelurahan that belong to the region
 * @param outlying kota codes drawn apart from the main area (Kepulauan Seribu lies 20-150 km
 *     offshore; fitting it in would shrink the mainland to a corner)
 */
public enum Region {
  JAKARTA_UTARA("jakarta-utara", "31.72", "Kota Administrasi Jakarta Utara",
      "geodata/jakarta-utara.csv", "geodata/jakarta-utara-kelurahan.geojson", List.of()),
  DKI_JAKARTA("dki-jakarta", "31", "Provinsi DKI Jakarta",
      "geodata/dki-jakarta.csv", "geodata/dki-jakarta-kelurahan.geojson", List.of("31.01"));

  private final String key;
  private final String prefix;
  private final String displayName;
  private final String gazetteerResource;
  private final String boundaryResource;
  private final List<String> outlying;

  Region(String key, String prefix, String displayName, String gazetteerResource, String boundaryResource,
      List<String> outlying) {
    this.key = key;
    this.prefix = prefix;
    this.displayName = displayName;
    this.gazetteerResource = gazetteerResource;
    this.boundaryResource = boundaryResource;
    this.outlying = outlying;
  }

  public String key() {
    return key;
  }

  public String displayName() {
    return displayName;
  }

  public String gazetteerResource() {
    return gazetteerResource;
  }

  public String boundaryResource() {
    return boundaryResource;
  }

  public List<String> outlying() {
    return outlying;
  }

  /** True for a kelurahan of this region. */
  public boolean contains(KelurahanCode code) {
    return code.value().startsWith(prefix + ".");
  }

  public static Region parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    for (Region r : values()) {
      if (r.key.equals(s)) return r;
    }
    throw new IllegalArgumentException("'" + text + "' is not a region: expected jakarta-utara or dki-jakarta");
  }

  /** The region's crosswalk, shipped in the jar. */
  public Gazetteer gazetteer() {
    try (InputStream in = open(gazetteerResource)) {
      return Gazetteer.parse(gazetteerResource, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + gazetteerResource + " from the jar", e);
    }
  }

  /** The bytes of the region's boundary file, shipped in the jar. */
  public byte[] boundaryBytes() {
    try (InputStream in = open(boundaryResource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + boundaryResource + " from the jar", e);
    }
  }

  /** The surveyed boundaries, matched to the gazetteer like any imported file. */
  public BoundarySet boundaries(Gazetteer gazetteer) throws BoundaryFormatException {
    BoundarySet set = BoundaryMatcher.match(BoundaryFiles.read(boundaryResource, boundaryBytes()), gazetteer);
    return new BoundarySet(boundaryResource + " (BPS 2020, bundled)", false, set.kelurahan(), set.unmatched());
  }

  private static InputStream open(String resource) {
    InputStream in = Region.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) throw new IllegalStateException(resource + " is missing from the jar (run make-geodata)");
    return in;
  }
}
