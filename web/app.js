// First map page: choropleth of coverage by kelurahan with legend, tooltip and selectors.
(function () {
  'use strict';
  const fmtInt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
  const fmtPct = new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const fmtDec = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
  const el = (id) => document.getElementById(id);

  const map = L.map('map', { zoomSnap: 0.25, preferCanvas: false }).setView([-6.13, 106.87], 12);
  let layer = null;
  const legend = L.control({ position: 'bottomright' });
  legend.onAdd = () => L.DomUtil.create('div', 'legend');
  legend.addTo(map);

  function notice(text, isError) {
    const n = el('notice');
    n.textContent = text || '';
    n.hidden = !text;
    n.classList.toggle('error', !!isError);
  }

  function value(p, metric) {
    const v = p[metric];
    if (v === null || v === undefined) return 'tidak ada data';
    if (metric === 'coverage_rate') return fmtPct.format(v);
    if (metric === 'density') return fmtDec.format(v) + ' peserta/km²';
    return fmtInt.format(v);
  }

  function tooltip(p) {
    return '<strong>' + p.name + '</strong>' + (p.kecamatan ? ' (Kec. ' + p.kecamatan + ')' : '') +
      '<br>Peserta aktif: ' + value(p, 'participants') +
      '<br>Tenaga kerja: ' + value(p, 'workforce') +
      '<br>Tingkat cakupan: ' + value(p, 'coverage_rate') +
      '<br>Belum terlindungi: ' + value(p, 'uncovered');
  }

  function drawLegend(fc) {
    const lg = fc.legend;
    const div = document.querySelector('.legend');
    let html = '<h2>' + lg.title + '</h2>';
    lg.labels.forEach((label, i) => {
      html += '<div class="row"><span class="swatch" style="background:' + lg.colors[i] + '"></span>' + label + '</div>';
    });
    html += '<div class="row"><span class="swatch" style="background:' + lg.no_data + '"></span>tidak ada data</div>';
    if (fc.schematic) html += '<div class="flag">Batas wilayah skematis (bukan batas resmi)</div>';
    if (fc.synthetic) html += '<div class="flag">Data sintetis untuk demonstrasi</div>';
    div.innerHTML = html;
  }

  async function getJson(url) {
    const r = await fetch(url);
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new Error(body && body.detail ? body.detail : 'HTTP ' + r.status);
    return body;
  }

  async function load() {
    const params = new URLSearchParams({ sector: el('sector').value, metric: el('metric').value });
    if (el('period').value) params.set('period', el('period').value);
    try {
      const fc = await getJson('/api/choropleth?' + params);
      if (layer) layer.remove();
      layer = L.geoJSON(fc, {
        style: (f) => ({ fillColor: f.properties.fill, fillOpacity: 0.85, color: '#444', weight: 1 }),
        onEachFeature: (f, l) => {
          l.bindTooltip(tooltip(f.properties), { sticky: true });
          l.on('mouseover', () => l.setStyle({ weight: 3, color: '#000' }));
          l.on('mouseout', () => l.setStyle({ weight: 1, color: '#444' }));
        }
      }).addTo(map);
      if (!load.fitted) { map.fitBounds(layer.getBounds()); load.fitted = true; }
      drawLegend(fc);
      notice(fc.features.length === 0 ? 'Tidak ada wilayah untuk pilihan ini.' : '');
    } catch (e) {
      notice('Peta tidak dapat dimuat: ' + e.message, true);
    }
  }

  async function init() {
    try {
      const [periods, config] = await Promise.all([getJson('/api/periods'), getJson('/api/config')]);
      if (config.basemap_url) L.tileLayer(config.basemap_url, { maxZoom: 19 }).addTo(map);
      el('period').innerHTML = periods.periods.map((p) => '<option value="' + p + '">' + p + '</option>').join('');
      if (periods.periods.length === 0) notice('Belum ada data cakupan yang diimpor.');
    } catch (e) {
      notice('Layanan tidak dapat dihubungi: ' + e.message, true);
      return;
    }
    ['sector', 'period', 'metric'].forEach((id) => el(id).addEventListener('change', load));
    load();
  }

  init();
})();
