// "Rencanakan kegiatan": the form that plans or records one activity in a kelurahan (SPEC §7) and
// POSTs it to /api/activities with the session's token. Used by the outreach page's kelurahan list;
// any page with a kelurahan row (the camat's worklist) can open it the same way.
import { ApiError, getJson } from './api.js';
import { activityErrorMessage, errorDetail } from './errors.js';
import { escapeHtml, t } from './i18n.js';
import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from './outreach-text.js';

/** The key the worklist's Masuk dialog keeps its token under, for the browser session only. */
export const TOKEN_KEY = 'cakupan.token';

export function sessionToken() {
  return window.sessionStorage.getItem(TOKEN_KEY);
}

let optionsCache = null;

/** Types, statuses, the organiser list and target-group suggestions, as the backend configures them. */
async function formOptions() {
  if (!optionsCache) optionsCache = await getJson('/api/activities/options');
  return optionsCache;
}

/** POST/PUT JSON with the bearer token; a refusal becomes an ApiError carrying the problem's field errors. */
export async function sendActivity(method, url, body, token) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: 'Bearer ' + (token || '') },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new ApiError(e.message, 'unreachable');
  }
  let json = null;
  try {
    json = await response.json();
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const err = new ApiError(json && json.detail ? json.detail : 'HTTP ' + response.status, response.status === 404 ? 'nodata' : 'http',
      response.status, json && json.parameter, json && json.detail);
    err.errors = json && Array.isArray(json.errors) ? json.errors : [];
    throw err;
  }
  return json;
}

function today() {
  const d = new Date();
  return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0');
}

function field(label, input) {
  const l = document.createElement('label');
  const s = document.createElement('span');
  s.textContent = label;
  l.append(s, input);
  return l;
}

function input(name, type, attrs) {
  const i = document.createElement('input');
  i.name = name;
  i.type = type;
  for (const [k, v] of Object.entries(attrs || {})) i.setAttribute(k, v);
  return i;
}

function select(name, items) {
  const s = document.createElement('select');
  s.name = name;
  for (const [value, label] of items) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = label;
    s.appendChild(o);
  }
  return s;
}

/**
 * Opens the form for kelurahan {code, name}; organiser defaults to the kecamatan's office when the
 * list has it. onSaved(activity) is called after a 201; the dialog stays open with the message on
 * a refusal. Returns the dialog element.
 */
export async function openActivityForm(kelurahan, { kecamatanName, onSaved } = {}) {
  const old = document.getElementById('activity-dialog');
  if (old) old.remove();
  const dialog = document.createElement('dialog');
  dialog.id = 'activity-dialog';
  dialog.className = 'activity-dialog';
  dialog.setAttribute('aria-labelledby', 'activity-dialog-title');
  document.body.appendChild(dialog);
  let opts;
  try {
    opts = await formOptions();
  } catch (e) {
    opts = { types: ACTIVITY_TYPES, statuses: ACTIVITY_STATUSES, organisers: [], target_groups: [] };
  }
  const form = document.createElement('form');
  form.method = 'dialog';
  form.noValidate = true;
  const h = document.createElement('h2');
  h.id = 'activity-dialog-title';
  h.textContent = t('planTitle', { name: kelurahan.name || kelurahan.code });
  const type = select('type', opts.types.map((v) => [v, t('type_' + v)]));
  const status = select('status', opts.statuses.map((v) => [v, t('status_' + v)]));
  const date = input('date', 'date', { required: '' });
  // Planning is the usual case: next month's first day, which the camat moves to the real date.
  const now = new Date();
  date.value = new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 1)).toISOString().slice(0, 10);
  const organiser = select('organiser', opts.organisers.map((v) => [v, v]));
  const preferred = ['Kelurahan ' + (kelurahan.name || ''), 'Kecamatan ' + (kecamatanName || '')].find((n) => opts.organisers.includes(n));
  if (preferred) organiser.value = preferred;
  const groups = document.createElement('datalist');
  groups.id = 'activity-target-groups';
  for (const g of opts.target_groups) {
    const o = document.createElement('option');
    o.value = g;
    groups.appendChild(o);
  }
  const targetGroup = input('target_group', 'text', { list: groups.id, maxlength: '200', autocomplete: 'off' });
  const lat = input('lat', 'text', { inputmode: 'decimal', placeholder: '-6.10589', size: '10' });
  const lon = input('lon', 'text', { inputmode: 'decimal', placeholder: '106.89896', size: '10' });
  const attendees = input('attendees', 'number', { min: '0', step: '1', inputmode: 'numeric' });
  const registrations = input('registrations', 'number', { min: '0', step: '1', inputmode: 'numeric' });
  const note = document.createElement('textarea');
  note.name = 'note';
  note.maxLength = 2000;
  note.rows = 2;
  const point = document.createElement('fieldset');
  point.className = 'activity-point';
  const pl = document.createElement('legend');
  pl.textContent = t('activityPoint');
  point.append(pl, field(t('activityLat'), lat), field(t('activityLon'), lon));
  const message = document.createElement('div');
  message.className = 'activity-message';
  message.setAttribute('role', 'alert');
  message.hidden = true;
  const buttons = document.createElement('div');
  buttons.className = 'activity-buttons';
  const save = document.createElement('button');
  save.type = 'submit';
  save.className = 'activity-save';
  save.textContent = t('planSave');
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'activity-cancel';
  cancel.textContent = t('planCancel');
  cancel.addEventListener('click', () => dialog.close());
  buttons.append(save, cancel);
  form.append(h, field(t('activityType'), type), field(t('activityStatus'), status), field(t('activityDate'), date),
    field(t('activityOrganiser'), organiser), field(t('activityTargetGroup'), targetGroup), groups, point,
    field(t('activityAttendees'), attendees), field(t('activityRegistrations'), registrations), field(t('activityNote'), note),
    message, buttons);
  dialog.appendChild(form);

  const say = (text, detail) => {
    message.innerHTML = '<p>' + escapeHtml(text) + '</p>' + (detail
      ? '<details><summary>' + escapeHtml(t('errDetails')) + '</summary><p lang="en">' + escapeHtml(detail) + '</p></details>' : '');
    message.hidden = false;
  };
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const token = sessionToken();
    if (!token) {
      say(t('planNeedToken'));
      return;
    }
    if (status.value === 'selesai' && date.value > today()) {
      say(t('planDoneInFuture'));
      date.focus();
      return;
    }
    const body = { type: type.value, status: status.value, date: date.value, organiser: organiser.value, code: kelurahan.code };
    if (lat.value.trim() || lon.value.trim()) {
      const la = Number(lat.value.trim().replace(',', '.'));
      const lo = Number(lon.value.trim().replace(',', '.'));
      if (!lat.value.trim() || !lon.value.trim() || !Number.isFinite(la) || !Number.isFinite(lo)) {
        say(t('planPointBoth'));
        return;
      }
      body.lat = la;
      body.lon = lo;
    }
    if (targetGroup.value.trim()) body.target_group = targetGroup.value.trim();
    for (const [k, i] of [['attendees', attendees], ['registrations', registrations]]) {
      if (i.value.trim() !== '') body[k] = Number(i.value);
    }
    if (note.value.trim()) body.note = note.value.trim();
    save.disabled = true;
    try {
      const saved = await sendActivity('POST', '/api/activities', body, token);
      dialog.close();
      if (onSaved) onSaved(saved);
    } catch (err) {
      say(activityErrorMessage(err, kelurahan), errorDetail(err));
    } finally {
      save.disabled = false;
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  dialog.showModal();
  type.focus();
  return dialog;
}
