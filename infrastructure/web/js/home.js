import { initI18n } from './i18n.js';
initI18n();
