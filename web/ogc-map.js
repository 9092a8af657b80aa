// The small map of the OGC API's HTML pages: draws the GeoJSON named by #ogc-map's data-geojson
// (the same page in CRS84) with Leaflet; a click on a polygon or point opens that feature's page.
(function () {
  'use strict';
  const el = document.getElementById('ogc-map');
  if (!el || !window.L) return;
  const map = L.map(el, { attributionControl: false, scrollWheelZoom: false });
  const itemsBase = el.dataset.items;

  fetch('/api/config').then(r => (r.ok ? r.json() : null)).then(config => {
    if (config && config.basemap_url) L.tileLayer(config.basemap_url, { maxZoom: 19, crossOrigin: true }).addTo(map);
  }).catch(() => { /* the map works without a basemap */ });

  fetch(el.dataset.geojson, { headers: { Accept: 'application/geo+json' } })
    .then(r => {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    })
    .then(data => {
      const layer = L.geoJSON(data, {
        style: { color: '#12355b', weight: 1.5, fillColor: '#f0a400', fillOpacity: 0.35 },
        // Points (the activities) as circles: Leaflet's default marker needs image files not served here.
        pointToLayer: (feature, latlng) => L.circleMarker(latlng, { radius: 6, fillOpacity: 0.8 }),
        onEachFeature: (feature, path) => {
          const props = feature.properties || {};
          // Names come from uploaded files: a text node, never HTML.
          const label = document.createElement('span');
          label.textContent = (props.name || feature.id) + (props.name ? ' (' + feature.id + ')' : '');
          path.bindTooltip(label, { sticky: true });
          if (itemsBase) {
            path.on('click', () => {
              window.location.href = itemsBase + encodeURIComponent(feature.id) + '?f=html';
            });
          }
        },
      }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
      else map.setView([-6.13, 106.87], 11);
      el.dataset.features = String((data.features || [data]).length);
      el.dataset.status = 'ready';
    })
    .catch(err => {
      el.dataset.status = 'error';
      el.textContent = 'Peta tidak dapat dimuat (' + err.message + '); tabel di bawah tetap lengkap.';
    });
})();
