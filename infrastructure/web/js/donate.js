// 捐赠登记: POST /donations. Totals are computed in integer fen (BigInt), never in floating point.
import { initI18n, applyI18n, t } from './i18n.js';
import { checkMobile, checkDonationAmount, checkInteger, itemsTotalFen, formatFen, moneyProblem, normalizeInput } from './validation.js';
import { loadDistricts, prefillFromQuery, setupForm, receiptList, repeatable } from './form.js';

initI18n();
const form = document.getElementById('donation-form');
prefillFromQuery(form, { district: 'district', kind: 'kind', recipient: 'recipient' });
loadDistricts(form.elements.district);

const rowsEl = document.getElementById('item-rows');
const totalOut = document.getElementById('items-total');

function readItems() {
  return [...rowsEl.children].map((row) => ({
    quantity: normalizeInput('integer', row.querySelector('[name$=".quantity"]').value),
    unitValue: normalizeInput('money', row.querySelector('[name$=".unitValue"]').value),
  }));
}

function updateTotals() {
  const items = readItems();
  [...rowsEl.children].forEach((row, i) => {
    row.querySelector('output').value = formatFen(itemsTotalFen([items[i]]));
  });
  totalOut.value = formatFen(itemsTotalFen(items));
}

const rows = repeatable({
  container: rowsEl,
  template: document.getElementById('item-row-template'),
  addButton: document.getElementById('add-item'),
  prefix: 'items',
  min: 1,
  max: 50,
  onChange: () => { applyI18n(rowsEl); updateTotals(); },
});
rowsEl.addEventListener('input', updateTotals);
document.getElementById('total-line').hidden = false;

const funds = document.getElementById('funds-section');
const materials = document.getElementById('materials-section');
function updateKind() {
  const isFunds = form.elements.kind.value !== 'MATERIALS';
  funds.hidden = funds.disabled = !isFunds;
  materials.hidden = materials.disabled = isFunds;
  document.getElementById('items-hint').hidden = true;
}
for (const r of form.querySelectorAll('[name="kind"]')) r.addEventListener('change', updateKind);
updateKind();

const anonymous = form.elements['donor.anonymous'];
function updateAnonymous() {
  document.getElementById('donor-name-req').hidden = anonymous.checked;
}
anonymous.addEventListener('change', updateAnonymous);
updateAnonymous();

// the exact reason: too many decimals is not the same as not a number
const MONEY_ERRORS = { decimals: 'err.moneyDecimals', format: 'err.moneyFormat' };

function validate() {
  const v = (name) => (form.elements[name]?.value ?? '').trim();
  const errors = [];
  const add = (field, code, message) => errors.push({ field, code, message });
  if (!anonymous.checked && !v('donor.name')) add('donor.name', 'required', 'err.required');
  if (v('donor.name').length > 100) add('donor.name', 'length', 'err.length100');
  if (v('donor.phone') && checkMobile(v('donor.phone'))) add('donor.phone', 'format', 'err.mobile');
  if (!v('district')) add('district', 'required', 'err.required');
  if (v('donatedOn') && v('donatedOn') > new Date().toLocaleDateString('sv')) add('donatedOn', 'range', 'err.futureDate');
  if (form.elements.kind.value === 'MATERIALS') {
    [...rowsEl.children].forEach((row, i) => {
      const f = (n) => row.querySelector(`[name="items.${i}.${n}"]`).value.trim();
      if (!f('category')) add(`items.${i}.category`, 'required', 'err.required');
      if (!f('name')) add(`items.${i}.name`, 'required', 'err.required');
      if (!f('quantity')) add(`items.${i}.quantity`, 'required', 'err.required');
      else if (checkInteger(f('quantity'), 1, 10000000)) add(`items.${i}.quantity`, 'range', 'err.quantity');
      if (!f('unit')) add(`items.${i}.unit`, 'required', 'err.required');
      if (!f('unitValue')) add(`items.${i}.unitValue`, 'required', 'err.required');
      else if (moneyProblem(f('unitValue'))) add(`items.${i}.unitValue`, 'format', MONEY_ERRORS[moneyProblem(f('unitValue'))]);
    });
  } else {
    const amount = v('amount');
    if (!amount) add('amount', 'required', 'err.required');
    else if (moneyProblem(amount)) add('amount', 'format', MONEY_ERRORS[moneyProblem(amount)]);
    else if (checkDonationAmount(amount)) add('amount', 'range', 'err.amountRange');
  }
  return errors;
}

function transform(body) {
  // an anonymous donor's name is not needed; the server stores 匿名
  if (body.donor?.anonymous && !body.donor.name) delete body.donor.name;
  return body;
}

function render(data, receipt) {
  const h = document.createElement('h2');
  h.textContent = t('don.done');
  receipt.replaceChildren(h, receiptList([
    [t('receipt.receiptNumber'), data.receiptNumber, 'receipt-number'],
    [t('receipt.value'), `${data.value} ${t('common.yuan')}`, 'receipt-value'],
    [t('receipt.kind'), t(`don.${data.kind}`), 'receipt-kind'],
    [t('receipt.date'), data.localDate, 'receipt-date'],
  ]));
  const p = document.createElement('p');
  p.textContent = t('don.thanks');
  receipt.append(p);
}

function afterSuccess() {
  const district = form.elements.district.value;
  form.reset();
  form.elements.district.value = district;
  while (rowsEl.children.length > 1) rowsEl.lastElementChild.remove();
  rows.renumber();
  updateKind();
  updateAnonymous();
}

setupForm(form, { endpoint: '/donations', validate, transform, render, afterSuccess });
