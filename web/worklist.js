// The camat's worklist: the kelurahan of one kecamatan ordered for action, with targets and
// progress (SPEC §6), editable with a token, printable on one A4 page. The view lives in the URL
// (?kecamatan=31.72.03&sector=BPU&period=2026-10&sort=uncovered); the token lives in sessionStorage only.
import { getCached, getJson, sendJson } from './js/api.js';
import { errorDetail, errorMessage } from './js/errors.js';
import {
  escapeHtml, formatDate, formatPeriod, formatValue, lang, sectorName, setLang, t,
} from './js/i18n.js';
import { defaultTargetPeriod, worklistGroups, changeOver } from './js/progress.js';
import { SECTORS } from './js/state.js';
import { activitySummary, decorateRows } from './js/kelurahan-activities.js';
import { KecamatanPicker } from './js/place-picker.js';

const $ = (id) => document.getElementById(id);
const TOKEN_KEY = 'cakupan.token';
const SORTS = ['uncovered', 'coverage_rate', 'gap'];
const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

const state = parseState(window.location.search);
let periods = [];
// One select for a city's kecamatan; provinsi → kabupaten/kota → kecamatan (or a search) nationally.
const picker = new KecamatanPicker($('kecamatan'), { blank: () => '—' });
let health = null;
let rows = [];
let series = new Map(); // code → /api/kelurahan series of the sector
let layer = null; // kelurahan of the kecamatan as /api/choropleth gives them (map fills)
let outreach = new Map(); // code → activities of the last six months and the belum tersentuh flag
let renderSeq = 0;
let me = null; // who the signed-in token stands for (GET /api/whoami), or null

setLang(state.lang);

function parseState(search) {
  const q = new URLSearchParams(search);
  const sector = (q.get('sector') || '').toUpperCase();
  return {
    kecamatan: KECAMATAN.test(q.get('kecamatan') || '') ? q.get('kecamatan') : null,
    sector: SECTORS.includes(sector) ? sector : 'BPU',
    period: PERIOD.test(q.get('period') || '') ? q.get('period') : null,
    sort: SORTS.includes(q.get('sort')) ? q.get('sort') : 'uncovered',
    lang: q.get('lang') === 'en' ? 'en' : 'id',
  };
}

function toSearch() {
  const q = new URLSearchParams();
  if (state.kecamatan) q.set('kecamatan', state.kecamatan);
  q.set('view', 'worklist');
  q.set('sector', state.sector);
  if (state.period) q.set('period', state.period);
  if (state.sort !== 'uncovered') q.set('sort', state.sort);
  if (state.lang !== 'id') q.set('lang', state.lang);
  return '?' + q.toString();
}

function token() {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

/**
 * Asks who the stored token stands for. A camat's own kecamatan becomes the view when the URL names
 * none; a refused token (401) is forgotten at once, and the page says so. Any other failure keeps the
 * token: a write will then say what is wrong. True when the kecamatan shown changed.
 */
async function identify() {
  me = null;
  const tok = token();
  if (!tok) return false;
  try {
    me = await sendJson('GET', '/api/whoami', undefined, tok);
  } catch (e) {
    if (e.status === 401) {
      window.sessionStorage.removeItem(TOKEN_KEY);
      showMessage(errorMessage(e, state), errorDetail(e));
    }
    return false;
  }
  if (me.role === 'camat' && KECAMATAN.test(me.kecamatan || '') && !state.kecamatan) {
    state.kecamatan = me.kecamatan;
    return true;
  }
  return false;
}

// ---------------------------------------------------------------- text and controls

function options(select, items, value) {
  select.innerHTML = items.map(([v, label]) => '<option value="' + escapeHtml(v) + '">' + escapeHtml(label) + '</option>').join('');
  if (value !== undefined && value !== null) select.value = value;
}

function applyText() {
  document.documentElement.lang = lang();
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
  for (const e of document.querySelectorAll('[data-i18n-aria]')) e.setAttribute('aria-label', t(e.dataset.i18nAria));
  document.title = t('wlTitle') + ' — ' + t('title');
  picker.relabel();
  picker.setValue(state.kecamatan);
  options($('sector'), SECTORS.map((s) => [s, sectorName(s)]), state.sector);
  options($('period'), periods.map((p) => [p, formatPeriod(p)]), state.period);
  options($('sort'), SORTS.map((s) => [s, t('wlSort_' + s)]), state.sort);
  const signedIn = Boolean(token());
  $('login').hidden = signedIn;
  $('logout').hidden = !signedIn;
  $('who').hidden = !signedIn;
  if (signedIn && me) {
    $('who').textContent = t('wlLoggedInAs', { name: me.name });
    $('who').title = t('wlLoggedIn');
  }
  $('to-map').href = '/?level=kelurahan&sector=' + state.sector + '&metric=uncovered' +
    (state.kecamatan ? '&kecamatan=' + state.kecamatan : '') + (state.lang !== 'id' ? '&lang=' + state.lang : '');
}

function showMessage(text, detail) {
  const box = $('message');
  box.replaceChildren(document.createTextNode(text));
  if (detail) {
    const d = document.createElement('details');
    d.className = 'message-details';
    const s = document.createElement('summary');
    s.textContent = t('errDetails');
    d.append(s, document.createTextNode(detail));
    box.append(d);
  }
  box.hidden = false;
}

function clearMessage() {
  $('message').hidden = true;
  $('message').replaceChildren();
}

function showNotice(text) {
  $('notice').textContent = text;
  $('notice').hidden = !text;
}

function kecamatanName(code) {
  return picker.name(code) || code;
}

function provenanceText() {
  if (!health) return '';
  const data = health.synthetic ? t('wlSourceSynthetic') : t('wlSourceImported');
  const file = String(health.boundaries || '').split(/[\\/]/).pop();
  const borders = health.schematic ? t('wlSourceSchematic') : t('wlSourceBoundaries', { file });
  return t('wlSource', { source: data + '; ' + borders + '.' });
}

function progressQuery(format) {
  const q = new URLSearchParams();
  q.set('kecamatan', state.kecamatan);
  q.set('sector', state.sector);
  if (state.period) q.set('period', state.period);
  if (format) q.set('format', format);
  return q.toString();
}

function exportLinks() {
  const ready = Boolean(state.kecamatan);
  for (const id of ['export-csv', 'export-xlsx']) $(id).classList.toggle('disabled', !ready);
  if (!ready) {
    $('export-csv').removeAttribute('href');
    $('export-xlsx').removeAttribute('href');
    return;
  }
  $('export-csv').href = '/api/progress?' + progressQuery('csv');
  $('export-xlsx').href = '/api/progress?' + progressQuery('xlsx');
}

// ---------------------------------------------------------------- the table

function num(v) {
  return v === null || v === undefined ? '' : formatValue('participants', v);
}

function signed(v) {
  return v === null || v === undefined ? '' : formatValue('change', v);
}

function statusCell(r) {
  if (r.target === null || r.target === undefined) return '<span class="muted">' + escapeHtml(t('wlNoTarget')) + '</span>';
  const progress = typeof r.progress === 'number' ? r.progress : null;
  const label = r.status ? t('wlStatus_' + r.status) : t('wlUnknown');
  let html = '<span class="status status-' + escapeHtml(String(r.status || 'unknown').replace(/\s+/g, '-')) + '">' + escapeHtml(label) + '</span>';
  if (progress !== null) {
    const percent = formatValue('coverage_rate', progress);
    html += '<progress max="1" value="' + Math.max(0, Math.min(1, progress)) + '" aria-label="' +
      escapeHtml(t('wlProgressLabel', { percent })) + '"></progress><span class="pct">' + escapeHtml(percent) + '</span>';
  }
  return html;
}

function hotspotCell(r) {
  if (r.hotspot === true) return '<span class="hot-flag">' + escapeHtml(t('wlHot')) + '</span>';
  if (r.hotspot === false) return '<span class="muted">' + escapeHtml(t('wlNotHot')) + '</span>';
  return '<span class="muted">' + escapeHtml(t('wlUnknown')) + '</span>';
}

function editable(r, field, value, type, extra) {
  const shown = value === null || value === undefined ? '' : value;
  // On paper the target month is the "pada …" line under the target: no default month for rows without one.
  const text = field === 'target' ? num(value) : field === 'target_period' ? '' : shown;
  if (!token()) return escapeHtml(text);
  const label = t({ target: 'wlColTarget', target_period: 'wlColTargetPeriod', assignee: 'wlColAssignee', note: 'wlColNote' }[field]) +
    ' — ' + r.name;
  return '<span class="print-value">' + escapeHtml(text) + '</span><input class="edit" data-field="' + field + '" type="' + type +
    '" value="' + escapeHtml(String(shown)) + '" aria-label="' + escapeHtml(label) + '"' + (extra || '') + '>';
}

function header(check) {
  const th = (key, title, cls) => '<th scope="col"' + (cls ? ' class="' + cls + '"' : '') + '>' +
    (title ? '<abbr title="' + escapeHtml(t(title)) + '">' + escapeHtml(t(key)) + '</abbr>' : escapeHtml(t(key))) + '</th>';
  let h = '<thead><tr>';
  h += check ? '' : th('colRank', null, 'num');
  h += th('wlColName') + th('wlColParticipants', null, 'num') + th('wlColWorkforce', null, 'num') + th('wlColUncovered', null, 'num');
  h += th('wlColChange3', 'wlColChange3Title', 'num') + th('wlColChange12', 'wlColChange12Title', 'num');
  h += th('wlColTarget', null, 'num') + th('wlColGap', 'wlColGapTitle', 'num') + th('wlColPaceNeeded', 'wlColPaceNeededTitle', 'num');
  h += th('wlColStatus') + th('wlColHotspot', 'wlColHotspotTitle') + th('wlColAssignee') + th('wlColNote');
  if (token()) h += '<th scope="col" class="no-print"><span class="visually-hidden">' + escapeHtml(t('wlSave')) + '</span></th>';
  return h + '</tr></thead>';
}

function rowHtml(r, check) {
  const s = series.get(r.code);
  const c3 = changeOver(s, r.period || state.period, 3);
  const c12 = changeOver(s, r.period || state.period, 12);
  let h = '<tr data-code="' + escapeHtml(r.code) + '"' + (r.hotspot === true ? ' class="hot"' : '') + '>';
  if (!check) h += '<td class="num">' + r.rank + '</td>';
  h += '<th scope="row">' + escapeHtml(r.name) + (check ? ' <span class="incomplete">' + escapeHtml(t('wlIncomplete')) + '</span>' : '') + '</th>';
  h += '<td class="num" data-field="participants">' + escapeHtml(num(r.participants)) + '</td>';
  h += '<td class="num" data-field="workforce">' + escapeHtml(r.workforce === null || r.workforce === undefined ? t('wlUnknown') : num(r.workforce)) + '</td>';
  h += '<td class="num" data-field="uncovered">' + escapeHtml(num(r.uncovered)) + '</td>';
  h += '<td class="num" data-field="change3">' + escapeHtml(signed(c3)) + '</td>';
  h += '<td class="num" data-field="change12">' + escapeHtml(signed(c12)) + '</td>';
  const targetPeriod = r.target_period || defaultTargetPeriod(r.period || state.period);
  h += '<td class="num target" data-field="target">' + editable(r, 'target', r.target, 'number', ' min="0" step="1" inputmode="numeric"');
  h += '<span class="by">' + (r.target_period ? escapeHtml(t('wlByPeriod', { period: formatPeriod(r.target_period) })) : '') + '</span>';
  if (token()) h += editable(r, 'target_period', targetPeriod, 'month', ' min="' + escapeHtml(r.period || state.period || '') + '"');
  h += '</td>';
  h += '<td class="num" data-field="gap">' + escapeHtml(num(r.gap)) + '</td>';
  h += '<td class="num" data-field="pace_needed">' + escapeHtml(num(r.pace_needed)) + '</td>';
  h += '<td data-field="status">' + statusCell(r) + '</td>';
  h += '<td data-field="hotspot">' + hotspotCell(r) + '</td>';
  h += '<td data-field="assignee">' + editable(r, 'assignee', r.assignee, 'text', ' maxlength="200"') + '</td>';
  h += '<td data-field="note" class="note">' + editable(r, 'note', r.note, 'text', ' maxlength="2000"') + '</td>';
  if (token()) {
    h += '<td class="no-print"><button type="button" class="save" data-code="' + escapeHtml(r.code) + '" title="' +
      escapeHtml(t('wlSaveTitle', { name: r.name })) + '">' + escapeHtml(t('wlSave')) + '</button></td>';
  }
  return h + '</tr>';
}

function renderTables() {
  const { ranked, check } = worklistGroups(rows, state.sort);
  const caption = t('wlCaption', { sort: t('wlSort_' + state.sort).toLowerCase(), sector: sectorName(state.sector), period: formatPeriod(state.period) });
  // rank … note, the save button with a token, then the three outreach columns decorateRows adds
  const cols = 14 + (token() ? 1 : 0) + 3;
  let html = '<caption>' + escapeHtml(caption) + '</caption>' + header(false) + '<tbody>';
  if (ranked.length === 0) html += '<tr><td colspan="' + cols + '">' + escapeHtml(t('wlEmpty')) + '</td></tr>';
  for (const r of ranked) html += rowHtml(r, false);
  $('worklist').innerHTML = html + '</tbody>';
  $('checklist').innerHTML = check.length ? header(true) + '<tbody>' + check.map((r) => rowHtml(r, true)).join('') + '</tbody>' : '';
  $('check').classList.toggle('empty', check.length === 0);
  $('check').querySelector('.check-note').textContent = check.length ? t('wlCheckNote') : t('wlCheckEmpty');
  if (state.kecamatan) {
    const plan = { kecamatanName: kecamatanName(state.kecamatan), onSaved: () => render() };
    decorateRows($('worklist'), outreach, plan);
    if (check.length) decorateRows($('checklist'), outreach, plan);
  }
  drawMap(ranked);
}

// ---------------------------------------------------------------- the small map

function rings(geometry) {
  if (!geometry) return [];
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
}

/** The area-weighted centroid of a feature's largest exterior ring: where its number goes. */
function labelPoint(geometry, project) {
  let best = null;
  let bestArea = 0;
  for (const poly of rings(geometry)) {
    const ring = poly[0].map(([lon, lat]) => project(lon, lat));
    let a = 0; let cx = 0; let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
      a += f; cx += (ring[j][0] + ring[i][0]) * f; cy += (ring[j][1] + ring[i][1]) * f;
    }
    if (Math.abs(a) > bestArea) { bestArea = Math.abs(a); best = [cx / (3 * a), cy / (3 * a)]; }
  }
  return best;
}

function drawMap(ranked) {
  const svg = $('minimap');
  const features = layer ? layer.features : [];
  if (!features.length) { svg.replaceChildren(); return; }
  let minX = Infinity; let minY = Infinity; let maxX = -Infinity; let maxY = -Infinity;
  let latSum = 0; let n = 0;
  for (const f of features) for (const poly of rings(f.geometry)) for (const [, lat] of poly[0]) { latSum += lat; n++; }
  const k = Math.cos((latSum / n) * Math.PI / 180);
  const project = (lon, lat) => [lon * k * 10000, -lat * 10000];
  for (const f of features) {
    for (const poly of rings(f.geometry)) {
      for (const [lon, lat] of poly[0]) {
        const [x, y] = project(lon, lat);
        minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  const pad = Math.max(maxX - minX, maxY - minY) * 0.03;
  svg.setAttribute('viewBox', [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad].map((v) => v.toFixed(1)).join(' '));
  svg.setAttribute('aria-label', t('wlMapLabel', { name: kecamatanName(state.kecamatan) }));
  const rank = new Map(ranked.map((r) => [r.code, r]));
  const hot = new Set(rows.filter((r) => r.hotspot === true).map((r) => r.code));
  const stroke = (maxX - minX) / 300;
  const ns = 'http://www.w3.org/2000/svg';
  const parts = [];
  const labels = [];
  for (const f of features) {
    let d = '';
    for (const poly of rings(f.geometry)) {
      for (const ring of poly) {
        d += ring.map(([lon, lat], i) => { const [x, y] = project(lon, lat); return (i ? 'L' : 'M') + x.toFixed(1) + ' ' + y.toFixed(1); }).join('') + 'Z';
      }
    }
    const p = document.createElementNS(ns, 'path');
    p.setAttribute('d', d);
    p.setAttribute('fill', f.properties.fill || '#dddddd');
    p.setAttribute('fill-rule', 'evenodd');
    p.setAttribute('stroke', hot.has(f.id) ? '#c00000' : '#333333');
    p.setAttribute('stroke-width', String(stroke * (hot.has(f.id) ? 3 : 1)));
    p.setAttribute('data-code', f.id);
    parts.push(p);
    const at = labelPoint(f.geometry, project);
    const r = rank.get(f.id);
    if (at) {
      const text = document.createElementNS(ns, 'text');
      text.setAttribute('x', at[0].toFixed(1));
      text.setAttribute('y', at[1].toFixed(1));
      text.setAttribute('font-size', (Math.max(maxX - minX, maxY - minY) / 9).toFixed(1));
      text.setAttribute('text-anchor', 'middle');
      text.setAttribute('dominant-baseline', 'middle');
      text.setAttribute('class', 'map-label');
      text.textContent = r ? String(r.rank) : '?';
      labels.push(text);
    }
  }
  svg.replaceChildren(...parts, ...labels);
}

// ---------------------------------------------------------------- loading

async function loadRows() {
  return (await getJson('/api/progress?' + progressQuery())).rows;
}

async function render() {
  const seq = ++renderSeq;
  applyText();
  exportLinks();
  window.history.replaceState(null, '', toSearch());
  // A kecamatan of another kota than the lists in hand (a camat's own, after sign-in): its name first.
  if (state.kecamatan && !picker.name(state.kecamatan)) await picker.locate(state.kecamatan);
  if (seq !== renderSeq) return;
  $('heading').textContent = state.kecamatan ? t('wlHeading', { name: kecamatanName(state.kecamatan) }) : t('wlChooseKecamatan');
  $('month-of').textContent = state.period ? t('wlMonthOf', { period: formatPeriod(state.period) }) : '';
  $('provenance').textContent = provenanceText();
  $('printed').textContent = t('wlPrinted', { date: formatDate(new Date()) });
  $('map-legend').textContent = state.kecamatan ? t('wlLegendMap', { sector: sectorName(state.sector) }) : '';
  if (!state.kecamatan) {
    rows = []; layer = null; outreach = new Map();
    renderTables();
    document.body.dataset.status = 'ready';
    return;
  }
  document.body.dataset.status = 'loading';
  try {
    const [loaded, fc] = await Promise.all([
      loadRows(),
      getCached('/api/choropleth?level=kelurahan&metric=uncovered&sector=' + state.sector + '&kecamatan=' + state.kecamatan +
        (state.period ? '&period=' + state.period : '')),
    ]);
    const details = await Promise.all(loaded.map((r) => getCached('/api/kelurahan/' + encodeURIComponent(r.code)).catch(() => null)));
    // The worklist stands without the outreach columns' data: they then show "–" for every row.
    const summary = await activitySummary(state.kecamatan, state.period || fc.period).catch(() => new Map());
    if (seq !== renderSeq) return;
    rows = loaded;
    layer = fc;
    outreach = summary;
    if (!state.period && fc.period) {
      state.period = fc.period;
      applyText();
      exportLinks();
      window.history.replaceState(null, '', toSearch());
      $('month-of').textContent = t('wlMonthOf', { period: formatPeriod(state.period) });
    }
    series = new Map();
    details.forEach((d, i) => { if (d) series.set(loaded[i].code, d.properties.series[state.sector]); });
    clearMessage();
    renderTables();
    document.body.dataset.status = 'ready';
  } catch (e) {
    if (seq !== renderSeq) return;
    rows = []; layer = null; outreach = new Map();
    renderTables();
    showMessage(errorMessage(e, state), errorDetail(e));
    document.body.dataset.status = 'error';
  }
}

// ---------------------------------------------------------------- editing

function rowInputs(code) {
  const tr = document.querySelector('tr[data-code="' + CSS.escape(code) + '"]');
  const get = (field) => tr.querySelector('input[data-field="' + field + '"]');
  return { tr, target: get('target'), targetPeriod: get('target_period'), assignee: get('assignee'), note: get('note') };
}

async function save(code) {
  const r = rows.find((x) => x.code === code);
  if (!r) return;
  const inputs = rowInputs(code);
  const raw = inputs.target.value.trim();
  const period = inputs.targetPeriod.value;
  if (!/^[1-9]\d*$/.test(raw) || !PERIOD.test(period)) {
    showMessage(t('wlNeedTarget', { name: r.name }));
    inputs.target.focus();
    return;
  }
  const body = { target: Number(raw) };
  if (r.baseline_period && r.target_period === period) body.baseline_period = r.baseline_period;
  const assignee = inputs.assignee.value.trim();
  const note = inputs.note.value.trim();
  if (assignee) body.assignee = assignee;
  if (note) body.note = note;
  showNotice(t('wlSaving'));
  const button = inputs.tr.querySelector('button.save');
  button.disabled = true;
  try {
    await sendJson('PUT', '/api/targets/' + encodeURIComponent(code) + '/' + state.sector + '/' + period, body, token());
    clearMessage();
    await render();
    showNotice(t('wlSaved', { name: r.name }));
  } catch (e) {
    showNotice('');
    showMessage(t('wlSaveFailed', { name: r.name, message: errorMessage(e, state) }), errorDetail(e));
    button.disabled = false;
  }
}

$('worklist').addEventListener('click', (e) => {
  const b = e.target.closest('button.save');
  if (b) save(b.dataset.code);
});
for (const id of ['worklist', 'checklist']) {
  $(id).addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && e.target.matches('input.edit')) {
      e.preventDefault();
      const tr = e.target.closest('tr[data-code]');
      if (tr) save(tr.dataset.code);
    }
  });
}
$('checklist').addEventListener('click', (e) => {
  const b = e.target.closest('button.save');
  if (b) save(b.dataset.code);
});

// ---------------------------------------------------------------- sign-in, controls, print

$('login').addEventListener('click', () => {
  $('token-input').value = '';
  $('login-dialog').showModal();
  $('token-input').focus();
});
$('login-cancel').addEventListener('click', () => $('login-dialog').close());
$('login-form').addEventListener('submit', async () => {
  const value = $('token-input').value.trim();
  $('token-input').value = '';
  if (value) window.sessionStorage.setItem(TOKEN_KEY, value);
  clearMessage(); // an earlier refusal no longer applies
  // Without ?kecamatan= a camat lands on its own kecamatan.
  if (await identify()) {
    await render();
    return;
  }
  renderTables();
  applyText();
});
$('logout').addEventListener('click', () => {
  window.sessionStorage.removeItem(TOKEN_KEY);
  me = null;
  clearMessage();
  showNotice('');
  applyText();
  renderTables();
});
$('lang').addEventListener('click', () => {
  state.lang = state.lang === 'id' ? 'en' : 'id';
  setLang(state.lang);
  render();
});
$('controls').addEventListener('submit', (e) => e.preventDefault());
for (const id of ['kecamatan', 'sector', 'period', 'sort']) {
  $(id).addEventListener('change', () => {
    const v = $(id).value;
    state[id] = v || null;
    if (id === 'sort') { renderTables(); window.history.replaceState(null, '', toSearch()); return; }
    render();
  });
}
$('print').addEventListener('click', () => window.print());

/** For tests and the curious: the rows as loaded, and a re-render. */
window.cakupanWorklist = { rows: () => rows, reload: render };

async function start() {
  try {
    const [h, p] = await Promise.all([
      getJson('/api/health'),
      getJson('/api/periods'),
      picker.load(state.kecamatan), // names only (/api/places), a kota at a time nationally
    ]);
    health = h;
    periods = p.periods;
    if (state.period && !periods.includes(state.period)) state.period = null;
    // A token kept from earlier in this session: a camat again opens on its own kecamatan.
    await identify();
  } catch (e) {
    applyText();
    showMessage(errorMessage(e, state), errorDetail(e));
    document.body.dataset.status = 'error';
    return;
  }
  await render();
}

start();
