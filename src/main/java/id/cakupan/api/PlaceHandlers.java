package id.cakupan.api;

import id.cakupan.map.CachedResponse;
import id.cakupan.map.Depends;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.places.PlaceIndex;
import id.cakupan.places.PlaceList;
import id.cakupan.places.PlaceQuery;
import io.javalin.http.Context;
import java.util.Set;

/** GET /api/places: the names pickers choose an area by, a level (and one parent's areas) at a time. */
final class PlaceHandlers {
  private static final Set<String> PARAMS = Set.of("level", "parent", "q", "limit");

  private final Layers layers;

  PlaceHandlers(Layers layers) {
    this.layers = layers;
  }

  void places(Context ctx) {
    QueryParams p = new QueryParams(ctx, PARAMS);
    Level level = p.get("level", PlaceHandlers::level, Level.KECAMATAN);
    String parent = p.get("parent", PlaceQuery::parseParent, null);
    String search = p.get("q", PlaceQuery::parseSearch, null);
    int limit = p.get("limit", QueryParams.intBetween(1, PlaceQuery.MAX_LIMIT), PlaceQuery.DEFAULT_LIMIT);
    PlaceQuery q;
    try {
      q = new PlaceQuery(level, parent, search, limit);
    } catch (IllegalArgumentException e) {
      throw Problem.badParameter("parent", e.getMessage());
    }
    Layers.Snapshot snapshot = layers.snapshot();
    // Names and extents only: kept with the geography, which a coverage import keeps too.
    PlaceIndex index = snapshot.atlas().geography().derived("places", PlaceIndex::of);
    if (parent != null && index.place(parent) == null) {
      throw new Problem(404, "Not found", "no " + PlaceQuery.parentLevel(parent).key() + " " + parent + " in this region", "parent");
    }
    // A search text is free: its answers are built each time (cheap) rather than fill the cache.
    CachedResponse response = search != null
        ? CachedResponse.of(PlaceList.json(index, q), Layers.JSON)
        : snapshot.cached(Depends.COVERAGE, q.cacheKey(), () -> PlaceList.json(index, q), Layers.JSON);
    CachedResponses.send(ctx, response);
  }

  private static Level level(String s) {
    Level level = Level.parse(s);
    if (!PlaceIndex.LEVELS.contains(level)) {
      throw new IllegalArgumentException("places are listed for provinsi, kota and kecamatan; the kelurahan of a kecamatan "
          + "come with /api/choropleth?level=kelurahan&kecamatan=…");
    }
    return level;
  }
}
