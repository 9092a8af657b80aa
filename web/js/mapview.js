// The Leaflet map: the choropleth, kecamatan outlines over it, name labels, hover and selection.
/* global L */
import { interiorPoint } from './geometry.js';
import { isPartial } from './legend.js';

const LABEL_ZOOM = 13;
const BASE_STYLE = { color: '#66717c', weight: 0.8, opacity: 1, fillOpacity: 1 };
const HOVER_STYLE = { color: '#000000', weight: 3, opacity: 1 };
const PARTIAL_PATTERN = 'cakupan-partial';

function fillOf(p) {
  return isPartial(p) ? 'url(#' + PARTIAL_PATTERN + ')' : p.fill;
}

export class MapView {
  /** handlers: onSelect(code), onHover(code|null), tooltip(properties) → html, bottomInset() → px covered at the bottom. */
  constructor(element, handlers) {
    this.handlers = handlers;
    this.map = L.map(element, { zoomSnap: 0.25, zoomDelta: 0.5, zoomControl: false, minZoom: 9, maxZoom: 18 })
      .setView([-6.13, 106.87], 12);
    L.control.zoom({ position: 'topleft' }).addTo(this.map);
    // Metric only: the planners measure in metres and kilometres. The exports draw the same bar.
    this.scale = L.control.scale({ position: 'bottomleft', metric: true, imperial: false, maxWidth: 120 }).addTo(this.map);
    this.map.attributionControl.setPrefix('Leaflet');
    for (const [name, z] of [['outlines', 450], ['selection', 455], ['labels', 460]]) {
      const pane = this.map.createPane(name);
      pane.style.zIndex = String(z);
      pane.style.pointerEvents = 'none';
    }
    this.layer = null;
    this.layerKey = null;
    this.byCode = new Map();
    this.outlines = null;
    this.outlineFc = null;
    this.selection = null;
    this.selectedCode = null;
    this.labelGroup = L.layerGroup().addTo(this.map);
    this.labelsFor = null;
    this.fillOpacity = 1;
    this.map.on('zoomend', () => this.updateLabels());
    // Vector tiles are drawn on canvas: hover and click read the feature under the pointer from the tile.
    this.tileTip = null;
    this.map.on('mousemove', (e) => this.tileHover(e.latlng));
    this.map.on('mouseout', () => this.tileHover(null));
    this.map.on('click', (e) => {
      const p = this.tileFeatureAt(e.latlng);
      if (p) this.handlers.onSelect(p.code);
    });
  }

  /** The properties of the tile feature under a point, or null (no tiles, or nothing there). */
  tileFeatureAt(latlng) {
    if (!this.tiles || !latlng) return null;
    const picked = this.tiles.queryTileFeaturesDebug(latlng.lng, latlng.lat);
    for (const list of picked.values()) {
      for (const f of list) if (f.feature && f.feature.props && f.feature.props.code) return f.feature.props;
    }
    return null;
  }

  tileHover(latlng) {
    const p = this.tileFeatureAt(latlng);
    if (!p) {
      if (this.tileTip) { this.tileTip.remove(); this.tileTip = null; }
      this.map.getContainer().classList.remove('over-area');
      return;
    }
    const html = this.handlers.tooltip(p);
    if (!this.tileTip) this.tileTip = L.tooltip({ direction: 'top', className: 'area-tip tile-tip', offset: [0, -8] });
    this.tileTip.setLatLng(latlng).setContent(html);
    if (!this.map.hasLayer(this.tileTip)) this.tileTip.addTo(this.map);
    this.map.getContainer().classList.add('over-area');
  }

  setBasemap(url, onError) {
    if (!url) return;
    this.fillOpacity = 0.8;
    const tiles = L.tileLayer(url, { maxZoom: 19, crossOrigin: true });
    let reported = false;
    tiles.on('tileerror', () => {
      if (!reported) { reported = true; onError(); }
    });
    tiles.addTo(this.map);
  }

  /** Kecamatan outlines drawn over the kelurahan (never interactive: clicks go to the polygons). */
  setOutlines(fc) {
    this.outlineFc = fc;
    if (this.outlines) this.outlines.remove();
    this.outlines = L.geoJSON(fc, {
      pane: 'outlines',
      interactive: false,
      style: () => ({ fill: false, color: '#1d232a', weight: 2.2, opacity: 0.95 }),
    }).addTo(this.map);
  }

  outlineBounds(kecamatanCode) {
    if (!this.outlines) return null;
    let bounds = null;
    this.outlines.eachLayer((l) => {
      if (l.feature.id === kecamatanCode) bounds = l.getBounds();
    });
    return bounds;
  }

  /**
   * National mode past the kelurahan zoom: the polygons come as vector tiles drawn on canvas by
   * protomaps-leaflet (one MVT layer per level the server draws at the tile's zoom), not as GeoJSON.
   */
  setTiles(url) {
    if (this.tiles && this.tileUrl === url) return;
    this.clearTiles();
    const fill = (z, f) => f.props.fill || '#cccccc';
    const rule = (dataLayer) => ({
      dataLayer,
      symbolizer: new protomapsL.PolygonSymbolizer({ fill, opacity: this.fillOpacity, stroke: '#ffffff', width: 0.5 }),
    });
    // levelDiff 0: the tile of the map's own zoom, so the level drawn is the one the server picks for it.
    this.tiles = protomapsL.leafletLayer({
      // attribution '': the polygons are the service's own boundaries, not Protomaps/OpenStreetMap data (its default credit)
      url, maxDataZoom: 16, levelDiff: 0, labelRules: [], attribution: '',
      paintRules: ['provinsi', 'kota', 'kecamatan', 'kelurahan'].map(rule),
    });
    this.tiles.addTo(this.map);
    this.tileUrl = url;
  }

  clearTiles() {
    if (this.tileTip) { this.tileTip.remove(); this.tileTip = null; }
    if (!this.tiles) return;
    this.map.removeLayer(this.tiles);
    this.tiles = null;
    this.tileUrl = null;
  }

  hasTiles() {
    return !!this.tiles;
  }

  /**
   * Draws a choropleth collection; the same areas at the same detail are only re-coloured (smooth
   * animation). labels: false leaves the names to a later buildLabels (the page's first view places
   * them in a task of their own: finding every area's interior point is half the drawing's work).
   */
  setLayer(fc, { labels = true } = {}) {
    const codes = fc.features.map((f) => f.id).join('|');
    const key = fc.level + ':' + fc.zoom + ':' + codes;
    if (this.layer && key === this.layerKey) {
      const next = new Map(fc.features.map((f) => [f.id, f]));
      this.layer.eachLayer((l) => {
        const f = next.get(l.feature.id);
        l.feature = f;
        l.setStyle({ fillColor: fillOf(f.properties) });
        if (l.isTooltipOpen()) l.setTooltipContent((layer) => this.handlers.tooltip(layer.feature.properties));
      });
      if (labels && this.labelsFor === null) this.buildLabels(fc); // the names an earlier drawing left for later
      return false;
    }
    this.clearLayer();
    this.layer = L.geoJSON(fc, {
      style: (f) => ({ ...BASE_STYLE, fillOpacity: this.fillOpacity, fillColor: fillOf(f.properties) }),
      onEachFeature: (f, l) => {
        this.byCode.set(f.id, l);
        l.bindTooltip((layer) => this.handlers.tooltip(layer.feature.properties), { sticky: true, direction: 'top', className: 'area-tip' });
        l.on('mouseover', () => {
          l.setStyle(HOVER_STYLE);
          l.bringToFront();
          this.handlers.onHover(l.feature.id);
        });
        l.on('mouseout', () => {
          l.setStyle({ color: BASE_STYLE.color, weight: BASE_STYLE.weight });
          this.handlers.onHover(null);
        });
        l.on('click', () => this.handlers.onSelect(l.feature.id));
      },
    }).addTo(this.map);
    this.ensurePartialPattern(fc.legend && fc.legend.no_data);
    this.layer.eachLayer((l) => {
      const path = l.getElement();
      if (path) {
        path.setAttribute('data-code', l.feature.id);
        path.classList.add('area');
      }
    });
    this.layerKey = key;
    if (labels) this.buildLabels(fc);
    if (this.selectedCode) this.select(this.selectedCode);
    return true;
  }

  /** The hatch of partial aggregates: diagonal stripes over the no-data colour, in the map's own SVG. */
  ensurePartialPattern(noData) {
    const svg = this.map.getPanes().overlayPane.querySelector('svg');
    if (!svg || svg.querySelector('#' + PARTIAL_PATTERN)) return;
    const ns = 'http://www.w3.org/2000/svg';
    let defs = svg.querySelector('defs');
    if (!defs) {
      defs = document.createElementNS(ns, 'defs');
      svg.insertBefore(defs, svg.firstChild);
    }
    const pattern = document.createElementNS(ns, 'pattern');
    pattern.setAttribute('id', PARTIAL_PATTERN);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('width', '8');
    pattern.setAttribute('height', '8');
    pattern.setAttribute('patternTransform', 'rotate(45)');
    const back = document.createElementNS(ns, 'rect');
    back.setAttribute('width', '8');
    back.setAttribute('height', '8');
    back.setAttribute('fill', noData || '#d9d9d9');
    const stripe = document.createElementNS(ns, 'rect');
    stripe.setAttribute('width', '3');
    stripe.setAttribute('height', '8');
    stripe.setAttribute('fill', '#5f6b78');
    pattern.append(back, stripe);
    defs.appendChild(pattern);
  }

  clearLayer() {
    if (this.layer) this.layer.remove();
    this.layer = null;
    this.layerKey = null;
    this.byCode.clear();
    this.labelGroup.clearLayers();
    this.labelsFor = null;
    this.labelMarkers = null; // no names of the areas just removed, until the new ones are placed
    this.labelPoints = new Map();
    if (this.selection) { this.selection.remove(); this.selection = null; }
  }

  hasLayer() {
    return this.layer !== null;
  }

  buildLabels(fc) {
    this.labelGroup.clearLayers();
    this.labelPoints = new Map();
    this.labelsFor = fc.level;
    const markers = [];
    for (const f of fc.features) {
      const p = interiorPoint(f.geometry);
      if (!p) continue;
      this.labelPoints.set(f.id, [p[1], p[0]]);
      const span = document.createElement('span');
      span.textContent = f.properties.name;
      const marker = L.marker([p[1], p[0]], {
        pane: 'labels',
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: 'map-label map-label-' + fc.level, html: span, iconSize: [0, 0] }),
      });
      marker.code = f.id;
      marker.name = f.properties.name;
      marker.area = f.properties.luas_km2 || 0;
      markers.push(marker);
    }
    this.labelMarkers = markers;
    this.updateLabels();
  }

  /**
   * Shows names from LABEL_ZOOM on (kecamatan names always), largest areas first, leaving out a
   * name that would overlap one already placed; the selected area's name goes first.
   */
  updateLabels() {
    if (!this.labelMarkers) return;
    this.labelGroup.clearLayers();
    this.labelShown = new Set();
    const show = this.labelsFor === 'kecamatan' || this.map.getZoom() >= LABEL_ZOOM;
    if (!show) return;
    const charWidth = this.labelsFor === 'kecamatan' ? 7.6 : 7;
    const order = [...this.labelMarkers].sort((a, b) =>
      (b.code === this.selectedCode) - (a.code === this.selectedCode) || b.area - a.area);
    const placed = [];
    for (const m of order) {
      const p = this.map.latLngToContainerPoint(m.getLatLng());
      const w = m.name.length * charWidth + 6;
      const box = { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - 9, y1: p.y + 9 };
      if (placed.some((q) => box.x0 < q.x1 && q.x0 < box.x1 && box.y0 < q.y1 && q.y0 < box.y1)) continue;
      placed.push(box);
      this.labelShown.add(m.code);
      this.labelGroup.addLayer(m);
    }
  }

  labelsVisible() {
    return this.labelGroup.getLayers().length > 0;
  }

  /** Codes whose names are on the map now. */
  shownLabels() {
    return this.labelShown || new Set();
  }

  /** Highlights one area (a white halo under a black line, above the outlines); null clears. */
  select(code) {
    this.selectedCode = code;
    if (this.selection) { this.selection.remove(); this.selection = null; }
    for (const l of this.byCode.values()) {
      const path = l.getElement();
      if (path) path.classList.remove('is-selected');
    }
    const l = code ? this.byCode.get(code) : null;
    if (this.labelMarkers) this.updateLabels();
    if (!l) return false;
    const path = l.getElement();
    if (path) path.classList.add('is-selected');
    this.selection = L.layerGroup([
      L.geoJSON(l.feature, { pane: 'selection', interactive: false, style: () => ({ fill: false, color: '#ffffff', weight: 7, opacity: 1 }) }),
      L.geoJSON(l.feature, { pane: 'selection', interactive: false, style: () => ({ fill: false, color: '#000000', weight: 3, opacity: 1 }) }),
    ]).addTo(this.map);
    return true;
  }

  highlight(code) {
    for (const [c, l] of this.byCode) {
      if (c === code) { l.setStyle(HOVER_STYLE); l.bringToFront(); } else l.setStyle({ color: BASE_STYLE.color, weight: BASE_STYLE.weight });
    }
  }

  padding() {
    const inset = this.handlers.bottomInset();
    return { paddingTopLeft: [24, 24], paddingBottomRight: [24, inset + 24] };
  }

  fitBounds(bounds, maxZoom) {
    if (!bounds || !bounds.isValid()) return;
    this.map.fitBounds(bounds, { ...this.padding(), maxZoom: maxZoom || 16, animate: false });
  }

  fitLayer() {
    if (this.layer) this.fitBounds(this.layer.getBounds());
  }

  fitAll() {
    if (this.outlines) this.fitBounds(this.outlines.getBounds());
    else this.fitLayer();
  }

  zoomTo(code) {
    const l = this.byCode.get(code);
    if (l) this.fitBounds(l.getBounds().pad(0.2), 13.5);
  }

  /** Pans just enough that a point inside the area is in the part of the map nothing covers. */
  reveal(code) {
    const ll = this.labelPoints && this.labelPoints.get(code);
    if (!ll) return;
    const inset = this.handlers.bottomInset();
    this.map.panInside(ll, { paddingTopLeft: [60, 60], paddingBottomRight: [60, inset + 60], animate: false });
  }

  /** Code → fill of every drawn choropleth path, read from the SVG itself. */
  fills() {
    const out = {};
    for (const [code, l] of this.byCode) {
      const path = l.getElement();
      out[code] = path ? path.getAttribute('fill') : null;
    }
    return out;
  }

  /** Client (viewport) coordinates of a point inside an area, e.g. to click it. */
  clientPointOf(code) {
    const ll = this.labelPoints && this.labelPoints.get(code);
    if (!ll) return null;
    const p = this.map.latLngToContainerPoint(ll);
    const r = this.map.getContainer().getBoundingClientRect();
    return { x: Math.round(r.left + p.x), y: Math.round(r.top + p.y) };
  }

  invalidate() {
    this.map.invalidateSize({ animate: false });
  }
}
