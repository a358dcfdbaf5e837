import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  idCheckChar, checkResidentId, checkOtherId, checkCreditCode, creditCodeCheckChar, checkMobile,
  normalizePhone, checkPlate, checkTemperature, checkDonationAmount, checkInteger,
} from '../js/validation.js';

const VALID_ID = '11010519491231002X';
const ID_CHARS = '0123456789X';

test('the GB 11643 sample ID number is valid, with an upper- or lower-case X', () => {
  assert.equal(idCheckChar(VALID_ID.slice(0, 17)), 'X');
  assert.equal(checkResidentId(VALID_ID), null);
  assert.equal(checkResidentId(VALID_ID.toLowerCase()), null);
});

test('every single-character change of a valid ID number is rejected', () => {
  let changes = 0;
  for (let i = 0; i < VALID_ID.length; i++) {
    for (const c of ID_CHARS + 'A') {
      if (c === VALID_ID[i]) continue;
      const changed = VALID_ID.slice(0, i) + c + VALID_ID.slice(i + 1);
      assert.notEqual(checkResidentId(changed), null, `${changed} must be rejected`);
      changes++;
    }
  }
  assert.equal(changes, 18 * 11);
});

test('an ID number with a check character that fits but an impossible birth date is rejected', () => {
  const first17 = '11010519490230002'; // 30 February
  assert.equal(checkResidentId(first17 + idCheckChar(first17)), 'birth-date');
  const leap = '11010520000229002'; // 29 February 2000 exists
  assert.equal(checkResidentId(leap + idCheckChar(leap)), null);
  const notLeap = '11010519000229002'; // 1900 was not a leap year
  assert.equal(checkResidentId(notLeap + idCheckChar(notLeap)), 'birth-date');
});

test('an ID number born in the future is rejected', () => {
  const first17 = '62010220990101001';
  assert.equal(checkResidentId(first17 + idCheckChar(first17), new Date(2020, 1, 13)), 'birth-date');
});

test('wrong length or characters are a format error', () => {
  assert.equal(checkResidentId('11010519491231002'), 'format');
  assert.equal(checkResidentId('11010519491231002XX'), 'format');
  assert.equal(checkResidentId('1101051949123100Y2'), 'format');
});

test('other ID types take 1 to 30 letters and digits', () => {
  assert.equal(checkOtherId('E12345678'), null);
  assert.equal(checkOtherId(''), 'format');
  assert.equal(checkOtherId('A'.repeat(31)), 'format');
  assert.equal(checkOtherId('E 1234'), 'format');
});

test('the GB 32100 sample credit code is valid and a changed one is not', () => {
  assert.equal(checkCreditCode('91110000600037341L'), null);
  assert.equal(creditCodeCheckChar('91110000600037341'), 'L');
  assert.equal(checkCreditCode('91110000600037341M'), 'checksum');
  assert.equal(checkCreditCode('91110000600037342L'), 'checksum');
  assert.equal(checkCreditCode('9111000060003734IL'), 'format'); // I is outside the alphabet
  assert.equal(checkCreditCode('91110000600037341'), 'format');
});

test('a credit code whose weighted sum is a multiple of 31 has check character 0', () => {
  // find one by construction: vary the 17th character until the check is 0
  const base = '9162010000000000';
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const hit = [...alphabet].map((c) => base + c).find((p) => creditCodeCheckChar(p) === '0');
  assert.ok(hit);
  assert.equal(checkCreditCode(hit + '0'), null);
});

test('mainland mobiles are accepted after removing spaces, dashes and +86/0086', () => {
  for (const ok of ['13812341234', '138 1234 1234', '138-1234-1234', '+8613812341234', '008613812341234', '+86 199 3100 0000']) {
    assert.equal(checkMobile(ok), null, ok);
  }
  for (const bad of ['12812341234', '1381234123', '138123412345', '0931-8888888', '']) {
    assert.equal(checkMobile(bad), 'format', bad);
  }
  assert.equal(normalizePhone('+86 138-1234-1234'), '13812341234');
});

test('plates: province character, a letter, then 5 or 6 letters or digits', () => {
  assert.equal(checkPlate('甘A12345'), null);
  assert.equal(checkPlate('甘AD12345'), null);
  assert.equal(checkPlate('甘a12345'), null); // normalised to upper case
  assert.equal(checkPlate('甘A1234'), 'format');
  assert.equal(checkPlate('XA12345'), 'format');
  assert.equal(checkPlate('甘1A2345'), 'format');
});

test('temperature 34.0 to 43.0 with at most one decimal', () => {
  for (const ok of ['34', '34.0', '36.5', '37.3', '43.0', '43']) assert.equal(checkTemperature(ok), null, ok);
  assert.equal(checkTemperature('36.55'), 'format');
  assert.equal(checkTemperature('abc'), 'format');
  assert.equal(checkTemperature('33.9'), 'range');
  assert.equal(checkTemperature('43.1'), 'range');
});

test('donation amounts are positive, at most 100000000.00 and 2 decimals', () => {
  assert.equal(checkDonationAmount('2022410.00'), null);
  assert.equal(checkDonationAmount('0.01'), null);
  assert.equal(checkDonationAmount('100000000.00'), null);
  assert.equal(checkDonationAmount('100000000.01'), 'range');
  assert.equal(checkDonationAmount('0'), 'range');
  assert.equal(checkDonationAmount('1.005'), 'format');
  assert.equal(checkDonationAmount('-5'), 'format');
});

test('integers within a range', () => {
  assert.equal(checkInteger('24', 0, 24), null);
  assert.equal(checkInteger('25', 0, 24), 'range');
  assert.equal(checkInteger('2.5', 0, 24), 'type');
});

import { toHalfWidth, normalizeInput, moneyProblem, shortId, groupedId } from '../js/validation.js';

test('full-width digits and letters from a Chinese keyboard become half-width', () => {
  assert.equal(toHalfWidth('１３８　００１３ｘ'), '138 0013x');
});

test('input is tidied the way people type it, and the server still sees a valid value', () => {
  assert.equal(normalizeInput('id', '１１０１０５ 1949-1231 002x'), '11010519491231002X');
  assert.equal(normalizeInput('phone', '１３８ ００１３ ８０００'), '13800138000');
  assert.equal(normalizeInput('decimal', '３６。５'), '36.5');
  assert.equal(normalizeInput('money', '1,000元'), '1000');
  assert.equal(normalizeInput('money', '￥１，２３４.５０'), '1234.50');
  assert.equal(normalizeInput('integer', '1,200 人'), '1200');
  assert.equal(normalizeInput('code', '91620100 1234567 89x'), '91620100123456789X');
  assert.equal(normalizeInput('plate', '甘ａ·１２３４５'), '甘A12345');
});

test('a money text says exactly why it is not an amount', () => {
  assert.equal(moneyProblem('12.345'), 'decimals');
  assert.equal(moneyProblem('abc'), 'format');
  assert.equal(moneyProblem('1000'), null);
});

test('a long id gets a short form of its last 8 characters and groups of four', () => {
  assert.equal(shortId('01JDXYZABCDEFGHJKMNPQRSTVW'), 'NPQR-STVW');
  assert.equal(groupedId('01JDXYZABC'), '01JD XYZA BC');
});
