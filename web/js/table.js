// The ranked table beside the map: the text alternative to the choropleth, same rows, same colours.
import { t, lang, metricName, metricShort, sectorName, formatPeriod, formatValue, escapeHtml } from './i18n.js';
import { isPartial } from './legend.js';

/** SPEC §6: an area with the month's record and a known workforce; the rest is "periksa data". */
export function isComplete(p) {
  return p.participants !== null && p.participants !== undefined && p.workforce !== null && p.workforce !== undefined;
}

/**
 * Rows for targeting, like /api/ranking: the complete areas ranked 1..n, most uncovered first (or
 * lowest rate first), ties by code; then, apart and unranked, the areas whose data is incomplete,
 * by code. Missing data is never read as low priority.
 */
export function rankedRows(fc, sort) {
  const key = sort === 'coverage_rate' ? 'coverage_rate' : 'uncovered';
  const dir = key === 'uncovered' ? -1 : 1;
  const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const rows = fc.features.map((f) => f.properties);
  const ranked = rows.filter(isComplete);
  ranked.sort((a, b) => {
    const va = a[key];
    const vb = b[key];
    const na = va === null || va === undefined;
    const nb = vb === null || vb === undefined;
    if (na !== nb) return na ? 1 : -1;
    if (!na && va !== vb) return (va - vb) * dir;
    return byCode(a, b);
  });
  const check = rows.filter((p) => !isComplete(p)).sort(byCode);
  return ranked.map((p, i) => ({ ...p, rank: i + 1, group: 'peringkat' }))
    .concat(check.map((p) => ({ ...p, rank: null, group: 'periksa_data' })));
}

function columns(metric) {
  const cols = [];
  if (metric !== 'uncovered' && metric !== 'coverage_rate') cols.push(metric);
  cols.push('uncovered', 'coverage_rate');
  return cols;
}

export function renderTable(table, rows, state, fc) {
  const cols = columns(state.metric);
  const caption = t('tableCaption', {
    level: t('level_' + state.level),
    sort: t('sort_' + state.sort).toLowerCase(),
    sector: sectorName(fc.sector || state.sector),
    period: formatPeriod(fc.period || state.period),
  });
  let html = '<caption>' + escapeHtml(caption) + '</caption><thead><tr>';
  html += '<th scope="col" class="num">' + escapeHtml(t('colRank')) + '</th>';
  html += '<th scope="col">' + escapeHtml(t('colName')) + '</th>';
  for (const c of cols) {
    const cls = 'num' + (c === state.metric ? ' mapped' : '');
    html += '<th scope="col" class="' + cls + '"><abbr title="' + escapeHtml(metricName(c)) + '">' + escapeHtml(metricShort(c)) + '</abbr></th>';
  }
  html += '</tr></thead><tbody>';
  if (rows.length === 0) {
    html += '<tr><td colspan="' + (cols.length + 2) + '">' + escapeHtml(t('emptyLayer')) + '</td></tr>';
  }
  let checking = false;
  for (const r of rows) {
    if (r.group === 'periksa_data' && !checking) {
      // Its own group under its own heading, not the bottom of the ranking.
      checking = true;
      html += '</tbody><tbody class="check-data"><tr class="group-head"><th scope="colgroup" colspan="' + (cols.length + 2) +
        '">' + escapeHtml(t('checkDataGroup')) + '</th></tr>';
    }
    const selected = r.code === state.sel;
    html += '<tr data-code="' + escapeHtml(r.code) + '"' + (selected ? ' class="selected" aria-selected="true"' : '') + '>';
    html += '<td class="num">' + (r.rank === null || r.rank === undefined ? '–' : r.rank) + '</td>';
    html += '<th scope="row"><div class="area-name">' + (isPartial(r) ? '<span class="swatch swatch-partial" aria-hidden="true"></span>'
      : '<span class="swatch" data-fill="' + escapeHtml(r.fill) + '" aria-hidden="true"></span>') + '<div>';
    html += '<button type="button" class="row-select" data-code="' + escapeHtml(r.code) + '" aria-pressed="' + selected + '">' +
      escapeHtml(r.name) + '</button>';
    if (r.level === 'kelurahan') html += '<span class="kec">' + escapeHtml(t('kecPrefix') + ' ' + r.kecamatan) + '</span>';
    html += '</div></div></th>';
    for (const c of cols) {
      html += '<td class="num' + (c === state.metric ? ' mapped' : '') + '">' + escapeHtml(formatValue(c, r[c])) + '</td>';
    }
    html += '</tr>';
  }
  html += '</tbody>';
  table.innerHTML = html;
  // Through the CSSOM: the Content-Security-Policy refuses style="" attributes in markup.
  for (const s of table.querySelectorAll('.swatch[data-fill]')) s.style.background = s.dataset.fill;
}

export function markSelected(table, code, scroll) {
  for (const tr of table.querySelectorAll('tbody tr[data-code]')) {
    const on = tr.dataset.code === code;
    tr.classList.toggle('selected', on);
    if (on) tr.setAttribute('aria-selected', 'true');
    else tr.removeAttribute('aria-selected');
    const b = tr.querySelector('.row-select');
    if (b) b.setAttribute('aria-pressed', String(on));
    if (on && scroll) tr.scrollIntoView({ block: 'nearest' });
  }
}

export function markHover(table, code) {
  for (const tr of table.querySelectorAll('tbody tr.hover')) tr.classList.remove('hover');
  if (code) {
    const tr = table.querySelector('tbody tr[data-code="' + CSS.escape(code) + '"]');
    if (tr) tr.classList.add('hover');
  }
}

const CSV_COLUMNS = ['rank', 'code', 'name', 'level', 'kecamatan', 'kecamatan_code', 'sector', 'period',
  'participants', 'workforce', 'coverage_rate', 'uncovered', 'change', 'density', 'class', 'fill'];
const CSV_DECIMALS = { coverage_rate: 4, density: 2 };

/**
 * The table as CSV for a spreadsheet in the page's language. Indonesian: a UTF-8 BOM, ';' between
 * cells and decimal commas, as Excel set to Indonesian expects; English: ',' and dot decimals.
 * Rates are percent ("Cakupan (%)"), the class is its legend label; never thousands separators.
 * The one place the page writes CSV (machines get /api/ranking?format=csv).
 */
export function toCsv(rows, legend) {
  const id = lang() === 'id';
  const sep = id ? ';' : ',';
  const labels = legend ? (!id && legend.labels_en ? legend.labels_en : legend.labels) : [];
  // Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe;
  // numbers are never touched, so a change of -12 stays a number.
  const cell = (v, text) => {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '';
    const s = text && /^[=+\-@\t\r]/.test(String(v)) ? "'" + v : String(v);
    return s.includes(sep) || /["\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const value = (r, c) => {
    const v = r[c];
    if (c === 'class') return v === null || v === undefined ? t('noData') : labels[v];
    if (typeof v !== 'number' || !(c in CSV_DECIMALS)) return v;
    // toFixed, then Number: 0.583412 * 100 is 58.341199999999994, written 58.3412.
    const n = String(Number((c === 'coverage_rate' ? v * 100 : v).toFixed(CSV_DECIMALS[c])));
    return id ? n.replace('.', ',') : n;
  };
  const lines = [CSV_COLUMNS.map((c) => cell(t('csv_' + c))).join(sep)];
  for (const r of rows) {
    lines.push(CSV_COLUMNS.map((c) => cell(value(r, c), typeof r[c] === 'string' || c === 'class')).join(sep));
  }
  return (id ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}
