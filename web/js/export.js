// Exports of the current view: CSV of the table, GeoJSON of the layer, a PNG of the map with its
// legend and title (drawn on a canvas from the layer's own geometry, so no tile or CDN is needed).

import { isPartial } from './legend.js';

export function download(filename, blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function downloadText(filename, text, type) {
  download(filename, new Blob([text], { type }));
}

/** The hatch the map draws partial aggregates with (js/mapview.js), as a canvas pattern. */
function hatchPattern(ctx, noData) {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const c = tile.getContext('2d');
  c.fillStyle = noData || '#d9d9d9';
  c.fillRect(0, 0, 8, 8);
  c.strokeStyle = '#5f6b78';
  c.lineWidth = 2.5;
  c.beginPath();
  for (const o of [-8, 0, 8]) {
    c.moveTo(o, 8);
    c.lineTo(o + 8, 0);
  }
  c.stroke();
  return ctx.createPattern(tile, 'repeat');
}

function ringsPath(ctx, geometry, project) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  ctx.beginPath();
  for (const poly of polys) {
    for (const ring of poly) {
      ring.forEach(([lon, lat], i) => {
        const p = project(lon, lat);
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      });
      ctx.closePath();
    }
  }
}

function wrapLines(ctx, text, width) {
  const words = text.split(' ');
  const lines = [];
  let line = '';
  for (const w of words) {
    const next = line ? line + ' ' + w : w;
    if (line && ctx.measureText(next).width > width) { lines.push(line); line = w; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A metric scale bar as Leaflet's scale control measures it: the ground distance across the
 * middle of the map, rounded down to 1, 2, 3 or 5 times a power of ten that fits maxWidth pixels.
 */
export function scaleBar(map, maxWidth) {
  const size = map.getSize();
  const y = size.y / 2;
  const metres = map.distance(map.containerPointToLatLng([0, y]), map.containerPointToLatLng([maxWidth, y]));
  const pow = Math.pow(10, Math.floor(Math.log10(metres)));
  const d = metres / pow;
  const nice = pow * (d >= 5 ? 5 : d >= 3 ? 3 : d >= 2 ? 2 : 1);
  return { width: Math.round(maxWidth * nice / metres), text: nice < 1000 ? nice + ' m' : nice / 1000 + ' km' };
}

/**
 * The map as the user sees it (current extent), with title, legend and notes, on a canvas.
 * view: {map (Leaflet), fc, outlineFc, selected, labelPoints, labelCodes, fillOpacity, legend (legendModel),
 * title, subtitle, footer}
 */
export function drawMapCanvas(view) {
  const size = view.map.getSize();
  const W = Math.max(size.x, 480);
  const H = size.y;
  const header = 64;
  const footer = 30;
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = W * scale;
  canvas.height = (H + header + footer) * scale;
  const ctx = canvas.getContext('2d');
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H + header + footer);
  ctx.fillStyle = '#eef2f5';
  ctx.fillRect(0, header, W, H);
  const project = (lon, lat) => {
    const p = view.map.latLngToContainerPoint([lat, lon]);
    return { x: p.x, y: p.y + header };
  };

  ctx.save();
  ctx.beginPath();
  ctx.rect(0, header, W, H);
  ctx.clip();
  ctx.lineJoin = 'round';
  const hatch = hatchPattern(ctx, view.legend.noData);
  for (const f of view.fc.features) {
    ringsPath(ctx, f.geometry, project);
    ctx.globalAlpha = view.fillOpacity;
    ctx.fillStyle = isPartial(f.properties) ? hatch : f.properties.fill;
    ctx.fill('evenodd');
    ctx.globalAlpha = 1;
    ctx.strokeStyle = '#66717c';
    ctx.lineWidth = 0.8;
    ctx.stroke();
  }
  if (view.outlineFc) {
    for (const f of view.outlineFc.features) {
      ringsPath(ctx, f.geometry, project);
      ctx.strokeStyle = '#1d232a';
      ctx.lineWidth = 2.2;
      ctx.stroke();
    }
  }
  const sel = view.selected && view.fc.features.find((f) => f.id === view.selected);
  if (sel) {
    ringsPath(ctx, sel.geometry, project);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 7;
    ctx.stroke();
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = 3;
    ctx.stroke();
  }
  if (view.labelCodes && view.labelPoints) {
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    for (const f of view.fc.features) {
      const ll = view.labelPoints.get(f.id);
      if (!ll || !view.labelCodes.has(f.id)) continue;
      const p = project(ll[1], ll[0]);
      ctx.lineWidth = 3;
      ctx.strokeStyle = 'rgba(255,255,255,0.92)';
      ctx.strokeText(f.properties.name, p.x, p.y);
      ctx.fillStyle = '#1d232a';
      ctx.fillText(f.properties.name, p.x, p.y);
    }
  }
  ctx.restore();

  // Title and subtitle above the map.
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = '#12355b';
  ctx.font = '700 18px system-ui, sans-serif';
  ctx.fillText(view.title, 16, 27);
  ctx.fillStyle = '#333333';
  ctx.font = '13px system-ui, sans-serif';
  ctx.fillText(view.subtitle, 16, 49);

  // Scale bar, bottom left inside the map, the same as the map's own.
  const bar = scaleBar(view.map, 120);
  const sx = 12;
  const sy = header + H - 14;
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(sx - 4, sy - 20, bar.width + 8, 24);
  ctx.strokeStyle = '#333333';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(sx, sy - 6);
  ctx.lineTo(sx, sy);
  ctx.lineTo(sx + bar.width, sy);
  ctx.lineTo(sx + bar.width, sy - 6);
  ctx.stroke();
  ctx.fillStyle = '#111111';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(bar.text, sx + 3, sy - 5);
  canvas.dataset.scale = bar.text;

  // Legend, bottom right inside the map: the legendModel the page's legend is drawn from.
  const lg = view.legend;
  ctx.font = '12px system-ui, sans-serif';
  const rows = lg.classes.map((c) => ({ color: c.color, label: c.label, text: c.label + (c.countText ? ' (' + c.countText + ')' : '') }));
  rows.push({ color: lg.noData, label: lg.noDataLabel, text: lg.noDataLabel });
  if (lg.partialLabel) rows.push({ color: 'hatch', label: lg.partialLabel, text: lg.partialLabel });
  const textW = Math.max(...rows.map((r) => ctx.measureText(r.text).width), ctx.measureText(lg.unitLine).width);
  ctx.font = '700 13px system-ui, sans-serif';
  const titleW = ctx.measureText(lg.title).width;
  const boxW = Math.min(Math.max(textW + 40, titleW + 20, 170), W - 24);
  ctx.font = '600 11px system-ui, sans-serif';
  const flagLines = lg.flags.flatMap((f) => wrapLines(ctx, f, boxW - 20));
  ctx.font = '11px system-ui, sans-serif';
  const noteLines = lg.scaleNote ? wrapLines(ctx, lg.scaleNote, boxW - 20) : [];
  const boxH = 10 + 18 + 16 + rows.length * 18 + (lg.method ? 16 : 0) + noteLines.length * 14 + flagLines.length * 14 + 8;
  const bx = W - boxW - 12;
  const by = header + H - boxH - 12;
  ctx.fillStyle = 'rgba(255,255,255,0.96)';
  ctx.strokeStyle = '#9aa5b1';
  ctx.lineWidth = 1;
  ctx.fillRect(bx, by, boxW, boxH);
  ctx.strokeRect(bx + 0.5, by + 0.5, boxW - 1, boxH - 1);
  let y = by + 22;
  ctx.fillStyle = '#111111';
  ctx.font = '700 13px system-ui, sans-serif';
  ctx.fillText(lg.title, bx + 10, y);
  y += 16;
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#444444';
  ctx.fillText(lg.unitLine, bx + 10, y);
  y += 6;
  ctx.font = '12px system-ui, sans-serif';
  ctx.lineWidth = 1;
  const drawn = [];
  for (const r of rows) {
    ctx.fillStyle = r.color === 'hatch' ? hatch : r.color;
    ctx.fillRect(bx + 10, y + 4, 20, 12);
    ctx.strokeStyle = '#777777';
    ctx.strokeRect(bx + 10.5, y + 4.5, 19, 11);
    ctx.fillStyle = '#111111';
    ctx.fillText(r.text, bx + 38, y + 14);
    // What was drawn where (canvas pixels), so a test can read the swatch colours back.
    drawn.push({ label: r.label, color: r.color, x: (bx + 20) * scale, y: (y + 10) * scale });
    y += 18;
  }
  canvas.dataset.legend = JSON.stringify(drawn);
  if (lg.method) {
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = '#444444';
    ctx.fillText(lg.method, bx + 10, y + 12);
    y += 16;
  }
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#444444';
  for (const line of noteLines) {
    ctx.fillText(line, bx + 10, y + 12);
    y += 14;
  }
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.fillStyle = '#8a1c00';
  for (const line of flagLines) {
    ctx.fillText(line, bx + 10, y + 12);
    y += 14;
  }

  // Footer below the map.
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillStyle = '#555555';
  let footerText = view.footer;
  while (footerText.length > 20 && ctx.measureText(footerText).width > W - 32) footerText = footerText.slice(0, -2);
  if (footerText !== view.footer) footerText = footerText.slice(0, -1) + '…';
  ctx.fillText(footerText, 16, header + H + 19);
  return canvas;
}
