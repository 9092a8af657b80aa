// The legend, drawn from the collection's own legend member so it always matches the layer.
import { t, metricName, sectorName, formatPeriod, escapeHtml } from './i18n.js';

/** Plain facts about the layer's legend, shared by the on-screen legend and the PNG export. */
export function legendModel(fc, state) {
  const lg = fc.legend || { breaks: [], colors: [], labels: [], no_data: '#d9d9d9' };
  const classes = lg.colors.map((color, i) => ({ color, label: lg.labels[i] }));
  return {
    title: metricName(lg.metric || state.metric),
    subtitle: sectorName(fc.sector || state.sector) + ' · ' + formatPeriod(fc.period || state.period),
    unit: t('unit_' + (lg.metric || state.metric)),
    method: t('method_' + (lg.method || state.method)) + ', ' + t('classesN', { n: lg.colors.length }),
    classes,
    noData: lg.no_data || '#d9d9d9',
    flags: [
      fc.schematic ? t('schematic') + ' (' + t('schematicNote') + ')' : null,
      fc.synthetic ? t('synthetic') + ' (' + t('syntheticNote') + ')' : null,
    ].filter(Boolean),
  };
}

export function renderLegend(container, fc, state) {
  const m = legendModel(fc, state);
  let html = '<h2 class="legend-title">' + escapeHtml(m.title) + '</h2>';
  html += '<p class="legend-sub">' + escapeHtml(m.subtitle) + '</p>';
  html += '<p class="legend-unit">' + escapeHtml(t('unit')) + ': ' + escapeHtml(m.unit) + '</p>';
  const rows = Math.ceil((m.classes.length + 1) / 2);
  html += '<ul class="legend-classes">';
  for (const c of m.classes) {
    html += '<li data-color="' + escapeHtml(c.color) + '"><span class="swatch" aria-hidden="true"></span>' +
      escapeHtml(c.label) + '</li>';
  }
  html += '<li class="no-data" data-color="' + escapeHtml(m.noData) + '"><span class="swatch" aria-hidden="true"></span>' +
    escapeHtml(t('noData')) + '</li>';
  html += '</ul>';
  if (m.classes.length > 0) html += '<p class="legend-method">' + escapeHtml(m.method) + '</p>';
  if (m.flags.length) html += '<p class="legend-flags">' + m.flags.map(escapeHtml).join(' · ') + '</p>';
  container.innerHTML = html;
  // Colours go through the CSSOM: the Content-Security-Policy refuses style="" attributes in markup.
  container.querySelector('.legend-classes').style.gridTemplateRows = 'repeat(' + rows + ', auto)';
  for (const li of container.querySelectorAll('li[data-color]')) li.querySelector('.swatch').style.background = li.dataset.color;
  container.hidden = false;
}

export function clearLegend(container) {
  container.innerHTML = '';
  container.hidden = true;
}
