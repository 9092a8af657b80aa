package id.cakupan.api;

import id.cakupan.coverage.KecamatanCode;
import id.cakupan.coverage.Metric;
import id.cakupan.coverage.Period;
import id.cakupan.coverage.Sector;
import id.cakupan.map.ClassMethod;
import id.cakupan.map.LayerQuery;
import id.cakupan.map.Layers;
import id.cakupan.map.Level;
import id.cakupan.ogc.Bbox;
import id.cakupan.ogc.OgcCrs;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * The one parser of layer-shaped requests (choropleth, tiles, ranking, downloads, OGC items): each
 * parameter has one spelling, one default and one error message wherever it is taken. A request
 * reads one {@link Layers.Snapshot}, taken here, so the month it resolves and the data it is
 * served from are the same.
 */
final class LayerRequest {
  private final QueryParams params;
  private final Layers.Snapshot snapshot;

  /** @param allowed every parameter the endpoint takes; any other is refused, naming it */
  LayerRequest(Context ctx, Set<String> allowed, Layers layers) {
    this(ctx, allowed, layers.snapshot());
  }

  /** A request read against a snapshot the caller took already. */
  LayerRequest(Context ctx, Set<String> allowed, Layers.Snapshot snapshot) {
    this.params = new QueryParams(ctx, allowed);
    this.snapshot = snapshot;
  }

  QueryParams params() {
    return params;
  }

  Layers.Snapshot snapshot() {
    return snapshot;
  }

  /**
   * The layer query with its month resolved against the snapshot: {@code sector}, {@code period},
   * {@code metric}, {@code method}, {@code classes}, {@code breaks} and {@code kecamatan}, each its
   * default when absent. Malformed values are refused (400) before a month or kecamatan without
   * data (404).
   */
  LayerQuery layer(Level level) {
    return resolve(requestedLayer(level));
  }

  /**
   * The layer query as asked, its month not yet resolved: for endpoints that parse more parameters
   * of their own and must refuse those malformed too before answering 404 for missing data.
   */
  LayerQuery requestedLayer(Level level) {
    LayerQuery d = LayerQuery.DEFAULT;
    ClassMethod method = params.get("method", ClassMethod::parse, d.method());
    double[] breaks = params.get("breaks", QueryParams::numberList, null);
    if (method == ClassMethod.MANUAL && breaks == null) {
      throw Problem.badParameter("breaks", "method=manual needs breaks, e.g. breaks=0.1,0.2,0.5");
    }
    if (method != ClassMethod.MANUAL && breaks != null) {
      throw Problem.badParameter("breaks", "breaks are only used with method=manual");
    }
    if (breaks != null) {
      for (int i = 1; i < breaks.length; i++) {
        if (breaks[i] <= breaks[i - 1]) throw Problem.badParameter("breaks", "breaks must be strictly ascending");
      }
      if (breaks.length > 8) throw Problem.badParameter("breaks", "at most 8 breaks (9 classes)");
    }
    int classes = breaks != null ? breaks.length + 1 : params.get("classes", QueryParams.intBetween(3, 9), d.classes());
    return new LayerQuery(level, sector(d.sector()), period(),
        params.get("metric", Metric::parse, d.metric()), method, classes, breaks, kecamatan());
  }

  /** The query with its month settled and its kecamatan filter checked against the snapshot. */
  LayerQuery resolve(LayerQuery requested) {
    return requested.resolve(snapshot.atlas());
  }

  /** {@code level}, or the default. */
  Level level(Level defaultLevel) {
    return params.get("level", Level::parse, defaultLevel);
  }

  /** {@code sector}, or the default (null: every sector, where the endpoint allows it). */
  Sector sector(Sector defaultSector) {
    return params.get("sector", Sector::parse, defaultSector);
  }

  /** {@code period} as asked, null when absent; {@link #layer} resolves it. */
  Period period() {
    return params.get("period", Period::parse, null);
  }

  KecamatanCode kecamatan() {
    return params.get("kecamatan", KecamatanCode::parse, null);
  }

  /** {@code bbox} in CRS84, null when absent; two envelopes when it crosses the antimeridian. */
  List<Envelope> bbox() {
    return params.get("bbox", Bbox::parse, null);
  }

  /** {@code bbox} given in {@code bboxCrs} (OGC API - Features Part 2), as lon/lat envelopes; null when absent. */
  List<Envelope> bbox(OgcCrs bboxCrs) {
    return params.get("bbox", text -> Bbox.parse(text, bboxCrs), null);
  }

  /** {@code crs}: the CRS of the geometry served, CRS84 by default. */
  OgcCrs crs() {
    return crs(params);
  }

  /** {@code bbox-crs}: the CRS {@code bbox} is given in, CRS84 by default. */
  OgcCrs bboxCrs() {
    return params.getRepeatable("bbox-crs", OgcCrs::parse, OgcCrs.STORAGE);
  }

  /** {@code crs} of any OGC request; the same value repeated counts once (see {@link QueryParams#getRepeatable}). */
  static OgcCrs crs(QueryParams params) {
    return params.getRepeatable("crs", OgcCrs::parse, OgcCrs.STORAGE);
  }

  /** The parameter's text as sent, unparsed (it goes back into links), null when absent or empty. */
  String text(String name) {
    return params.get(name, s -> s, null);
  }
}
