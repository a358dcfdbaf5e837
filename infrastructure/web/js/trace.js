// The tracing page (trace.html): a person's registrations and observations (POST /persons/lookup: the
// ID number only in the body, never in a URL or in storage), a site's day (GET /sites/{type}/{code}/visits,
// paged), and "put under observation" from a registration (POST /observations with registrationId).
import './followup-texts.js';
import { initI18n, applyI18n, t, formatDateTime, getLang } from './i18n.js';
import { newIdempotencyKey } from './api.js';
import { loadDistricts } from './form.js';
import { checkResidentId, checkOtherId, normalizeInput, localizeMessage } from './validation.js';
import { requireSignIn, staffFetch, staffGroups, NetworkError, problemText, retryable, todayLocal, labelNav } from './staff-session.js';

initI18n();
const $ = (id) => document.getElementById(id);

const el = (tag, className, text) => {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
};

function fieldError(id, message) {
  $(`${id}-error`).textContent = message;
  $(`${id}-error`).hidden = !message;
  if (message) $(id).setAttribute('aria-invalid', 'true'); else $(id).removeAttribute('aria-invalid');
}

function showProblem(id, ...parts) {
  $(id).replaceChildren(...parts.map((p) => (typeof p === 'string' ? el('p', null, p) : p)));
  $(id).hidden = false;
  $(id).focus();
}

/** 403 on a tracing route: the account lacks the `tracer` group (the API says no more). */
const forbiddenText = () => t('trace.forbidden');

const districtName = (() => {
  let list = [];
  loadDistricts($('observe-district')).then((d) => { list = d; });
  return (code) => {
    const d = list.find((x) => x.code === code);
    return d ? (getLang() === 'en' ? d.nameEn || d.name : d.name) : code;
  };
})();

const risk = (level, fever) => {
  const span = el('span', `risk-${String(level).toLowerCase()}`, t(`risk.${level}`));
  const cell = el('span');
  cell.append(span);
  if (fever) cell.append('，', el('strong', 'risk-high', t('receipt.fever')));
  return cell;
};

// ---------------------------------------------------------------- lookup

$('lookup-idNumber').addEventListener('change', () => {
  $('lookup-idNumber').value = normalizeInput('id', $('lookup-idNumber').value);
});
for (const id of ['lookup-idNumber', 'lookup-purpose']) $(id).addEventListener('input', () => fieldError(id, ''));

function idProblem(type, number) {
  if (!number) return t('err.required');
  if (type !== 'RESIDENT_ID') return checkOtherId(number) ? t('err.otherId') : '';
  if (number.length !== 18) return t('err.idLength', { n: number.length });
  const code = checkResidentId(number);
  return code ? t({ format: 'err.idCharacters', 'birth-date': 'err.idBirth', checksum: 'err.idChecksum' }[code]) : '';
}

let lookingUp = false;
$('lookup-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (lookingUp) return;
  const idType = $('lookup-idType').value;
  const idNumber = normalizeInput('id', $('lookup-idNumber').value);
  const purpose = $('lookup-purpose').value.trim();
  $('lookup-idNumber').value = idNumber;
  const idError = idProblem(idType, idNumber);
  fieldError('lookup-idNumber', idError);
  fieldError('lookup-purpose', purpose ? '' : t('err.required'));
  if (idError || !purpose) { $(idError ? 'lookup-idNumber' : 'lookup-purpose').focus(); return; }
  $('lookup-problem').hidden = true;
  lookingUp = true;
  $('lookup-submit').disabled = true;
  try {
    const res = await staffFetch('/persons/lookup', { method: 'POST', body: { idType, idNumber, purpose }, idempotencyKey: newIdempotencyKey() });
    if (!res) return;
    if (res.ok) {
      // the number has done its work: it does not stay on the screen (the result shows it masked)
      $('lookup-idNumber').value = '';
      renderLookup(res.data);
    } else if (res.status === 403) {
      showProblem('lookup-problem', forbiddenText());
    } else if (res.status === 400 && res.data?.errors?.length) {
      for (const err of res.data.errors) {
        const target = err.field === 'purpose' ? 'lookup-purpose' : 'lookup-idNumber';
        fieldError(target, localizeMessage(err.message, getLang()));
      }
      $('lookup-form').querySelector('[aria-invalid="true"]')?.focus();
    } else {
      showProblem('lookup-problem', problemText(res));
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    showProblem('lookup-problem', t('msg.networkTitle'));
  } finally {
    lookingUp = false;
    $('lookup-submit').disabled = false;
  }
});

function renderLookup(data) {
  $('lookup-masked').textContent = data.idNumberMasked;
  const regs = data.registrations ?? [];
  $('lookup-reg-count').textContent = t('trace.regCount', { n: regs.length });
  $('lookup-reg-table').hidden = regs.length === 0;
  $('lookup-reg-rows').replaceChildren(...regs.map((r) => {
    const tr = el('tr');
    tr.dataset.id = r.id;
    const cell = (content) => { const td = el('td'); td.append(content ?? '—'); return td; };
    const action = el('button', 'secondary', t('trace.observe'));
    action.type = 'button';
    action.id = `observe-reg-${r.id}`;
    action.addEventListener('click', () => openObserve({
      registrationId: r.id,
      district: r.district,
      who: t('trace.observeFromLookup', { masked: data.idNumberMasked, at: formatDateTime(r.occurredAt), site: `${t(`site.${r.site?.type}`)} ${r.site?.code ?? ''}` }),
      opener: action,
    }));
    tr.append(cell(formatDateTime(r.occurredAt)), cell(`${t(`site.${r.site?.type}`)} ${r.site?.code ?? ''} · ${districtName(r.district)}`),
      cell(risk(r.riskLevel, r.fever)), cell(r.vehiclePlate || '—'), cell(action));
    return tr;
  }));
  const observations = data.observations ?? [];
  $('lookup-obs-list').replaceChildren(...(observations.length ? observations.map((o) => {
    const li = el('li');
    const a = el('a', null, `${o.name} · ${t(`obsStatus.${o.status}`)} · ${o.startDate} – ${o.endDate} · ${t(`obsSite.${o.site?.type}`)} ${o.site?.code ?? ''}`);
    a.href = `observe.html?id=${encodeURIComponent(o.id)}`;
    a.id = `lookup-obs-${o.id}`;
    li.append(a);
    return li;
  }) : [el('li', null, t('trace.noObservations'))]));
  $('lookup-result').hidden = false;
  $('lookup-result').focus();
}

// ---------------------------------------------------------------- a site's day

let visitsQuery = null; // the query the shown rows answer (for the next page)
let visitsNext = null;
$('visits-date').value = todayLocal();
$('visits-date').max = todayLocal();
for (const id of ['visits-siteCode', 'visits-date', 'visits-purpose']) $(id).addEventListener('input', () => fieldError(id, ''));

async function loadVisits(more) {
  if (!more) {
    const code = normalizeInput('text', $('visits-siteCode').value);
    $('visits-siteCode').value = code;
    const purpose = $('visits-purpose').value.trim();
    const date = $('visits-date').value;
    fieldError('visits-siteCode', code ? '' : t('err.required'));
    fieldError('visits-date', date ? '' : t('err.required'));
    fieldError('visits-purpose', purpose ? '' : t('err.required'));
    const invalid = $('visits-form').querySelector('[aria-invalid="true"]');
    if (invalid) { invalid.focus(); return; }
    visitsQuery = { type: $('visits-siteType').value, code, date, purpose };
    visitsNext = null;
    $('visits-rows').replaceChildren();
  }
  $('visits-problem').hidden = true;
  const { type, code, date, purpose } = visitsQuery;
  const q = new URLSearchParams({ date, purpose, limit: '20' });
  if (more && visitsNext) q.set('nextToken', visitsNext);
  $('visits-submit').disabled = true;
  $('visits-more').disabled = true;
  try {
    const res = await staffFetch(`/sites/${encodeURIComponent(type)}/${encodeURIComponent(code)}/visits?${q}`);
    if (!res) return;
    if (res.ok) {
      for (const v of res.data.items ?? []) $('visits-rows').append(visitRow(v));
      visitsNext = res.data.nextToken ?? null;
      const n = $('visits-rows').children.length;
      $('visits-count').textContent = n ? t('trace.visitCount', { n, site: `${t(`site.${type}`)} ${code}`, date }) : t('trace.noVisits', { site: `${t(`site.${type}`)} ${code}`, date });
      $('visits-table').hidden = n === 0;
      $('visits-more').hidden = !visitsNext;
    } else if (res.status === 403) {
      showProblem('visits-problem', forbiddenText());
    } else if (res.status === 400 && res.data?.errors?.length) {
      for (const err of res.data.errors) {
        const target = { purpose: 'visits-purpose', date: 'visits-date' }[err.field] ?? 'visits-siteCode';
        fieldError(target, localizeMessage(err.message, getLang()));
      }
    } else {
      showProblem('visits-problem', res.status === 404 ? t('trace.noSite') : problemText(res));
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    showProblem('visits-problem', t('msg.networkTitle'));
  } finally {
    $('visits-submit').disabled = false;
    $('visits-more').disabled = false;
  }
}

function visitRow(v) {
  const tr = el('tr');
  tr.dataset.id = v.registrationId;
  const cell = (content) => { const td = el('td'); td.append(content ?? '—'); return td; };
  const action = el('button', 'secondary', t('trace.observe'));
  action.type = 'button';
  action.id = `observe-visit-${v.registrationId}`;
  action.addEventListener('click', () => openObserve({
    registrationId: v.registrationId,
    district: '',
    who: t('trace.observeFromVisit', { name: v.name, masked: v.idNumberMasked, at: formatDateTime(v.occurredAt) }),
    opener: action,
  }));
  tr.append(cell(formatDateTime(v.occurredAt)), cell(v.name), cell(v.idNumberMasked), cell(risk(v.riskLevel, v.fever)), cell(action));
  return tr;
}

$('visits-form').addEventListener('submit', (e) => { e.preventDefault(); loadVisits(false); });
$('visits-more').addEventListener('click', () => loadVisits(true));

// ---------------------------------------------------------------- put under observation

let observing = null; // {registrationId, district, who, opener}
let observeKey = null; // one key per request body: kept across retries, renewed once the form changes or is answered
let observeSending = false;

function openObserve(from) {
  observing = from;
  observeKey = newIdempotencyKey();
  $('observe-person').textContent = from.who;
  if (from.district) $('observe-district').value = from.district;
  for (const id of ['observe-district', 'observe-siteCode', 'observe-note']) fieldError(id, '');
  $('observe-problem').hidden = true;
  $('observe-done').hidden = true;
  $('observe-submit').hidden = false;
  $('observe-dialog').showModal();
  $('observe-siteCode').focus();
}

$('observe-form').addEventListener('input', (e) => {
  if (!observeSending) observeKey = newIdempotencyKey();
  if (e.target.id) fieldError(e.target.id, '');
});
$('observe-cancel').addEventListener('click', () => $('observe-dialog').close());
$('observe-dialog').addEventListener('close', () => { observing?.opener?.focus(); observing = null; });

function observationLink(id, text, linkId) {
  const a = el('a', null, text);
  a.href = `observe.html?id=${encodeURIComponent(id)}`;
  a.id = linkId;
  return a;
}

$('observe-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (observeSending || !observing) return;
  const from = observing;
  const code = normalizeInput('text', $('observe-siteCode').value);
  $('observe-siteCode').value = code;
  const district = $('observe-district').value;
  fieldError('observe-district', district ? '' : t('err.required'));
  fieldError('observe-siteCode', code ? '' : t('err.required'));
  if (!district || !code) { $(district ? 'observe-siteCode' : 'observe-district').focus(); return; }
  const body = {
    registrationId: from.registrationId,
    district,
    site: { type: $('observe-siteType').value, code },
    reason: $('observe-reason').value,
  };
  const note = $('observe-note').value.trim();
  if (note) body.note = note;
  observeSending = true;
  $('observe-submit').disabled = true;
  $('observe-problem').hidden = true;
  try {
    const res = await staffFetch('/observations', { method: 'POST', body, idempotencyKey: observeKey });
    if (!res) { $('observe-dialog').close(); return; }
    if (!retryable(res)) observeKey = newIdempotencyKey();
    if (res.status === 201) {
      const o = res.data;
      const site = el('a', null, t('trace.openSite', { code: o.site.code }));
      site.href = `observe.html?${new URLSearchParams({ district: o.district, siteCode: o.site.code })}`;
      site.id = 'observe-open-site';
      const p = el('p');
      p.append(site, ' · ', observationLink(o.id, t('trace.openObservation'), 'observe-open'));
      const done = el('h3', null, t('trace.observed', { name: o.name, start: o.startDate, end: o.endDate }));
      done.id = 'observe-done-text';
      $('observe-done').replaceChildren(done, p);
      $('observe-done').hidden = false;
      $('observe-submit').hidden = true;
      $('observe-done').focus();
    } else if (res.status === 409 && res.data?.existingId) {
      const p = el('p');
      p.append(observationLink(res.data.existingId, t('trace.openExisting'), 'observe-existing'));
      showProblem('observe-problem', t('trace.alreadyObserved'), p);
    } else if (res.status === 400 && res.data?.errors?.length) {
      for (const err of res.data.errors) {
        const target = { district: 'observe-district', 'site.code': 'observe-siteCode', note: 'observe-note' }[err.field];
        if (target) fieldError(target, localizeMessage(err.message, getLang()));
        else showProblem('observe-problem', localizeMessage(err.message, getLang()));
      }
    } else if (res.status === 403) {
      showProblem('observe-problem', t('fu.forbiddenStaff'));
    } else {
      showProblem('observe-problem', problemText(res));
    }
  } catch (err) {
    if (!(err instanceof NetworkError)) throw err;
    showProblem('observe-problem', t('msg.networkDetail'));
  } finally {
    observeSending = false;
    $('observe-submit').disabled = false;
  }
});

// ---------------------------------------------------------------- start

labelNav();
applyI18n();
if (requireSignIn()) {
  $('tracer-hint').hidden = staffGroups().includes('tracer');
}
