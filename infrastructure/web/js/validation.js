// Client-side checks that mirror the server's rules in openapi.yaml. The server stays the authority:
// these only spare a round trip. Pure functions, no DOM: tested with `node --test test/`.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function idCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** True when y-m-d is a real calendar date. */
export function isRealDate(y, m, d) {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/**
 * Checks an 18-character resident ID number. Returns null when valid, else an error code:
 * `format` (not 17 digits + digit/X), `birth-date` (not a real date, before 1900 or in the future)
 * or `checksum` (wrong check character). A lower-case x is accepted.
 */
export function checkResidentId(value, today = new Date()) {
  const id = String(value).trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = y * 10000 + m * 100 + d;
  const now = today.getFullYear() * 10000 + (today.getMonth() + 1) * 100 + today.getDate();
  if (!isRealDate(y, m, d) || y < 1900 || birth > now) return 'birth-date';
  if (idCheckChar(id) !== id[17]) return 'checksum';
  return null;
}

/** Other ID types: 1–30 letters and digits. */
export function checkOtherId(value) {
  return /^[A-Za-z0-9]{1,30}$/.test(String(value).trim()) ? null : 'format';
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 32100-2015 check character of the first 17 characters, or null if one is outside the set. */
export function creditCodeCheckChar(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * USCC_WEIGHTS[i];
  }
  const check = 31 - (sum % 31);
  return USCC_ALPHABET[check === 31 ? 0 : check];
}

/** Unified social credit code: null when valid, else `format` or `checksum`. */
export function checkCreditCode(value) {
  const code = String(value).trim().toUpperCase();
  if (code.length !== 18 || [...code].some((c) => !USCC_ALPHABET.includes(c))) return 'format';
  return creditCodeCheckChar(code) === code[17] ? null : 'checksum';
}

/** Removes spaces, dashes and a leading +86/0086 from a phone number. */
export function normalizePhone(value) {
  return String(value).replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
}

export function checkMobile(value) {
  return /^1[3-9]\d{9}$/.test(normalizePhone(value)) ? null : 'format';
}

export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** Normalises a plate for sending: no spaces or separators, upper-case letters. */
export function normalizePlate(value) {
  return String(value).replace(/[\s·.\-]/g, '').toUpperCase();
}

export function checkPlate(value) {
  const plate = normalizePlate(value);
  const re = new RegExp(`^[${PLATE_PROVINCES}][A-Z][A-Z0-9]{5,6}$`);
  return re.test(plate) ? null : 'format';
}

/** Temperature 34.0–43.0 °C with at most one decimal: null, `format` or `range`. */
export function checkTemperature(value) {
  const text = String(value).trim();
  if (!/^\d{1,2}(\.\d)?$/.test(text)) return 'format';
  const tenths = Number(text.replace('.', '')) * (text.includes('.') ? 1 : 10);
  return tenths >= 340 && tenths <= 430 ? null : 'range';
}

// ---------------------------------------------------------------- money, exact

/**
 * Parses a CNY amount with at most 2 fraction digits into integer fen (BigInt), never through a
 * binary float. Returns null when the text is not such an amount.
 */
export function parseMoneyToFen(value) {
  const text = String(value).trim();
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  return BigInt(m[1]) * 100n + BigInt((m[2] || '').padEnd(2, '0'));
}

/** Formats integer fen (BigInt) as a decimal string with exactly 2 fraction digits. */
export function formatFen(fen) {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan}.${cents}`;
}

/** Adds amounts given as decimal strings: exact, e.g. sumMoney(['0.1', '0.2']) === '0.30'. */
export function sumMoney(values) {
  return formatFen(values.reduce((acc, v) => acc + (parseMoneyToFen(v) ?? 0n), 0n));
}

/**
 * Σ quantity × unitValue over item rows ({quantity, unitValue} as strings), in fen.
 * Rows with a missing or invalid quantity or unit value count as 0.
 */
export function itemsTotalFen(items) {
  let total = 0n;
  for (const item of items) {
    const qty = /^\d{1,8}$/.test(String(item.quantity ?? '').trim()) ? BigInt(String(item.quantity).trim()) : null;
    const unit = parseMoneyToFen(item.unitValue ?? '');
    if (qty !== null && unit !== null) total += qty * unit;
  }
  return total;
}

/** Amount of a funds donation: null, `format` (not ≤ 2 decimals) or `range` (0 or > 100000000.00). */
export function checkDonationAmount(value) {
  const fen = parseMoneyToFen(value);
  if (fen === null) return 'format';
  return fen > 0n && fen <= 10000000000n ? null : 'range';
}

/** Integer in [min, max]: null, `type` or `range`. */
export function checkInteger(value, min, max) {
  const text = String(value).trim();
  if (!/^-?\d{1,10}$/.test(text)) return 'type';
  const n = Number(text);
  return n >= min && n <= max ? null : 'range';
}

// ---------------------------------------------------------------- server errors → fields

/**
 * The form field to show a server error on: the longest prefix of the dotted path that the form
 * knows (`items.0.quantity`, else `items.0`, else `items`), or null when none matches (the error
 * then goes into the summary at the top of the form).
 */
export function resolveFieldPath(path, knownFields) {
  const known = knownFields instanceof Set ? knownFields : new Set(knownFields);
  const parts = String(path ?? '').split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (candidate && known.has(candidate)) return candidate;
  }
  return null;
}

/** An element id for a dotted field path: `items.0.quantity` → `items-0-quantity`. */
export function fieldId(path) {
  return String(path).replace(/[^A-Za-z0-9_-]/g, '-');
}

/** Server messages are "中文 / English": the part for the chosen language. */
export function localizeMessage(message, lang) {
  const text = String(message ?? '');
  const at = text.indexOf(' / ');
  if (at < 0) return text;
  return lang === 'en' ? text.slice(at + 3) : text.slice(0, at);
}

/**
 * Builds the JSON body from form controls following openapi.yaml's form-urlencoded convention:
 * dotted names make nested objects, numeric segments make arrays (`items.0.quantity`).
 * Each control is {name, type, value}; `type` is one of
 *   text (string, omitted when empty), int, number, money (kept as a string, exact),
 *   bool (value is true/false), list (value is an array of strings; empty entries dropped).
 */
export function controlsToJson(controls) {
  const root = {};
  for (const { name, type, value } of controls) {
    let v;
    switch (type) {
      case 'bool':
        v = Boolean(value);
        break;
      case 'list': {
        const list = (Array.isArray(value) ? value : [value]).map((s) => String(s).trim()).filter((s) => s !== '');
        if (list.length === 0) continue;
        v = list;
        break;
      }
      default: {
        const text = String(value ?? '').trim();
        if (text === '') continue;
        if (type === 'int') v = /^-?\d+$/.test(text) ? Number(text) : text;
        else if (type === 'number') v = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
        else v = text;
      }
    }
    setPath(root, name.split('.'), v);
  }
  return compactArrays(root);
}

function setPath(obj, parts, value) {
  let node = obj;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    if (node[key] === undefined) node[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
    node = node[key];
  }
  node[parts[parts.length - 1]] = value;
}

// Rows removed from the middle of a repeatable list leave holes: close them, keeping order.
function compactArrays(node) {
  if (Array.isArray(node)) return node.filter((x) => x !== undefined).map(compactArrays);
  if (node && typeof node === 'object') {
    for (const k of Object.keys(node)) node[k] = compactArrays(node[k]);
  }
  return node;
}

// ---------------------------------------------------------------- what people type

/**
 * Full-width characters (a Chinese keyboard's digits, letters and signs, U+FF01–FF5E) as their
 * half-width forms, and the ideographic space as a space: "１３８" → "138".
 */
export function toHalfWidth(value) {
  return String(value ?? '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
    .replace(/\u3000/g, ' ');
}

/**
 * How each kind of input is tidied before it is checked and sent, the way people type it: the
 * server validates the result anyway (openapi.yaml), so this only spares a refusal for a space, a
 * full-width digit or a thousands separator.
 *  id / code: no spaces or dashes, upper case (ID numbers, credit codes, application numbers)
 *  phone: no spaces (the server removes dashes and +86 itself; so does checkMobile)
 *  decimal: a temperature — spaces removed, "。" as the decimal point
 *  money: spaces, thousands separators, "元", "¥" removed
 *  integer: spaces and thousands separators removed
 *  plate: no spaces or separators, upper case
 *  text: trimmed, full-width spaces as spaces
 */
export function normalizeInput(kind, value) {
  const half = toHalfWidth(value);
  switch (kind) {
    case 'id':
    case 'code':
      return half.replace(/[\s\-_.·]/g, '').toUpperCase();
    case 'phone':
      return half.replace(/\s/g, '');
    case 'decimal':
      return half.replace(/\s/g, '').replace(/。/g, '.');
    case 'money':
      return half.replace(/[\s,，_']/g, '').replace(/。/g, '.').replace(/^(?:RMB|CNY|¥|￥)/i, '').replace(/(?:元|圆|块|RMB|CNY)$/i, '');
    case 'integer':
      return half.replace(/[\s,，_']/g, '').replace(/(?:人|名|个|只|支|次)$/, '');
    case 'plate':
      return normalizePlate(half);
    default:
      return half.trim();
  }
}

/**
 * Why a money text is not an amount, exactly: `decimals` (more than two fraction digits),
 * `format` (not a number at all) or null when it is one.
 */
export function moneyProblem(value) {
  const text = String(value ?? '').trim();
  if (parseMoneyToFen(text) !== null) return null;
  return /^\d+\.\d{3,}$/.test(text) ? 'decimals' : 'format';
}

/** A long id for reading out: the last 8 characters as two groups of 4 ("7Q9X-YZ12"). Derived here; no API field. */
export function shortId(id) {
  const text = String(id ?? '');
  if (text.length <= 8) return text;
  const tail = text.slice(-8);
  return `${tail.slice(0, 4)}-${tail.slice(4)}`;
}

/** A long id in groups of four for reading out ("01JD 3K7Q …"). */
export function groupedId(id) {
  return String(id ?? '').replace(/(.{4})(?=.)/g, '$1 ');
}
