// The planner's map page: wires the URL state, the controls, the map, the legend, the ranked
// table and the detail panel together. Plain ES modules, no build step; Leaflet comes from its WebJar.
/* global L */
import { ApiError, getCached, getJson } from './js/api.js';
import { errorDetail, errorMessage } from './js/errors.js';
import { drawMapCanvas, download, downloadText } from './js/export.js';
import {
  escapeHtml, formatDate, formatPeriod, formatValue, lang, metricName, sectorName, setLang, t,
} from './js/i18n.js';
import { hotspotLegendModel, isPartial, legendModel, renderLegend, clearLegend } from './js/legend.js';
import { hotspotTooltip, mergeHotspots } from './js/hotspot.js';
import { MapView } from './js/mapview.js';
import { DetailPanel } from './js/panel.js';
import {
  HOTSPOT_METRICS, LEVELS, METHODS, METRICS, MODES, SECTORS, SORTS, choroplethQuery, enterHotspotMode, formatBreaks,
  hotspotQuery, parseBreaks, parseState, toSearch,
} from './js/state.js';
import { markHover, markSelected, rankedRows, renderTable, toCsv } from './js/table.js';
import { ActivityLayer } from './js/activities.js';
import { KecamatanPicker } from './js/place-picker.js';

// The camat's worklist has its own page; /?kecamatan=…&view=worklist links there with the same query.
if (new URLSearchParams(window.location.search).get('view') === 'worklist') {
  window.location.replace('/worklist.html' + window.location.search);
}

const $ = (id) => document.getElementById(id);
const NARROW = window.matchMedia('(max-width: 760px)');
const FRAME_MS = 900;

/**
 * Lets the browser paint and answer input before the next piece of work: on a slow phone one long
 * task (draw the layer, then the legend and table, then the activities) would block the page.
 */
function nextTask() {
  if (window.scheduler && typeof window.scheduler.yield === 'function') return window.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let state = parseState(window.location.search);
let periods = []; // newest first, as the API gives them
let outlineFc = null;
let region = null; // /api/config's region: name, main bbox, levels, outlying parts
let lastFc = null;
let lastRows = [];
let renderSeq = 0;
let controller = null;
let playing = false;
let playTimer = null;
let pendingManual = false;
const notices = new Map();

setLang(state.lang);

const view = new MapView($('map'), {
  onSelect: (code) => select(code, { zoom: false, scroll: true, push: true }),
  onHover: (code) => markHover($('table'), code),
  tooltip: tooltipHtml,
  bottomInset: panelInset,
});
const panel = new DetailPanel($('panel'), { onClose: () => select(null, { push: true }) });
// A city's kecamatan come with the outlines drawn; a national region's from /api/places, a kota at a time.
const picker = new KecamatanPicker($('kecamatan'), {
  blank: () => t('allKecamatan'),
  onArea: (place) => { // a provinsi or kota chosen nationally: the map frames it, the tiles and figures follow
    const b = boundsOf(place.bbox);
    if (b) view.fitBounds(b);
  },
});
// outreach: activity markers and the belum tersentuh outlines over the layer (SPEC §7)
const activities = new ActivityLayer(view.map);

// ---------------------------------------------------------------- text and controls

function tooltipHtml(p) {
  if (state.mode === 'hotspot' && lastFc && lastFc.analysis) {
    const kec = ' <span class="tip-kec">' + escapeHtml(t('kecPrefix') + ' ' + p.kecamatan) + '</span>';
    return '<strong>' + escapeHtml(p.name) + '</strong>' + kec + '<br>' + hotspotTooltip(p, lastFc.legend);
  }
  const lines = [];
  const shown = [state.metric, 'uncovered', 'coverage_rate'].filter((m, i, a) => a.indexOf(m) === i);
  for (const m of shown) {
    const strong = m === state.metric;
    lines.push('<span class="tip-row' + (strong ? ' mapped' : '') + '">' + escapeHtml(metricName(m)) + ': <b>' +
      escapeHtml(formatValue(m, p[m])) + '</b></span>');
  }
  if (typeof p.members === 'number' && p.members_with_data < p.members) {
    // SPEC §6: what is known over the members with data, and how many those are.
    lines.push('<span class="tip-partial">' + escapeHtml(t('partialMembers', { n: p.members_with_data, m: p.members })) +
      '</span>');
    if (p.members_with_data > 0) {
      for (const m of ['uncovered', 'coverage_rate']) {
        lines.push('<span class="tip-row">' + escapeHtml(t('partialValue', { metric: metricName(m) })) + ': <b>' +
          escapeHtml(formatValue(m, p[m + '_partial'])) + '</b></span>');
      }
    }
  }
  const where = p.level === 'kelurahan' ? ' <span class="tip-kec">' + escapeHtml(t('kecPrefix') + ' ' + p.kecamatan) + '</span>' : '';
  return '<strong>' + escapeHtml(p.name) + '</strong>' + where + '<br>' + lines.join('<br>');
}

function options(select, items) {
  const html = items.map(([value, label]) => '<option value="' + escapeHtml(value) + '">' + escapeHtml(label) + '</option>').join('');
  if (select.innerHTML !== html) select.innerHTML = html;
}

/** The area served, as the service names it; the built-in text until /api/config has answered. */
function placeName() {
  return region && region.name ? region.name : t('place');
}

function levels() {
  return region && region.levels ? LEVELS.filter((l) => region.levels.includes(l)) : ['kelurahan', 'kecamatan'];
}

/** "Kabupaten Administrasi Kepulauan Seribu" → "Kepulauan Seribu": the button has little room. */
function shortName(name) {
  return name.replace(/^(Kota|Kabupaten) Administrasi\s+/, '');
}

/** Outlying parts (Kepulauan Seribu) get a button each, and the mainland one to come back. */
function renderViews() {
  const box = $('views');
  const parts = region && region.outlying ? region.outlying : [];
  box.hidden = parts.length === 0;
  box.setAttribute('aria-label', t('viewsLabel'));
  box.replaceChildren();
  if (parts.length === 0) return;
  const button = (label, title, bbox, code) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    if (code) b.dataset.part = code;
    b.addEventListener('click', () => view.fitBounds(boundsOf(bbox)));
    box.appendChild(b);
  };
  button(t('viewMain'), t('viewMainTitle'), region.bbox, null);
  for (const p of parts) button(shortName(p.name), t('viewPartTitle', { name: p.name }), p.bbox, p.code);
}

function boundsOf(bbox) {
  return bbox && bbox.length === 4 ? L.latLngBounds([bbox[1], bbox[0]], [bbox[3], bbox[2]]) : null;
}

function applyStaticText() {
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
  for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
  document.querySelector('.place').textContent = placeName();
  renderViews();
  options($('mode'), MODES.map((v) => [v, t('mode_' + v)]));
  // Hot spots of a whole country's kelurahan are not analysed on the map page (deliberately off).
  const hotspotOption = $('mode').querySelector('option[value="hotspot"]');
  if (hotspotOption) {
    hotspotOption.disabled = nationalMode();
    hotspotOption.title = nationalMode() ? t('hotspotNational') : '';
  }
  options($('level'), levels().map((v) => [v, t('level_' + v)]));
  options($('sector'), SECTORS.map((v) => [v, t('sector_' + v)]));
  metricOptions();
  options($('method'), METHODS.map((v) => [v, t('method_' + v)]));
  options($('classes'), [3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), String(n)]));
  options($('sort'), SORTS.map((v) => [v, t('sort_' + v)]));
  if (nationalMode()) picker.relabel();
  else picker.useList(outlineFc ? outlineFc.features.map((f) => ({ code: f.id, name: f.properties.name })) : [], state.kecamatan);
  $('lang').setAttribute('lang', lang() === 'id' ? 'en' : 'id');
}

/** The metrics the current mode can show: hot spots exist for two of them. */
function metricOptions() {
  options($('metric'), (state.mode === 'hotspot' ? HOTSPOT_METRICS : METRICS).map((v) => [v, metricName(v)]));
}

/** The legend of the layer in hand, whichever mode drew it. */
function legendOf(fc) {
  return state.mode === 'hotspot' && fc.analysis ? hotspotLegendModel(fc, state) : legendModel(fc, state);
}

function periodsAsc() {
  return [...periods].reverse();
}

function syncControls() {
  const hotspot = state.mode === 'hotspot';
  metricOptions();
  $('mode').value = state.mode;
  $('level').value = state.level;
  $('level').disabled = hotspot;
  // Classes in hot-spot mode are the Gi* significance levels: nothing to classify.
  $('controls-how').hidden = hotspot;
  $('sector').value = state.sector;
  $('metric').value = state.metric;
  $('method').value = pendingManual ? 'manual' : state.method;
  const manual = state.method === 'manual' || pendingManual;
  $('classes').value = String(state.method === 'manual' ? Math.min(9, Math.max(3, state.breaks.length + 1)) : state.classes);
  $('classes-field').hidden = manual;
  $('breaks-field').hidden = !manual;
  $('breaks-hint').hidden = !(pendingManual || $('breaks').getAttribute('aria-invalid') === 'true');
  if (document.activeElement !== $('breaks')) $('breaks').value = formatBreaks(state.breaks);
  picker.setValue(state.kecamatan);
  picker.setDisabled(state.level === 'kota' || state.level === 'provinsi');
  // The camat's worklist for the chosen kecamatan, in the sector shown (BPU when all are shown).
  $('worklist-link').hidden = !state.kecamatan;
  if (state.kecamatan) {
    $('worklist-link').href = '/worklist.html?kecamatan=' + state.kecamatan + '&sector=' + (state.sector === 'ALL' ? 'BPU' : state.sector) +
      (state.period ? '&period=' + state.period : '') + (state.lang !== 'id' ? '&lang=' + state.lang : '');
  }
  $('sort').value = state.sort;
  const asc = periodsAsc();
  const slider = $('month');
  slider.max = String(Math.max(0, asc.length - 1));
  slider.value = String(Math.max(0, asc.indexOf(state.period)));
  slider.disabled = asc.length < 2;
  const label = formatPeriod(state.period);
  $('month-label').textContent = label;
  slider.setAttribute('aria-valuetext', label);
  const play = $('play');
  play.setAttribute('aria-pressed', String(playing));
  play.setAttribute('aria-label', playing ? t('pauseLabel') : t('playLabel'));
  play.querySelector('.icon').textContent = playing ? '❚❚' : '▶';
  play.querySelector('.text').textContent = playing ? t('pause') : t('play');
  play.disabled = asc.length < 2;
  $('fixed-note').hidden = state.method !== 'manual';
  $('map').setAttribute('aria-label', t('mapLabel', { metric: metricName(state.metric), level: t('level_' + state.level) }));
  document.title = metricName(state.metric) + ' — ' + sectorName(state.sector) + ' — ' + formatPeriod(state.period) +
    ' · ' + t('title') + ' — ' + placeName();
}

function writeUrl(push) {
  const search = toSearch(state);
  if (search === window.location.search) return;
  if (push) window.history.pushState(null, '', search);
  else window.history.replaceState(null, '', search);
}

function panelInset() {
  const p = $('panel');
  if (p.hidden || getComputedStyle(p).position !== 'absolute') return 0;
  return p.offsetHeight;
}

// ---------------------------------------------------------------- messages

function setNotice(key, text) {
  if (text) notices.set(key, text);
  else notices.delete(key);
  const n = $('notice');
  n.innerHTML = [...notices.values()].map((s) => '<p>' + escapeHtml(s) + '</p>').join('');
  n.hidden = notices.size === 0;
}

function showMessage(text, actions, detail) {
  const m = $('message');
  m.innerHTML = '<p>' + text.map(escapeHtml).join('</p><p>') + '</p>';
  // The server's own words (English) only on request, under the message in the page's language.
  if (detail) m.innerHTML += '<details class="message-details"><summary>' + escapeHtml(t('errDetails')) + '</summary><p lang="en">' + escapeHtml(detail) + '</p></details>';
  for (const [label, fn] of actions || []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.addEventListener('click', fn);
    m.appendChild(b);
  }
  m.hidden = false;
}

function hideMessage() {
  $('message').hidden = true;
  $('message').innerHTML = '';
}

let loadingTimer = null;
function setStatus(status) {
  document.body.dataset.status = status;
  $('map-area').setAttribute('aria-busy', String(status === 'loading'));
  clearTimeout(loadingTimer);
  if (status === 'loading') loadingTimer = setTimeout(() => { $('loading').hidden = false; }, 150);
  else $('loading').hidden = true;
}

/** Never a blank map: an explanation, the kecamatan outlines when we have them, and a way on. */
function renderError(e, retry) {
  stopPlay();
  view.clearLayer();
  lastFc = null;
  lastRows = [];
  clearLegend($('legend'));
  delete $('map').dataset.layer;
  let text;
  let actions = [[t('retry'), retry]];
  if (e.kind === 'unreachable') {
    text = [t('unreachable')];
  } else if (e.kind === 'nodata' && e.parameter === 'period' && periods.length > 0) {
    const asc = periodsAsc();
    text = [t('noDataMonth', { period: formatPeriod(state.period) }),
      t('monthsRange', { first: formatPeriod(asc[0]), last: formatPeriod(asc[asc.length - 1]) })];
    actions = [[t('showNewest'), () => { state.period = periods[0]; syncControls(); writeUrl(true); render(); }]];
  } else {
    text = [errorMessage(e, state)];
  }
  showMessage(text, actions, e.kind === 'unreachable' ? null : errorDetail(e));
  $('table').innerHTML = '<tbody><tr><td>' + escapeHtml(text.join(' ')) + '</td></tr></tbody>';
  setStatus('error');
}

// ---------------------------------------------------------------- rendering

function innerBreaks(legend) {
  if (!legend || !legend.breaks || legend.breaks.length < 3) return null;
  const inner = [];
  for (const b of legend.breaks.slice(1, -1)) if (inner.length === 0 || b > inner[inner.length - 1]) inner.push(b);
  return inner.length > 0 && inner.length <= 8 ? inner : null;
}

function layerNotice(fc) {
  if (fc.features.length === 0) return t('emptyLayer');
  if (!fc.legend || fc.legend.colors.length === 0) {
    // Hatched areas have partial figures (SPEC §6): say so rather than "everything is no data".
    if (fc.features.some((f) => isPartial(f.properties))) {
      return t('partialMetric', { metric: metricName(state.metric), period: formatPeriod(state.period) });
    }
    return t('noDataMetric', { metric: metricName(state.metric), period: formatPeriod(state.period) });
  }
  return null;
}

function fitView() {
  if (state.sel && view.byCode.has(state.sel)) view.zoomTo(state.sel);
  else if (state.kecamatan) {
    const b = view.outlineBounds(state.kecamatan) || kecamatanBounds(state.kecamatan);
    if (b) view.fitBounds(b);
    else view.fitLayer();
  } else if (picker.area() && boundsOf(picker.area().bbox)) {
    view.fitBounds(boundsOf(picker.area().bbox)); // the provinsi or kota chosen in a national picker
  } else if (region && boundsOf(region.bbox)) {
    // The main area, not everything: Kepulauan Seribu would shrink the mainland to a corner.
    view.fitBounds(boundsOf(region.bbox));
  } else view.fitAll();
}

// Geometry comes simplified for the zoom it is drawn at (the server's zoom parameter): the page
// asks for the detail its zoom needs and refines, debounced, when the user zooms in further. The
// layer in hand stays on the map until the finer one arrives; zooming out keeps the finer one.
const FULL_DETAIL_ZOOM = 16;
let drawnZoom = null;
let outlineZoom = null;
let refineTimer = null;

function detailZoom(zoom = view.map.getZoom()) {
  return Math.max(0, Math.min(FULL_DETAIL_ZOOM, Math.ceil(zoom - 0.01)));
}

/** The detail a render needs: for a first view fitted to the region, the zoom it will be fitted to. */
function neededZoom(fit) {
  if (fit && !state.sel && !state.kecamatan && region && boundsOf(region.bbox)) {
    return Math.max(detailZoom(), detailZoom(view.map.getBoundsZoom(boundsOf(region.bbox))));
  }
  return detailZoom();
}

let fullRenders = 0; // renders in flight that draw more than geometry: a refinement never supersedes one

function scheduleRefine() {
  clearTimeout(refineTimer);
  refineTimer = setTimeout(() => {
    if (outlineZoom !== null && detailZoom() > outlineZoom) loadOutlines();
    if (fullRenders === 0 && lastFc && drawnZoom !== null && detailZoom() > drawnZoom) render({ quiet: true });
  }, 300);
}

view.map.on('zoomend', scheduleRefine);
// National mode: the tiles follow the map by themselves; the legend and table follow the level the
// tiles draw (another zoom band) and, for the finer levels, the areas in view.
let nationalTimer = null;
view.map.on('moveend', () => {
  if (!nationalMode() || !view.hasTiles()) return;
  clearTimeout(nationalTimer);
  nationalTimer = setTimeout(() => {
    if (nationalFiguresUrl() !== drawnFigures) drawTiles({});
  }, 250);
});

let outlinesLoading = null; // the first outlines, while the first layer is fetched alongside

async function loadOutlines() {
  if (nationalMode()) return loadKecamatanList();
  const zoom = detailZoom();
  try {
    const fc = await getCached('/api/choropleth?level=kecamatan&metric=participants&zoom=' + zoom);
    if (outlineZoom !== null && zoom < outlineZoom) return; // a finer one arrived first
    outlineFc = fc;
    outlineZoom = zoom;
    view.setOutlines(outlineFc);
  } catch (e) {
    if (outlineZoom === null) outlineFc = null; // the kelurahan layer still draws; outlines are context, not content
  }
}

/**
 * National mode (a region of several provinsi or very many kelurahan, /api/config → region.national):
 * the polygons of every level and zoom come as vector tiles, which the server has generalised in
 * advance; GeoJSON of a whole country's polygons would be simplified on the first request (the API
 * refuses it). Legend, table and tooltips come from the same styled layer without geometry.
 */
function nationalMode() {
  return !!(region && region.national && region.tile_levels);
}

const COARSENESS = { kelurahan: 0, kecamatan: 1, kota: 2, provinsi: 3 };

/** Whether the kecamatan filter applies to the level asked (a kota or provinsi holds several kecamatan). */
function kecamatanFilter() {
  return !!state.kecamatan && state.level !== 'kota' && state.level !== 'provinsi';
}

/** The level the national tiles draw at the map's zoom: as the server's TileLevels.drawn picks it. */
function nationalLevel(fit) {
  let band = nationalBand(fit) || 'kelurahan';
  if (kecamatanFilter() && COARSENESS[band] > COARSENESS.kecamatan) band = 'kecamatan';
  return COARSENESS[band] > COARSENESS[state.level] ? band : state.level;
}

/** The view as a bbox for the figures of the areas in it, rounded so that small moves ask the same. */
function viewBbox() {
  const b = view.map.getBounds().pad(0.1);
  const r = (v, up) => (up ? Math.ceil(v * 100) : Math.floor(v * 100)) / 100;
  return [r(Math.max(-180, b.getWest()), false), r(Math.max(-85, b.getSouth()), false),
    r(Math.min(180, b.getEast()), true), r(Math.min(85, b.getNorth()), true)].join(',');
}

/**
 * The figures of what the national tiles draw: the styled layer of the level drawn, without
 * geometry. Kecamatan and kelurahan (thousands nationally) only for the areas in view, unless a
 * kecamatan filter already narrows them; the legend always describes the whole level.
 */
function nationalFiguresUrl(fit) {
  const level = nationalLevel(fit);
  let url = '/api/choropleth?' + choroplethQuery(state, { level }) + '&geometry=none';
  if (COARSENESS[level] <= COARSENESS.kecamatan && !kecamatanFilter()) url += '&bbox=' + viewBbox();
  return url;
}

/**
 * The kecamatan picker of a national map: provinsi, then the kota and kecamatan lists leading to the
 * kecamatan shown (names and extents from /api/places, a few KB), loaded once.
 */
let pickerLoaded = null;
function loadKecamatanList() {
  if (!pickerLoaded) {
    pickerLoaded = picker.load(state.kecamatan).then(() => {
      applyStaticText();
      syncControls();
    }, () => {
      pickerLoaded = null; // the map still draws; the picker keeps the kecamatan of the URL
    });
  }
  return pickerLoaded;
}

/** The extent of a kecamatan from the picker's lists (national mode has no outlines drawn). */
function kecamatanBounds(code) {
  const p = picker.place(code);
  return p && p.bbox && p.bbox.length === 4 ? boundsOf(p.bbox) : null;
}

/** The level the national map draws at the current (or, for a first view, the fitted) zoom; null outside national mode. */
function nationalBand(fit) {
  if (!region || !region.national || !region.tile_levels) return null;
  let z = view.map.getZoom();
  if (fit && !state.sel && boundsOf(region.bbox)) z = view.map.getBoundsZoom(boundsOf(region.bbox));
  z = Math.floor(z);
  const band = region.tile_levels.find((b) => z >= b.minzoom && z <= b.maxzoom);
  return band ? band.level : null;
}

/** The vector-tile renderer, loaded only when a national map first needs it (a city map never does). */
let tileRenderer = null;
function loadTileRenderer() {
  if (!tileRenderer) {
    tileRenderer = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/vendor/protomaps-leaflet/protomaps-leaflet.js';
      script.onload = resolve;
      script.onerror = () => { tileRenderer = null; reject(new Error('vector tile renderer not loaded')); };
      document.head.appendChild(script);
    });
  }
  return tileRenderer;
}

/**
 * National mode: the choropleth's own query as vector tiles at every zoom, and its figures
 * (legend, table, tooltips) from the same styled layer without geometry, for the level drawn.
 */
let drawnFigures = null;
async function drawTiles({ fit, quiet } = {}) {
  if (controller) controller.abort();
  controller = new AbortController();
  const seq = ++renderSeq;
  if (!quiet) setStatus('loading');
  if (fit && state.kecamatan && !kecamatanBounds(state.kecamatan)) {
    if (outlinesLoading) await outlinesLoading;
    else await picker.locate(state.kecamatan); // e.g. back to a kecamatan of another kota
  }
  if (seq !== renderSeq) return;
  if (fit) fitView();
  const params = new URLSearchParams(choroplethQuery(state));
  params.delete('level');
  const url = '/tiles/' + state.level + '/{z}/{x}/{y}.mvt?' + params.toString().replace(/%2C/g, ',');
  const figuresUrl = nationalFiguresUrl();
  let fc;
  try {
    [fc] = await Promise.all([getCached(figuresUrl, controller.signal), loadTileRenderer()]);
  } catch (e) {
    if (e.name === 'AbortError' || seq !== renderSeq) return;
    renderError(e instanceof ApiError ? e : new ApiError(e.message, 'unreachable'), () => render({ fit: true }));
    return;
  }
  if (seq !== renderSeq) return;
  hideMessage();
  view.clearLayer();
  view.setTiles(url);
  drawnFigures = figuresUrl;
  drawnZoom = null;
  lastFc = fc;
  $('map').dataset.layer = 'tiles:' + params.toString();
  drawViews();
  setNotice('layer', layerNotice(fc));
  setNotice('national', fc.features.length > 0 && figuresUrl.includes('&bbox=') ? t('nationalInView', { level: t('level_' + fc.level).split(' ')[0].toLowerCase() }) : null);
  if (state.sel) panel.show(state.sel, state);
  else panel.hide();
  writeUrl(false);
  $('outreach-link').href = '/kegiatan.html' + (state.kecamatan ? '?kecamatan=' + state.kecamatan : '');
  await activities.load(state.kecamatan);
  if (seq !== renderSeq) return;
  activities.markTable($('table'));
  setStatus('ready');
}

/** Fetches the layer for the state and draws map, legend, table and panel from it (quiet: a refinement, no loading state). */
async function render({ fit, quiet } = {}) {
  if (nationalMode()) {
    if (quiet) return undefined; // tiles carry their own detail: nothing to refine
    if (state.mode === 'hotspot') { // e.g. an old link or the back button: hot spots are off nationally
      state.mode = 'choropleth';
      setNotice('hotspot', t('hotspotNational'));
      syncControls();
    }
    return drawTiles({ fit });
  }
  if (quiet) return drawLayer({ quiet });
  fullRenders++;
  try {
    await drawLayer({ fit });
  } finally {
    fullRenders--;
  }
  scheduleRefine(); // the user may have zoomed in while it loaded
}

async function drawLayer({ fit, quiet }) {
  const seq = ++renderSeq;
  if (controller) controller.abort();
  controller = new AbortController();
  const hotspot = state.mode === 'hotspot';
  const zoom = neededZoom(fit);
  view.clearTiles();
  setNotice('national', null);
  const query = hotspot ? 'hotspots:' + hotspotQuery(state) : choroplethQuery(state);
  if (!quiet) setStatus('loading');
  let fc;
  try {
    if (hotspot) {
      // The figures (table, tooltips, CSV) come from the choropleth of the same month and metric.
      const [hs, figures] = await Promise.all([
        getCached('/api/hotspots?' + hotspotQuery(state), controller.signal),
        getCached('/api/choropleth?' + choroplethQuery(state), controller.signal),
      ]);
      fc = mergeHotspots(hs, figures, state.kecamatan);
    } else {
      fc = await getCached('/api/choropleth?' + query + '&zoom=' + zoom, controller.signal);
    }
  } catch (e) {
    if (e.name === 'AbortError' || seq !== renderSeq) return;
    if (quiet) return; // the coarser layer stays; the next zoom tries again
    renderError(e, () => render({ fit: true }));
    return;
  }
  // The first render fetched its layer while the kecamatan outlines were still on their way.
  if (outlinesLoading) {
    await outlinesLoading;
    await nextTask();
  }
  if (seq !== renderSeq) return;
  lastFc = fc;
  drawnZoom = zoom;
  if (quiet) { // the same figures in finer geometry: only the map changes
    view.setLayer(fc);
    view.select(state.sel);
    return;
  }
  hideMessage();
  if (state.sel && !fc.features.some((f) => f.id === state.sel)) state.sel = null;
  // Fitted before the layer is added (when no selection decides the view): Leaflet then places
  // the polygons once, not once at the old view and again at the new one.
  const fitFirst = fit && !state.sel;
  if (fitFirst) fitView();
  view.setLayer(fc, { labels: false });
  view.select(state.sel);
  await nextTask();
  if (seq !== renderSeq) return;
  if (view.labelsFor === null) view.buildLabels(fc);
  await nextTask();
  if (seq !== renderSeq) return;
  $('map').dataset.layer = query;
  drawViews();
  if (state.sel) panel.show(state.sel, state);
  else panel.hide();
  setNotice('layer', layerNotice(fc));
  if (fit && !fitFirst) fitView();
  writeUrl(false);
  $('outreach-link').href = '/kegiatan.html' + (state.kecamatan ? '?kecamatan=' + state.kecamatan : '');
  await nextTask();
  if (seq !== renderSeq) return;
  await Promise.all([activities.load(state.kecamatan), activities.showReach(state.period, state.kecamatan, fc)]);
  if (seq !== renderSeq) return;
  activities.markTable($('table'));
  setStatus('ready');
}

/** Legend and table from the layer in hand (no fetch): for sorting and the language toggle too. */
function drawViews() {
  if (!lastFc) return;
  renderLegend($('legend'), lastFc, state, legendOf(lastFc));
  lastRows = rankedRows(lastFc, state.sort);
  // National tiles may draw a coarser level than the one chosen: the table names what is drawn.
  renderTable($('table'), lastRows, lastFc.level ? { ...state, level: lastFc.level } : state, lastFc);
  markSelected($('table'), state.sel, false);
  activities.markTable($('table'));
}

function select(code, { zoom, scroll, push }) {
  state.sel = code;
  view.select(code);
  markSelected($('table'), code, !!scroll);
  if (code) {
    panel.show(code, state);
    if (zoom) view.zoomTo(code);
    else view.reveal(code);
  } else {
    panel.hide();
  }
  writeUrl(push);
}

// ---------------------------------------------------------------- animation with fixed breaks

async function startPlay() {
  setNotice('play', null);
  // Hot-spot classes mean the same every month; only the choropleth needs fixed breaks.
  if (state.mode !== 'hotspot' && state.method !== 'manual') {
    let inner = innerBreaks(lastFc && lastFc.legend);
    if (!inner) {
      try {
        inner = innerBreaks((await getCached('/api/choropleth?' + choroplethQuery(state, { period: periods[0] }))).legend);
      } catch (e) {
        inner = null;
      }
    }
    if (!inner) {
      setNotice('play', t('noBreaks'));
      return;
    }
    // Every frame is classified with the starting month's breaks: colours mean the same each month.
    state.method = 'manual';
    state.breaks = inner;
  }
  pendingManual = false;
  playing = true;
  const asc = periodsAsc();
  if (state.period === asc[asc.length - 1]) state.period = asc[0];
  playStep();
}

async function playStep() {
  if (!playing) return;
  syncControls();
  await render();
  if (!playing) return;
  playTimer = setTimeout(() => {
    const asc = periodsAsc();
    const i = asc.indexOf(state.period);
    if (i < 0 || i >= asc.length - 1) {
      stopPlay();
      return;
    }
    state.period = asc[i + 1];
    playStep();
  }, FRAME_MS);
}

function stopPlay() {
  if (!playing) return;
  playing = false;
  clearTimeout(playTimer);
  syncControls();
}

// ---------------------------------------------------------------- exports

function fileStem() {
  return ['cakupan', state.level, state.sector, state.metric, state.period, state.kecamatan].filter(Boolean).join('-');
}

function pngView() {
  const lg = legendOf(lastFc);
  const title = lg.title + ' — ' + lg.subtitle;
  const kec = state.kecamatan ? picker.name(state.kecamatan) : null;
  const subtitle = [placeName(), kec ? t('kecamatan') + ' ' + kec : null, t('level_' + state.level)]
    .filter(Boolean).join(' · ');
  return {
    map: view.map,
    fc: lastFc,
    outlineFc,
    selected: state.sel,
    labelPoints: view.labelPoints,
    labelCodes: view.shownLabels(),
    fillOpacity: view.fillOpacity,
    legend: { ...lg, unitLine: t('unit') + ': ' + lg.unit, method: lg.classes.length ? lg.method : null },
    title,
    subtitle,
    footer: t('made', { date: formatDate(new Date()) }) + ' · ' + window.location.href,
  };
}

function exportPng() {
  if (!lastFc) return;
  if (view.hasTiles()) { // the polygons are on tiles, not in the layer: the PNG would be empty
    setNotice('export', t('pngNational'));
    return;
  }
  try {
    drawMapCanvas(pngView()).toBlob((blob) => {
      if (blob) download(fileStem() + '.png', blob);
      else setNotice('export', t('pngFailed'));
    }, 'image/png');
  } catch (e) {
    setNotice('export', t('pngFailed'));
  }
}

// ---------------------------------------------------------------- events

function onControl(id, handler) {
  $(id).addEventListener('change', (e) => {
    stopPlay();
    handler(e.target.value);
    syncControls();
    writeUrl(true);
  });
}

onControl('mode', (v) => {
  if (v === 'hotspot') enterHotspotMode(state);
  else state.mode = 'choropleth';
  render();
});
onControl('level', (v) => {
  if (v !== state.level) state.sel = null;
  state.level = v;
  render();
});
onControl('sector', (v) => { state.sector = v; render(); });
onControl('metric', (v) => {
  if (v !== state.metric && state.method === 'manual') { state.method = 'quantile'; state.breaks = null; }
  state.metric = v;
  render();
});
onControl('method', (v) => {
  if (v === 'manual') {
    const inner = state.breaks || innerBreaks(lastFc && lastFc.legend);
    if (inner) {
      state.method = 'manual';
      state.breaks = inner;
      pendingManual = false;
      render();
    } else {
      pendingManual = true;
      setTimeout(() => $('breaks').focus(), 0);
    }
    return;
  }
  pendingManual = false;
  state.method = v;
  state.breaks = null;
  render();
});
onControl('classes', (v) => { state.classes = Number(v); render(); });
onControl('breaks', (v) => {
  const breaks = parseBreaks(v);
  $('breaks').setAttribute('aria-invalid', String(!breaks));
  $('breaks-hint').textContent = breaks ? t('breaksHint') : t('breaksInvalid');
  if (!breaks) return;
  $('breaks-hint').textContent = t('breaksHint');
  state.method = 'manual';
  state.breaks = breaks;
  pendingManual = false;
  render();
});
onControl('kecamatan', (v) => {
  state.kecamatan = v || null;
  if (state.sel && state.kecamatan && !state.sel.startsWith(state.kecamatan)) state.sel = null;
  render({ fit: true });
});
$('controls').addEventListener('submit', (e) => e.preventDefault());
$('sort').addEventListener('change', (e) => {
  state.sort = e.target.value;
  drawViews();
  writeUrl(true);
});

let sliderTimer = null;
$('month').addEventListener('input', (e) => {
  stopPlay();
  const asc = periodsAsc();
  state.period = asc[Number(e.target.value)] || state.period;
  $('month-label').textContent = formatPeriod(state.period);
  clearTimeout(sliderTimer);
  sliderTimer = setTimeout(() => {
    syncControls();
    writeUrl(false);
    render();
  }, 60);
});
$('month').addEventListener('change', () => writeUrl(false));
$('play').addEventListener('click', () => (playing ? stopPlay() : startPlay()));

$('lang').addEventListener('click', () => {
  state.lang = lang() === 'id' ? 'en' : 'id';
  setLang(state.lang);
  applyStaticText();
  syncControls();
  drawViews();
  if (lastFc) setNotice('layer', layerNotice(lastFc));
  if (notices.has('basemap')) setNotice('basemap', t('basemapFailed'));
  panel.update(state);
  activities.relabel();
  writeUrl(true);
});

$('copy-link').addEventListener('click', async () => {
  const url = window.location.href;
  try {
    await navigator.clipboard.writeText(url);
  } catch (e) {
    const input = document.createElement('input');
    input.value = url;
    document.body.appendChild(input);
    input.select();
    document.execCommand('copy');
    input.remove();
  }
  setNotice('copy', t('linkCopied'));
  setTimeout(() => setNotice('copy', null), 2500);
});

$('toggle-controls').addEventListener('click', () => {
  const open = !$('controls').classList.contains('open');
  $('controls').classList.toggle('open', open);
  $('toggle-controls').setAttribute('aria-expanded', String(open));
});

$('table').addEventListener('click', (e) => {
  const row = e.target.closest('tr[data-code]');
  if (!row) return;
  stopPlay();
  select(row.dataset.code, { zoom: true, scroll: false, push: true });
  if (NARROW.matches) $('map-area').scrollIntoView({ block: 'start' });
});
$('table').addEventListener('mouseover', (e) => {
  const row = e.target.closest('tr[data-code]');
  view.highlight(row ? row.dataset.code : null);
});
$('table').addEventListener('mouseleave', () => view.highlight(null));

$('export-csv').addEventListener('click', () => {
  if (lastFc) downloadText(fileStem() + '.csv', toCsv(lastRows, lastFc.legend), 'text/csv;charset=utf-8');
});
$('export-geojson').addEventListener('click', () => {
  if (lastFc) downloadText(fileStem() + '.geojson', JSON.stringify(lastFc), 'application/geo+json');
});
$('export-png').addEventListener('click', exportPng);
/** On paper the map is the same drawing as the PNG export: the view on screen, with title and legend. */
function preparePrint() {
  if (!lastFc || view.hasTiles()) {
    $('print-map').replaceChildren();
    return;
  }
  try {
    $('print-map').replaceChildren(drawMapCanvas(pngView()));
  } catch (e) {
    $('print-map').replaceChildren();
  }
}
$('print').addEventListener('click', () => {
  preparePrint();
  window.print();
});
window.addEventListener('beforeprint', preparePrint);

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.sel) select(null, { push: true });
});

window.addEventListener('popstate', () => {
  stopPlay();
  state = parseState(window.location.search);
  if (!state.period && periods.length > 0) state.period = periods[0];
  setLang(state.lang);
  applyStaticText();
  syncControls();
  render({ fit: true });
});

// ---------------------------------------------------------------- start

async function init() {
  await nextTask(); // the map was set up in this task; the text and controls in the next
  applyStaticText();
  syncControls();
  setStatus('loading');
  hideMessage();
  let config;
  try {
    const [p, c] = await Promise.all([getJson('/api/periods'), getJson('/api/config')]);
    periods = p.periods || [];
    config = c;
    region = c.region || null;
    if (nationalMode()) {
      view.map.setMinZoom(region.tile_levels[0].minzoom + 3);
      if (state.mode === 'hotspot') {
        state.mode = 'choropleth';
        setNotice('hotspot', t('hotspotNational'));
      }
    }
  } catch (e) {
    renderError(e instanceof ApiError ? e : new ApiError(e.message, 'unreachable'), init);
    return;
  }
  if (config.basemap_url && !init.basemap) {
    init.basemap = true;
    view.setBasemap(config.basemap_url, () => setNotice('basemap', t('basemapFailed')));
  }
  if (periods.length === 0) {
    showMessage([t('noPeriods')], [[t('retry'), init]]);
    setStatus('error');
    return;
  }
  if (!state.period) state.period = periods[0];
  if (!levels().includes(state.level)) state.level = 'kelurahan';
  // Everything the first view needs is asked for at once: the outlines (nationally the picker's
  // few lists instead), the layer, the activities and the belum tersentuh flags (one round trip on
  // a slow link, not four).
  outlinesLoading = loadOutlines().then(nextTask).then(() => {
    applyStaticText();
    syncControls();
  });
  activities.prefetch(state.kecamatan, state.period);
  writeUrl(false);
  try {
    await render({ fit: true });
  } finally {
    await outlinesLoading;
    outlinesLoading = null;
  }
}

/** A small hook for tests and the curious: what is drawn, and where. */
window.cakupan = {
  state: () => JSON.parse(JSON.stringify(state)),
  layer: () => lastFc,
  fills: () => view.fills(),
  legend: () => (lastFc ? lastFc.legend : null),
  pointOf: (code) => view.clientPointOf(code),
  labelsVisible: () => view.labelsVisible(),
  zoom: () => view.map.getZoom(),
  setZoom: (z) => view.map.setZoom(z, { animate: false }),
  setView: (lon, lat, z) => view.map.setView([lat, lon], z, { animate: false }),
  drawnLevel: () => (view.hasTiles() ? 'tiles' : lastFc ? lastFc.level : null),
  tileLevel: () => (view.hasTiles() && lastFc ? lastFc.level : null),
  detailZoom: () => (lastFc ? lastFc.zoom : null),
  center: () => { const c = view.map.getCenter(); return [c.lng, c.lat]; },
  pngDataUrl: () => drawMapCanvas(pngView()).toDataURL('image/png'),
  png: () => {
    const c = drawMapCanvas(pngView());
    return { dataUrl: c.toDataURL('image/png'), legend: c.dataset.legend, scale: c.dataset.scale };
  },
  csv: () => toCsv(lastRows, lastFc && lastFc.legend),
  activities: () => activities.shown().map((f) => f.properties.id),
  reach: () => [...activities.reachCodes],
};

init();
