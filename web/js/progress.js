// The camat's worklist rows: pure functions (no DOM), shared by the page and its tests.

/** "2026-10" plus n months (n may be negative). */
export function addMonths(period, n) {
  const [y, m] = period.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return String(year).padStart(4, '0') + '-' + String(month).padStart(2, '0');
}

/**
 * Participants of period minus those `months` earlier, from a /api/kelurahan series (one sector);
 * null when either month has no record (a missing month is not a zero).
 */
export function changeOver(series, period, months) {
  if (!series) return null;
  const byPeriod = new Map(series.map((e) => [e.period, e.participants]));
  const now = byPeriod.get(period);
  const before = byPeriod.get(addMonths(period, -months));
  if (now === null || now === undefined || before === null || before === undefined) return null;
  return now - before;
}

/** SPEC §6: a row without the month's record or with unknown workforce is incomplete. */
export function isComplete(row) {
  if (row.complete === true || row.complete === false) return row.complete;
  return row.participants !== null && row.participants !== undefined && row.workforce !== null && row.workforce !== undefined;
}

const KEYS = {
  uncovered: { field: 'uncovered', dir: -1 },
  coverage_rate: { field: 'coverage_rate', dir: 1 },
  gap: { field: 'gap', dir: -1 },
};

function coverageRate(r) {
  return r.participants !== null && r.workforce ? r.participants / r.workforce : null;
}

/**
 * The kelurahan ordered for action (most uncovered first, lowest coverage first, or largest gap to
 * target first; ties and unknowns by code) and, apart, those whose data is incomplete ("periksa
 * data"): missing data is never read as low priority.
 */
export function worklistGroups(rows, sort) {
  const key = KEYS[sort] || KEYS.uncovered;
  const withRate = rows.map((r) => ({ ...r, coverage_rate: r.coverage_rate !== undefined ? r.coverage_rate : coverageRate(r) }));
  const byCode = (a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const ranked = withRate.filter(isComplete);
  ranked.sort((a, b) => {
    const va = a[key.field];
    const vb = b[key.field];
    const na = va === null || va === undefined;
    const nb = vb === null || vb === undefined;
    if (na !== nb) return na ? 1 : -1;
    if (!na && va !== vb) return (va - vb) * key.dir;
    return byCode(a, b);
  });
  const check = withRate.filter((r) => !isComplete(r)).sort(byCode);
  return { ranked: ranked.map((r, i) => ({ ...r, rank: i + 1 })), check };
}

/** The default month for a new target: December of the month's year, or of the next year in December. */
export function defaultTargetPeriod(period) {
  const [y, m] = period.split('-').map(Number);
  return (m === 12 ? y + 1 : y) + '-12';
}
