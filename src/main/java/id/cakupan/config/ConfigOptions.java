package id.cakupan.config;

import id.cakupan.boundary.Region;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options every command shares; picocli falls back to the environment, then the default. */
public final class ConfigOptions {
  @Option(names = "--port", defaultValue = "${env:CAKUPAN_PORT:-7070}",
      description = "HTTP port (env CAKUPAN_PORT, default ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--data-dir", defaultValue = "${env:CAKUPAN_DATA_DIR:-./data}",
      description = "Directory of the embedded store (env CAKUPAN_DATA_DIR, default ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--region", defaultValue = "${env:CAKUPAN_REGION:-jakarta-utara}", converter = RegionConverter.class,
      description = "Area served with its bundled surveyed borders and crosswalk: jakarta-utara or dki-jakarta"
          + " (env CAKUPAN_REGION, default ${DEFAULT-VALUE})")
  Region region;

  @Option(names = "--boundaries", defaultValue = "${env:CAKUPAN_BOUNDARIES}",
      description = "Kelurahan boundaries to load: .geojson, .gpkg, .shp or zipped Shapefile (env CAKUPAN_BOUNDARIES)."
          + " Without it the stored set is used, or the region's bundled borders on first start.")
  Path boundaries;

  @Option(names = "--gazetteer", defaultValue = "${env:CAKUPAN_GAZETTEER}",
      description = "Crosswalk CSV kode_kemendagri,kode_bps,kelurahan,kecamatan,kota,nama_di_batas_bps2020"
          + " (env CAKUPAN_GAZETTEER; default: the region's, built in). A gazetteer without --boundaries is drawn"
          + " as schematic cells.")
  Path gazetteer;

  @Option(names = "--db", defaultValue = "${env:CAKUPAN_DB_URL}",
      description = "PostgreSQL/PostGIS URL, postgresql://user@host:port/db or jdbc:postgresql://... (env CAKUPAN_DB_URL);"
          + " without it the embedded store in --data-dir is used")
  String dbUrl;

  @Option(names = "--basemap-url", defaultValue = "${env:CAKUPAN_BASEMAP_URL}",
      description = "Optional XYZ tile URL template for the map page, e.g. https://tile.example/{z}/{x}/{y}.png"
          + " (env CAKUPAN_BASEMAP_URL; default: no basemap, works offline)")
  String basemapUrl;

  @Option(names = "--organisers", defaultValue = "${env:CAKUPAN_ORGANISERS}", paramLabel = "FILE",
      description = "Text file of outreach activity organisers, one a line (env CAKUPAN_ORGANISERS; default: the"
          + " sudin of each kota, every kecamatan and kelurahan of the region, and the BPJS branch offices)")
  Path organisers;

  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  private TrustedProxies trustedProxies = TrustedProxies.NONE;

  @Option(names = "--trusted-proxies", defaultValue = "${env:CAKUPAN_TRUSTED_PROXIES}", paramLabel = "CIDR,...",
      description = "Reverse proxies / load balancers whose X-Forwarded-For names the client, e.g. 10.0.0.0/8,"
          + "192.168.1.7 (env CAKUPAN_TRUSTED_PROXIES; default: none, only the socket's address counts)")
  void trustedProxies(String list) {
    try {
      trustedProxies = TrustedProxies.parse(list);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--trusted-proxies: " + e.getMessage());
    }
  }

  /** Null for the default, a quarter of the heap. */
  private Long cacheMb;

  @Option(names = "--cache-mb", defaultValue = "${env:CAKUPAN_CACHE_MB}", paramLabel = "MB",
      description = "Megabytes of finished responses kept in memory (env CAKUPAN_CACHE_MB;"
          + " default: a quarter of the maximum heap; 0 caches nothing)")
  void cacheMb(Long mb) {
    if (mb != null && (mb < 0 || mb > Long.MAX_VALUE >> 20)) {
      throw new ParameterException(spec.commandLine(), "--cache-mb must be a number of megabytes >= 0, got " + mb);
    }
    cacheMb = mb;
  }

  public Config toConfig() {
    String token = System.getenv("CAKUPAN_ADMIN_TOKEN");
    return new Config(port, dataDir, boundaries, gazetteer, blankToNull(dbUrl),
        blankToNull(token), blankToNull(basemapUrl), region,
        cacheMb == null ? Config.defaultCacheBytes() : cacheMb << 20, organisers, trustedProxies);
  }

  /** picocli's enum conversion wants JAKARTA_UTARA; people type jakarta-utara. */
  static final class RegionConverter implements picocli.CommandLine.ITypeConverter<Region> {
    @Override
    public Region convert(String value) {
      try {
        return Region.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
