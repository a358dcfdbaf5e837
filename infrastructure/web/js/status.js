// Public status page of a reopening application: GET /reopenings/{id}.
import { initI18n, t, onLangChange } from './i18n.js';
import { apiFetch } from './api.js';
import { receiptList, showTopMessage } from './form.js';
import { getLang, formatDateTime } from './i18n.js';
import { normalizeInput, shortId } from './validation.js';

initI18n();
// a pasted number may carry spaces, dashes or lower case: the ids are upper-case Crockford base 32
const id = normalizeInput('id', new URLSearchParams(location.search).get('id') ?? '');
const input = document.getElementById('status-id');
const result = document.getElementById('status-result');
let last = null;
let districts = [];
const districtName = (code) => {
  const d = districts.find((x) => x.code === code);
  return d ? (getLang() === 'en' ? d.nameEn || d.name : d.name) : code;
};

function render(app) {
  const h = document.createElement('h2');
  h.textContent = app.enterprise?.name ?? '';
  const rows = [
    [t('receipt.shortNumber'), shortId(app.id), 'status-short'],
    [t('receipt.applicationId'), app.id, 'status-app-id'],
    [t('reo.creditCode'), app.enterprise?.creditCode, 'status-credit-code'],
    [t('receipt.status'), t(`status.${app.status}`), 'status-value'],
    [t('common.district'), districtName(app.district), 'status-district'],
    [t('reo.street'), app.street, 'status-street'],
    [t('receipt.submittedAt'), formatDateTime(app.submittedAt), 'status-submitted'],
    [t('st.decidedAt'), formatDateTime(app.decidedAt), 'status-decided'],
  ];
  if (app.reason) rows.push([t('st.reason'), app.reason, 'status-reason']);
  if (app.reopenedOn) rows.push([t('st.reopenedOn'), app.reopenedOn, 'status-reopened']);
  result.replaceChildren(h, receiptList(rows));
  result.hidden = false;
}

async function load() {
  if (!id) return;
  input.value = id;
  const res = await apiFetch(`/reopenings/${encodeURIComponent(id)}`).catch(() => null);
  if (!res) return showTopMessage(t('msg.networkTitle'), t('msg.networkDetail'));
  if (res.status === 404) return showTopMessage(t('st.notFound'));
  if (!res.ok) return showTopMessage(t('msg.httpError', { status: res.status }), res.data?.detail);
  last = res.data;
  render(last);
  result.focus();
}
onLangChange(() => last && render(last));
// the names of the districts, without a <select> to fill
apiFetch('/districts').then((res) => {
  districts = res?.data?.districts ?? [];
  if (last) render(last);
}).catch(() => {});
document.getElementById('status-lookup').addEventListener('submit', () => {
  input.value = normalizeInput('id', input.value);
});
load();
