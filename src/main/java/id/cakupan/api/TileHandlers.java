package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import id.cakupan.map.Depends;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.tiles.TileAddress;
import id.cakupan.tiles.TileJson;
import id.cakupan.tiles.VectorTiles;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Set;

/** Vector tiles of the choropleth layers and their TileJSON documents. */
final class TileHandlers {
  private static final Set<String> PARAMS =
      Set.of("sector", "period", "metric", "method", "classes", "breaks", "kecamatan");

  private final Layers layers;

  TileHandlers(Layers layers) {
    this.layers = layers;
  }

  void tile(Context ctx) {
    Level level = level(ctx.pathParam("layer"));
    TileAddress address = address(ctx);
    LayerRequest r = new LayerRequest(ctx, PARAMS, layers);
    LayerQuery q = r.layer(level);
    CachedResponse tile = VectorTiles.of(r.snapshot()).tile(q, address);
    if (tile == null) {
      ctx.status(HttpStatus.NO_CONTENT); // nothing of the layer reaches into this tile
    } else {
      CachedResponses.send(ctx, tile);
    }
  }

  void tileJson(Context ctx) {
    Level level = level(ctx.pathParam("layer"));
    LayerRequest r = new LayerRequest(ctx, PARAMS, layers);
    LayerQuery q = r.layer(level);
    String base = RequestUrls.base(ctx);
    Layers.Snapshot s = r.snapshot();
    var styled = VectorTiles.of(s).styled(q);
    CachedResponses.send(ctx, s.cached(Depends.COVERAGE, "tilejson|" + base + "|" + styled.query().cacheKey(),
        () -> TileJson.build(base, s.atlas(), styled), "application/json"));
  }

  private static Level level(String layer) {
    try {
      return Level.parse(layer);
    } catch (IllegalArgumentException e) {
      throw new Problem(404, "Not found", "no tile layer '" + layer + "': expected kelurahan, kecamatan, kota or provinsi", "layer");
    }
  }

  private static TileAddress address(Context ctx) {
    int z = coordinate(ctx, "z");
    int x = coordinate(ctx, "x");
    int y = coordinate(ctx, "y");
    if (z > TileAddress.MAX_ZOOM) throw Problem.badParameter("z", "zoom " + z + " is outside 0.." + TileAddress.MAX_ZOOM);
    long n = 1L << z;
    if (x >= n) throw Problem.badParameter("x", "x " + x + " is outside 0.." + (n - 1) + " at zoom " + z);
    if (y >= n) throw Problem.badParameter("y", "y " + y + " is outside 0.." + (n - 1) + " at zoom " + z);
    return new TileAddress(z, x, y);
  }

  private static int coordinate(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    if (!raw.matches("\\d{1,9}")) {
      throw Problem.badParameter(name, "tile " + name + " '" + raw + "' is not a whole number >= 0");
    }
    return Integer.parseInt(raw);
  }
}
