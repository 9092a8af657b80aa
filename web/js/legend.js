// The legend, drawn from the collection's own legend member so it always matches the layer. The
// page, the PNG export and the print view all draw the one object legendModel returns.
import { t, lang, metricName, sectorName, formatPeriod, escapeHtml } from './i18n.js';

// Built on first use: the module is evaluated before the first paint, and a formatter costs milliseconds on a phone.
let countFormat = null;
const fmtCount = { format: (n) => (countFormat ||= new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 })).format(n) };

/**
 * SPEC §6: an aggregate whose value is unknown only because some members lack data ("5 dari 6
 * kelurahan") is drawn hatched, not in the no-data grey.
 */
export function isPartial(p) {
  return (p.class === null || p.class === undefined) && typeof p.members === 'number' &&
    p.members_with_data > 0 && p.members_with_data < p.members;
}

/** Plain facts about the layer's legend, shared by the on-screen legend, the PNG export and print. */
export function legendModel(fc, state) {
  const lg = fc.legend || { breaks: [], colors: [], labels: [], no_data: '#d9d9d9' };
  // The server writes every label in both languages, with the decimals that keep breaks apart.
  const labels = lang() === 'en' && lg.labels_en ? lg.labels_en : lg.labels;
  const counts = lg.counts || [];
  const classes = lg.colors.map((color, i) => ({
    color,
    label: labels[i],
    count: counts[i],
    countText: counts[i] === undefined ? '' : countText(counts[i], fc.level || state.level),
  }));
  const shown = lg.colors.length;
  const requested = lg.requested_classes || shown;
  let method = t('method_' + (lg.method || state.method)) + ', ' + t('classesN', { n: shown });
  if (requested > shown) method += ' ' + t('classesMerged', { n: requested });
  return {
    title: metricName(lg.metric || state.metric),
    subtitle: sectorName(fc.sector || state.sector) + ' · ' + formatPeriod(fc.period || state.period),
    unit: t('unit_' + (lg.metric || state.metric)),
    method,
    scale: lg.scale || 'sequential',
    scaleNote: lg.scale === 'diverging' ? t('divergingNote') : null,
    classes,
    noData: lg.no_data || '#d9d9d9',
    noDataLabel: t('noData'),
    // Drawn hatched on the map (SPEC §6); a legend row only when some area is partial.
    partialLabel: (fc.features || []).some((f) => isPartial(f.properties)) ? t('partialLegend') : null,
    flags: [
      fc.schematic ? t('schematic') + ' (' + t('schematicNote') + ')' : null,
      fc.synthetic ? t('synthetic') + ' (' + t('syntheticNote') + ')' : null,
    ].filter(Boolean),
  };
}

/**
 * The same shape for the hot-spot layer (/api/hotspots): its Gi* classes, hot to cold, then
 * "no neighbours"; "no data" in the no-data row.
 */
export function hotspotLegendModel(fc, state) {
  const lg = fc.legend;
  const labels = lang() === 'en' && lg.labels_en ? lg.labels_en : lg.labels;
  const rows = lg.classes.map((key, i) => ({
    key,
    color: lg.colors[i],
    label: labels[i],
    count: lg.counts[i],
    countText: countText(lg.counts[i], 'kelurahan'),
  }));
  const noData = rows.find((r) => r.key === 'no_data');
  const metric = lg.metric || state.metric;
  return {
    title: t('hotspotTitle', { metric: metricName(metric) }),
    subtitle: sectorName(fc.sector || state.sector) + ' · ' + formatPeriod(fc.period || state.period),
    unit: t('unit_' + metric),
    method: t('hotspotMethod', { n: fc.analysis ? fc.analysis.tested : '?' }),
    scale: 'diverging',
    scaleNote: t('hotspotNote_' + metric),
    classes: rows.filter((r) => r.key !== 'no_data'),
    noData: noData ? noData.color : '#d9d9d9',
    noDataLabel: noData ? noData.label : t('noData'),
    noDataKey: 'no_data',
    flags: [
      fc.schematic ? t('schematic') + ' (' + t('schematicNote') + ')' : null,
      fc.synthetic ? t('synthetic') + ' (' + t('syntheticNote') + ')' : null,
    ].filter(Boolean),
  };
}

function countText(n, level) {
  return t('legendCount', { n: fmtCount.format(n), level: t('level_' + level).split(' ')[0].toLowerCase() });
}

/** Draws a legend model (by default the choropleth's; the hot-spot mode passes its own). */
export function renderLegend(container, fc, state, model) {
  const m = model || legendModel(fc, state);
  let html = '<h2 class="legend-title">' + escapeHtml(m.title) + '</h2>';
  html += '<p class="legend-sub">' + escapeHtml(m.subtitle) + '</p>';
  html += '<p class="legend-unit">' + escapeHtml(t('unit')) + ': ' + escapeHtml(m.unit) + '</p>';
  const rows = Math.ceil((m.classes.length + 1) / 2);
  html += '<ul class="legend-classes legend-' + escapeHtml(m.scale) + '">';
  for (const c of m.classes) {
    html += '<li data-color="' + escapeHtml(c.color) + '"' + (c.key ? ' data-class="' + escapeHtml(c.key) + '"' : '') + ' data-count="' + escapeHtml(c.count === undefined ? '' : c.count) + '"' +
      (c.count === 0 ? ' class="empty"' : '') + '><span class="swatch" aria-hidden="true"></span><span class="legend-label">' + escapeHtml(c.label) + '</span>' +
      (c.countText ? ' <span class="legend-count">(' + escapeHtml(c.countText) + ')</span>' : '') + '</li>';
  }
  html += '<li class="no-data" data-color="' + escapeHtml(m.noData) + '"' + (m.noDataKey ? ' data-class="' + escapeHtml(m.noDataKey) + '"' : '') + '><span class="swatch" aria-hidden="true"></span><span class="legend-label">' + escapeHtml(m.noDataLabel) + '</span></li>';
  html += '</ul>';
  if (m.classes.length > 0) html += '<p class="legend-method">' + escapeHtml(m.method) + '</p>';
  if (m.scaleNote) html += '<p class="legend-method legend-scale">' + escapeHtml(m.scaleNote) + '</p>';
  if (m.flags.length) html += '<p class="legend-flags">' + m.flags.map(escapeHtml).join(' · ') + '</p>';
  container.innerHTML = html;
  // Colours go through the CSSOM: the Content-Security-Policy refuses style="" attributes in markup.
  container.querySelector('.legend-classes').style.gridTemplateRows = 'repeat(' + rows + ', auto)';
  for (const li of container.querySelectorAll('li[data-color]')) li.querySelector('.swatch').style.background = li.dataset.color;
  if (m.partialLabel) {
    // After "no data": the hatch of partial areas (SPEC §6), drawn by its CSS class, not a colour.
    container.querySelector('.legend-classes').insertAdjacentHTML('beforeend', '<li class="partial-data"><span class="swatch ' +
      'swatch-partial" aria-hidden="true"></span><span class="legend-label">' + escapeHtml(m.partialLabel) + '</span></li>');
  }
  container.hidden = false;
}

export function clearLegend(container) {
  container.innerHTML = '';
  container.hidden = true;
}
