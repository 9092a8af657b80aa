// Small planar helpers on GeoJSON lon/lat coordinates (enough for label placement at city scale).

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return a / 2;
}

function polygons(geometry) {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

function inRing(x, y, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inPolygon(x, y, polygon) {
  if (!inRing(x, y, polygon[0])) return false;
  for (let h = 1; h < polygon.length; h++) if (inRing(x, y, polygon[h])) return false;
  return true;
}

function centroid(ring) {
  let cx = 0;
  let cy = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
    a += f;
  }
  if (a === 0) return ring[0];
  return [cx / (3 * a), cy / (3 * a)];
}

/** The widest stretch inside the polygon along the horizontal line at latitude y: [x0, x1] or null. */
function widestRun(polygon, y) {
  const xs = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if ((yi > y) !== (yj > y)) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
    }
  }
  xs.sort((p, q) => p - q);
  let best = null;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    if (!best || xs[k + 1] - xs[k] > best[1] - best[0]) best = [xs[k], xs[k + 1]];
  }
  return best;
}

/**
 * A point well inside the largest part of a (Multi)Polygon, for labels and test clicks: the
 * centroid when it is inside and not hugging an edge, else the middle of the widest horizontal run.
 * Returns [lon, lat] or null.
 */
export function interiorPoint(geometry) {
  const parts = polygons(geometry);
  if (parts.length === 0) return null;
  let polygon = parts[0];
  let best = -Infinity;
  for (const p of parts) {
    const a = Math.abs(ringArea(p[0]));
    if (a > best) { best = a; polygon = p; }
  }
  const outer = polygon[0];
  let minY = Infinity;
  let maxY = -Infinity;
  for (const [, y] of outer) { minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const c = centroid(outer);
  const candidates = [c[1]];
  for (let k = 1; k < 8; k++) candidates.push(minY + ((maxY - minY) * k) / 8);
  let run = null;
  let runY = c[1];
  for (const y of candidates) {
    const r = widestRun(polygon, y);
    if (r && (!run || r[1] - r[0] > (run[1] - run[0]) * 1.6)) { run = r; runY = y; }
  }
  if (inPolygon(c[0], c[1], polygon)) {
    const here = widestRun(polygon, c[1]);
    // Keep the centroid unless it sits in a sliver much narrower than the widest run.
    if (here && (!run || here[1] - here[0] >= (run[1] - run[0]) * 0.5) && c[0] > here[0] && c[0] < here[1]) {
      const margin = (here[1] - here[0]) * 0.2;
      if (c[0] - here[0] > margin && here[1] - c[0] > margin) return c;
      return [(here[0] + here[1]) / 2, c[1]];
    }
  }
  if (run) return [(run[0] + run[1]) / 2, runY];
  return outer[0];
}

/** Every ring of a (Multi)Polygon, for drawing: [[ [lon,lat], … ], …] grouped by polygon. */
export function polygonRings(geometry) {
  return polygons(geometry);
}
