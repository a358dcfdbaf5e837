// 复工复产申请: POST /reopenings.
import { initI18n, t, formatDateTime } from './i18n.js';
import { checkCreditCode, checkMobile, checkInteger, shortId } from './validation.js';
import { loadDistricts, prefillFromQuery, setupForm, receiptList } from './form.js';
import { readinessList } from './readiness.js';

initI18n();
const form = document.getElementById('reopening-form');
prefillFromQuery(form, { district: 'district', street: 'street' });
loadDistricts(form.elements.district);

const localToday = () => new Date().toLocaleDateString('sv'); // YYYY-MM-DD in the browser's zone
const plusDays = (iso, n) => {
  const d = new Date(`${iso}T12:00:00`);
  d.setDate(d.getDate() + n);
  return d.toLocaleDateString('sv');
};
form.elements.plannedDate.min = localToday();
form.elements.plannedDate.max = plusDays(localToday(), 90);

function validate() {
  const v = (name) => (form.elements[name]?.value ?? '').trim();
  const errors = [];
  const add = (field, code, message) => errors.push({ field, code, message });
  const required = ['enterprise.name', 'enterprise.creditCode', 'enterprise.industry', 'enterprise.employees', 'district',
    'street', 'plannedDate', 'contact.name', 'contact.phone', 'returningEmployees', 'employeesFromHubei',
    'prevention.responsiblePerson', 'prevention.disinfectionsPerDay', 'prevention.masksInStock', 'prevention.thermometers'];
  for (const name of required) if (!v(name)) add(name, 'required', 'err.required');
  if (v('enterprise.creditCode')) {
    const code = checkCreditCode(v('enterprise.creditCode'));
    if (code) add('enterprise.creditCode', code, code === 'format' ? 'err.creditFormat' : 'err.creditChecksum');
  }
  if (v('contact.phone') && checkMobile(v('contact.phone'))) add('contact.phone', 'format', 'err.mobile');
  const int = (name, min, max, message) => {
    if (v(name) && checkInteger(v(name), min, max)) add(name, 'range', message);
  };
  int('enterprise.employees', 1, 1000000, 'err.employees');
  const employees = checkInteger(v('enterprise.employees'), 1, 1000000) ? 1000000 : Number(v('enterprise.employees'));
  int('returningEmployees', 0, employees, 'err.notMoreThanEmployees');
  int('employeesFromHubei', 0, employees, 'err.notMoreThanEmployees');
  int('prevention.disinfectionsPerDay', 0, 24, 'err.disinfections');
  int('prevention.masksInStock', 0, 2147483647, 'err.nonNegative');
  int('prevention.thermometers', 0, 2147483647, 'err.nonNegative');
  const planned = v('plannedDate');
  if (planned && (planned < localToday() || planned > plusDays(localToday(), 90))) add('plannedDate', 'range', 'err.plannedDate');
  return errors;
}

function transform(body) {
  if (body.enterprise?.creditCode) body.enterprise.creditCode = body.enterprise.creditCode.toUpperCase();
  // every checkbox group is sent, empty when nothing is ticked: the plan says "none" explicitly
  body.prevention = { entrySteps: [], ...body.prevention };
  return body;
}

function render(data, receipt) {
  const h = document.createElement('h2');
  h.textContent = t('reo.done');
  const link = document.createElement('a');
  link.id = 'receipt-status-link';
  link.href = `status.html?id=${encodeURIComponent(data.id)}`;
  link.textContent = t('reo.statusLink');
  receipt.replaceChildren(h, receiptList([
    [t('receipt.shortNumber'), shortId(data.id), 'receipt-short'],
    [t('receipt.applicationId'), data.id, 'receipt-id'],
    [t('receipt.status'), t(`status.${data.status}`), 'receipt-status'],
    [t('receipt.submittedAt'), formatDateTime(data.submittedAt), 'receipt-submitted'],
  ]), readinessList(data.readiness, 'receipt-readiness'));
  const p = document.createElement('p');
  p.append(link);
  receipt.append(p);
}

setupForm(form, { endpoint: '/reopenings', validate, transform, render, afterSuccess: () => form.reset() });
