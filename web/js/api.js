// Talking to the cakupan API: JSON or RFC 9457 problem details, with a small response cache.

export class ApiError extends Error {
  /**
   * kind: 'unreachable' (no answer), 'nodata' (404), 'http' (any other refusal); detail: the
   * server's own (English) words, for a disclosure only (js/errors.js says it in the page's language).
   */
  constructor(message, kind, status, parameter, detail) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.parameter = parameter;
    this.detail = detail || null;
  }
}

const cache = new Map();
const CACHE_LIMIT = 120;

export async function getJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json, application/geo+json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(e.message, 'unreachable');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
  }
  if (!response.ok) {
    const detail = body && body.detail ? body.detail : 'HTTP ' + response.status;
    throw new ApiError(detail, response.status === 404 ? 'nodata' : 'http', response.status, body && body.parameter,
      body && body.detail);
  }
  if (body === null) throw new ApiError('HTTP ' + response.status + ' without JSON', 'http', response.status);
  return body;
}

/** Like getJson, but keeps answers (the data only changes on import; a reload starts afresh). */
export async function getCached(url, signal) {
  if (cache.has(url)) {
    const hit = cache.get(url);
    cache.delete(url);
    cache.set(url, hit);
    return hit;
  }
  const body = await getJson(url, signal);
  cache.set(url, body);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value);
  return body;
}

export function clearCache() {
  cache.clear();
}

/**
 * A write with a bearer token: the parsed answer, or an ApiError whose status says why not
 * (401 no or wrong token, 403 outside the token's rights, 400/422 bad input).
 */
export async function sendJson(method, url, body, token) {
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  let response;
  try {
    response = await fetch(url, { method, headers, body: JSON.stringify(body) });
  } catch (e) {
    throw new ApiError(e.message, 'unreachable');
  }
  let answer = null;
  try {
    answer = await response.json();
  } catch (e) {
    // an empty 204 or a non-JSON refusal: the status alone tells
  }
  if (!response.ok) {
    throw new ApiError(answer && answer.detail ? answer.detail : 'HTTP ' + response.status,
      response.status === 404 ? 'nodata' : 'http', response.status, answer && answer.parameter, answer && answer.detail);
  }
  return answer;
}
