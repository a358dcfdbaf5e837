// HTTP calls to the API on the same origin (or the base URL in config.js). Retries after a
// network error, a timeout, 502/503/504 (honouring Retry-After) with the SAME Idempotency-Key
// and body, so a retry never creates a second record.

import { API_BASE } from './config.js';

export class NetworkError extends Error {}

const RETRYABLE = new Set([502, 503, 504]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Delay before the next try: the server's Retry-After (seconds or HTTP date), else backoff. */
export function retryDelayMs(retryAfter, attempt, now = Date.now()) {
  const backoff = Math.min(1000 * 2 ** attempt, 8000);
  if (!retryAfter) return backoff;
  if (/^\d+$/.test(retryAfter.trim())) return Math.min(Number(retryAfter) * 1000, 30000);
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) ? backoff : Math.min(Math.max(at - now, 0), 30000);
}

/** Answers after which the same request may be sent again with the same Idempotency-Key. */
export function retryable(res) {
  return res.status === 408 || res.status === 425 || res.status === 429 || res.status >= 500
    || res.data?.type === '/problems/idempotency-in-progress';
}

export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends one request. Returns {status, ok, data, headers}; `data` is the parsed JSON body
 * (a problem+json for errors) or null. Throws NetworkError when every try failed to get an answer.
 */
export async function apiFetch(path, { method = 'GET', body, idempotencyKey, token, retries = 3, timeoutMs = 20000, onRetry } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  if (token) headers.Authorization = `Bearer ${token}`;
  const payload = body === undefined ? undefined : JSON.stringify(body);

  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(API_BASE + path, {
        method, headers, body: payload, credentials: 'omit', cache: 'no-store',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      if (attempt >= retries) throw new NetworkError(err?.message || 'network error');
      onRetry?.(attempt + 1);
      await sleep(retryDelayMs(null, attempt));
      continue;
    }
    // A 409 on a retry with the same key means the first try is still being processed: wait for it.
    const inProgress = response.status === 409 && attempt > 0 && idempotencyKey;
    if ((RETRYABLE.has(response.status) || inProgress) && attempt < retries) {
      onRetry?.(attempt + 1);
      await sleep(retryDelayMs(response.headers.get('Retry-After'), attempt));
      continue;
    }
    const type = response.headers.get('Content-Type') || '';
    let data = null;
    if (type.includes('json')) {
      try { data = await response.json(); } catch { data = null; }
    }
    return { status: response.status, ok: response.ok, data, headers: response.headers };
  }
}
