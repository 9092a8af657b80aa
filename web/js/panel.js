// The side panel for one area: every sector side by side for the month on the map, and a
// 24-month chart per sector of the metric on the map.
import { getCached } from './api.js';
import { lineChart } from './chart.js';
import { errorMessage } from './errors.js';
import { t, metricName, sectorName, sectorShort, formatValue, formatPeriod, formatArea, escapeHtml } from './i18n.js';

const PANEL_SECTORS = ['PU', 'BPU', 'JAKON', 'ALL'];
const ROWS = ['participants', 'workforce', 'coverage_rate', 'uncovered', 'change'];

/**
 * A kecamatan's monthly series from its kelurahan: counts summed first, rates derived after
 * (SPEC §3); its workforce is unknown in a month when any member's is.
 */
export function aggregateSeries(members) {
  const area = members.reduce((a, m) => a + (m.properties.luas_km2 || 0), 0);
  const series = {};
  for (const s of PANEL_SECTORS) {
    const byPeriod = new Map();
    for (const m of members) {
      for (const e of (m.properties.series && m.properties.series[s]) || []) {
        const acc = byPeriod.get(e.period) || { period: e.period, participants: 0, workforce: 0, unknown: false };
        acc.participants += e.participants || 0;
        if (e.workforce === null || e.workforce === undefined) acc.unknown = true;
        else acc.workforce += e.workforce;
        byPeriod.set(e.period, acc);
      }
    }
    let prev = null;
    series[s] = [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1)).map((a) => {
      const w = a.unknown ? null : a.workforce;
      const p = a.participants;
      const row = {
        period: a.period,
        participants: p,
        workforce: w,
        coverage_rate: w ? p / w : null,
        uncovered: w === null ? null : Math.max(w - p, 0),
        change: prev === null ? null : p - prev,
        density: area > 0 ? p / area : null,
      };
      prev = p;
      return row;
    });
  }
  return { area, series };
}

export class DetailPanel {
  constructor(element, { onClose }) {
    this.el = element;
    this.onClose = onClose;
    this.code = null;
    this.data = null;
    this.error = null;
    this.state = null;
    this.request = 0;
    this.el.addEventListener('click', (e) => {
      if (e.target.closest('.panel-close')) this.onClose();
    });
  }

  isOpen() {
    return !this.el.hidden;
  }

  /** Opens (or refreshes) the panel for code at the state's level; fetches only what it lacks. */
  async show(code, state) {
    this.state = state;
    const key = state.level + ':' + code;
    if (this.code === key && (this.data || this.error)) {
      this.render();
      return;
    }
    this.code = key;
    this.data = null;
    this.error = null;
    const request = ++this.request;
    this.el.hidden = false;
    this.el.setAttribute('aria-busy', 'true');
    this.el.innerHTML = '<p class="panel-loading">' + escapeHtml(t('loadingDetail')) + '</p>';
    try {
      const data = state.level === 'kecamatan' ? await loadKecamatan(code)
        : state.level === 'kota' || state.level === 'provinsi' ? await loadKota(code, state.level) : await loadKelurahan(code);
      if (request !== this.request) return;
      this.data = data;
    } catch (e) {
      if (request !== this.request) return;
      this.error = e;
    }
    this.render();
  }

  /** Re-renders for a new month, metric or language without fetching. */
  update(state) {
    this.state = state;
    if (this.isOpen() && (this.data || this.error)) this.render();
  }

  hide() {
    this.request++;
    this.code = null;
    this.data = null;
    this.error = null;
    this.el.hidden = true;
    this.el.innerHTML = '';
  }

  render() {
    const s = this.state;
    this.el.hidden = false;
    this.el.removeAttribute('aria-busy');
    const close = '<button type="button" class="panel-close" aria-label="' + escapeHtml(t('closePanel')) + '" title="' +
      escapeHtml(t('close')) + '">×</button>';
    if (this.error) {
      this.el.innerHTML = '<div class="panel-head"><h2 id="panel-title">' + escapeHtml(this.code.split(':')[1]) + '</h2>' + close +
        '</div><p class="panel-error" role="alert">' + escapeHtml(t('detailFailed', { detail: errorMessage(this.error, s) })) + '</p>';
      return;
    }
    const d = this.data;
    this.el.dataset.code = d.code;
    const at = (sector) => (d.series[sector] || []).find((e) => e.period === s.period) || null;
    let html = '<div class="panel-main"><div class="panel-head"><div>';
    const kind = t('level_' + d.kind).replace(/\s*\(.*\)$/, '');
    const kicker = kind + ' · ' + (d.kind === 'kelurahan' ? t('kecPrefix') + ' ' + d.kecamatan : t('kelurahanCount', { n: d.members }));
    html += '<p class="panel-kicker">' + escapeHtml(kicker) + '</p>';
    html += '<h2 id="panel-title">' + escapeHtml(d.name) + '</h2>';
    html += '<p class="panel-meta">' + escapeHtml(t('code') + ' ' + d.code + ' · ' + t('area') + ' ' + formatArea(d.area)) + '</p>';
    html += '</div>' + close + '</div>';
    html += '<h3>' + escapeHtml(t('figuresFor', { period: formatPeriod(s.period) })) + '</h3>';
    html += '<table class="sector-table"><thead><tr><td></td>';
    for (const sec of PANEL_SECTORS) {
      html += '<th scope="col"' + (sec === s.sector ? ' class="current"' : '') + '><abbr title="' + escapeHtml(sectorName(sec)) + '">' +
        escapeHtml(sectorShort(sec)) + '</abbr></th>';
    }
    html += '</tr></thead><tbody>';
    for (const m of ROWS) {
      html += '<tr' + (m === s.metric ? ' class="mapped"' : '') + '><th scope="row">' + escapeHtml(metricName(m)) + '</th>';
      for (const sec of PANEL_SECTORS) {
        const e = at(sec);
        html += '<td data-sector="' + sec + '" data-metric="' + m + '"' + (sec === s.sector ? ' class="current"' : '') + '>' +
          escapeHtml(formatValue(m, e ? e[m] : null)) + '</td>';
      }
      html += '</tr>';
    }
    html += '</tbody></table></div>';
    const n = Math.max(...PANEL_SECTORS.map((sec) => (d.series[sec] || []).length));
    html += '<div class="panel-series"><h3>' + escapeHtml(t('seriesTitle', { metric: metricName(s.metric), n })) + '</h3>';
    html += '<div class="charts"></div><p class="panel-note">' + escapeHtml(t('chartNote')) + '</p></div>';
    this.el.innerHTML = html;
    const charts = this.el.querySelector('.charts');
    for (const sec of PANEL_SECTORS) {
      const fig = document.createElement('figure');
      fig.className = 'chart-box' + (sec === s.sector ? ' current' : '');
      fig.dataset.sector = sec;
      fig.appendChild(lineChart({
        series: d.series[sec] || [],
        metric: s.metric,
        current: s.period,
        title: sectorShort(sec) === sec ? sec + ' — ' + sectorName(sec).replace(/\s*\(.*\)$/, '') : sectorName(sec),
        color: sec === s.sector ? '#1f4e8c' : '#4d6b87',
      }));
      charts.appendChild(fig);
    }
  }
}

async function loadKelurahan(code) {
  const f = await getCached('/api/kelurahan/' + encodeURIComponent(code));
  const p = f.properties;
  return {
    code: p.code,
    name: p.name,
    kind: 'kelurahan',
    kecamatan: p.kecamatan,
    area: p.luas_km2,
    series: p.series,
    schematic: !!p.schematic,
    synthetic: !!p.synthetic,
  };
}

async function loadKecamatan(code) {
  const ranking = await getCached('/api/ranking?sector=ALL&kecamatan=' + encodeURIComponent(code));
  return loadGroup(code, 'kecamatan', ranking.rows[0] ? ranking.rows[0].kecamatan : code, ranking.rows.map((r) => r.code));
}

// The ranking has no kota or provinsi filter: its kelurahan are the rows whose code starts with the unit's.
async function loadKota(code, level = 'kota') {
  const [ranking, kota] = await Promise.all([
    getCached('/api/ranking?sector=ALL&limit=100000'),
    getCached('/api/choropleth?level=' + level + '&metric=participants&geometry=none'), // names only
  ]);
  const f = kota.features.find((k) => k.id === code);
  return loadGroup(code, level, f ? f.properties.name : code,
    ranking.rows.map((r) => r.code).filter((c) => c.startsWith(code + '.')));
}

async function loadGroup(code, kind, name, memberCodes) {
  const codes = [...memberCodes].sort();
  const members = await Promise.all(codes.map((c) => getCached('/api/kelurahan/' + encodeURIComponent(c))));
  const { area, series } = aggregateSeries(members);
  const first = members[0] ? members[0].properties : {};
  return {
    code,
    name,
    kind,
    members: members.length,
    area,
    series,
    schematic: !!first.schematic,
    synthetic: !!first.synthetic,
  };
}
