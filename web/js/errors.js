// What went wrong, in the page's language. The API's problem documents (RFC 9457) are mapped by
// status and parameter to our own sentences; the server's English detail only ever appears in a
// "details" disclosure, never as the message itself.
import { t } from './i18n.js';

/** The message for an ApiError (or any error) about the current view in state. */
export function errorMessage(e, state) {
  if (!e || e.kind === 'unreachable') return t('unreachable');
  const status = e.status || 0;
  const parameter = e.parameter;
  if (parameter === 'kecamatan' && (status === 404 || status === 400)) {
    return t('errKecamatan', { code: (state && state.kecamatan) || '' });
  }
  if (parameter === 'period' && status === 404) return t('errPeriod', { period: (state && state.period) || '' });
  if (status === 400 && parameter) return t('errParameter', { parameter: paramName(parameter) });
  if (status === 401) return t('errUnauthorized');
  if (status === 403) return t('errForbidden');
  if (status === 422) return t('errRejected');
  if (status === 400) return t('errBadRequest');
  if (status === 404) return t('errNotFound');
  if (status === 503) return t('errStore');
  if (status >= 500) return t('errServer', { status });
  return t('errHttp', { status });
}

/** The parameter as the page calls it (its control's label), or its API name. */
function paramName(parameter) {
  const label = t(parameter === 'breaks' ? 'breaks' : parameter);
  return label === parameter ? parameter : label + ' (' + parameter + ')';
}

/** The server's own words, for a disclosure under the message; null when there are none. */
export function errorDetail(e) {
  return e && e.detail ? e.detail : null;
}

/**
 * What went wrong with an outreach activity write (SPEC §7): the token (401), its kecamatan (403),
 * a point outside the kelurahan or the fields at fault (422, from the problem's errors list).
 */
export function activityErrorMessage(e, kelurahan) {
  const status = e && e.status;
  const name = kelurahan ? kelurahan.name || kelurahan.code : '';
  if (status === 401) return t('planUnauthorized');
  if (status === 403) return t('planForbidden', { name });
  if (status === 422) {
    const errors = Array.isArray(e.errors) ? e.errors : [];
    if (errors.some((f) => f.field === 'lon' || f.field === 'lat')) return t('planPointOutside', { name });
    const fields = [...new Set(errors.map((f) => f.field))].map((f) => {
      const label = t(FIELD_LABELS[f] || f);
      return label === f ? f : label;
    });
    return t('planRejected', { fields: fields.join(', ') || '–' });
  }
  return errorMessage(e);
}

const FIELD_LABELS = {
  type: 'activityType', status: 'activityStatus', date: 'activityDate', organiser: 'activityOrganiser',
  code: 'activityKelurahan', target_group: 'activityTargetGroup', attendees: 'activityAttendees',
  registrations: 'activityRegistrations', note: 'activityNote',
};
