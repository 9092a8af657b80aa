// The whole view lives in the URL query, so a copied link reproduces it.

// Every level the API knows; the region (/api/config) says which of them the page offers.
export const LEVELS = ['kelurahan', 'kecamatan', 'kota', 'provinsi'];
export const SECTORS = ['ALL', 'PU', 'BPU', 'JAKON'];
export const METRICS = ['coverage_rate', 'uncovered', 'participants', 'workforce', 'change', 'density'];
export const METHODS = ['quantile', 'equal_interval', 'jenks', 'manual'];
export const SORTS = ['uncovered', 'coverage_rate'];
export const LANGS = ['id', 'en'];
// 'hotspot' draws Getis-Ord Gi* classes (/api/hotspots) of one of HOTSPOT_METRICS, kelurahan only.
export const MODES = ['choropleth', 'hotspot'];
export const HOTSPOT_METRICS = ['uncovered', 'coverage_rate'];

export const DEFAULTS = Object.freeze({
  level: 'kelurahan',
  sector: 'ALL',
  metric: 'coverage_rate',
  period: null,
  method: 'quantile',
  classes: 5,
  breaks: null,
  kecamatan: null,
  sel: null,
  sort: 'uncovered',
  lang: 'id',
  mode: 'choropleth',
});

const KECAMATAN = /^\d{2}\.\d{2}\.\d{2}$/;
const CODE = /^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/;
const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Inner class breaks from "0.5,0.6" (or, typed the Indonesian way, "0,5; 0,6"): 1..8 finite numbers
 * strictly ascending, else null.
 */
export function parseBreaks(text) {
  if (text === null || text === undefined) return null;
  const raw = String(text);
  const parts = (raw.includes(';') ? raw.split(';').map((p) => p.trim().replace(',', '.')) : raw.split(/[,\s]+/))
    .filter((s) => s.length > 0);
  if (parts.length < 1 || parts.length > 8) return null;
  const values = parts.map(Number);
  if (values.some((v) => !Number.isFinite(v))) return null;
  for (let i = 1; i < values.length; i++) if (values[i] <= values[i - 1]) return null;
  return values;
}

export function formatBreaks(breaks) {
  return breaks ? breaks.map((b) => String(b)).join(',') : '';
}

function pick(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

/** A complete, valid state from a query string; whatever is missing or malformed takes its default. */
export function parseState(search) {
  const q = new URLSearchParams(search);
  const s = { ...DEFAULTS };
  s.level = pick(q.get('level'), LEVELS, DEFAULTS.level);
  s.sector = pick((q.get('sector') || '').toUpperCase(), SECTORS, DEFAULTS.sector);
  s.metric = pick(q.get('metric'), METRICS, DEFAULTS.metric);
  s.period = PERIOD.test(q.get('period') || '') ? q.get('period') : null;
  s.method = pick(q.get('method'), METHODS, DEFAULTS.method);
  const classes = Number(q.get('classes'));
  s.classes = Number.isInteger(classes) && classes >= 3 && classes <= 9 ? classes : DEFAULTS.classes;
  s.breaks = s.method === 'manual' ? parseBreaks(q.get('breaks')) : null;
  if (s.method === 'manual' && !s.breaks) s.method = DEFAULTS.method;
  s.kecamatan = KECAMATAN.test(q.get('kecamatan') || '') ? q.get('kecamatan') : null;
  s.sel = CODE.test(q.get('sel') || '') ? q.get('sel') : null;
  s.sort = pick(q.get('sort'), SORTS, DEFAULTS.sort);
  s.lang = pick(q.get('lang'), LANGS, DEFAULTS.lang);
  s.mode = pick(q.get('mode'), MODES, DEFAULTS.mode);
  if (s.mode === 'hotspot') enterHotspotMode(s);
  return s;
}

/** Hot spots are computed for kelurahan and for uncovered workers or the coverage rate only. */
export function enterHotspotMode(s) {
  s.mode = 'hotspot';
  s.level = 'kelurahan';
  if (!HOTSPOT_METRICS.includes(s.metric)) s.metric = 'uncovered';
}

/** The query string for a state; the map keys are always written so the link does not drift. */
export function toSearch(s) {
  const q = new URLSearchParams();
  q.set('level', s.level);
  q.set('sector', s.sector);
  q.set('metric', s.metric);
  if (s.period) q.set('period', s.period);
  q.set('method', s.method);
  if (s.method === 'manual') q.set('breaks', formatBreaks(s.breaks));
  else q.set('classes', String(s.classes));
  if (s.kecamatan) q.set('kecamatan', s.kecamatan);
  if (s.sel) q.set('sel', s.sel);
  if (s.sort !== DEFAULTS.sort) q.set('sort', s.sort);
  if (s.lang !== DEFAULTS.lang) q.set('lang', s.lang);
  if (s.mode !== DEFAULTS.mode) q.set('mode', s.mode);
  return '?' + q.toString().replace(/%2C/g, ',');
}

/** The /api/choropleth query for a state. */
export function choroplethQuery(s, overrides) {
  const v = { ...s, ...(overrides || {}) };
  const q = new URLSearchParams();
  q.set('level', v.level);
  q.set('sector', v.sector);
  if (v.period) q.set('period', v.period);
  q.set('metric', v.metric);
  q.set('method', v.method);
  if (v.method === 'manual') q.set('breaks', formatBreaks(v.breaks));
  else q.set('classes', String(v.classes));
  // A kota or provinsi holds several kecamatan: the filter does not apply (the API says 400).
  if (v.kecamatan && v.level !== 'kota' && v.level !== 'provinsi') q.set('kecamatan', v.kecamatan);
  return q.toString().replace(/%2C/g, ',');
}

/** The /api/hotspots query for a state (the whole region is analysed; the page narrows to a kecamatan itself). */
export function hotspotQuery(s) {
  const q = new URLSearchParams();
  q.set('sector', s.sector);
  if (s.period) q.set('period', s.period);
  q.set('metric', s.metric);
  return q.toString();
}
