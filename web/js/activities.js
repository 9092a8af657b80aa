// Outreach activities on the map (SPEC §7): markers from /api/activities?format=geojson, grouped on
// a screen grid where they crowd, a filter by type and status, and the kelurahan flagged
// "belum tersentuh" by /api/activities/reach drawn as a dashed outline.
/* global L */
import { getJson } from './api.js';
import { escapeHtml, formatValue, t } from './i18n.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from './outreach-text.js';

// Markers closer than this on screen are one cluster: the size of a marker and a half.
const CELL_PX = 44;
const REACH_STYLE = { fill: false, color: '#5b1a8c', weight: 3, opacity: 1, dashArray: '7 5' };
const REACH_CASING = { fill: false, color: '#ffffff', weight: 6, opacity: 0.9 };

const fmtDate = (iso, locale) => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
  .format(new Date(iso + 'T00:00:00Z'));

/** "12 September 2026" in the page's language. */
export function formatDay(iso) {
  return fmtDate(iso, document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID');
}

/** The popup of one activity: what, when, who, for whom, how many. */
export function activityPopup(p) {
  const rows = [
    [t('activityStatus'), t('status_' + p.status)],
    [t('activityDate'), formatDay(p.date)],
    [t('activityOrganiser'), p.organiser],
    [t('activityKelurahan'), p.name || p.code],
    [t('activityTargetGroup'), p.target_group],
    [t('activityAttendees'), p.attendees === null || p.attendees === undefined ? null : formatValue('participants', p.attendees)],
    [t('activityRegistrations'), p.registrations === null || p.registrations === undefined ? null : formatValue('participants', p.registrations)],
    [t('activityNote'), p.note],
  ].filter(([, v]) => v !== null && v !== undefined && v !== '');
  const where = p.point === 'kelurahan' ? '<p class="act-where">' + escapeHtml(t('activityPointKelurahan')) + '</p>' : '';
  return '<div class="act-popup" data-id="' + escapeHtml(p.id) + '"><strong class="act-title act-' + escapeHtml(p.type) + '">' +
    escapeHtml(t('type_' + p.type)) + '</strong><dl>' +
    rows.map(([k, v]) => '<dt>' + escapeHtml(k) + '</dt><dd>' + escapeHtml(v) + '</dd>').join('') + '</dl>' + where + '</div>';
}

/**
 * Groups points lying within `cell` pixels of a group's first point (looked up in a grid of that
 * size and its eight neighbours, so two points side by side across a cell edge still join).
 * points: [{x, y, item}]; returns [{x, y, items}] at each group's mean position, in input order.
 */
export function gridClusters(points, cell) {
  const grid = new Map();
  const groups = [];
  for (const p of points) {
    const cx = Math.floor(p.x / cell);
    const cy = Math.floor(p.y / cell);
    let found = null;
    for (let dx = -1; dx <= 1 && !found; dx++) {
      for (let dy = -1; dy <= 1 && !found; dy++) {
        for (const g of grid.get((cx + dx) + ':' + (cy + dy)) || []) {
          if (Math.hypot(g.x0 - p.x, g.y0 - p.y) <= cell) { found = g; break; }
        }
      }
    }
    if (!found) {
      found = { x0: p.x, y0: p.y, sx: 0, sy: 0, items: [] };
      const key = cx + ':' + cy;
      if (!grid.has(key)) grid.set(key, []);
      grid.get(key).push(found);
      groups.push(found);
    }
    found.sx += p.x;
    found.sy += p.y;
    found.items.push(p.item);
  }
  return groups.map((g) => ({ x: g.sx / g.items.length, y: g.sy / g.items.length, items: g.items }));
}

export class ActivityLayer {
  /** map: the Leaflet map; onCount(n): told how many activities are drawn after each redraw. */
  constructor(map, { onCount } = {}) {
    this.map = map;
    this.onCount = onCount || (() => {});
    const pane = map.createPane('activities');
    pane.style.zIndex = '620';
    const reachPane = map.createPane('reach');
    reachPane.style.zIndex = '452';
    reachPane.style.pointerEvents = 'none';
    this.group = L.layerGroup().addTo(map);
    this.reachLayer = null;
    this.features = [];
    this.types = new Set(ACTIVITY_TYPES);
    this.statuses = new Set(ACTIVITY_STATUSES);
    this.visible = true;
    this.loadedFor = null;
    this.reachFor = null;
    this.reachCodes = new Set();
    this.control = this.buildControl();
    map.on('zoomend', () => this.redraw());
  }

  /**
   * Starts fetching what the first view will draw (the activities and the month's flags) before
   * its layer has arrived; load and showReach then take these answers instead of asking again.
   */
  prefetch(kecamatan, period) {
    const key = kecamatan || '';
    this.early = {
      activities: { key, promise: this.fetchActivities(key) },
      reach: period ? { key: period + '|' + key, promise: this.fetchReach(period, kecamatan) } : null,
    };
    // A prefetch nobody takes fails quietly: load and showReach report their own failures.
    this.early.activities.promise.catch(() => {});
    if (this.early.reach) this.early.reach.promise.catch(() => {});
  }

  /** The prefetched answer under `key` (once), or null. */
  takeEarly(kind, key) {
    const e = this.early && this.early[kind];
    if (!e || e.key !== key) return null;
    this.early[kind] = null;
    return e.promise;
  }

  fetchActivities(key) {
    const q = new URLSearchParams({ format: 'geojson' });
    if (key) q.set('kecamatan', key);
    return getJson('/api/activities?' + q);
  }

  fetchReach(period, kecamatan) {
    const q = new URLSearchParams({ period });
    if (kecamatan) q.set('kecamatan', kecamatan);
    return getJson('/api/activities/reach?' + q);
  }

  /** Fetches the activities of the kecamatan (all when null) unless they are already in hand. */
  async load(kecamatan, { force } = {}) {
    const key = kecamatan || '';
    if (!force && this.loadedFor === key) return;
    try {
      const fc = await (this.takeEarly('activities', key) || this.fetchActivities(key));
      this.features = fc.features.filter((f) => f.geometry && f.geometry.type === 'Point');
      this.loadedFor = key;
      this.control.getContainer().classList.remove('failed');
    } catch (e) {
      this.features = [];
      this.loadedFor = null;
      this.control.getContainer().classList.add('failed');
    }
    this.redraw();
  }

  /**
   * The kelurahan flagged belum tersentuh in the month, outlined on the kelurahan layer drawn (fc:
   * the choropleth in hand; nothing is drawn at kecamatan or kota level).
   */
  async showReach(period, kecamatan, fc) {
    if (this.reachLayer) { this.reachLayer.remove(); this.reachLayer = null; }
    if (!period || !fc || fc.level !== 'kelurahan') return;
    const key = period + '|' + (kecamatan || '');
    if (this.reachFor !== key) {
      try {
        const body = await (this.takeEarly('reach', key) || this.fetchReach(period, kecamatan));
        this.reachCodes = new Set(body.rows.filter((r) => r.belum_tersentuh === true).map((r) => r.code));
        this.reachFor = key;
      } catch (e) {
        this.reachCodes = new Set();
        this.reachFor = null;
      }
    }
    const flagged = fc.features.filter((f) => this.reachCodes.has(f.id));
    const flaggedFc = { type: 'FeatureCollection', features: flagged };
    // A white casing under the dashes keeps the outline readable on every class colour.
    const casing = L.geoJSON(flaggedFc, { pane: 'reach', interactive: false, style: () => REACH_CASING });
    const dashes = L.geoJSON(flaggedFc, { pane: 'reach', interactive: false, style: () => REACH_STYLE });
    this.reachLayer = L.layerGroup([casing, dashes]).addTo(this.map);
    dashes.eachLayer((l) => {
      const path = l.getElement();
      if (path) { path.setAttribute('data-reach', l.feature.id); path.classList.add('reach-outline'); }
    });
    this.control.getContainer().querySelector('.act-reach-key').hidden = flagged.length === 0;
  }

  /** Marks the ranked table's kelurahan rows that are belum tersentuh (after every redraw of the table). */
  markTable(table) {
    for (const old of table.querySelectorAll('.flag-reach')) old.remove();
    if (!this.reachLayer) return;
    for (const tr of table.querySelectorAll('tr[data-code]')) {
      if (!this.reachCodes.has(tr.dataset.code)) continue;
      const holder = tr.querySelector('th .area-name > div') || tr.querySelector('th');
      if (!holder) continue;
      const b = document.createElement('span');
      b.className = 'flag-reach';
      b.textContent = t('belumTersentuh');
      holder.appendChild(b);
    }
  }

  /** The activities the filter lets through. */
  shown() {
    if (!this.visible) return [];
    return this.features.filter((f) => this.types.has(f.properties.type) && this.statuses.has(f.properties.status));
  }

  redraw() {
    this.group.clearLayers();
    const shown = this.shown();
    const points = shown.map((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const p = this.map.latLngToLayerPoint([lat, lon]);
      return { x: p.x, y: p.y, item: f };
    });
    for (const c of gridClusters(points, CELL_PX)) {
      const at = this.map.layerPointToLatLng([c.x, c.y]);
      if (c.items.length === 1) this.group.addLayer(this.marker(c.items[0]));
      else this.group.addLayer(this.cluster(at, c.items));
    }
    const box = this.control.getContainer();
    box.querySelector('.act-count').textContent = shown.length === 0 && this.visible
      ? t('activitiesNone') : t('activitiesCount', { n: shown.length });
    this.onCount(shown.length);
  }

  marker(f) {
    const p = f.properties;
    const [lon, lat] = f.geometry.coordinates;
    const icon = L.divIcon({
      className: 'act-marker act-' + p.type + ' act-status-' + p.status,
      html: '<span data-id="' + escapeHtml(p.id) + '" data-type="' + escapeHtml(p.type) + '" data-status="' + escapeHtml(p.status) +
        '" title="' + escapeHtml(t('type_' + p.type) + ' · ' + t('status_' + p.status) + ' · ' + p.date) + '"></span>',
      iconSize: [18, 18],
    });
    return L.marker([lat, lon], { icon, pane: 'activities', keyboard: true, title: t('type_' + p.type) })
      .bindPopup(() => activityPopup(p), { className: 'act-popup-box' });
  }

  cluster(at, items) {
    const size = items.length < 10 ? 30 : items.length < 100 ? 36 : 44;
    const types = [...new Set(items.map((f) => f.properties.type))].join(' ');
    const icon = L.divIcon({
      className: 'act-cluster',
      html: '<span data-count="' + items.length + '" data-types="' + escapeHtml(types) + '">' + items.length + '</span>',
      iconSize: [size, size],
    });
    const m = L.marker(at, { icon, pane: 'activities', title: t('activityCluster', { n: items.length }) });
    m.on('click', () => {
      const bounds = L.latLngBounds(items.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
      // The same place several times over: the list in a popup, since zooming cannot part them.
      if (bounds.getNorthEast().equals(bounds.getSouthWest()) || this.map.getZoom() >= this.map.getMaxZoom()) {
        m.bindPopup(items.map((f) => activityPopup(f.properties)).join(''), { className: 'act-popup-box', maxHeight: 300 }).openPopup();
      } else {
        this.map.fitBounds(bounds.pad(0.3), { maxZoom: this.map.getMaxZoom() });
      }
    });
    return m;
  }

  /** The filter box: a show toggle, a checkbox per type (with its colour) and per status, the legend of the outline. */
  buildControl() {
    const layer = this;
    const Control = L.Control.extend({
      options: { position: 'topright' },
      onAdd() {
        const box = L.DomUtil.create('div', 'act-filter leaflet-bar');
        L.DomEvent.disableClickPropagation(box);
        L.DomEvent.disableScrollPropagation(box);
        layer.fillControl(box);
        box.addEventListener('change', (e) => layer.onFilterChange(e));
        return box;
      },
    });
    return new Control().addTo(this.map);
  }

  fillControl(box) {
    box.replaceChildren();
    const check = (name, value, label, checked, cls) => {
      const l = document.createElement('label');
      if (cls) l.className = cls;
      const i = document.createElement('input');
      i.type = 'checkbox';
      i.name = name;
      i.value = value;
      i.checked = checked;
      const s = document.createElement('span');
      s.textContent = label;
      l.append(i, s);
      return l;
    };
    const details = document.createElement('details');
    // The box starts folded: open, it covers kelurahan in the map's corner (on a phone, much of the map).
    if (this.open === undefined) this.open = false;
    details.open = this.open;
    details.addEventListener('toggle', () => { this.open = details.open; });
    const summary = document.createElement('summary');
    summary.textContent = t('activities');
    details.appendChild(summary);
    details.appendChild(check('act-show', 'show', t('activitiesShow'), this.visible));
    const types = document.createElement('fieldset');
    types.className = 'act-types';
    const tl = document.createElement('legend');
    tl.textContent = t('activityType');
    types.appendChild(tl);
    for (const ty of ACTIVITY_TYPES) types.appendChild(check('act-type', ty, t('type_' + ty), this.types.has(ty), 'act-key act-' + ty));
    const statuses = document.createElement('fieldset');
    statuses.className = 'act-statuses';
    const sl = document.createElement('legend');
    sl.textContent = t('activityStatus');
    statuses.appendChild(sl);
    for (const st of ACTIVITY_STATUSES) statuses.appendChild(check('act-status', st, t('status_' + st), this.statuses.has(st)));
    const count = document.createElement('p');
    count.className = 'act-count';
    count.setAttribute('aria-live', 'polite');
    const reach = document.createElement('p');
    reach.className = 'act-reach-key';
    reach.hidden = this.reachCodes.size === 0;
    const swatch = document.createElement('span');
    swatch.className = 'reach-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    // Folded, the key is its name alone; the reason shows with the box open (and as its title).
    // A short key keeps the folded box narrow, and its width fixed whether the key shows or not.
    const rt = document.createElement('span');
    rt.className = 'act-reach-name';
    rt.textContent = t('belumTersentuh');
    const why = document.createElement('span');
    why.className = 'act-reach-why';
    why.textContent = t('belumTersentuhWhy');
    reach.title = t('belumTersentuhLegend');
    reach.append(swatch, rt, why);
    const failed = document.createElement('p');
    failed.className = 'act-failed';
    failed.textContent = t('activitiesFailed');
    details.append(types, statuses, count);
    box.append(details, reach, failed);
  }

  onFilterChange(e) {
    const i = e.target;
    if (i.name === 'act-show') this.visible = i.checked;
    const set = i.name === 'act-type' ? this.types : i.name === 'act-status' ? this.statuses : null;
    if (set) { if (i.checked) set.add(i.value); else set.delete(i.value); }
    this.redraw();
  }

  /** After a language switch. */
  relabel() {
    this.fillControl(this.control.getContainer());
    this.redraw();
  }
}
