// Staff console: sign-in (OpenID Connect authorization code with PKCE through oidc-client-ts, or a
// pasted token for scripts and tests), reopening applications (list, details, approve / reject /
// mark reopened with expectedVersion), and daily reports (list, download links, compile a day).
import { initI18n, applyI18n, t, onLangChange } from './i18n.js';
import { apiFetch, newIdempotencyKey, NetworkError } from './api.js';
import { loadDistricts, receiptList, showTopMessage } from './form.js';
import { readinessList } from './readiness.js';
import { localizeMessage, shortId } from './validation.js';
import { getLang, formatDateTime } from './i18n.js';
import { OIDC } from './config.js';
import { decodeClaims, TOKEN_KEY } from './staff-session.js';
import { UserManager, WebStorageStateStore } from '../vendor/oidc-client-ts.mjs';

initI18n();
const $ = (id) => document.getElementById(id);
const SIGNED_OUT_KEY = 'staffSignedOut';
const here = location.origin + location.pathname;

// The code flow: state, nonce and the PKCE verifier are kept in this tab's sessionStorage until the
// provider answers; the library checks the state, exchanges the code with the verifier and checks
// the ID token's nonce. The tokens stay in sessionStorage too (this tab only, gone when it closes).
const oidc = OIDC ? new UserManager({
  authority: OIDC.authority,
  client_id: OIDC.clientId,
  scope: OIDC.scope || 'openid',
  redirect_uri: here,
  post_logout_redirect_uri: here,
  response_type: 'code',
  response_mode: 'query',
  stateStore: new WebStorageStateStore({ store: sessionStorage }),
  userStore: new WebStorageStateStore({ store: sessionStorage }),
  automaticSilentRenew: false,
  monitorSession: false,
  loadUserInfo: false,
}) : null;

// ---------------------------------------------------------------- sign-in

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  if (oidc) oidc.removeUser().catch(() => {});
  $('console').hidden = true;
  $('signin').hidden = false;
  const msg = $('signin-message');
  msg.textContent = message || '';
  msg.hidden = !message;
  $('staff-token').value = '';
  (oidc ? $('signin-oidc') : $('staff-token')).focus();
}

/** Signs in with a bearer token: the ID token from the provider, or a pasted one. */
function signIn(raw) {
  const value = raw.trim().replace(/^Bearer\s+/i, '');
  if (!value) return signOut(t('staff.emptyToken'));
  const claims = decodeClaims(value);
  if (!claims) return signOut(t('staff.badToken'));
  if (claims.exp && claims.exp * 1000 < Date.now()) return signOut(t('staff.expired'));
  sessionStorage.setItem(TOKEN_KEY, value);
  $('signin').hidden = true;
  $('console').hidden = false;
  $('whoami').textContent = t('staff.signedInAs', { who: claims.email || claims['cognito:username'] || claims.sub || '' });
  loadApplications(true);
  loadReportDates(true);
}

/**
 * Back from the provider (?code=&state= or ?error=&state=): the library refuses a state this tab
 * did not store, a code the token endpoint does not exchange for this verifier, and an ID token
 * without this sign-in's nonce. The code and state leave the address bar either way.
 * Back from the provider's sign-out page (which may add nothing to the address): signed out.
 */
async function completeRedirect() {
  const params = new URLSearchParams(location.search);
  if (sessionStorage.getItem(SIGNED_OUT_KEY)) {
    sessionStorage.removeItem(SIGNED_OUT_KEY);
    if (!params.has('code')) {
      if (params.size) history.replaceState(null, '', location.pathname);
      signOut(t('staff.signedOut'));
      return true;
    }
  }
  if (!oidc || !params.has('state')) return false;
  history.replaceState(null, '', location.pathname);
  try {
    const user = await oidc.signinRedirectCallback(here + '?' + params);
    signIn(user.id_token);
  } catch (err) {
    signOut(params.has('error') ? `${t('staff.oidcFailed')} (${params.get('error')})` : t('staff.oidcFailed'));
  }
  return true;
}

if (oidc) {
  $('signin-oidc').hidden = false;
  $('signin-oidc').addEventListener('click', () => {
    $('signin-oidc').disabled = true;
    const nonce = crypto.randomUUID();
    oidc.signinRedirect({ nonce }).catch(() => {
      $('signin-oidc').disabled = false;
      signOut(t('staff.oidcFailed'));
    });
  });
} else {
  // no provider configured: the token is the only way in
  $('signin-token').open = true;
}

$('signin-form').addEventListener('submit', (e) => {
  e.preventDefault();
  signIn($('staff-token').value);
});
$('signout').addEventListener('click', async () => {
  const user = oidc ? await oidc.getUser().catch(() => null) : null;
  signOut(t('staff.signedOut'));
  if (!user) return;
  // end the provider's session too, where it offers RP-initiated logout (Cognito's discovery does not)
  const endSession = await oidc.metadataService.getEndSessionEndpoint().catch(() => undefined);
  if (!endSession) return;
  sessionStorage.setItem(SIGNED_OUT_KEY, '1');
  oidc.signoutRedirect({ id_token_hint: user.id_token }).catch(() => sessionStorage.removeItem(SIGNED_OUT_KEY));
});

/** A staff call: 401/403 send the user back to sign-in with a message. Returns null then. */
async function staffFetch(path, options = {}) {
  let res;
  try {
    res = await apiFetch(path, { ...options, token: token() });
  } catch (err) {
    if (err instanceof NetworkError) showTopMessage(t('msg.networkTitle'), t('msg.networkDetail'));
    throw err;
  }
  if (res.status === 401) { signOut(t('staff.unauthorized')); return null; }
  if (res.status === 403) { signOut(t('staff.forbidden')); return null; }
  return res;
}

const problemText = (res) => {
  const lang = getLang();
  const p = res.data || {};
  const parts = [p.title, p.detail].filter(Boolean).map((s) => localizeMessage(s, lang));
  return parts.join('：') || t('msg.httpError', { status: res.status });
};

// ---------------------------------------------------------------- tabs

const tabs = [$('tab-applications'), $('tab-reports')];
function selectTab(tab) {
  for (const other of tabs) {
    const on = other === tab;
    other.setAttribute('aria-selected', String(on));
    other.tabIndex = on ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') selectTab(tabs[(tabs.indexOf(tab) + 1) % tabs.length]);
  });
}

// ---------------------------------------------------------------- applications

let appNextToken = null;
let districts = [];
loadDistricts($('filter-district')).then((list) => {
  districts = list;
  // the first option of this select means "all districts"
  const first = $('filter-district').options[0];
  if (first) first.textContent = t('staff.allDistricts');
});
const districtName = (code) => {
  const d = districts.find((x) => x.code === code);
  return d ? (getLang() === 'en' ? d.nameEn || d.name : d.name) : code;
};

async function loadApplications(reset) {
  if (reset) { appNextToken = null; $('app-rows').replaceChildren(); }
  const q = new URLSearchParams({ status: $('filter-status').value, limit: '20' });
  if ($('filter-district').value) q.set('district', $('filter-district').value);
  if (appNextToken) q.set('nextToken', appNextToken);
  const res = await staffFetch(`/reopenings?${q}`);
  if (!res) return;
  if (!res.ok) { $('app-count').textContent = problemText(res); return; }
  for (const app of res.data.items ?? []) $('app-rows').append(applicationRow(app));
  appNextToken = res.data.nextToken ?? null;
  $('app-more').hidden = !appNextToken;
  showCount();
}

/** How many applications the list shows now; no empty table under "0 shown". */
function showCount() {
  const n = $('app-rows').children.length;
  $('app-count').textContent = t('staff.count', { n });
  $('app-table').hidden = n === 0;
}

function applicationRow(app) {
  const tr = document.createElement('tr');
  tr.dataset.id = app.id;
  const cell = (text) => { const td = document.createElement('td'); td.textContent = text ?? '—'; return td; };
  const ready = document.createElement('td');
  if (app.readiness) {
    ready.textContent = app.readiness.ready ? t('ready.ready') : t('ready.notReady', { n: app.readiness.missing.length });
    ready.className = app.readiness.ready ? 'ok' : 'missing';
  } else ready.textContent = '—';
  const action = document.createElement('td');
  const open = document.createElement('button');
  open.type = 'button';
  open.className = 'secondary open-app';
  open.id = `open-${app.id}`;
  open.textContent = t('staff.open');
  open.addEventListener('click', () => openDetails(app.id));
  action.append(open);
  const number = cell(shortId(app.id));
  number.className = 'short-id';
  tr.append(cell(app.enterprise?.name), number, cell(`${districtName(app.district)} ${app.street ?? ''}`), cell(formatDateTime(app.submittedAt)), ready, action);
  return tr;
}

$('app-filter').addEventListener('submit', (e) => { e.preventDefault(); loadApplications(true); });
$('app-more').addEventListener('click', () => loadApplications(false));

let current = null; // the application shown in the details panel

/** Everything typed or shown for one application goes when another one (or the same one again) is opened. */
function resetDecisionState() {
  $('conflict').hidden = true;
  $('action-message').textContent = '';
  $('reject-reason').value = '';
  fieldError('reject-reason', '');
  fieldError('reopened-date', '');
  if ($('confirm-dialog').open) $('confirm-dialog').close();
  pendingDecision = null;
}

async function openDetails(id, { keepMessage = false } = {}) {
  const message = $('action-message').textContent;
  resetDecisionState();
  current = null;
  $('app-details').setAttribute('aria-busy', 'true');
  const res = await staffFetch(`/reopenings/${encodeURIComponent(id)}/details`);
  $('app-details').removeAttribute('aria-busy');
  if (!res) return;
  if (!res.ok) { showTopMessage(problemText(res)); return; }
  current = res.data;
  for (const row of $('app-rows').children) {
    if (row.dataset.id === id) row.setAttribute('aria-current', 'true'); else row.removeAttribute('aria-current');
  }
  renderDetails();
  if (keepMessage) $('action-message').textContent = message;
  $('app-details').hidden = false;
  $('app-details').scrollIntoView({ block: 'nearest' });
  $('details-heading').focus();
}

function renderDetails() {
  const a = current;
  $('details-heading').textContent = a.enterprise?.name ?? a.id;
  const e = a.enterprise ?? {};
  const p = a.prevention ?? {};
  const rows = [
    [t('receipt.shortNumber'), shortId(a.id), 'details-short'],
    [t('receipt.applicationId'), a.id, 'details-id'],
    [t('receipt.status'), t(`status.${a.status}`), 'details-status'],
    [t('staff.version'), String(a.version), 'details-version'],
    [t('reo.creditCode'), e.creditCode],
    [t('staff.industry'), e.industry],
    [t('staff.employees'), `${e.employees ?? '—'}${e.aboveDesignatedSize ? `（${t('staff.aboveSize')}）` : ''}`],
    [t('common.district'), `${districtName(a.district)} ${a.street ?? ''}`],
    [t('staff.contact'), a.contact ? `${a.contact.name} ${a.contact.phone ?? ''}` : '—'],
    [t('staff.plannedDate'), a.plannedDate],
    [t('staff.returning'), `${a.returningEmployees ?? '—'} / ${a.employeesFromHubei ?? '—'}`],
    [t('staff.prevention'), `${p.responsiblePerson ?? '—'}；${t('staff.disinfections', { n: p.disinfectionsPerDay ?? '—' })}；${t('staff.masks', { n: p.masksInStock ?? '—' })}；${t('staff.thermometers', { n: p.thermometers ?? '—' })}`],
    [t('staff.difficulties'), [...(a.difficulties ?? []), a.difficultyNote].filter(Boolean).join('；') || '—'],
    [t('receipt.submittedAt'), formatDateTime(a.submittedAt)],
  ];
  if (a.reason) rows.push([t('st.reason'), a.reason, 'details-reason']);
  if (a.reopenedOn) rows.push([t('st.reopenedOn'), a.reopenedOn]);
  const history = document.createElement('ol');
  history.id = 'details-history';
  for (const h of a.history ?? []) {
    const li = document.createElement('li');
    li.textContent = `${formatDateTime(h.at)} ${h.actor === 'applicant' ? t('staff.actorApplicant') : h.actor}：${h.from ? t(`status.${h.from}`) : '—'} → ${t(`status.${h.to}`)}${h.reason ? `（${h.reason}）` : ''}`;
    history.append(li);
  }
  const hh = document.createElement('h3');
  hh.textContent = t('staff.history');
  $('details-body').replaceChildren(receiptList(rows), readinessList(a.readiness, 'details-readiness'), hh, history);
  $('decision-actions').hidden = a.status !== 'SUBMITTED';
  $('reopened-actions').hidden = a.status !== 'APPROVED';
  $('reopened-date').value = a.plannedDate && a.plannedDate <= new Date().toLocaleDateString('sv') ? a.plannedDate : new Date().toLocaleDateString('sv');
}
onLangChange(() => { if (current) renderDetails(); });

function fieldError(id, message) {
  const el = $(`${id}-error`);
  el.textContent = message;
  el.hidden = !message;
  if (message) $(id).setAttribute('aria-invalid', 'true'); else $(id).removeAttribute('aria-invalid');
}

let pendingDecision = null; // {app, path, body, button} awaiting the confirmation

/** Sends one workflow step for `app` (the application it was confirmed for, never whichever is open by then). */
async function transition(app, path, body) {
  $('conflict').hidden = true;
  $('action-message').textContent = t('msg.sending');
  for (const b of document.querySelectorAll('#app-details button')) b.disabled = true;
  let focusAfter = null;
  try {
    const res = await staffFetch(path, { method: 'POST', body: { ...body, expectedVersion: app.version }, idempotencyKey: newIdempotencyKey() });
    if (!res) return;
    if (res.ok) {
      // it no longer matches the list's status filter
      $(`open-${app.id}`)?.closest('tr')?.remove();
      showCount();
      $('action-message').textContent = t('staff.done', { status: t(`status.${res.data?.status}`) });
      if (current?.id === app.id) await openDetails(app.id, { keepMessage: true });
    } else if (res.status === 409) {
      $('action-message').textContent = '';
      $('conflict').hidden = false;
      focusAfter = $('conflict-reload');
    } else if (res.status === 400 && res.data?.errors?.length) {
      $('action-message').textContent = '';
      for (const err of res.data.errors) {
        const target = err.field === 'reopenedOn' ? 'reopened-date' : 'reject-reason';
        fieldError(target, localizeMessage(err.message, getLang()));
        focusAfter ??= $(target);
      }
    } else {
      $('action-message').textContent = problemText(res);
    }
  } finally {
    for (const b of document.querySelectorAll('#app-details button')) b.disabled = false;
    // a disabled button cannot take the focus: move it only once the buttons are enabled again
    focusAfter?.focus();
  }
}

/** The confirmation names the enterprise and what its plan lacks, so a decision cannot go to the wrong one. */
function confirmDecision(decision) {
  const app = current;
  if (!app) return;
  const name = app.enterprise?.name ?? shortId(app.id);
  const reason = $('reject-reason').value.trim();
  if (decision === 'REJECT') {
    fieldError('reject-reason', reason ? '' : t('staff.reasonRequired'));
    if (!reason) { $('reject-reason').focus(); return; }
  }
  const missing = app.readiness?.missing ?? [];
  $('confirm-title').textContent = t(decision === 'APPROVE' ? 'staff.confirmApproveTitle' : 'staff.confirmRejectTitle', { name });
  const lines = [`${t('staff.shortId')} ${shortId(app.id)} · ${districtName(app.district)} ${app.street ?? ''}`];
  lines.push(missing.length
    ? t('staff.confirmMissing', { n: missing.length, list: missing.map((m) => t(`ready.${m}`)).join('、') })
    : t('staff.confirmComplete'));
  if (decision === 'REJECT') lines.push(t('staff.confirmReason', { reason }));
  $('confirm-text').replaceChildren(...lines.map((line) => { const p = document.createElement('p'); p.textContent = line; return p; }));
  $('confirm-text').classList.toggle('missing', decision === 'APPROVE' && missing.length > 0);
  $('confirm-ok').textContent = t(decision === 'APPROVE' ? 'staff.confirmApprove' : 'staff.confirmReject');
  $('confirm-ok').className = decision === 'APPROVE' ? 'primary' : 'danger';
  pendingDecision = {
    app,
    path: `/reopenings/${encodeURIComponent(app.id)}/decision`,
    body: decision === 'APPROVE' ? { decision } : { decision, reason },
    opener: $(decision === 'APPROVE' ? 'approve' : 'reject'),
  };
  $('confirm-dialog').showModal();
  $('confirm-cancel').focus();
}

$('approve').addEventListener('click', () => confirmDecision('APPROVE'));
$('reject').addEventListener('click', () => confirmDecision('REJECT'));
$('confirm-cancel').addEventListener('click', () => $('confirm-dialog').close());
$('confirm-dialog').addEventListener('close', () => {
  if (pendingDecision) pendingDecision.opener.focus();
  pendingDecision = null;
});
$('confirm-ok').addEventListener('click', () => {
  const decision = pendingDecision;
  pendingDecision = null;
  $('confirm-dialog').close();
  if (!decision || current?.id !== decision.app.id) return;
  transition(decision.app, decision.path, decision.body);
});
$('mark-reopened').addEventListener('click', () => {
  const date = $('reopened-date').value;
  fieldError('reopened-date', date ? '' : t('err.required'));
  if (!date) { $('reopened-date').focus(); return; }
  transition(current, `/reopenings/${encodeURIComponent(current.id)}/reopened`, { reopenedOn: date });
});
$('conflict-reload').addEventListener('click', () => { const id = current?.id; if (id) openDetails(id); });

// ---------------------------------------------------------------- reports

let reportNextToken = null;
const yesterday = () => { const d = new Date(); d.setDate(d.getDate() - 1); return d.toLocaleDateString('sv'); };
$('report-date').value = yesterday();
$('report-date').max = new Date().toLocaleDateString('sv');

async function loadReportDates(reset) {
  if (reset) { reportNextToken = null; $('report-dates').replaceChildren(); }
  const q = new URLSearchParams({ limit: '20' });
  if (reportNextToken) q.set('nextToken', reportNextToken);
  const res = await staffFetch(`/reports?${q}`);
  if (!res) return;
  if (!res.ok) { $('report-message').textContent = problemText(res); return; }
  for (const date of res.data.dates ?? []) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary report-date';
    b.dataset.date = date;
    b.textContent = date;
    b.addEventListener('click', () => { $('report-date').value = date; showReport(date); });
    li.append(b);
    $('report-dates').append(li);
  }
  reportNextToken = res.data.nextToken ?? null;
  $('report-more').hidden = !reportNextToken;
}

const formatBytes = (n) => (n >= 1024 ? `${(n / 1024).toFixed(1)} KB` : `${n} B`);

async function showReport(date) {
  $('report-message').textContent = '';
  const res = await staffFetch(`/reports/${encodeURIComponent(date)}`);
  if (!res) return;
  if (res.status === 404) {
    $('report-files').hidden = true;
    $('report-message').textContent = t('staff.noReport', { date });
    return;
  }
  if (!res.ok) { $('report-message').textContent = problemText(res); return; }
  $('report-files-heading').textContent = t('staff.reportOf', { date: res.data.date });
  $('report-generated').textContent = t('staff.generatedAt', { at: formatDateTime(res.data.generatedAt) });
  $('report-file-list').replaceChildren(...(res.data.files ?? []).map((f) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = f.url;
    a.className = 'report-link';
    a.dataset.name = f.name;
    a.rel = 'noopener';
    a.textContent = f.name;
    li.append(a, ` （${formatBytes(f.bytes ?? 0)}，${t('staff.expires', { at: new Date(f.expiresAt).toLocaleString(getLang() === 'en' ? 'en-GB' : 'zh-CN') })}）`);
    return li;
  }));
  $('report-files').hidden = false;
}

$('report-form').addEventListener('submit', (e) => { e.preventDefault(); showReport($('report-date').value); });
$('report-more').addEventListener('click', () => loadReportDates(false));
$('compile-day').addEventListener('click', async () => {
  const date = $('report-date').value;
  if (!date) { $('report-date').focus(); return; }
  $('compile-day').disabled = true;
  try {
    const res = await staffFetch(`/reports/${encodeURIComponent(date)}`, { method: 'POST', body: {}, idempotencyKey: newIdempotencyKey() });
    if (!res) return;
    $('report-message').textContent = res.status === 202 ? t('staff.compiling', { date }) : problemText(res);
  } finally {
    $('compile-day').disabled = false;
  }
});

// ---------------------------------------------------------------- start

applyI18n();
if (!(await completeRedirect())) {
  if (token()) signIn(token());
  else $('signin').hidden = false;
}
