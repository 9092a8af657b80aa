// Hand-written SVG line charts: one small multiple per sector, 24 months each.
import { t, formatValue, formatAxis, formatPeriod, formatPeriodShort, metricName } from './i18n.js';

const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs, text) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/**
 * A line chart of one metric over the months of a series.
 * series: [{period, <metric>: value|null}] oldest first; current: the period on the map.
 */
export function lineChart({ series, metric, current, title, color }) {
  const W = 240;
  const H = 104;
  const left = 44;
  const right = 8;
  const top = 22;
  const bottom = 18;
  const svg = el('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', preserveAspectRatio: 'xMidYMid meet' });
  svg.dataset.points = String(series.length);
  const values = series.map((d) => d[metric]).filter((v) => v !== null && v !== undefined);
  const firstIdx = series.findIndex((d) => d[metric] !== null && d[metric] !== undefined);
  let lastIdx = -1;
  for (let i = series.length - 1; i >= 0; i--) if (series[i][metric] !== null && series[i][metric] !== undefined) { lastIdx = i; break; }
  const summary = values.length === 0
    ? title + ': ' + t('noData')
    : t('chartSummary', {
      sector: title,
      metric: metricName(metric),
      first: formatValue(metric, series[firstIdx][metric]),
      firstPeriod: formatPeriod(series[firstIdx].period),
      last: formatValue(metric, series[lastIdx][metric]),
      lastPeriod: formatPeriod(series[lastIdx].period),
    });
  svg.setAttribute('aria-label', summary);
  svg.appendChild(el('title', {}, summary));
  svg.appendChild(el('text', { x: 2, y: 13, class: 'chart-title' }, title));

  if (values.length === 0) {
    svg.appendChild(el('text', { x: W / 2, y: H / 2 + 4, 'text-anchor': 'middle', class: 'chart-empty' }, t('noData')));
    return svg;
  }
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (metric !== 'change' && lo >= 0 && lo < hi * 0.15) lo = 0;
  if (hi === lo) { hi += Math.abs(hi) * 0.05 || 1; lo -= Math.abs(lo) * 0.05 || 1; }
  const pad = (hi - lo) * 0.06;
  lo -= lo === 0 ? 0 : pad;
  hi += pad;
  const n = series.length;
  const x = (i) => left + (n === 1 ? (W - left - right) / 2 : (i * (W - left - right)) / (n - 1));
  const y = (v) => top + ((hi - v) * (H - top - bottom)) / (hi - lo);

  // Axes: frame, three y ticks, first and last month.
  const axis = el('g', { class: 'chart-axis' });
  for (const v of [hi, (hi + lo) / 2, lo]) {
    axis.appendChild(el('line', { x1: left, x2: W - right, y1: y(v), y2: y(v), class: 'chart-grid' }));
    axis.appendChild(el('text', { x: left - 4, y: y(v) + 3.5, 'text-anchor': 'end' }, formatAxis(metric, v)));
  }
  if (metric === 'change' && lo < 0 && hi > 0) {
    axis.appendChild(el('line', { x1: left, x2: W - right, y1: y(0), y2: y(0), class: 'chart-zero' }));
  }
  axis.appendChild(el('text', { x: left, y: H - 5, 'text-anchor': 'start' }, formatPeriodShort(series[0].period)));
  axis.appendChild(el('text', { x: W - right, y: H - 5, 'text-anchor': 'end' }, formatPeriodShort(series[n - 1].period)));
  svg.appendChild(axis);

  const ci = series.findIndex((d) => d.period === current);
  if (ci >= 0) {
    svg.appendChild(el('line', { x1: x(ci), x2: x(ci), y1: top - 4, y2: H - bottom, class: 'chart-now' }));
  }

  let d = '';
  let pen = false;
  series.forEach((p, i) => {
    const v = p[metric];
    if (v === null || v === undefined) { pen = false; return; }
    d += (pen ? 'L' : 'M') + x(i).toFixed(1) + ' ' + y(v).toFixed(1);
    pen = true;
  });
  svg.appendChild(el('path', { d, class: 'chart-line', stroke: color || '#2b5e94' }));
  series.forEach((p, i) => {
    const v = p[metric];
    if (v === null || v === undefined) return;
    const dot = el('circle', { cx: x(i).toFixed(1), cy: y(v).toFixed(1), r: i === ci ? 3.6 : 1.7, class: i === ci ? 'chart-dot now' : 'chart-dot', fill: color || '#2b5e94' });
    dot.appendChild(el('title', {}, formatPeriod(p.period) + ': ' + formatValue(metric, v)));
    svg.appendChild(dot);
  });
  if (ci >= 0 && series[ci][metric] !== null && series[ci][metric] !== undefined) {
    const v = series[ci][metric];
    const tx = Math.min(Math.max(x(ci), left + 60), W - right - 24);
    svg.appendChild(el('text', { x: tx, y: top - 8, 'text-anchor': 'middle', class: 'chart-value' }, formatValue(metric, v)));
  }
  return svg;
}
