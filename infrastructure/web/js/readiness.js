// The readiness checklist of a reopening application: what the prevention plan lacks.
import { t } from './i18n.js';

const ALL = ['MASK', 'TEMPERATURE', 'DISINFECTION', 'HEALTH_FORM', 'CONSENT', 'PASS', 'DISINFECTION_3_PER_DAY', 'EMERGENCY_PLAN', 'THERMOMETER'];

export function readinessList(readiness, id) {
  const section = document.createElement('div');
  section.className = 'readiness';
  if (id) section.id = id;
  const h = document.createElement('h3');
  const missing = new Set(readiness?.missing ?? []);
  h.textContent = readiness?.ready ? t('ready.ready') : t('ready.notReady', { n: missing.size });
  const ul = document.createElement('ul');
  ul.className = 'checklist';
  for (const item of ALL) {
    const li = document.createElement('li');
    const ok = !missing.has(item);
    li.className = ok ? 'ok' : 'missing';
    li.dataset.item = item;
    li.textContent = `${ok ? '✓' : '✗'} ${t(`ready.${item}`)}${ok ? '' : `（${t('ready.missing')}）`}`;
    ul.append(li);
  }
  for (const item of missing) {
    if (ALL.includes(item)) continue;
    const li = document.createElement('li');
    li.className = 'missing';
    li.textContent = `✗ ${item}`;
    ul.append(li);
  }
  section.append(h, ul);
  return section;
}
