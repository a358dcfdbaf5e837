import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMoneyToFen, formatFen, sumMoney, itemsTotalFen } from '../js/validation.js';

test('0.1 + 0.2 is exactly 0.30', () => {
  assert.equal(sumMoney(['0.1', '0.2']), '0.30');
});

test('amounts parse to integer fen without floating point', () => {
  assert.equal(parseMoneyToFen('2022410'), 202241000n);
  assert.equal(parseMoneyToFen('2000.2'), 200020n);
  assert.equal(parseMoneyToFen('0.07'), 7n);
  assert.equal(parseMoneyToFen('1.234'), null);
  assert.equal(parseMoneyToFen('1e3'), null);
  assert.equal(parseMoneyToFen(''), null);
});

test('formatting always shows 2 fraction digits', () => {
  assert.equal(formatFen(0n), '0.00');
  assert.equal(formatFen(5n), '0.05');
  assert.equal(formatFen(51545900n), '515459.00');
});

test('the materials total is the exact sum of quantity times unit value', () => {
  const items = [
    { quantity: '10000', unitValue: '2.50' },  // masks
    { quantity: '200', unitValue: '0.1' },     // gloves
    { quantity: '3', unitValue: '0.2' },
    { quantity: '', unitValue: '9.99' },       // incomplete row counts 0
  ];
  assert.equal(formatFen(itemsTotalFen(items)), '25020.60');
});

test('large totals stay exact beyond 2^53 fen', () => {
  const items = [{ quantity: '10000000', unitValue: '99999999999.99' }];
  assert.equal(formatFen(itemsTotalFen(items)), '999999999999900000.00');
});
