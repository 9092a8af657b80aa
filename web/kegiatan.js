// The outreach page: a month calendar of planned and done activities per kecamatan, and the effect
// table of done activities (SPEC §7) with its summaries, a bar chart per type and the caveat.
import { getJson } from './js/api.js';
import { errorMessage } from './js/errors.js';
import { escapeHtml, formatValue, lang, setLang, t } from './js/i18n.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from './js/outreach-text.js';
import { TOKEN_KEY, sessionToken } from './js/activity-form.js';
import { activitySummary, decorateRows } from './js/kelurahan-activities.js';
import { KecamatanPicker } from './js/place-picker.js';

const $ = (id) => document.getElementById(id);
const NS = 'http://www.w3.org/2000/svg';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;

const state = readState(window.location.search);
// One select for a city's kecamatan; provinsi → kabupaten/kota → kecamatan (or a search) nationally.
const picker = new KecamatanPicker($('kecamatan'), { blank: () => t('calendarAll') });
let monthRows = [];
let effect = null;
let seq = 0;
let regionName = null; // /api/config's name of the area served

function readState(search) {
  const q = new URLSearchParams(search);
  const month = q.get('month');
  const kec = q.get('kecamatan');
  return {
    month: month && MONTH.test(month) ? month : thisMonth(),
    kecamatan: kec && KECAMATAN.test(kec) ? kec : null,
    lang: q.get('lang') === 'en' ? 'en' : 'id',
  };
}

function thisMonth() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0');
}

function writeUrl() {
  const q = new URLSearchParams();
  if (state.kecamatan) q.set('kecamatan', state.kecamatan);
  q.set('month', state.month);
  if (state.lang !== 'id') q.set('lang', state.lang);
  window.history.replaceState(null, '', '?' + q);
  $('map-link').href = '/' + (state.kecamatan ? '?kecamatan=' + state.kecamatan : '');
}

function shiftMonth(month, by) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.getUTCFullYear() + '-' + String(d.getUTCMonth() + 1).padStart(2, '0');
}

function daysIn(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function locale() {
  return lang() === 'en' ? 'en-GB' : 'id-ID';
}

function monthTitle(month) {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

const fmtSigned1 = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const fmt1 = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });

function signed(v) {
  return v === null || v === undefined ? '–' : fmtSigned1.format(v);
}

function signClass(v) {
  return v === null || v === undefined || v === 0 ? '' : v > 0 ? ' pos' : ' neg';
}

function showError(e) {
  const m = $('message');
  m.textContent = errorMessage(e, state);
  m.hidden = false;
}

// ---------------------------------------------------------------- calendar

async function loadMonth() {
  const mine = ++seq;
  const q = new URLSearchParams({ from: state.month + '-01', to: state.month + '-' + String(daysIn(state.month)).padStart(2, '0') });
  if (state.kecamatan) q.set('kecamatan', state.kecamatan);
  try {
    const body = await getJson('/api/activities?' + q);
    if (mine !== seq) return;
    monthRows = body.rows;
    $('message').hidden = true;
  } catch (e) {
    if (mine !== seq) return;
    monthRows = [];
    showError(e);
  }
  drawCalendar();
}

function drawCalendar() {
  $('month-title').textContent = monthTitle(state.month);
  $('month-title').dataset.month = state.month;
  const byDay = new Map();
  const typeOrder = (a) => ACTIVITY_TYPES.indexOf(a.type);
  for (const a of [...monthRows].sort((x, y) => typeOrder(x) - typeOrder(y) || (x.name || '').localeCompare(y.name || ''))) {
    if (!byDay.has(a.date)) byDay.set(a.date, []);
    byDay.get(a.date).push(a);
  }
  const table = $('calendar');
  table.replaceChildren();
  const head = table.createTHead().insertRow();
  for (const d of t('weekdays').split(',')) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = d;
    head.appendChild(th);
  }
  const body = table.createTBody();
  const [y, m] = state.month.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1, 1));
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const n = daysIn(state.month);
  const today = new Date();
  const todayIso = today.getFullYear() + '-' + String(today.getMonth() + 1).padStart(2, '0') + '-' + String(today.getDate()).padStart(2, '0');
  let row = null;
  for (let cell = 0; cell < Math.ceil((lead + n) / 7) * 7; cell++) {
    if (cell % 7 === 0) row = body.insertRow();
    const td = row.insertCell();
    const day = cell - lead + 1;
    if (day < 1 || day > n) {
      td.className = 'other';
      continue;
    }
    const iso = state.month + '-' + String(day).padStart(2, '0');
    td.dataset.date = iso;
    if (iso === todayIso) td.classList.add('today');
    const num = document.createElement('span');
    num.className = 'cal-day';
    num.textContent = String(day);
    td.appendChild(num);
    for (const a of byDay.get(iso) || []) {
      const s = document.createElement('span');
      s.className = 'cal-act act-' + a.type + ' act-status-' + a.status;
      s.dataset.id = a.id;
      s.dataset.type = a.type;
      s.dataset.status = a.status;
      s.textContent = t('type_' + a.type) + ' · ' + (a.name || a.code);
      s.title = [t('type_' + a.type), t('status_' + a.status), a.name || a.code, a.organiser, a.target_group]
        .filter(Boolean).join(' · ');
      td.appendChild(s);
    }
  }
  $('calendar-empty').hidden = monthRows.length > 0;
  const legend = $('calendar-legend');
  legend.replaceChildren();
  for (const ty of ACTIVITY_TYPES) {
    const s = document.createElement('span');
    s.className = 'cal-act act-' + ty;
    s.textContent = t('type_' + ty);
    legend.appendChild(s);
  }
  for (const st of ['rencana', 'batal']) {
    const s = document.createElement('span');
    s.className = 'cal-act act-lainnya act-status-' + st;
    s.textContent = t('status_' + st);
    legend.appendChild(s);
  }
}

// ---------------------------------------------------------------- kelurahan to plan for

let summary = new Map(); // code → js/kelurahan-activities.js's summary of the kecamatan's kelurahan

async function loadReach() {
  summary = new Map();
  if (!state.kecamatan) {
    drawReach();
    return;
  }
  try {
    summary = await activitySummary(state.kecamatan);
  } catch (e) {
    showError(e);
  }
  drawReach();
}

/** Not reached first, then most uncovered (unknown last), as a camat would go through them. */
function reachOrder(a, b) {
  const flag = (r) => (r.belumTersentuh ? 0 : 1);
  const unc = (r) => (r.uncovered === null || r.uncovered === undefined ? -1 : r.uncovered);
  return flag(a) - flag(b) || unc(b) - unc(a) || a.code.localeCompare(b.code);
}

function drawReach() {
  $('reach-intro').textContent = state.kecamatan ? t('reachIntro') : t('reachChoose');
  const el = $('reach');
  el.replaceChildren();
  if (!state.kecamatan) return;
  const tr = el.createTHead().insertRow();
  for (const [key, cls] of [['activityKelurahan'], ['reachUncovered', 'num'], ['reachLastDone']]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = t(key);
    if (cls) th.className = cls;
    tr.appendChild(th);
  }
  const body = el.createTBody();
  for (const r of [...summary.values()].sort(reachOrder)) {
    const row = body.insertRow();
    row.dataset.code = r.code;
    const name = document.createElement('th');
    name.scope = 'row';
    name.textContent = r.name || r.code;
    row.appendChild(name);
    const cell = (text, cls) => { const td = row.insertCell(); td.textContent = text; if (cls) td.className = cls; return td; };
    cell(r.uncovered === null || r.uncovered === undefined ? t('noData') : formatValue('uncovered', r.uncovered), 'num');
    cell(r.lastDone ? r.lastDone : '–');
  }
  const kec = picker.name(state.kecamatan);
  decorateRows(el, summary, {
    kecamatanName: kec,
    onSaved: (a) => {
      showNotice(t('planSaved', { type: t('type_' + a.type), name: a.name || a.code, date: a.date }));
      state.month = a.date.slice(0, 7);
      writeUrl();
      loadMonth();
      loadReach();
      loadEffect();
    },
  });
}

function drawLogin() {
  const signedIn = !!sessionToken();
  $('login-state').hidden = !signedIn;
  $('logout').hidden = !signedIn;
  $('token-field').hidden = signedIn;
  $('login').hidden = signedIn;
}

function showNotice(text) {
  $('notice').textContent = text || '';
  $('notice').hidden = !text;
}

$('login-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const v = $('token-input').value.trim();
  $('token-input').value = '';
  if (v) window.sessionStorage.setItem(TOKEN_KEY, v);
  drawLogin();
});
$('logout').addEventListener('click', () => {
  window.sessionStorage.removeItem(TOKEN_KEY);
  drawLogin();
});

// ---------------------------------------------------------------- effect

async function loadEffect() {
  const q = new URLSearchParams();
  if (state.kecamatan) q.set('kecamatan', state.kecamatan);
  try {
    effect = await getJson('/api/activities/effect?' + q);
  } catch (e) {
    effect = null;
    showError(e);
  }
  drawEffect();
}

function table(el, heads, rows) {
  el.replaceChildren();
  const tr = el.createTHead().insertRow();
  for (const [label, cls] of heads) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = label;
    if (cls) th.className = cls;
    tr.appendChild(th);
  }
  const body = el.createTBody();
  for (const r of rows) {
    const row = body.insertRow();
    if (r.code) row.dataset.code = r.code;
    if (r.id) row.dataset.id = r.id;
    for (const [text, cls] of r.cells) {
      const td = row.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
  }
  if (rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = heads.length;
    td.textContent = t('effectNone');
  }
}

function drawEffect() {
  const rows = effect ? effect.rows : [];
  table($('effect-rows'), [[t('activityKelurahan')], [t('activityType')], [t('activityOrganiser')], [t('effectMonth')],
    [t('effectBefore'), 'num'], [t('effectAfter'), 'num'], [t('effectChange'), 'num'], [t('effectComparison'), 'num'],
    [t('effectExcess'), 'num']], rows.map((r) => ({
    id: r.id,
    code: r.code,
    cells: [[r.name || r.code], [t('type_' + r.type)], [r.organiser], [r.month],
      [signed(r.before), 'num'], [signed(r.after), 'num'], [signed(r.change), 'num' + signClass(r.change)],
      [signed(r.comparison), 'num'], [signed(r.excess), 'num' + signClass(r.excess)]],
  })));
  const summary = (list, key, name) => list.map((s) => ({
    cells: [[name(s[key])], [formatValue('participants', s.activities), 'num'], [formatValue('participants', s.registrations), 'num'],
      [s.registrations_per_activity === null ? '–' : fmt1.format(s.registrations_per_activity), 'num'],
      [signed(s.mean_excess), 'num' + signClass(s.mean_excess)]],
  }));
  const heads = (first) => [[first], [t('effectActivities'), 'num'], [t('effectRegistrations'), 'num'], [t('effectPerActivity'), 'num'],
    [t('effectMeanExcess'), 'num']];
  table($('effect-by-type'), heads(t('activityType')), summary(effect ? effect.by_type : [], 'type', (k) => t('type_' + k)));
  table($('effect-by-organiser'), heads(t('activityOrganiser')), summary(effect ? effect.by_organiser : [], 'organiser', (k) => k));
  $('effect-chart').replaceChildren(barChart(effect ? effect.by_type : []));
}

/** Mean excess per activity type as horizontal bars around zero; a type without a value gets "–". */
function barChart(byType) {
  const rows = ACTIVITY_TYPES.map((ty) => {
    const s = byType.find((x) => x.type === ty);
    return { type: ty, value: s ? s.mean_excess : null };
  });
  const W = 520;
  const rowH = 24;
  const top = 22;
  const label = 120;
  const right = 60;
  const H = top + rows.length * rowH + 6;
  const svg = document.createElementNS(NS, 'svg');
  const attrs = (e, a) => { for (const [k, v] of Object.entries(a)) e.setAttribute(k, String(v)); return e; };
  const el = (name, a, text) => { const e = attrs(document.createElementNS(NS, name), a); if (text !== undefined) e.textContent = text; return e; };
  attrs(svg, { viewBox: `0 0 ${W} ${H}`, class: 'effect-chart', role: 'img', 'aria-label': t('effectChartTitle') });
  svg.appendChild(el('text', { x: 0, y: 14, 'font-weight': 700 }, t('effectChartTitle')));
  const values = rows.map((r) => r.value).filter((v) => v !== null && v !== undefined);
  const span = Math.max(1, ...values.map((v) => Math.abs(v)));
  const hasNeg = values.some((v) => v < 0);
  const x0 = hasNeg ? label + (W - label - right) / 2 : label;
  const scale = (hasNeg ? (W - label - right) / 2 : W - label - right) / span;
  svg.appendChild(el('line', { x1: x0, x2: x0, y1: top - 4, y2: H - 4, class: 'axis' }));
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    svg.appendChild(el('text', { x: label - 6, y: y + 15, 'text-anchor': 'end' }, t('type_' + r.type)));
    if (r.value === null || r.value === undefined) {
      svg.appendChild(el('text', { x: x0 + 4, y: y + 15 }, '–'));
      return;
    }
    const w = Math.abs(r.value) * scale;
    const bar = el('rect', { x: r.value < 0 ? x0 - w : x0, y: y + 4, width: Math.max(w, 1), height: rowH - 8,
      class: 'bar' + (r.value < 0 ? ' neg' : ''), 'data-type': r.type, 'data-value': r.value });
    bar.appendChild(el('title', {}, t('type_' + r.type) + ': ' + signed(r.value)));
    svg.appendChild(bar);
    svg.appendChild(el('text', { x: r.value < 0 ? x0 - w - 4 : x0 + w + 4, y: y + 15, 'text-anchor': r.value < 0 ? 'end' : 'start' },
      signed(r.value)));
  });
  return svg;
}

// ---------------------------------------------------------------- page

function applyText() {
  for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll('[data-i18n-title]')) e.title = t(e.dataset.i18nTitle);
  document.querySelector('.place').textContent = regionName || t('place');
  $('lang').setAttribute('lang', lang() === 'id' ? 'en' : 'id');
  picker.relabel();
  picker.setValue(state.kecamatan);
  document.title = t('outreachPage') + ' · ' + t('title');
}

$('prev-month').addEventListener('click', () => { state.month = shiftMonth(state.month, -1); writeUrl(); loadMonth(); });
$('next-month').addEventListener('click', () => { state.month = shiftMonth(state.month, 1); writeUrl(); loadMonth(); });
$('kecamatan').addEventListener('change', (e) => {
  state.kecamatan = e.target.value || null;
  writeUrl();
  loadMonth();
  loadReach();
  loadEffect();
});
$('lang').addEventListener('click', () => {
  state.lang = lang() === 'id' ? 'en' : 'id';
  setLang(state.lang);
  applyText();
  drawCalendar();
  drawReach();
  drawEffect();
  writeUrl();
});

async function init() {
  setLang(state.lang);
  // The page at its final size before anything is fetched (texts, the month's grid, the reach
  // section's line): what comes later fills it in and pushes nothing down.
  applyText();
  drawCalendar();
  drawReach();
  // The sections under the reach table are shown once its rows are in (at once without a
  // kecamatan): its rows would otherwise push the calendar down in front of the reader.
  const reveal = () => document.querySelector('.outreach-page').classList.add('drawn');
  if (!state.kecamatan) reveal();
  try {
    // Names only (/api/places), a kota at a time nationally.
    const [config] = await Promise.all([getJson('/api/config'), picker.load(state.kecamatan)]);
    regionName = config.region && config.region.name ? config.region.name : null;
  } catch (e) {
    // the calendar still works for the whole region; the select keeps the kecamatan of the URL
  }
  applyText();
  writeUrl();
  drawLogin();
  await Promise.all([loadMonth(), loadReach().finally(reveal), loadEffect()]);
  document.body.dataset.status = 'ready';
}

window.cakupanOutreach = {
  state: () => ({ ...state }),
  statuses: ACTIVITY_STATUSES,
};

init();
