// Outreach columns for any table of kelurahan rows (tr[data-code]): activities of the last six
// months, the belum tersentuh flag (from /api/activities/reach) and a "Rencanakan kegiatan" button
// opening js/activity-form.js. The outreach page's kelurahan list uses it; the camat's worklist
// adds the same columns by calling decorateRows after it renders its table.
import { getJson } from './api.js';
import { t } from './i18n.js';
import { openActivityForm } from './activity-form.js';

function isoDay(d) {
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

/**
 * Per kelurahan of the kecamatan: {code, name, uncovered, lastDone, belumTersentuh, recent}, where
 * recent counts the activities (not cancelled) dated in the six months up to today. period: the
 * coverage month the flag is judged in (default: the newest).
 */
export async function activitySummary(kecamatan, period) {
  const now = new Date();
  const from = new Date(now.getFullYear(), now.getMonth() - 6, now.getDate());
  const rq = new URLSearchParams({ kecamatan });
  if (period) rq.set('period', period);
  const [reach, acts] = await Promise.all([
    getJson('/api/activities/reach?' + rq),
    getJson('/api/activities?' + new URLSearchParams({ kecamatan, from: isoDay(from), to: isoDay(now) })),
  ]);
  const recent = new Map();
  for (const a of acts.rows) if (a.status !== 'batal') recent.set(a.code, (recent.get(a.code) || 0) + 1);
  const out = new Map();
  for (const r of reach.rows) {
    out.set(r.code, {
      code: r.code, name: r.name, uncovered: r.uncovered, lastDone: r.last_done, belumTersentuh: r.belum_tersentuh === true,
      recent: recent.get(r.code) || 0,
    });
  }
  return out;
}

/**
 * Appends the three columns to table (its thead's first row and every tbody tr[data-code]); run
 * again after each render: earlier columns are replaced. onSaved(activity) follows a recorded one.
 */
export function decorateRows(table, summary, { kecamatanName, onSaved, withButton = true } = {}) {
  for (const e of table.querySelectorAll('.act-col')) e.remove();
  const head = table.tHead && table.tHead.rows[0];
  if (head) {
    for (const key of ['reachRecent', 'reachFlag', ...(withButton ? ['planAction'] : [])]) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.className = 'act-col' + (key === 'reachRecent' ? ' num' : '') + (key === 'planAction' ? ' no-print' : '');
      th.textContent = t(key);
      head.appendChild(th);
    }
  }
  for (const tr of table.querySelectorAll('tbody tr[data-code]')) {
    const s = summary.get(tr.dataset.code);
    const recent = document.createElement('td');
    recent.className = 'act-col num';
    recent.dataset.field = 'recent';
    recent.textContent = s ? String(s.recent) : '–';
    const flag = document.createElement('td');
    flag.className = 'act-col';
    flag.dataset.field = 'belum_tersentuh';
    if (s && s.belumTersentuh) {
      const b = document.createElement('span');
      b.className = 'flag-reach';
      b.textContent = t('belumTersentuh');
      flag.appendChild(b);
    }
    tr.append(recent, flag);
    if (withButton) {
      const cell = document.createElement('td');
      cell.className = 'act-col no-print';
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'plan';
      b.dataset.code = tr.dataset.code;
      b.textContent = t('planAction');
      cell.appendChild(b);
      tr.appendChild(cell);
    }
  }
  table.actPlan = { summary, kecamatanName, onSaved };
  if (!table.dataset.actListener) {
    table.dataset.actListener = '1';
    table.addEventListener('click', (e) => {
      const b = e.target.closest('button.plan');
      if (!b || !table.actPlan) return;
      const s = table.actPlan.summary.get(b.dataset.code);
      const row = b.closest('tr');
      const name = s && s.name ? s.name : (row.querySelector('th') || row.cells[0]).textContent.trim();
      openActivityForm({ code: b.dataset.code, name }, { kecamatanName: table.actPlan.kecamatanName, onSaved: table.actPlan.onSaved });
    });
  }
}
