// The observation site's page (observe.html): today's ACTIVE observations of a site, fever and missed
// slots first; a temperature in two taps (the slot, then the value); release with an outcome.
// `?district=&siteCode=` opens a site's list, `?id=` one observation with its checks.
import './followup-texts.js';
import { initI18n, applyI18n, t, onLangChange, formatDateTime } from './i18n.js';
import { newIdempotencyKey } from './api.js';
import { loadDistricts } from './form.js';
import { checkTemperature, normalizeInput } from './validation.js';
import { requireSignIn, staffFetch, NetworkError, problemText, retryable, slotText, todayLocal, labelNav } from './staff-session.js';

initI18n();
const $ = (id) => document.getElementById(id);
const SITE_KEY = 'observeSite'; // the clerk's site (district and code; no personal data), for the next visit
const TEMPERATURES = ['36.2', '36.3', '36.4', '36.5', '36.6', '36.7', '36.8', '36.9', '37.0', '37.1', '37.2', '37.3', '37.4', '37.5'];
const FEVER_FROM = 37.3;

let items = []; // the site's ACTIVE observations, as the list returns them
const cardMessages = new Map(); // observation id → {text, alarm}: the last action's result, kept across re-renders

// ---------------------------------------------------------------- the site's list

/** Fever first, then missed slots (today's or earlier), then the rest; newest first within each. */
function rank(o) {
  const today = Object.values(o.today ?? {});
  if (o.alerts?.fever || today.includes('FEVER')) return 0;
  if (today.includes('MISSING') || o.alerts?.missed?.length) return 1;
  return 2;
}

async function loadSite() {
  const code = normalizeInput('text', $('site-code').value);
  $('site-code').value = code;
  const error = $('site-code-error');
  error.hidden = Boolean(code);
  error.textContent = code ? '' : t('err.required');
  if (!code) { $('site-code').setAttribute('aria-invalid', 'true'); $('site-code').focus(); return; }
  $('site-code').removeAttribute('aria-invalid');
  const district = $('site-district').value;
  try { localStorage.setItem(SITE_KEY, JSON.stringify({ district, siteCode: code })); } catch { /* not remembered */ }
  history.replaceState(null, '', `?${new URLSearchParams(district ? { district, siteCode: code } : { siteCode: code })}`);
  $('obs-detail').hidden = true;
  $('site-summary').textContent = t('msg.loading');
  const found = [];
  let nextToken = null;
  do {
    const q = new URLSearchParams({ siteCode: code, status: 'ACTIVE', limit: '100' });
    if (district) q.set('district', district);
    if (nextToken) q.set('nextToken', nextToken);
    let res;
    try {
      res = await staffFetch(`/observations?${q}`);
    } catch (err) {
      if (!(err instanceof NetworkError)) throw err;
      $('site-summary').textContent = t('msg.networkTitle');
      return;
    }
    if (!res) return;
    if (!res.ok) { $('site-summary').textContent = res.status === 403 ? t('fu.forbiddenStaff') : problemText(res); return; }
    found.push(...(res.data.items ?? []));
    nextToken = res.data.nextToken ?? null;
  } while (nextToken && found.length < 1000);
  items = found.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map((x) => x.o);
  renderList();
}

function renderList() {
  const fever = items.filter((o) => rank(o) === 0).length;
  const missed = items.filter((o) => rank(o) === 1).length;
  $('site-summary').textContent = items.length
    ? t('obs.summary', { n: items.length, fever, missed })
    : t('obs.empty', { code: $('site-code').value });
  $('obs-list').replaceChildren(...items.map(card));
  $('obs-reload').hidden = false;
}
onLangChange(() => { if (items.length) renderList(); });

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

/** Day n of the period (the start is day 1). */
function dayOf(o) {
  const ms = Date.parse(todayLocal()) - Date.parse(o.startDate);
  return Math.floor(ms / 86400000) + 1;
}

function card(o) {
  const li = el('li', `obs-card rank-${rank(o)}`);
  li.id = `obs-${o.id}`;
  li.dataset.id = o.id;
  const heading = el('h2', 'obs-name', o.name);
  heading.id = `obs-name-${o.id}`;
  if (rank(o) === 0) heading.append(' ', el('span', 'badge badge-fever', t('obs.badgeFever')));
  else if (rank(o) === 1) heading.append(' ', el('span', 'badge badge-missed', t('obs.badgeMissed')));
  li.setAttribute('aria-labelledby', heading.id);
  const meta = el('p', 'obs-meta', `${o.idNumberMasked} · ${t(`reason.${o.reason}`)} · ${t('obs.day', { n: dayOf(o), end: o.endDate })}`);
  const slots = el('div', 'slots');
  for (const slot of ['AM', 'PM']) slots.append(slotControl(o, slot));
  li.append(heading, meta, slots);
  const earlier = (o.alerts?.missed ?? []).filter((s) => s.localDate !== todayLocal());
  if (earlier.length) li.append(el('p', 'obs-alert', missedText(earlier)));
  const message = el('p', 'card-message');
  message.id = `msg-${o.id}`;
  message.setAttribute('role', 'status');
  const kept = cardMessages.get(o.id);
  if (kept) { message.textContent = kept.text; message.classList.toggle('alarm', kept.alarm); }
  const actions = el('div', 'card-actions');
  const details = el('a', 'details-link', t('obs.details'));
  details.href = `observe.html?id=${encodeURIComponent(o.id)}`;
  details.id = `details-${o.id}`;
  const release = el('button', 'secondary', t('obs.release'));
  release.type = 'button';
  release.id = `release-${o.id}`;
  release.addEventListener('click', () => openRelease(o));
  actions.append(details, release);
  li.append(message, actions);
  return li;
}

/** Missed slots: how many, and the latest few (a fortnight unchecked is 28 of them). */
function missedText(slots) {
  const latest = slots.slice(-4).map((s) => slotText(s.localDate, s.slot)).join('、');
  return t('obs.missedEarlier', { n: slots.length, list: slots.length > 4 ? `…${latest}` : latest });
}

/** DUE and MISSING are buttons (tap to record); DONE and FEVER are shown. */
function slotControl(o, slot) {
  const status = o.today?.[slot] ?? 'DUE';
  const open = status === 'DUE' || status === 'MISSING';
  const control = el(open ? 'button' : 'span', `slot slot-${status}`);
  control.id = `slot-${o.id}-${slot}`;
  control.dataset.status = status;
  control.append(el('span', 'slot-name', t(`slot.${slot}`)), el('span', 'slot-status', t(`today.${status}`)));
  if (open) {
    control.type = 'button';
    control.setAttribute('aria-label', `${o.name} ${t(`slot.${slot}`)} ${t(`today.${status}`)}：${t('obs.tapToRecord')}`);
    control.addEventListener('click', () => openCheck(o, slot));
  }
  return control;
}

function setCardMessage(id, text, alarm = false) {
  cardMessages.set(id, { text, alarm });
  const message = $(`msg-${id}`);
  if (message) { message.textContent = text; message.classList.toggle('alarm', alarm); }
}

// ---------------------------------------------------------------- a check in two taps

let checking = null; // {o, slot, date}: the slot whose temperature is being recorded
let sendingCheck = false;
// One Idempotency-Key per observation, slot and value until a final answer: a double tap or a retry
// of the same tap sends the same key, so the server records one check (and replays its answer).
const checkKeys = new Map();

for (const value of TEMPERATURES) {
  const b = el('button', `temp-choice${Number(value) >= FEVER_FROM ? ' temp-fever' : ''}`, value);
  b.type = 'button';
  b.dataset.value = value;
  b.id = `temp-${value.replace('.', '-')}`;
  b.addEventListener('click', () => recordCheck(value));
  $('temp-choices').append(b);
}

function openCheck(o, slot) {
  checking = { o, slot, date: todayLocal() };
  $('check-title').textContent = t('obs.checkTitle', { name: o.name, slot: t(`slot.${slot}`) });
  $('check-problem').hidden = true;
  $('check-status').textContent = '';
  $('temp-other').value = '';
  otherError('');
  $('check-dialog').showModal();
  $('temp-choices').querySelector('[data-value="36.5"]').focus();
}

function otherError(message) {
  $('temp-other-error').textContent = message;
  $('temp-other-error').hidden = !message;
  if (message) $('temp-other').setAttribute('aria-invalid', 'true'); else $('temp-other').removeAttribute('aria-invalid');
}

function checkBusy(busy) {
  for (const b of $('check-dialog').querySelectorAll('button:not(#check-cancel)')) b.disabled = busy;
  $('check-dialog').toggleAttribute('aria-busy', busy);
}

function checkProblem(text) {
  $('check-problem').textContent = text;
  $('check-problem').hidden = false;
  $('check-status').textContent = '';
}

async function recordCheck(value) {
  if (sendingCheck || !checking) return;
  const { o, slot, date } = checking;
  const slotKey = `${o.id}|${date}|${slot}|${value}`;
  if (!checkKeys.has(slotKey)) checkKeys.set(slotKey, newIdempotencyKey());
  sendingCheck = true;
  checkBusy(true);
  $('check-problem').hidden = true;
  $('check-status').textContent = t('msg.sending');
  try {
    const res = await staffFetch(`/observations/${encodeURIComponent(o.id)}/checks`, {
      method: 'POST',
      body: { localDate: date, slot, temperatureCelsius: Number(value) },
      idempotencyKey: checkKeys.get(slotKey),
      onRetry: (n) => { $('check-status').textContent = t('obs.retrying', { n }); },
    });
    if (!res) { $('check-dialog').close(); return; }
    if (!retryable(res)) checkKeys.delete(slotKey);
    if (res.status === 201) {
      const fever = Number(value) >= FEVER_FROM;
      setCardMessage(o.id, t(fever ? 'obs.recordedFever' : 'obs.recorded', { slot: t(`slot.${slot}`), value }), fever);
      $('check-dialog').close();
      await loadSite();
      $(`obs-${o.id}`)?.scrollIntoView({ block: 'nearest' });
    } else if (res.status === 409 && res.data?.type === '/problems/check-exists') {
      checkProblem(t('obs.slotTaken', { slot: slotText(date, slot) }));
      loadSite();
    } else if (res.status === 409 && res.data?.type === '/problems/observation-released') {
      checkProblem(t('obs.checkReleased'));
      loadSite();
    } else if (res.status === 400 && res.data?.errors?.length) {
      otherError(t('err.temperature'));
      $('check-status').textContent = '';
    } else if (res.status === 403) {
      checkProblem(t('fu.forbiddenStaff'));
    } else {
      checkProblem(problemText(res));
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    checkProblem(t('obs.checkNetwork'));
  } finally {
    sendingCheck = false;
    checkBusy(false);
  }
}

$('temp-other-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const value = normalizeInput('decimal', $('temp-other').value);
  $('temp-other').value = value;
  if (checkTemperature(value)) { otherError(t('err.temperature')); $('temp-other').focus(); return; }
  otherError('');
  recordCheck(String(Number(value).toFixed(1)));
});
$('temp-other').addEventListener('input', () => otherError(''));
$('check-cancel').addEventListener('click', () => $('check-dialog').close());
$('check-dialog').addEventListener('close', () => {
  const id = checking?.o.id;
  checking = null;
  $(`slot-${id}-AM`)?.focus();
});

// ---------------------------------------------------------------- release

let releasing = null; // the observation as the list (or the details) showed it: its version is the expected one
let releaseKey = null;

function outcome() {
  return document.querySelector('input[name="release-outcome"]:checked')?.value ?? 'COMPLETED';
}

function reasonError(message) {
  $('release-reason-error').textContent = message;
  $('release-reason-error').hidden = !message;
  if (message) $('release-reason').setAttribute('aria-invalid', 'true'); else $('release-reason').removeAttribute('aria-invalid');
}

function releaseProblem(...parts) {
  $('release-problem').replaceChildren(...parts.filter(Boolean));
  $('release-problem').hidden = false;
  $('release-problem').focus();
}

function openRelease(o) {
  releasing = o;
  releaseKey = newIdempotencyKey();
  $('release-title').textContent = t('obs.releaseTitle', { name: o.name });
  $('release-outcome-COMPLETED').checked = true;
  $('release-reason').value = '';
  reasonError('');
  $('release-problem').hidden = true;
  $('release-dialog').showModal();
  $('release-outcome-COMPLETED').focus();
}

// a changed choice or reason is another request: another key
$('release-form').addEventListener('input', () => { releaseKey = newIdempotencyKey(); reasonError(''); });
$('release-cancel').addEventListener('click', () => $('release-dialog').close());

/** The 422 of a COMPLETED release, in words: which slots of which day lack a check or had fever. */
function notCompletable(p) {
  const lines = [el('p', null, t('obs.notCompletable'))];
  const list = (slots) => slots.map((s) => slotText(s.localDate, s.slot)).join('、');
  if (p.endDate && p.endDate > todayLocal()) lines.push(el('p', null, t('obs.periodNotOver', { end: p.endDate })));
  if (p.missing?.length) {
    const m = el('p', null, t('obs.missingSlots', { list: list(p.missing) }));
    m.id = 'release-missing';
    lines.push(m);
  }
  if (p.fever?.length) {
    const f = el('p', null, t('obs.feverSlots', { list: list(p.fever) }));
    f.id = 'release-fever';
    lines.push(f);
  }
  lines.push(el('p', null, t('obs.otherOutcome')));
  return lines;
}

$('release-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const o = releasing;
  if (!o || $('release-submit').disabled) return;
  const chosen = outcome();
  const reason = $('release-reason').value.trim();
  if (chosen !== 'COMPLETED' && !reason) { reasonError(t('obs.reasonRequired')); $('release-reason').focus(); return; }
  $('release-problem').hidden = true;
  $('release-submit').disabled = true;
  try {
    const body = { outcome: chosen, expectedVersion: o.version };
    if (reason) body.reason = reason;
    const res = await staffFetch(`/observations/${encodeURIComponent(o.id)}/release`, { method: 'POST', body, idempotencyKey: releaseKey });
    if (!res) { $('release-dialog').close(); return; }
    if (!retryable(res)) releaseKey = newIdempotencyKey();
    if (res.ok) {
      $('release-dialog').close();
      showSiteMessage(t('obs.released', { name: o.name, outcome: t(`outcome.${res.data.status}`) }));
      if ($('obs-detail').hidden) await loadSite(); else await openDetails(o.id);
    } else if (res.status === 422 && res.data?.type === '/problems/not-completable') {
      releaseProblem(...notCompletable(res.data));
    } else if (res.status === 409) {
      const reload = el('button', 'primary', t('staff.reload'));
      reload.type = 'button';
      reload.id = 'release-reload';
      reload.addEventListener('click', () => { $('release-dialog').close(); if ($('obs-detail').hidden) loadSite(); else openDetails(o.id); });
      releaseProblem(el('p', null, t('obs.stale')), reload);
    } else if (res.status === 422) {
      releaseProblem(el('p', null, t('obs.alreadyReleased')));
    } else if (res.status === 400 && res.data?.errors?.some((x) => x.field === 'reason')) {
      reasonError(t('obs.reasonRequired'));
    } else {
      releaseProblem(el('p', null, res.status === 403 ? t('fu.forbiddenStaff') : problemText(res)));
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    releaseProblem(el('p', null, t('msg.networkDetail')));
  } finally {
    $('release-submit').disabled = false;
  }
});

function showSiteMessage(text) {
  $('site-message').textContent = text;
  $('site-message').hidden = !text;
}

// ---------------------------------------------------------------- one observation (?id=)

async function openDetails(id) {
  let res;
  try {
    res = await staffFetch(`/observations/${encodeURIComponent(id)}`);
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    $('site-summary').textContent = t('msg.networkTitle');
    return;
  }
  if (!res) return;
  if (!res.ok) { $('site-summary').textContent = res.status === 404 ? t('obs.notFound') : problemText(res); return; }
  const o = res.data;
  $('detail-heading').textContent = o.name;
  const rows = el('dl');
  const row = (label, value, rowId) => {
    const dd = el('dd', null, value ?? '—');
    if (rowId) dd.id = rowId;
    rows.append(el('dt', null, label), dd);
  };
  row(t('receipt.idMasked'), o.idNumberMasked);
  row(t('receipt.status'), t(`obsStatus.${o.status}`), 'detail-status');
  row(t('obs.site'), `${t(`obsSite.${o.site?.type}`)} ${o.site?.code ?? ''}`);
  row(t('obs.reason'), t(`reason.${o.reason}`));
  row(t('obs.period'), `${o.startDate} – ${o.endDate}`);
  if (o.releasedOn) row(t('obs.releasedOn'), `${o.releasedOn}${o.releaseReason ? `（${o.releaseReason}）` : ''}`);
  const checks = el('ol', 'checks');
  checks.id = 'detail-checks';
  for (const c of o.checks ?? []) {
    const li = el('li', c.fever ? 'alarm' : null, `${slotText(c.localDate, c.slot)}：${c.temperatureCelsius.toFixed(1)} °C${c.fever ? `（${t('obs.badgeFever')}）` : ''} · ${formatDateTime(c.recordedAt)} · ${c.recordedBy}`);
    checks.append(li);
  }
  if (!checks.children.length) checks.append(el('li', null, t('obs.noChecks')));
  const parts = [rows, el('h3', null, t('obs.checks')), checks];
  if (o.alerts?.missed?.length) {
    parts.push(el('p', 'obs-alert', missedText(o.alerts.missed)));
  }
  const actions = el('div', 'card-actions');
  const site = el('a', null, t('obs.openSite'));
  site.id = 'detail-site-link';
  site.href = `observe.html?${new URLSearchParams({ district: o.district, siteCode: o.site?.code ?? '' })}`;
  actions.append(site);
  if (o.status === 'ACTIVE') {
    const release = el('button', 'secondary', t('obs.release'));
    release.type = 'button';
    release.id = 'detail-release';
    release.addEventListener('click', () => openRelease(o));
    actions.append(release);
  }
  parts.push(actions);
  $('detail-body').replaceChildren(...parts);
  $('obs-detail').hidden = false;
  $('detail-heading').focus();
}

// ---------------------------------------------------------------- start

$('site-form').addEventListener('submit', (e) => { e.preventDefault(); showSiteMessage(''); cardMessages.clear(); loadSite(); });
$('obs-reload').addEventListener('click', () => loadSite());
$('site-code').addEventListener('change', () => { $('site-code').value = normalizeInput('text', $('site-code').value); });
labelNav();
applyI18n();

if (requireSignIn()) {
  const params = new URLSearchParams(location.search);
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(SITE_KEY) || '{}') ?? {}; } catch { saved = {}; }
  const district = params.get('district') ?? saved.district ?? '';
  $('site-district').dataset.prefill = district;
  $('site-district').value = district;
  $('site-code').value = params.get('siteCode') ?? saved.siteCode ?? '';
  loadDistricts($('site-district')).then(() => {
    const first = $('site-district').options[0];
    if (first) first.textContent = t('staff.allDistricts');
  });
  if (params.get('id')) openDetails(params.get('id'));
  else if ($('site-code').value) loadSite();
}
