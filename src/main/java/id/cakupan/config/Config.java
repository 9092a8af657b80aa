package id.cakupan.config;

import id.cakupan.boundary.Region;
import java.nio.file.Path;

/**
 * Everything the service is configured with, read in one place ({@link ConfigOptions}): command
 * line flags first, then CAKUPAN_* environment variables, then defaults.
 *
 * @param boundaries a boundary file to load at start, or null (keep the stored, or schematic, set)
 * @param gazetteer a crosswalk CSV, or null for the built-in Jakarta Utara one
 * @param dbUrl a PostgreSQL URL, or null for the embedded store under dataDir
 * @param adminToken the bearer token that allows writes, or null (writes disabled)
 * @param basemapUrl an XYZ tile URL template for the map page, or null for no basemap
 * @param region the area served: its crosswalk and, unless boundaries are given, its surveyed borders
 * @param cacheBytes the byte budget of the response cache (0 caches nothing)
 * @param organisers a text file of activity organisers, one a line, or null for the region's defaults
 * @param trustedProxies reverse proxies whose X-Forwarded-For names the client (none by default)
 */
public record Config(
    int port, Path dataDir, Path boundaries, Path gazetteer, String dbUrl, String adminToken, String basemapUrl,
    Region region, long cacheBytes, Path organisers, TrustedProxies trustedProxies) {

  /** The default cache budget: a quarter of the heap leaves room for the atlas and requests in flight. */
  public static long defaultCacheBytes() {
    return Runtime.getRuntime().maxMemory() / 4;
  }

  public Config {
    if (region == null) region = Region.JAKARTA_UTARA;
    if (trustedProxies == null) trustedProxies = TrustedProxies.NONE;
    if (cacheBytes < 0) throw new IllegalArgumentException("cache budget must be >= 0 bytes, got " + cacheBytes);
  }

  /** No trusted proxy: the socket's address is the client's. */
  public Config(int port, Path dataDir, Path boundaries, Path gazetteer, String dbUrl, String adminToken,
      String basemapUrl, Region region, long cacheBytes, Path organisers) {
    this(port, dataDir, boundaries, gazetteer, dbUrl, adminToken, basemapUrl, region, cacheBytes, organisers,
        TrustedProxies.NONE);
  }

  /** The region's default organisers. */
  public Config(int port, Path dataDir, Path boundaries, Path gazetteer, String dbUrl, String adminToken,
      String basemapUrl, Region region, long cacheBytes) {
    this(port, dataDir, boundaries, gazetteer, dbUrl, adminToken, basemapUrl, region, cacheBytes, null);
  }

  /** The default region, Jakarta Utara, and the default cache budget. */
  public Config(
      int port, Path dataDir, Path boundaries, Path gazetteer, String dbUrl, String adminToken, String basemapUrl) {
    this(port, dataDir, boundaries, gazetteer, dbUrl, adminToken, basemapUrl, Region.JAKARTA_UTARA, defaultCacheBytes());
  }

  /** A region with the default cache budget. */
  public Config(int port, Path dataDir, Path boundaries, Path gazetteer, String dbUrl, String adminToken,
      String basemapUrl, Region region) {
    this(port, dataDir, boundaries, gazetteer, dbUrl, adminToken, basemapUrl, region, defaultCacheBytes());
  }

  /** The default region with a cache budget. */
  public Config(int port, Path dataDir, Path boundaries, Path gazetteer, String dbUrl, String adminToken,
      String basemapUrl, long cacheBytes) {
    this(port, dataDir, boundaries, gazetteer, dbUrl, adminToken, basemapUrl, Region.JAKARTA_UTARA, cacheBytes);
  }
}
