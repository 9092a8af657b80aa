package id.cakupan.api;

import id.cakupan.download.DownloadFormat;
import id.cakupan.download.DownloadQuery;
import id.cakupan.download.GeoPackageLayerWriter;
import id.cakupan.download.LayerDownloads;
import id.cakupan.download.ShapefileLayerWriter;
import id.cakupan.download.WideTable;
import id.cakupan.map.Atlas;
import id.cakupan.map.CsvWriter;
import id.cakupan.map.Depends;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.tiles.TileLevels;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** GET /api/download: a layer with its metrics for one month and sector, as a file. */
final class DownloadHandlers {
  private static final Set<String> PARAMS =
      Set.of("level", "sector", "period", "kecamatan", "format", "geometry", "locale", "layout", "metric");

  /** Downloads written to a file and streamed at once; see {@link #sendFile}. */
  static final int FILE_BUILDS = 2;

  private final Layers layers;
  private final Path workDir;
  private final BusySlots fileBuilds = new BusySlots(FILE_BUILDS, "large downloads");

  /** @param workDir this process's scratch directory, where GeoPackages are written */
  DownloadHandlers(Layers layers, Path workDir) {
    this.layers = layers;
    this.workDir = workDir;
  }

  void download(Context ctx) {
    LayerRequest r = new LayerRequest(ctx, PARAMS, layers);
    QueryParams p = r.params();
    boolean wide = p.get("layout", DownloadHandlers::layout, "long").equals("wide");
    // A table has no geometry, so its default is the CSV rather than the GeoJSON of a layer.
    DownloadFormat format = p.get("format", DownloadFormat::parse, wide ? DownloadFormat.CSV : DownloadFormat.GEOJSON);
    if (wide && !format.csvTable()) {
      throw Problem.badParameter("layout", "layout=wide is a table: use format=csv, csvt or csv.zip");
    }
    if (wide && p.has("period")) {
      throw Problem.badParameter("period", "layout=wide has a column for every month; leave out period");
    }
    if (wide && p.has("geometry")) {
      throw Problem.badParameter("geometry", "layout=wide has no geometry; join it to a layer on code or bps_code");
    }
    if (!wide && p.has("metric")) {
      throw Problem.badParameter("metric", "metric chooses the month columns of layout=wide; the other layouts carry"
          + " every metric");
    }
    String geometry = p.get("geometry", s -> s.trim().toLowerCase(Locale.ROOT), "point");
    if (!geometry.equals("point") && !geometry.equals("wkt")) {
      throw Problem.badParameter("geometry", "'" + geometry + "' is not a CSV geometry: expected point or wkt");
    }
    if (p.has("geometry") && !format.csvTable()) {
      throw Problem.badParameter("geometry", "geometry=point|wkt applies to format=csv, csvt and csv.zip only");
    }
    CsvWriter.Dialect dialect = p.get("locale", CsvWriter.Dialect::parse, CsvWriter.Dialect.PLAIN);
    if (p.has("locale") && format != DownloadFormat.CSV) {
      throw Problem.badParameter("locale", "locale applies to format=csv only");
    }
    DownloadQuery q = new DownloadQuery(r.layer(r.level(Level.KELURAHAN)), format, geometry.equals("wkt"), wide);
    Layers.Snapshot s = r.snapshot();
    Atlas atlas = s.atlas();
    // A whole national layer with polygons runs to hundreds of MB: written to a file and streamed, never held.
    boolean wholeNation = !wide && q.kecamatan() == null && TileLevels.national(atlas.geography());
    if (wholeNation && format == DownloadFormat.SHP) {
      throw Problem.badParameter("format", "a national layer is not served as a Shapefile (it is built in memory, and a"
          + " .shp stops at 2 GB): use format=gpkg or geojson for the whole country, or narrow it with kecamatan=");
    }
    if (format == DownloadFormat.GPKG) {
      sendFile(ctx, q, file -> GeoPackageLayerWriter.write(atlas, q, file));
      return;
    }
    if (wholeNation && (format == DownloadFormat.GEOJSON || q.wkt() && format != DownloadFormat.CSVT)) {
      sendFile(ctx, q, file -> {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
          switch (format) {
            case GEOJSON -> LayerDownloads.geojson(atlas, q, out);
            case CSV -> LayerDownloads.csv(atlas, q, dialect, out);
            default -> LayerDownloads.csvZip(atlas, q, out);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      return;
    }
    ctx.header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + q.fileName() + "\"");
    if (wide) {
      sendWide(ctx, s, q, dialect);
      return;
    }
    switch (format) {
      case GEOJSON -> CachedResponses.send(ctx,
          s.cached(Depends.COVERAGE, q.cacheKey(), () -> LayerDownloads.geojson(atlas, q), format.mediaType()));
      case CSV -> CachedResponses.send(ctx,
          s.cached(Depends.COVERAGE, q.cacheKey() + "|" + dialect, () -> LayerDownloads.csv(atlas, q, dialect),
              format.mediaType()));
      case CSVT -> CachedResponses.send(ctx,
          s.cached(Depends.COVERAGE, q.cacheKey(), () -> LayerDownloads.csvt(q), format.mediaType()));
      case CSV_ZIP -> CachedResponses.send(ctx,
          s.cached(Depends.COVERAGE, q.cacheKey(), () -> LayerDownloads.csvZip(atlas, q), format.mediaType()));
      case SHP -> CachedResponses.send(ctx,
          s.cached(Depends.COVERAGE, q.cacheKey(), () -> ShapefileLayerWriter.zip(atlas, q), format.mediaType()));
    }
  }

  private static void sendWide(Context ctx, Layers.Snapshot s, DownloadQuery q, CsvWriter.Dialect dialect) {
    Atlas atlas = s.atlas();
    String type = q.format().mediaType();
    CachedResponses.send(ctx, switch (q.format()) {
      case CSVT -> s.cached(Depends.COVERAGE, q.cacheKey(), () -> WideTable.csvt(atlas, q), type);
      case CSV_ZIP -> s.cached(Depends.COVERAGE, q.cacheKey(), () -> WideTable.csvZip(atlas, q), type);
      default -> s.cached(Depends.COVERAGE, q.cacheKey() + "|" + dialect, () -> WideTable.csv(atlas, q, dialect), type);
    });
  }

  private static String layout(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("long") && !v.equals("wide")) {
      throw new IllegalArgumentException("'" + s + "' is not a layout: expected long or wide");
    }
    return v;
  }

  /**
   * Written to a temporary file (SQLite needs one; a national layer is too large to hold) and
   * streamed from it. At most {@link #FILE_BUILDS} at once, from the start of the build to the last
   * byte sent, so memory, CPU and scratch disk stay bounded however many clients ask; one more is
   * a 503 with Retry-After. The file's name is removed as soon as it is open for reading: nothing
   * is left behind however the response ends.
   */
  private void sendFile(Context ctx, DownloadQuery q, Consumer<Path> writer) {
    Path file = null;
    try (BusySlots.Slot slot = fileBuilds.take()) {
      file = Files.createTempFile(workDir, "layer-", "." + q.format().extension());
      writer.accept(file);
      try (InputStream in = Files.newInputStream(file)) {
        long length = Files.size(file);
        Files.delete(file);
        ctx.header(Header.CONTENT_DISPOSITION, "attachment; filename=\"" + q.fileName() + "\"");
        ctx.contentType(q.format().mediaType());
        ctx.res().setContentLengthLong(length);
        if (ctx.method() == HandlerType.HEAD) return;
        try {
          in.transferTo(ctx.res().getOutputStream());
        } catch (IOException clientGone) {
          // The client closed the connection mid-file: nobody is left to answer.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // The scratch directory goes when the server stops; the response is what matters.
        }
      }
    }
  }
}
