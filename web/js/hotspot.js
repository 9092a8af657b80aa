// The hot-spot mode: Getis-Ord Gi* classes from /api/hotspots drawn over the kelurahan, with the
// choropleth's figures alongside so the table, tooltips and exports keep working.
import { escapeHtml, formatValue, lang, metricName, t } from './i18n.js';

// Built on first use (a hot-spot map), not while the page starts.
let zFormat = null;
let pFormat = null;
const fmtZ = { format: (v) => (zFormat ||= new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' })).format(v) };
const fmtP = { format: (v) => (pFormat ||= new Intl.NumberFormat('id-ID', { maximumSignificantDigits: 2 })).format(v) };

/**
 * The hot-spot collection with each feature's choropleth figures merged in, narrowed to the
 * kecamatan in view (the analysis itself always covers the whole region, so clusters that cross a
 * kecamatan border are found). `class` becomes the index of the Gi* class in the legend, so the
 * CSV export writes its label; `fill` is the class colour.
 */
export function mergeHotspots(hotspots, choropleth, kecamatan) {
  const figures = new Map(choropleth.features.map((f) => [f.id, f.properties]));
  const index = new Map(hotspots.legend.classes.map((key, i) => [key, i]));
  const features = hotspots.features
    .filter((f) => !kecamatan || f.properties.kecamatan_code === kecamatan)
    .map((f) => ({ ...f, properties: { ...(figures.get(f.id) || {}), ...f.properties, class: index.get(f.properties.hotspot) } }));
  return { ...hotspots, features };
}

/** The label of a Gi* class key in the page's language, from the layer's own legend. */
export function hotspotLabel(legend, key) {
  const i = legend.classes.indexOf(key);
  const labels = lang() === 'en' && legend.labels_en ? legend.labels_en : legend.labels;
  return i < 0 ? key : labels[i];
}

/** "= 0,012", or "< 0,001" for anything smaller (more digits would claim a precision the model has not). */
export function formatP(p) {
  if (p === null || p === undefined) return '= –';
  return p < 0.001 ? '< ' + fmtP.format(0.001) : '= ' + fmtP.format(p);
}

/** Tooltip lines for a kelurahan in hot-spot mode. */
export function hotspotTooltip(p, legend) {
  const lines = ['<span class="tip-row mapped">' + escapeHtml(metricName(p.metric)) + ': <b>' +
    escapeHtml(formatValue(p.metric, p.value)) + '</b></span>'];
  lines.push('<span class="tip-row tip-hotspot" data-hotspot="' + escapeHtml(p.hotspot) + '">' + escapeHtml(t('hotspotClass')) +
    ': <b>' + escapeHtml(hotspotLabel(legend, p.hotspot)) + '</b></span>');
  if (p.gi_z !== null && p.gi_z !== undefined) {
    lines.push('<span class="tip-row">z = <b>' + escapeHtml(fmtZ.format(p.gi_z)) + '</b> · ' + escapeHtml(t('hotspotPAdjusted')) +
      ' <b>' + escapeHtml(formatP(p.gi_p_adjusted)) + '</b></span>');
  }
  return lines.join('<br>');
}
