import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveFieldPath, fieldId, localizeMessage, controlsToJson } from '../js/validation.js';

const known = ['name', 'donor.name', 'items', 'items.0', 'items.0.quantity', 'symptoms', 'site.type'];

test('a dotted path maps to the field that shows it, or its nearest known parent', () => {
  assert.equal(resolveFieldPath('items.0.quantity', known), 'items.0.quantity');
  assert.equal(resolveFieldPath('items.0.unit', known), 'items.0');
  assert.equal(resolveFieldPath('items.7.unit', known), 'items');
  assert.equal(resolveFieldPath('donor.name', known), 'donor.name');
  assert.equal(resolveFieldPath('symptoms.2', known), 'symptoms');
  assert.equal(resolveFieldPath('unknownThing', known), null);
  assert.equal(resolveFieldPath('', known), null);
});

test('element ids are made from paths', () => {
  assert.equal(fieldId('items.0.quantity'), 'items-0-quantity');
  assert.equal(fieldId('site.type'), 'site-type');
});

test('server messages are split into Chinese and English', () => {
  assert.equal(localizeMessage('此项必填 / This field is required', 'zh'), '此项必填');
  assert.equal(localizeMessage('此项必填 / This field is required', 'en'), 'This field is required');
  assert.equal(localizeMessage('只有中文', 'en'), '只有中文');
});

test('controls become the typed JSON body with nested objects and arrays', () => {
  const body = controlsToJson([
    { name: 'donor.name', type: 'text', value: ' 兰州某某公司 ' },
    { name: 'donor.anonymous', type: 'bool', value: false },
    { name: 'kind', type: 'text', value: 'MATERIALS' },
    { name: 'note', type: 'text', value: '' },
    { name: 'items.0.quantity', type: 'int', value: '10000' },
    { name: 'items.0.unitValue', type: 'money', value: '2.50' },
    { name: 'items.1.quantity', type: 'int', value: '5' },
    { name: 'symptoms', type: 'list', value: ['FEVER', 'COUGH'] },
    { name: 'travelHistory', type: 'list', value: ['', ' 武汉 '] },
    { name: 'temperatureCelsius', type: 'number', value: '36.6' },
  ]);
  assert.deepEqual(body, {
    donor: { name: '兰州某某公司', anonymous: false },
    kind: 'MATERIALS',
    items: [{ quantity: 10000, unitValue: '2.50' }, { quantity: 5 }],
    symptoms: ['FEVER', 'COUGH'],
    travelHistory: ['武汉'],
    temperatureCelsius: 36.6,
  });
});

test('a value that is not a number is sent as text so the server names the error', () => {
  assert.deepEqual(controlsToJson([{ name: 'enterprise.employees', type: 'int', value: '12a' }]),
    { enterprise: { employees: '12a' } });
});
