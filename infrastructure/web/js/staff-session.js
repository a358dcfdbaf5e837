// What the follow-up pages (observe.html, trace.html) share: the staff console's sign-in (the ID token
// it keeps in this tab's sessionStorage; signing in happens on staff.html, the provider's redirect
// URI), staff calls, and problem texts in the chosen language.
import { apiFetch, NetworkError, retryable } from './api.js';
import { plainMessage } from './form.js';
import { t, getLang, onLangChange } from './i18n.js';

/** Where staff.js keeps the ID token in this tab, and where these pages read it. */
export const TOKEN_KEY = 'staffToken';

/** The claims of a JWT (for showing who is signed in and hints; the server checks), or null. */
export function decodeClaims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part.padEnd(Math.ceil(part.length / 4) * 4, '=')), (c) => c.charCodeAt(0)));
    return JSON.parse(json);
  } catch {
    return null;
  }
}

/** The signed-in staff member's token, or null when there is none or it has expired. */
export function staffToken() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const claims = token ? decodeClaims(token) : null;
  if (!claims || (claims.exp && claims.exp * 1000 < Date.now())) return null;
  return token;
}

/** The groups the token names (the API's default claim, or `groups`); a hint only. */
export function staffGroups() {
  const claims = decodeClaims(staffToken() ?? '') ?? {};
  const groups = claims['cognito:groups'] ?? claims.groups ?? [];
  return Array.isArray(groups) ? groups : String(groups).replace(/[[\]]/g, '').split(/[\s,]+/);
}

/**
 * Shows the console (#console) when signed in, else the sign-in notice (#signin-needed, which
 * links to staff.html) with `message`. Returns whether signed in.
 */
export function requireSignIn(message) {
  const token = staffToken();
  document.getElementById('console').hidden = !token;
  document.getElementById('signin-needed').hidden = Boolean(token);
  const text = document.getElementById('signin-needed-message');
  text.textContent = message || t('fu.signinNeeded');
  if (token) {
    const claims = decodeClaims(token) ?? {};
    document.getElementById('whoami').textContent = t('staff.signedInAs', { who: claims.email || claims['cognito:username'] || claims.sub || '' });
  }
  return Boolean(token);
}

/**
 * A staff call. A 401 (expired or refused token) shows the sign-in notice and returns null; every
 * other answer (403 included: these pages say which group is missing) is the caller's.
 * A network failure after the retries throws NetworkError.
 */
export async function staffFetch(path, options = {}) {
  const res = await apiFetch(path, { ...options, token: staffToken() });
  if (res.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    requireSignIn(t('staff.unauthorized'));
    return null;
  }
  return res;
}

export { NetworkError, retryable };

/** The problem's title and detail in the chosen language (never the internal word for the key). */
export function problemText(res) {
  const p = res.data || {};
  const parts = [p.title, p.detail].filter(Boolean).map(plainMessage);
  return parts.join('：') || t('msg.httpError', { status: res.status });
}

/** "2020-02-14" and "AM" → "2月14日 上午" (or "14 Feb, morning"). */
export function slotText(localDate, slot) {
  const [y, m, d] = localDate.split('-').map(Number);
  const day = getLang() === 'en'
    ? new Date(y, m - 1, d).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })
    : `${m}月${d}日`;
  return `${day} ${t(`slot.${slot}`)}`;
}

/** The pages' navigation is named in the chosen language. */
export function labelNav() {
  const nav = document.querySelector('.page-nav');
  const label = () => nav?.setAttribute('aria-label', t('fu.navLabel'));
  label();
  onLangChange(label);
}

/** Today's local date (the browser's), as the API's `localDate`. */
export const todayLocal = () => new Date().toLocaleDateString('sv');
