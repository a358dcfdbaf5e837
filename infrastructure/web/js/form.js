// What the three public forms share: prefill from the query string, the district list, building
// the JSON body from the controls, showing field errors (client-side or from problem+json) next to
// their fields, and submitting with one Idempotency-Key per filled-in form.

import { apiFetch, newIdempotencyKey, NetworkError, retryable } from './api.js';
import { controlsToJson, resolveFieldPath, fieldId, localizeMessage, normalizeInput } from './validation.js';
import { t, getLang, onLangChange } from './i18n.js';

const $ = (sel, root = document) => root.querySelector(sel);

/** Fills the district <select> from GET /districts, keeping the current or prefilled choice. */
export async function loadDistricts(select) {
  const wanted = select.value || select.dataset.prefill || '';
  const res = await apiFetch('/districts').catch(() => null);
  if (!res?.ok || !Array.isArray(res.data?.districts)) {
    if (select.options.length <= 1) showTopMessage(t('msg.districtsFailed'));
    select.dataset.loaded = 'fallback';
    return [];
  }
  const districts = res.data.districts;
  const render = () => {
    const lang = getLang();
    const keep = select.value || wanted;
    select.replaceChildren(new Option(t('msg.choose'), ''));
    for (const d of districts) select.add(new Option(lang === 'en' ? d.nameEn || d.name : d.name, d.code));
    select.value = districts.some((d) => d.code === keep) ? keep : '';
  };
  render();
  select.dataset.loaded = 'true'; // the API's list replaced the page's fallback (tests wait for it)
  onLangChange(render);
  return districts;
}

/** Sets controls from query parameters (`?district=chengguan&siteType=CHECKPOINT&siteCode=G312-01`). */
export function prefillFromQuery(form, mapping) {
  const params = new URLSearchParams(location.search);
  for (const [param, name] of Object.entries(mapping)) {
    const value = params.get(param);
    if (value === null) continue;
    const controls = form.querySelectorAll(`[name="${name}"]`);
    for (const c of controls) {
      if (c.type === 'radio' || c.type === 'checkbox') c.checked = c.value === value;
      else {
        c.value = value;
        c.dataset.prefill = value;
      }
    }
  }
}

/** The form's controls as {name, type, value}, in document order; disabled ones are skipped. */
export function readControls(form) {
  const out = [];
  const lists = new Map();
  for (const el of form.elements) {
    const name = el.name || el.dataset.name;
    if (!name || el.disabled || el.type === 'submit' || el.type === 'button') continue;
    const type = el.dataset.type || 'text';
    if (type === 'list') {
      if (!lists.has(name)) {
        lists.set(name, []);
        out.push({ name, type, value: lists.get(name) });
      }
      if (el.type !== 'checkbox' || el.checked) lists.get(name).push(el.value);
    } else if (type === 'bool') {
      out.push({ name, type, value: el.checked });
    } else if (el.type === 'radio') {
      if (el.checked) out.push({ name, type, value: el.value });
    } else {
      out.push({ name, type, value: el.dataset.convert === 'datetime-offset' ? withOffset(el.value) : el.value });
    }
  }
  return out;
}

export function formToJson(form) {
  return controlsToJson(readControls(form));
}

/** A datetime-local value ("2020-02-13T10:30") with the browser's offset, as the API wants. */
function withOffset(local) {
  if (!local) return '';
  const d = new Date(local);
  if (Number.isNaN(d.getTime())) return local;
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
  const mm = String(Math.abs(off) % 60).padStart(2, '0');
  return `${local.length === 16 ? local + ':00' : local}${sign}${hh}:${mm}`;
}

// ---------------------------------------------------------------- errors

export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  const summary = $('#error-summary');
  if (summary) { summary.hidden = true; summary.replaceChildren(); }
  const top = $('#form-problem');
  if (top) { top.hidden = true; top.replaceChildren(); }
}

/** The person corrects a field: its error goes at once (and its line in the summary), not at the next submit. */
export function clearFieldError(form, control) {
  const wrapper = control.closest('[data-field]');
  if (!wrapper || !form.contains(wrapper)) return;
  for (const el of wrapper.querySelectorAll('.field-error')) {
    if (el.parentElement.closest('[data-field]') !== wrapper) continue;
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of controlsIn(wrapper)) el.removeAttribute('aria-invalid');
  const summary = $('#error-summary');
  if (!summary || summary.hidden) return;
  for (const a of summary.querySelectorAll('a[data-field]')) {
    if (a.dataset.field === wrapper.dataset.field) a.closest('li').remove();
  }
  if (!summary.querySelector('li')) { summary.hidden = true; summary.replaceChildren(); }
}

/** Tidies every control marked data-normalize (see normalizeInput) in place. */
export function normalizeControls(form) {
  for (const el of form.querySelectorAll('[data-normalize]')) {
    const tidy = normalizeInput(el.dataset.normalize, el.value);
    if (tidy !== el.value) el.value = tidy;
  }
}

function errorElementFor(wrapper, path) {
  let el = [...wrapper.children].find((c) => c.classList.contains('field-error'));
  if (!el) {
    el = document.createElement('p');
    el.className = 'field-error';
    el.id = `${fieldId(path)}-error`;
    const legend = wrapper.querySelector(':scope > legend');
    if (legend) legend.after(el); else wrapper.append(el);
  }
  return el;
}

function controlsIn(wrapper) {
  if (wrapper.matches('input, select, textarea')) return [wrapper];
  return [...wrapper.querySelectorAll('input, select, textarea')];
}

/**
 * Shows field errors [{field, code, message}] next to their fields (by `data-field`, nearest known
 * parent for deeper paths) and lists them in the summary at the top. Returns the number shown.
 */
export function showFieldErrors(form, errors) {
  const known = new Set([...form.querySelectorAll('[data-field]')].map((e) => e.dataset.field));
  const summary = $('#error-summary');
  const items = [];
  const unplaced = [];
  for (const err of errors) {
    const message = plainMessage(err.message);
    const path = resolveFieldPath(err.field, known);
    if (path === null) { unplaced.push(message); continue; }
    const wrapper = form.querySelector(`[data-field="${CSS.escape(path)}"]`);
    const errEl = errorElementFor(wrapper, path);
    errEl.textContent = errEl.textContent ? `${errEl.textContent}；${message}` : message;
    errEl.hidden = false;
    const controls = controlsIn(wrapper);
    for (const c of controls) {
      c.setAttribute('aria-invalid', 'true');
      const ids = new Set((c.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean));
      ids.add(errEl.id);
      c.setAttribute('aria-describedby', [...ids].join(' '));
    }
    const label = wrapper.querySelector('label, legend')?.textContent.replace(/\s*\*\s*$/, '').trim() || err.field;
    items.push({ target: controls[0], path, text: `${label}：${message}` });
  }
  if (summary && (items.length || unplaced.length)) {
    const h = document.createElement('h2');
    h.textContent = t('msg.fixErrors', { n: items.length + unplaced.length });
    const ul = document.createElement('ul');
    for (const item of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `#${item.target?.id || ''}`;
      if (item.path) a.dataset.field = item.path;
      a.textContent = item.text;
      a.addEventListener('click', (e) => { e.preventDefault(); item.target?.focus(); });
      li.append(a);
      ul.append(li);
    }
    for (const text of unplaced) {
      const li = document.createElement('li');
      li.textContent = text;
      ul.append(li);
    }
    summary.replaceChildren(h, ul);
    summary.hidden = false;
    summary.focus();
  }
  return items.length + unplaced.length;
}

/** A problem without field errors (409, 413, 415, 422, 503 …) or a network failure, at the top. */
export function showTopMessage(title, detail, extra) {
  const top = $('#form-problem');
  if (!top) return;
  const h = document.createElement('h2');
  h.textContent = title;
  const parts = [h];
  if (detail) {
    const p = document.createElement('p');
    p.textContent = detail;
    parts.push(p);
  }
  if (extra) parts.push(extra);
  top.replaceChildren(...parts);
  top.hidden = false;
  top.focus();
}

// Problems whose server text names the mechanism, not what the person should do.
const PLAIN_PROBLEMS = {
  '/problems/idempotency-key-reused': ['msg.resubmitTitle', 'msg.resubmitDetail'],
  '/problems/idempotency-in-progress': ['msg.inProgressTitle', 'msg.inProgressDetail'],
};

/** A server message the person can read: never the internal word for the request key. */
export function plainMessage(message) {
  const text = localizeMessage(message, getLang());
  return /幂等|idempotency/i.test(text) ? t('msg.resubmitDetail') : text;
}

export function showProblem(form, status, problem) {
  if (Array.isArray(problem?.errors) && problem.errors.length) {
    showFieldErrors(form, problem.errors);
    return;
  }
  const plain = PLAIN_PROBLEMS[problem?.type];
  const title = plain ? t(plain[0]) : problem?.title ? plainMessage(problem.title) : t('msg.httpError', { status });
  const detail = plain ? t(plain[1]) : problem?.detail ? plainMessage(problem.detail) : '';
  let extra;
  if (problem?.existingId) {
    extra = document.createElement('p');
    const a = document.createElement('a');
    a.href = `status.html?id=${encodeURIComponent(problem.existingId)}`;
    a.id = 'existing-application';
    a.textContent = t('msg.existingApplication');
    extra.append(a);
  }
  showTopMessage(title, detail, extra);
}

// ---------------------------------------------------------------- submitting

/**
 * Wires a public form: JSON submission with one Idempotency-Key per request body (every click and
 * every retry of an unchanged form sends the same key, so nothing is recorded twice); a new key
 * after any final answer (2xx, or 4xx other than a retryable one) and as soon as the form is
 * edited, so a corrected form is never answered "same key, different body". The button is
 * disabled while sending.
 *  validate(form) → [{field, code, message}] client-side errors
 *  render(data, receiptEl) → shows the receipt
 *  afterSuccess() → resets for the next person
 *  next: {label, focus} → a button in the receipt that starts the next form and focuses `focus`
 */
export function setupForm(form, { endpoint, validate, transform = (b) => b, render, afterSuccess, next }) {
  form.noValidate = true; // our checks replace the browser's; without JS the browser's still apply
  const button = form.querySelector('button[type="submit"]');
  const status = $('#send-status');
  const receipt = $('#receipt');
  let key;
  let sending = false;
  const renewKey = () => {
    key = newIdempotencyKey();
    form.dataset.idempotencyKey = key;
  };
  renewKey();

  let editedWhileSending = false;
  const edited = (event) => {
    if (sending) editedWhileSending = true; else renewKey();
    clearFieldError(form, event.target);
    // the previous person's receipt goes once the next one is being typed
    if (!receipt.hidden && event.type === 'input') receipt.hidden = true;
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', (event) => {
    const el = event.target;
    if (el.dataset?.normalize) {
      const tidy = normalizeInput(el.dataset.normalize, el.value);
      if (tidy !== el.value) el.value = tidy;
    }
    edited(event);
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    normalizeControls(form);
    const clientErrors = validate ? validate(form) : [];
    if (clientErrors.length) {
      showFieldErrors(form, clientErrors.map((e) => ({ ...e, message: t(e.message, e.vars) })));
      return;
    }
    const body = transform(formToJson(form));
    sending = true;
    editedWhileSending = false;
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    if (status) status.textContent = t('msg.sending');
    try {
      const res = await apiFetch(endpoint, {
        method: 'POST', body, idempotencyKey: key,
        onRetry: (n) => { if (status) status.textContent = t('msg.retrying', { n }); },
      });
      if (status) status.textContent = '';
      if (res.ok || !retryable(res) || editedWhileSending) renewKey();
      if (res.ok) {
        render(res.data, receipt);
        if (next) {
          const again = document.createElement('button');
          again.type = 'button';
          again.id = 'next-person';
          again.className = 'primary';
          again.textContent = next.label();
          again.addEventListener('click', () => {
            receipt.hidden = true;
            const target = form.querySelector(next.focus);
            target?.scrollIntoView({ block: 'center' });
            target?.focus();
          });
          const p = document.createElement('p');
          p.className = 'receipt-actions';
          p.append(again);
          receipt.append(p);
        }
        afterSuccess?.();
        receipt.hidden = false;
        receipt.scrollIntoView({ block: 'start' });
        receipt.focus({ preventScroll: true });
      } else {
        showProblem(form, res.status, res.data);
      }
    } catch (err) {
      if (status) status.textContent = '';
      if (err instanceof NetworkError) showTopMessage(t('msg.networkTitle'), t('msg.networkDetail'));
      else throw err;
    } finally {
      sending = false;
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  });
}

/** Builds a receipt as a definition list: rows [[label, value, id]]. */
export function receiptList(rows) {
  const dl = document.createElement('dl');
  for (const [label, value, id] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = label;
    const dd = document.createElement('dd');
    if (value instanceof Node) dd.append(value); else dd.textContent = value ?? '—';
    if (id) dd.id = id;
    dl.append(dt, dd);
  }
  return dl;
}

/** Adds and removes rows of a repeatable list, renumbering names, ids and data-field paths. */
export function repeatable({ container, template, addButton, prefix, min = 0, max = 50, onChange }) {
  const renumber = () => {
    [...container.children].forEach((row, i) => {
      for (const el of row.querySelectorAll('*')) {
        for (const attr of ['name', 'id', 'for', 'data-field', 'aria-describedby', 'data-name']) {
          const v = el.getAttribute(attr);
          if (v) el.setAttribute(attr, v.replace(new RegExp(`${prefix}[.-]\\d+`, 'g'), (m) => `${prefix}${m[prefix.length]}${i}`));
        }
      }
      const df = row.getAttribute('data-field');
      if (df) row.setAttribute('data-field', `${prefix}.${i}`);
      const n = row.querySelector('.row-number');
      if (n) n.textContent = String(i + 1);
      const remove = row.querySelector('.remove-row');
      if (remove) remove.hidden = container.children.length <= min;
    });
    addButton.disabled = container.children.length >= max;
    onChange?.();
  };
  const add = () => {
    const row = template.content.firstElementChild.cloneNode(true);
    container.append(row);
    row.querySelector('.remove-row')?.addEventListener('click', () => {
      row.remove();
      renumber();
      addButton.focus();
    });
    renumber();
    return row;
  };
  addButton.addEventListener('click', () => {
    const row = add();
    row.querySelector('input, select')?.focus();
  });
  // rows already in the HTML (the no-JS form) get their remove buttons wired
  for (const row of [...container.children]) {
    row.querySelector('.remove-row')?.addEventListener('click', () => {
      row.remove();
      renumber();
      addButton.focus();
    });
  }
  addButton.hidden = false;
  renumber();
  return { add, renumber };
}
