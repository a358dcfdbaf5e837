// Printable QR poster per site: the code opens register.html with district and site prefilled.
// QR encoding: qrcode-generator (MIT), vendored under vendor/ (see README).
import qrcode from '../vendor/qrcode-generator.mjs';
import { initI18n, t } from './i18n.js';
import { loadDistricts, prefillFromQuery } from './form.js';

initI18n();
const form = document.getElementById('poster-form');
prefillFromQuery(form, { district: 'district', siteType: 'siteType', siteCode: 'siteCode', title: 'title' });
const districtsReady = loadDistricts(form.elements.district);

/** The registration URL the poster's code opens, on this site's origin. */
export function registrationUrl(base, district, siteType, siteCode) {
  const url = new URL('register.html', base);
  url.search = new URLSearchParams({ district, siteType, siteCode }).toString();
  return url.href;
}

/** The link as people read it under the code: the site code in its own characters, not percent-escapes. */
function readable(href) {
  try {
    return decodeURI(href);
  } catch {
    return href;
  }
}

/** An SVG element drawing the QR code of text (byte mode, EC level M, smallest version that fits). */
function qrSvg(text) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const quiet = 4;
  const size = n + quiet * 2;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `二维码：${text}`);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const bg = document.createElementNS(ns, 'rect');
  bg.setAttribute('width', size);
  bg.setAttribute('height', size);
  bg.setAttribute('fill', '#fff');
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) d += `M${c + quiet} ${r + quiet}h1v1h-1z`;
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}

async function make() {
  const siteCode = form.elements.siteCode.value.trim();
  const err = document.getElementById('siteCode-error');
  if (!siteCode || !form.elements.district.value) {
    err.textContent = t('err.required');
    err.hidden = false;
    (siteCode ? form.elements.district : form.elements.siteCode).focus();
    return;
  }
  err.hidden = true;
  const district = form.elements.district;
  const siteType = form.elements.siteType;
  const url = registrationUrl(location.href, district.value, siteType.value, siteCode);
  const districtName = district.selectedOptions[0]?.textContent ?? district.value;
  const typeName = siteType.selectedOptions[0]?.textContent ?? siteType.value;
  document.getElementById('poster-title').textContent = form.elements.title.value.trim() || `${districtName}${typeName}`;
  document.getElementById('poster-meta').textContent = `${districtName} · ${typeName} · ${siteCode}`;
  document.getElementById('poster-url').textContent = readable(url);
  document.getElementById('poster-qr').replaceChildren(qrSvg(url));
  document.getElementById('poster').hidden = false;
  document.getElementById('poster-print').hidden = false;
  history.replaceState(null, '', `?${new URLSearchParams(new FormData(form))}`);
}

form.addEventListener('submit', (e) => { e.preventDefault(); make(); });
document.getElementById('poster-print').addEventListener('click', () => window.print());
districtsReady.then(() => { if (form.elements.siteCode.value) make(); });
