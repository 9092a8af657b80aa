package id.cakupan.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.cakupan.app.Cakupan;
import id.cakupan.app.Imports;
import id.cakupan.app.RegionView;
import id.cakupan.app.StoreStatus;
import id.cakupan.boundary.UnmatchedFeature;
import id.cakupan.map.Atlas;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.tiles.TileLevels;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The HTTP surface: routes read like a table of contents; handlers parse, call and encode. */
public final class ApiServer {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final long MAX_UPLOAD_BYTES = 1L << 30;
  /** A multipart part beyond this goes to a file as it is parsed. */
  static final int MULTIPART_IN_MEMORY_KIB = 64;

  private ApiServer() {}

  public static Javalin create(Cakupan app, Imports imports) {
    return create(app, imports, MAX_UPLOAD_BYTES);
  }

  /** @param maxUploadBytes the largest import body or file, counted as it is read */
  static Javalin create(Cakupan app, Imports imports, long maxUploadBytes) {
    // performance: the pages' stylesheets are inlined; the policy admits exactly those inline styles
    StaticAssets assets = new StaticAssets();
    Path uploadDir = uploadDir(app);
    Javalin javalin = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      // Cached responses are gzipped once when built; dynamic compression would redo it per request.
      cfg.http.disableCompression();
      // Monthly national files run to a few hundred MB. Uploads go to files in uploadDir as they arrive,
      // their bytes counted (ImportHandlers, Jetty's multipart parser): a chunked body declares no size.
      cfg.http.maxRequestSize = maxUploadBytes;
      cfg.jetty.multipartConfig.cacheDirectory(uploadDir.toString());
      cfg.jetty.multipartConfig.maxFileSize(maxUploadBytes, io.javalin.config.SizeUnit.BYTES);
      // The multipart envelope (boundaries, part headers) needs a little room beyond the file.
      cfg.jetty.multipartConfig.maxTotalRequestSize(maxUploadBytes + 64 * 1024, io.javalin.config.SizeUnit.BYTES);
      cfg.jetty.multipartConfig.maxInMemoryFileSize(MULTIPART_IN_MEMORY_KIB, io.javalin.config.SizeUnit.KB);
      // Jetty's own refusals (bad URI, oversized request line or headers) are problem+json too.
      cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblemErrors()));
      cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JettyProblemErrors()));
      cfg.pvt.javaLangErrorHandler(ProblemResponses::serviceError);
      // perf: every response's common headers, and repeats of cached GETs answered before Javalin's servlet
      SecurityHeaders security = new SecurityHeaders(app.config().basemapUrl(), assets.inlineStyleHashes());
      cfg.jetty.modifyServer(server -> server.insertHandler(new FrontHandler(security, app.layers())));
    });
    ProblemResponses.register(javalin, app::storeFailed);
    MapHandlers map = new MapHandlers(app.layers());
    Access access = new Access(app.config().adminToken(), app.accounts(), app.config().trustedProxies());
    // Every import file in memory at once (the CSV parsers read a file whole) fits in one upload's limit.
    ImportHandlers writes = new ImportHandlers(imports, access, maxUploadBytes, app.outreach(), uploadDir,
        new UploadMemory(maxUploadBytes));
    OgcHandlers ogc = new OgcHandlers(app.layers(), app.filterInStore());
    TileHandlers tiles = new TileHandlers(app.layers());
    DownloadHandlers downloads = new DownloadHandlers(app.layers(), app.workDir());
    HotspotHandlers hotspots = new HotspotHandlers(app.layers());
    WmsHandlers wms = new WmsHandlers(app.layers());

    javalin.options("/*", Cors::preflight);

    javalin.get("/api/health", ctx -> health(ctx, app));
    javalin.get("/api/config", ctx -> clientConfig(ctx, app));
    javalin.get("/api/periods", map::periods);
    javalin.get("/api/choropleth", map::choropleth);
    javalin.get("/api/ranking", map::ranking);
    javalin.get("/api/kelurahan/{code}", map::kelurahan);
    // places: the names a picker chooses a provinsi, kota or kecamatan by (compact at national scale)
    javalin.get("/api/places", new PlaceHandlers(app.layers())::places);
    javalin.get("/api/download", downloads::download);
    // analysis: hot spots (Getis-Ord Gi* over queen contiguity)
    javalin.get("/api/hotspots", hotspots::hotspots);

    javalin.post("/api/imports/coverage", writes::coverage);
    javalin.post("/api/imports/boundaries", writes::boundaries);

    // auth: roles, tokens and the audit log
    AuditHandlers audit = new AuditHandlers(app.accounts(), access);
    javalin.get("/api/audit", audit::list);
    // auth: who a bearer token stands for (the worklist opens on a camat's own kecamatan)
    javalin.get("/api/whoami", new WhoAmIHandler(access, app.layers())::get);

    // outreach: activities of sudin, camat and BPJS branches (SPEC §7)
    ActivityHandlers activities = new ActivityHandlers(app.outreach(), access, app.layers());
    javalin.exception(ActivityHandlers.FieldProblem.class, ActivityHandlers::sendRejected);
    javalin.get("/api/activities", activities::list);
    javalin.post("/api/activities", activities::create);
    javalin.get("/api/activities/options", activities::options);
    javalin.get("/api/activities/effect", activities::effect);
    javalin.get("/api/activities/reach", activities::reach);
    javalin.put("/api/activities/{id}", activities::update);
    javalin.delete("/api/activities/{id}", activities::delete);
    javalin.post("/api/imports/activities", writes::activities);
    // (the OGC API - Features collection "activities" is one of the /ogc collections below)

    // targeting: camat targets and progress against them (SPEC §6)
    TargetHandlers targets = new TargetHandlers(app.targetWrites(java.time.Clock.systemUTC()), app.layers(), access, writes);
    javalin.put("/api/targets/{code}/{sector}/{period}", targets::put);
    javalin.get("/api/targets", targets::list);
    javalin.get("/api/progress", targets::progress);
    javalin.post("/api/imports/targets", targets::importFile);

    // OGC API - Features (Parts 1 and 2, HTML pages) under /ogc; the definition of the whole service beside /api
    javalin.get("/api/openapi", ogc::serviceOpenApi);
    javalin.get("/ogc", ogc::landing);
    javalin.get("/ogc/conformance", ogc::conformance);
    javalin.get("/ogc/api", ogc::openApi);
    javalin.get("/ogc/collections", ogc::collections);
    javalin.get("/ogc/collections/{collectionId}", ogc::collection);
    javalin.get("/ogc/collections/{collectionId}/items", ogc::items);
    javalin.get("/ogc/collections/{collectionId}/items/{featureId}", ogc::item);
    // OGC API - Features Part 3: queryables (filter and sortby are parameters of items)
    javalin.get("/ogc/collections/{collectionId}/queryables", ogc::queryables);

    javalin.get("/tiles/{layer}.json", tiles::tileJson);
    javalin.get("/tiles/{layer}/{z}/{x}/{y}.mvt", tiles::tile);

    // wms: WMS 1.3.0 (GetCapabilities, GetMap, GetFeatureInfo, GetLegendGraphic), drawn server-side
    javalin.get("/wms", wms::wms);

    // Static assets (perf): the map page and Leaflet, gzipped once; registered last, after every API route.
    javalin.get("/", assets::get);
    javalin.get("/<path>", assets::get);
    return javalin;
  }

  /** Where uploads are written while a request reads them: in this process's work directory, removed on close. */
  static Path uploadDir(Cakupan app) {
    Path dir = app.workDir().resolve("uploads");
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the upload directory " + dir, e);
    }
  }

  /** Answers from memory only: a load balancer must not drop a server whose store is slow but whose reads work. */
  private static void health(Context ctx, Cakupan app) {
    Atlas atlas = app.layers().atlas();
    StoreStatus store = app.storeStatus();
    ObjectNode body = JSON.createObjectNode();
    body.put("status", store.available() ? "ok" : "degraded");
    if (!store.available()) body.put("reason", store.reason());
    body.put("store", app.store().kind());
    body.put("schematic", atlas.schematic());
    body.put("synthetic", atlas.synthetic());
    body.put("boundaries", atlas.boundaries().source());
    body.put("kelurahan", atlas.boundaries().kelurahan().size());
    body.put("gazetteer", app.gazetteer().source());
    ArrayNode unmatched = body.putArray("unmatched");
    for (UnmatchedFeature u : atlas.boundaries().unmatched()) unmatched.add(u.describe());
    ArrayNode periods = body.putArray("periods");
    periods.add(atlas.coverage().periods().isEmpty() ? null : atlas.coverage().periods().first().toString());
    periods.add(atlas.coverage().newest() == null ? null : atlas.coverage().newest().toString());
    ctx.json(body);
  }

  /** What the map page needs to know about this deployment. */
  private static void clientConfig(Context ctx, Cakupan app) {
    ObjectNode body = JSON.createObjectNode();
    if (app.config().basemapUrl() == null) body.putNull("basemap_url");
    else body.put("basemap_url", app.config().basemapUrl());
    RegionView region = RegionView.of(app.config().region(), app.layers().atlas());
    ObjectNode r = body.putObject("region");
    r.put("key", region.key());
    r.put("name", region.name());
    bbox(r.putArray("bbox"), region.bbox());
    ArrayNode levels = r.putArray("levels");
    region.levels().forEach(l -> levels.add(l.key()));
    ArrayNode outlying = r.putArray("outlying");
    for (RegionView.Part p : region.outlying()) {
      ObjectNode o = outlying.addObject();
      o.put("code", p.code());
      o.put("name", p.name());
      bbox(o.putArray("bbox"), p.bbox());
    }
    r.put("schematic", app.layers().atlas().schematic());
    // national scale: the map page draws the kelurahan layer from vector tiles, coarser levels at low zooms
    r.put("national", region.national());
    ArrayNode tileLevels = r.putArray("tile_levels");
    for (TileLevels.Band b : TileLevels.bands(Level.KELURAHAN, region.national(), false)) {
      tileLevels.addObject().put("level", b.level().key()).put("minzoom", b.minZoom()).put("maxzoom", b.maxZoom());
    }
    // performance: gzipped with an ETag like the layers (the map page asks for it on every load)
    CachedResponses.sendBuilt(ctx, body, Layers.JSON);
  }

  private static void bbox(ArrayNode out, double[] box) {
    for (double v : box) out.add(v);
  }
}
