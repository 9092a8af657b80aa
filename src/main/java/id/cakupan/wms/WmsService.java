package id.cakupan.wms;

import id.cakupan.coverage.Period;
import id.cakupan.map.CachedResponse;
import id.cakupan.map.ChoroplethLayer;
import id.cakupan.map.Depends;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.map.StyledLayer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * WMS 1.3.0 over the published atlas. Colours come from the choropleth's own
 * {@link ChoroplethLayer#style} for the same level, sector, month, metric and method, so a map
 * image and /api/choropleth cannot disagree. Finished images, legends and capabilities live in the
 * service's one byte-bounded response cache under the atlas generation.
 */
public final class WmsService {
  private final Layers layers;
  /** Rasters are the big allocation of a request; drawing at most this many at once bounds them. */
  private final Semaphore drawing = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()));

  public WmsService(Layers layers) {
    this.layers = layers;
  }

  /** @param serviceUrl the endpoint as the client reached it, for the links in the document */
  public CachedResponse capabilities(String serviceUrl) {
    Layers.Snapshot s = layers.snapshot();
    return s.cached(Depends.COVERAGE, "wms-capabilities|" + serviceUrl, () -> {
      Map<WmsCrs, Envelope> extents = new EnumMap<>(WmsCrs.class);
      Envelope lonLat = new Envelope();
      for (var unit : s.atlas().geography().units(Level.KELURAHAN)) lonLat.expandToInclude(unit.geometry().getEnvelopeInternal());
      if (!lonLat.isNull()) {
        for (WmsCrs crs : WmsCrs.values()) extents.put(crs, ProjectedUnits.extentIn(lonLat, crs));
      }
      return Capabilities.build(serviceUrl, extents, s.atlas().coverage().periods());
    }, Capabilities.MEDIA_TYPE);
  }

  public CachedResponse map(MapRequest r) {
    Layers.Snapshot s = layers.snapshot();
    Period period = r.time().resolve(s.atlas());
    return s.cached(Depends.COVERAGE, r.cacheKey(period), () -> {
      List<MapImage.Drawing> drawings = new ArrayList<>(r.layers().size());
      for (int i = 0; i < r.layers().size(); i++) {
        WmsLayer layer = r.layers().get(i);
        drawings.add(new MapImage.Drawing(styled(s, layer, r.styles().get(i), period),
            ProjectedUnits.of(s, layer.level(), r.crs())));
      }
      MapWindow window = new MapWindow(r.bbox(), r.width(), r.height());
      drawing.acquireUninterruptibly();
      try {
        return MapImage.png(drawings, window, r.transparent(), r.background(), r.labels());
      } finally {
        drawing.release();
      }
    }, MapRequest.FORMAT);
  }

  /**
   * The units under pixel ({@code i}, {@code j}) of the map, at most {@code featureCount}, from
   * the top layer down (the order a viewer sees them).
   */
  public CachedResponse featureInfo(MapRequest r, List<WmsLayer> queryLayers, int i, int j, int featureCount,
      String format) {
    if (i < 0 || i >= r.width()) throw new WmsException(WmsException.INVALID_POINT, "I", "I " + i + " is outside 0.." + (r.width() - 1));
    if (j < 0 || j >= r.height()) throw new WmsException(WmsException.INVALID_POINT, "J", "J " + j + " is outside 0.." + (r.height() - 1));
    Layers.Snapshot s = layers.snapshot();
    Period period = r.time().resolve(s.atlas());
    Coordinate at = new MapWindow(r.bbox(), r.width(), r.height()).centreOfPixel(i, j);
    List<FeatureInfo.Hit> hits = new ArrayList<>();
    for (int k = r.layers().size() - 1; k >= 0 && hits.size() < featureCount; k--) {
      WmsLayer layer = r.layers().get(k);
      if (!queryLayers.contains(layer)) continue;
      StyledLayer styled = styled(s, layer, r.styles().get(k), period);
      for (int unit : ProjectedUnits.of(s, layer.level(), r.crs()).at(at)) {
        if (hits.size() == featureCount) break;
        hits.add(new FeatureInfo.Hit(layer, styled, unit));
      }
    }
    // Not cached: the key would be the whole request, and the answer is a few lookups.
    return format.equals(FeatureInfo.JSON)
        ? CachedResponse.of(FeatureInfo.json(hits), FeatureInfo.JSON)
        : CachedResponse.of(FeatureInfo.html(hits), FeatureInfo.HTML + "; charset=utf-8");
  }

  public CachedResponse legend(WmsLayer layer, WmsStyle style, WmsTime time) {
    Layers.Snapshot s = layers.snapshot();
    Period period = time.resolve(s.atlas());
    return s.cached(Depends.COVERAGE, "wms-legend|" + layer.name() + "|" + style.key() + "|" + period,
        () -> LegendImage.png(styled(s, layer, style, period).legend()), MapRequest.FORMAT);
  }

  /** The choropleth layer the page would show for the same choice, cached like the tiles' styles. */
  private static StyledLayer styled(Layers.Snapshot s, WmsLayer layer, WmsStyle style, Period period) {
    LayerQuery q = layer.query(style, period);
    return s.memo(Depends.COVERAGE, "wms-style|" + q.cacheKey(), () -> ChoroplethLayer.style(s.atlas(), q),
        l -> 1024 + 256L * l.size());
  }
}
