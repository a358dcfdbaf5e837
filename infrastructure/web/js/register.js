// 人员登记: POST /registrations.
import { initI18n, applyI18n, t, formatDateTime } from './i18n.js';
import { checkResidentId, checkOtherId, checkMobile, checkPlate, checkTemperature, shortId } from './validation.js';
import { loadDistricts, prefillFromQuery, setupForm, receiptList, repeatable } from './form.js';

initI18n();
const form = document.getElementById('registration-form');
prefillFromQuery(form, { district: 'district', siteType: 'site.type', siteCode: 'site.code' });
loadDistricts(form.elements.district);

const travel = repeatable({
  container: document.getElementById('travel-rows'),
  template: document.getElementById('travel-row-template'),
  addButton: document.getElementById('add-travel'),
  prefix: 'travelHistory',
  min: 1,
  max: 20,
  onChange: () => applyI18n(document.getElementById('travel-rows')),
});

const temperatureNeeded = () => ['CHECKPOINT', 'OBSERVATION'].includes(form.elements['site.type'].value);
const temperature = form.elements.temperatureCelsius;
function updateTemperatureRequired() {
  const needed = temperatureNeeded();
  document.getElementById('temperature-req').hidden = !needed;
  temperature.required = needed;
  temperature.setAttribute('aria-required', String(needed));
}
for (const radio of form.querySelectorAll('[name="site.type"]')) radio.addEventListener('change', updateTemperatureRequired);
updateTemperatureRequired();

const ID_ERRORS = { format: 'err.idFormat', 'birth-date': 'err.idBirth', checksum: 'err.idChecksum' };

function validate() {
  const v = (name) => (form.elements[name]?.value ?? '').trim();
  const errors = [];
  const add = (field, code, message) => errors.push({ field, code, message });
  if (!v('district')) add('district', 'required', 'err.required');
  if (!form.elements['site.type'].value) add('site.type', 'required', 'err.required');
  if (!v('site.code')) add('site.code', 'required', 'err.required');
  if (!v('name')) add('name', 'required', 'err.required');
  else if (v('name').length > 50) add('name', 'length', 'err.length50');
  const idNumber = v('idNumber');
  if (!idNumber) add('idNumber', 'required', 'err.required');
  else if (v('idType') === 'RESIDENT_ID') {
    const code = checkResidentId(idNumber);
    // the exact reason: how many characters there are, when that is what is wrong
    if (code === 'format' && idNumber.length !== 18) errors.push({ field: 'idNumber', code, message: 'err.idLength', vars: { n: idNumber.length } });
    else if (code === 'format') add('idNumber', code, 'err.idCharacters');
    else if (code) add('idNumber', code, ID_ERRORS[code]);
  } else if (checkOtherId(idNumber)) add('idNumber', 'format', 'err.otherId');
  if (!v('phone')) add('phone', 'required', 'err.required');
  else if (checkMobile(v('phone'))) add('phone', 'format', 'err.mobile');
  const temp = v('temperatureCelsius');
  if (!temp && temperatureNeeded()) add('temperatureCelsius', 'required', 'err.temperatureRequired');
  else if (temp && checkTemperature(temp)) add('temperatureCelsius', checkTemperature(temp), 'err.temperature');
  if (v('vehiclePlate') && checkPlate(v('vehiclePlate'))) add('vehiclePlate', 'format', 'err.plate');
  if (v('origin').length > 100) add('origin', 'length', 'err.length100');
  form.querySelectorAll('[name="travelHistory"]').forEach((input, i) => {
    if (input.value.trim().length > 100) add(`travelHistory.${i}`, 'length', 'err.length100');
  });
  const occurred = form.elements.occurredAt?.value;
  if (occurred) {
    const at = new Date(occurred).getTime();
    if (at > Date.now() + 5 * 60_000 || at < Date.now() - 30 * 86_400_000) add('occurredAt', 'range', 'err.occurredAt');
  }
  if (!form.elements.consent.checked) add('consent', 'required', 'err.consent');
  return errors;
}

function transform(body) {
  if (body.idNumber && (body.idType ?? 'RESIDENT_ID') === 'RESIDENT_ID') body.idNumber = body.idNumber.toUpperCase();
  if (body.vehiclePlate) body.vehiclePlate = body.vehiclePlate.replace(/[\s·.\-]/g, '').toUpperCase();
  return body;
}

function render(data, receipt) {
  const high = data.riskLevel === 'HIGH';
  receipt.classList.toggle('receipt-high', high);
  const risk = document.createElement('strong');
  risk.className = `risk risk-${String(data.riskLevel).toLowerCase()}`;
  risk.textContent = t(`risk.${data.riskLevel}`);
  const h = document.createElement('h2');
  h.id = 'receipt-heading';
  h.textContent = high ? t('reg.doneHigh') : t('reg.done');
  const parts = [h];
  if (high) {
    // what to do next, first: the person and the clerk act on this, not on the figures below
    const banner = document.createElement('div');
    banner.id = 'receipt-next-step';
    banner.className = 'next-step';
    const what = document.createElement('p');
    what.textContent = data.isolationUntil
      ? t('reg.highIsolation', { date: data.isolationUntil })
      : t('reg.highFever');
    const call = document.createElement('p');
    call.textContent = t('reg.highCall');
    banner.append(what, call);
    parts.push(banner);
  }
  parts.push(receiptList([
    [t('receipt.riskLevel'), risk, 'receipt-risk'],
    [t('receipt.idMasked'), data.idNumberMasked, 'receipt-id-masked'],
    [t('receipt.phoneMasked'), data.phoneMasked, 'receipt-phone-masked'],
    [t('receipt.fever'), data.fever ? t('common.yes') : t('common.no'), 'receipt-fever'],
    [t('receipt.isolationUntil'), data.isolationUntil ?? t('reg.noIsolation'), 'receipt-isolation'],
    [t('receipt.occurredAt'), formatDateTime(data.occurredAt), 'receipt-occurred'],
    [t('receipt.shortNumber'), shortId(data.id), 'receipt-short'],
    [t('receipt.number'), data.id, 'receipt-id'],
  ]));
  receipt.replaceChildren(...parts);
}

// The next person at the same checkpoint: keep the site, clear the person.
function afterSuccess() {
  const keep = ['district', 'site.code'].map((n) => [n, form.elements[n].value]);
  const siteType = form.elements['site.type'].value;
  form.reset();
  for (const [n, value] of keep) form.elements[n].value = value;
  for (const r of form.querySelectorAll('[name="site.type"]')) r.checked = r.value === siteType;
  const rows = document.getElementById('travel-rows');
  while (rows.children.length > 1) rows.lastElementChild.remove();
  travel.renumber();
  updateTemperatureRequired();
}

setupForm(form, {
  endpoint: '/registrations', validate, transform, render, afterSuccess,
  next: { label: () => t('reg.next'), focus: '#name' },
});
