// Chinese first, English on request. The pages are written in Chinese; elements with
// data-i18n="key" get their English text from EN, and their original Chinese back from the page.
// Texts made by scripts come from MSG (both languages). The choice is kept in localStorage.

const STORAGE_KEY = 'lang';
const listeners = [];

export function getLang() {
  try { return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'; } catch { return 'zh'; }
}

/** A script's text in the current language; {name} placeholders are filled from vars. */
export function t(key, vars = {}) {
  const entry = MSG[key];
  let text = entry ? entry[getLang()] ?? entry.zh : (getLang() === 'en' ? EN[key] : ZH[key]) ?? key;
  for (const [k, v] of Object.entries(vars)) text = text.replaceAll(`{${k}}`, String(v));
  return text;
}

const ZH = {}; // Chinese texts of data-i18n elements, collected from the pages as they are seen

export function applyI18n(root = document) {
  const lang = getLang();
  for (const el of root.querySelectorAll('[data-i18n]')) {
    const key = el.dataset.i18n;
    if (el.dataset.zh === undefined) {
      el.dataset.zh = el.textContent;
      ZH[key] ??= el.textContent;
    }
    el.textContent = lang === 'en' && EN[key] !== undefined ? EN[key] : el.dataset.zh;
  }
  if (root === document) {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    const title = document.querySelector('h1');
    if (title) document.title = `${title.textContent} · ${lang === 'en' ? 'Lanzhou epidemic prevention' : '兰州市疫情防控'}`;
    const toggle = document.getElementById('lang-toggle');
    if (toggle) {
      toggle.textContent = lang === 'en' ? '中文' : 'English';
      toggle.lang = lang === 'en' ? 'zh-CN' : 'en';
      toggle.setAttribute('aria-label', lang === 'en' ? '切换到中文' : 'Switch to English');
    }
  }
}

export function onLangChange(fn) {
  listeners.push(fn);
}

export function setLang(lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* private mode: not remembered */ }
  applyI18n();
  for (const fn of listeners) fn(lang);
}

export function initI18n() {
  applyI18n();
  const toggle = document.getElementById('lang-toggle');
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener('click', () => setLang(getLang() === 'en' ? 'zh' : 'en'));
  }
}

const EN = {
  'common.skip': 'Skip to main content',
  'common.brand': 'Lanzhou epidemic prevention registration',
  'common.footer': 'Lanzhou COVID-19 Prevention and Control Headquarters',
  'common.district': 'District',
  'common.choose': 'Please choose',
  'common.mobile': 'Mobile number',
  'common.remove': 'Remove',
  'common.yuan': 'CNY',
  'home.title': 'Epidemic prevention services',
  'home.intro': 'Register without meeting in person. Choose what you need:',
  'home.register': 'Person registration',
  'home.registerDesc': 'At a road checkpoint, residential compound, enterprise or observation site.',
  'home.donate': 'Donation registration',
  'home.donateDesc': 'Register donated funds or supplies and get a receipt number.',
  'home.reopen': 'Apply to resume work',
  'home.reopenDesc': 'Enterprises submit their prevention plan to the street office.',
  'home.status': 'Application status',
  'home.statusDesc': 'Look up a reopening application by its number.',
  'home.staffTitle': 'For staff',
  'home.poster': 'QR poster for a site',
  'home.staff': 'Staff console',
  'reg.title': 'Person registration',
  'reg.intro': 'Checkpoints, compounds, enterprises and observation sites register every person passing. Fields marked * are required.',
  'reg.site': 'Where',
  'reg.siteType': 'Type of site',
  'reg.siteCode': 'Site code',
  'reg.siteCodeHint': 'e.g. G312-01 (the code on the poster)',
  'reg.person': 'Person',
  'reg.name': 'Full name',
  'reg.idType': 'Type of ID',
  'reg.idNumber': 'ID number',
  'reg.idNumberHint': 'Resident ID: 18 characters, the last may be X',
  'reg.health': 'Health and travel',
  'reg.temperature': 'Temperature (°C)',
  'reg.temperatureHint': '34.0–43.0, one decimal; required at checkpoints and observation sites',
  'reg.symptoms': 'Symptoms (tick all that apply)',
  'reg.contact': 'Contact with a confirmed or suspected case in the last 14 days',
  'reg.cohabitants': 'Someone living with me has a fever or feels unwell',
  'reg.origin': 'Arriving from',
  'reg.originHint': 'e.g. Dingxi, Gansu',
  'reg.travel': 'Regions visited in the last 14 days',
  'reg.travelHint': 'One region per line, at most 20',
  'reg.region': 'Region',
  'reg.addRegion': 'Add a region',
  'reg.plate': 'Vehicle plate',
  'reg.plateHint': 'e.g. 甘A12345, new-energy 甘AD12345; leave empty when on foot',
  'reg.lateEntry': 'Late entry (the check was earlier)',
  'reg.occurredAt': 'Time of the check',
  'reg.occurredAtHint': 'Empty means now; at most 30 days back',
  'reg.consent': 'I agree to provide the information above',
  'reg.consentPurpose': 'This includes sensitive personal information (ID number, health, travel). It is used only for epidemic prevention in this city and is processed by the district\'s prevention headquarters; ID numbers and phone numbers never appear in any report.',
  'reg.submit': 'Submit registration',
  'site.CHECKPOINT': 'Road checkpoint',
  'site.COMMUNITY': 'Residential compound',
  'site.ENTERPRISE': 'Enterprise',
  'site.OBSERVATION': 'Observation site',
  'idType.RESIDENT_ID': 'Resident ID card',
  'idType.PASSPORT': 'Passport',
  'idType.HK_MACAO_TAIWAN': 'Hong Kong / Macao / Taiwan permit',
  'idType.OTHER': 'Other ID',
  'sym.FEVER': 'Fever',
  'sym.COUGH': 'Cough',
  'sym.FATIGUE': 'Fatigue',
  'sym.SORE_THROAT': 'Sore throat',
  'sym.SHORTNESS_OF_BREATH': 'Shortness of breath',
  'sym.DIARRHEA': 'Diarrhoea',
  'sym.OTHER': 'Other discomfort',
  'don.title': 'Donation registration',
  'don.intro': 'Register donated funds or supplies; you get a receipt number. Fields marked * are required.',
  'don.donor': 'Donor',
  'don.donorType': 'Donor type',
  'don.INDIVIDUAL': 'Individual',
  'don.ORGANIZATION': 'Organisation',
  'don.anonymous': 'Donate anonymously',
  'don.anonymousHint': 'The name is recorded as “anonymous” and never appears in a report',
  'don.donorName': 'Name of the person or organisation',
  'don.donorPhone': 'Mobile number',
  'don.receiving': 'Receiving side',
  'don.district': 'Receiving district',
  'don.recipient': 'Receiving body',
  'don.recipientHint': 'e.g. the district Red Cross or charity association',
  'don.donatedOn': 'Date of the donation',
  'don.donatedOnHint': 'Empty means today',
  'don.kind': 'What is donated',
  'don.FUNDS': 'Funds',
  'don.MATERIALS': 'Supplies',
  'don.funds': 'Funds',
  'don.amount': 'Amount (CNY)',
  'don.amountHint': 'At most two decimals, e.g. 2000.20',
  'don.materials': 'Supplies',
  'don.itemsHint': 'Leave empty for a funds donation. At most 50 items.',
  'don.item': 'Item',
  'don.category': 'Category',
  'don.itemName': 'Name and specification',
  'don.quantity': 'Quantity',
  'don.unit': 'Unit',
  'don.unitHint': 'e.g. pieces, sets, boxes',
  'don.unitValue': 'Unit value (CNY)',
  'don.rowTotal': 'Subtotal',
  'don.removeItem': 'Remove this item',
  'don.addItem': 'Add an item',
  'don.total': 'Total value of the supplies',
  'don.note': 'Note',
  'don.submit': 'Submit donation',
  'cat.MASK': 'Masks',
  'cat.PROTECTIVE_SUIT': 'Protective suits',
  'cat.GOGGLES': 'Goggles',
  'cat.MEDICAL_GLOVES': 'Medical gloves',
  'cat.DISINFECTANT': 'Disinfectant',
  'cat.THERMOMETER': 'Thermometers',
  'cat.FOOD': 'Food',
  'cat.OTHER': 'Other',
  'reo.title': 'Application to resume work and production',
  'reo.intro': 'Enterprises submit their application and prevention plan to the township or street office, then follow it by its number. Fields marked * are required.',
  'reo.enterprise': 'Enterprise',
  'reo.entName': 'Enterprise name',
  'reo.creditCode': 'Unified social credit code',
  'reo.creditCodeHint': '18 characters, on the business licence',
  'reo.industry': 'Industry',
  'reo.industryHint': 'e.g. food processing, building materials, pharmaceuticals',
  'reo.employees': 'Number of employees',
  'reo.aboveSize': 'Above designated size (annual main business revenue of 20 million CNY or more)',
  'reo.where': 'Office and date',
  'reo.street': 'Street office or township',
  'reo.streetHint': 'e.g. Shilidian street office',
  'reo.plannedDate': 'Planned date of resumption',
  'reo.plannedDateHint': 'From today, at most 90 days ahead',
  'reo.contact': 'Contact person',
  'reo.contactName': 'Contact name',
  'reo.staff': 'Returning staff',
  'reo.returning': 'Employees returning',
  'reo.fromHubei': 'Of whom from Hubei',
  'reo.prevention': 'Prevention plan',
  'reo.responsible': 'Person responsible for prevention',
  'reo.disinfections': 'Disinfections per day',
  'reo.disinfectionsHint': '0–24; at least 3 a day meets the standard',
  'reo.entrySteps': 'Entry measures (tick all that apply)',
  'reo.masks': 'Masks in stock',
  'reo.thermometers': 'Thermometers',
  'reo.emergencyPlan': 'An emergency plan for an epidemic case is in place',
  'reo.difficultiesTitle': 'Difficulties',
  'reo.difficulties': 'Difficulties (tick all that apply)',
  'reo.difficultyNote': 'Details',
  'reo.submit': 'Submit application',
  'step.MASK': 'Masks worn',
  'step.TEMPERATURE': 'Temperature taken',
  'step.DISINFECTION': 'Disinfection',
  'step.HEALTH_FORM': 'Health declaration',
  'step.CONSENT': 'Signed commitment',
  'step.PASS': 'Entry pass',
  'diff.FUNDING': 'Funding',
  'diff.TRANSPORT': 'Transport',
  'diff.LABOR': 'Labour',
  'diff.SUPPLIES': 'Prevention supplies',
  'diff.OTHER': 'Other',
  'st.title': 'Status of a reopening application',
  'st.id': 'Application number',
  'st.lookup': 'Look up',
  'st.noscript': 'Looking up the status needs JavaScript.',
  'poster.title': 'QR poster for a site',
  'poster.intro': 'Fill in the site, then print: people scan the code and register on their own phone.',
  'poster.heading': 'Poster title',
  'poster.make': 'Make poster',
  'poster.print': 'Print',
  'staff.title': 'Staff console',
  'staff.signin': 'Sign in',
  'staff.cognito': 'Sign in with the staff account',
  'staff.token': 'Staff token',
  'staff.tokenHint': 'Locally, run ./dev token and paste the token here. It is kept in this tab only and gone when the tab closes.',
  'staff.signinButton': 'Sign in',
  'staff.signout': 'Sign out',
  'staff.applications': 'Reopening applications',
  'staff.reports': 'Daily reports',
  'staff.status': 'Status',
  'staff.allDistricts': 'All districts',
  'staff.filter': 'Search',
  'staff.submitted': 'Submitted',
  'staff.readiness': 'Prevention plan',
  'staff.action': 'Action',
  'staff.more': 'Load more',
  'staff.conflict': 'Already handled by someone else: please reload',
  'staff.conflictDetail': 'The application changed after you opened it; your action had no effect.',
  'staff.reload': 'Reload',
  'staff.decide': 'Decision',
  'staff.approve': 'Approve',
  'staff.reason': 'Reason for rejecting (required)',
  'staff.reject': 'Reject',
  'staff.markReopened': 'Record the reopening',
  'staff.reopenedOn': 'Reopened on',
  'staff.markReopenedButton': 'Confirm reopened',
  'staff.reportDate': 'Date',
  'staff.viewReport': 'Show report',
  'staff.compile': 'Compile this day',
  'staff.compiledDays': 'Compiled days',
};

const MSG = {
  'msg.choose': { zh: '请选择', en: 'Please choose' },
  'msg.districtsFailed': { zh: '无法加载区县列表，请稍后刷新页面。', en: 'The district list could not be loaded; please reload the page later.' },
  'msg.fixErrors': { zh: '请更正以下 {n} 项', en: 'Please correct {n} item(s)' },
  'msg.httpError': { zh: '提交未成功（{status}）', en: 'Not successful ({status})' },
  'msg.existingApplication': { zh: '查看该企业尚在办理中的申请', en: 'See this enterprise\'s open application' },
  'msg.sending': { zh: '正在提交…', en: 'Sending…' },
  'msg.retrying': { zh: '网络不稳定，正在第 {n} 次重试（不会重复登记）…', en: 'Network trouble: retry {n} (nothing is recorded twice)…' },
  'msg.networkTitle': { zh: '网络连接失败', en: 'No connection' },
  'msg.networkDetail': { zh: '请检查网络后再次点击提交。重复提交不会产生重复记录。', en: 'Check the connection and submit again. Submitting again never creates a second record.' },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.yuan': { zh: '元', en: 'CNY' },
  'common.district': { zh: '区县', en: 'District' },
  'err.required': { zh: '此项必填', en: 'This field is required' },
  'err.length50': { zh: '最多 50 个字符', en: 'At most 50 characters' },
  'err.length100': { zh: '最多 100 个字符', en: 'At most 100 characters' },
  'err.idFormat': { zh: '身份证号码应为 18 位：17 位数字加 1 位数字或 X', en: 'A resident ID has 18 characters: 17 digits and a digit or X' },
  'err.idBirth': { zh: '身份证号码中的出生日期无效', en: 'The birth date in the ID number is not valid' },
  'err.idChecksum': { zh: '身份证号码校验位不正确，请核对', en: 'The ID number\'s check character is wrong; please check it' },
  'err.otherId': { zh: '证件号码应为 1–30 位字母或数字', en: 'The ID number must be 1–30 letters or digits' },
  'err.mobile': { zh: '请输入 11 位手机号码', en: 'Enter an 11-digit mainland mobile number' },
  'err.temperatureRequired': { zh: '卡口和留观点须填写体温', en: 'Temperature is required at checkpoints and observation sites' },
  'err.temperature': { zh: '体温应在 34.0–43.0 之间，最多一位小数', en: 'Temperature must be 34.0–43.0 with at most one decimal' },
  'err.plate': { zh: '车牌号格式不正确，如 甘A12345', en: 'Not a valid plate, e.g. 甘A12345' },
  'err.occurredAt': { zh: '检查时间应在 30 天内且不晚于现在', en: 'The time must be within the last 30 days and not in the future' },
  'err.consent': { zh: '须同意后才能登记', en: 'Consent is required to register' },
  'err.futureDate': { zh: '日期不能晚于今天', en: 'The date cannot be in the future' },
  'err.quantity': { zh: '数量应为 1–10000000 的整数', en: 'Quantity must be a whole number from 1 to 10000000' },
  'err.money': { zh: '金额最多两位小数，如 12.50', en: 'An amount has at most two decimals, e.g. 12.50' },
  'err.amountRange': { zh: '金额应大于 0 且不超过 100000000.00', en: 'The amount must be above 0 and at most 100000000.00' },
  'err.creditFormat': { zh: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）', en: 'A credit code has 18 digits or capital letters (no I, O, Z, S, V)' },
  'err.creditChecksum': { zh: '统一社会信用代码校验位不正确，请核对', en: 'The credit code\'s check character is wrong; please check it' },
  'err.employees': { zh: '职工总数应为 1–1000000', en: 'Employees must be 1–1000000' },
  'err.notMoreThanEmployees': { zh: '应为 0 到职工总数之间的整数', en: 'Must be a whole number from 0 to the number of employees' },
  'err.disinfections': { zh: '每日消毒次数应为 0–24', en: 'Disinfections per day must be 0–24' },
  'err.nonNegative': { zh: '应为不小于 0 的整数', en: 'Must be a whole number of 0 or more' },
  'err.plannedDate': { zh: '计划复工日期应为今天起 90 天内', en: 'The planned date must be from today to 90 days ahead' },
  'reg.done': { zh: '登记成功', en: 'Registered' },
  'reg.highRiskAdvice': { zh: '请按工作人员指引接受进一步排查，并做好居家隔离观察。', en: 'Please follow the staff\'s instructions for further screening and home isolation.' },
  'risk.HIGH': { zh: '高风险', en: 'High risk' },
  'risk.MEDIUM': { zh: '中风险', en: 'Medium risk' },
  'risk.LOW': { zh: '低风险', en: 'Low risk' },
  'receipt.riskLevel': { zh: '风险等级', en: 'Risk level' },
  'receipt.idMasked': { zh: '证件号码', en: 'ID number' },
  'receipt.phoneMasked': { zh: '手机号码', en: 'Mobile' },
  'receipt.fever': { zh: '发热', en: 'Fever' },
  'receipt.isolationUntil': { zh: '隔离观察至', en: 'Isolation until' },
  'receipt.occurredAt': { zh: '检查时间', en: 'Checked at' },
  'receipt.number': { zh: '登记编号', en: 'Registration number' },
  'receipt.receiptNumber': { zh: '回执编号', en: 'Receipt number' },
  'receipt.value': { zh: '捐赠价值', en: 'Value' },
  'receipt.kind': { zh: '捐赠类型', en: 'Kind' },
  'receipt.date': { zh: '捐赠日期', en: 'Date' },
  'receipt.applicationId': { zh: '申请编号', en: 'Application number' },
  'receipt.status': { zh: '办理状态', en: 'Status' },
  'receipt.submittedAt': { zh: '提交时间', en: 'Submitted' },
  'don.done': { zh: '捐赠登记成功', en: 'Donation registered' },
  'don.thanks': { zh: '感谢您对疫情防控工作的支持！请保存回执编号。', en: 'Thank you for supporting epidemic prevention! Please keep the receipt number.' },
  'don.FUNDS': { zh: '资金', en: 'Funds' },
  'don.MATERIALS': { zh: '物资', en: 'Supplies' },
  'reo.done': { zh: '申请已提交', en: 'Application submitted' },
  'reo.statusLink': { zh: '查看办理进度', en: 'Follow the application' },
  'reo.creditCode': { zh: '统一社会信用代码', en: 'Credit code' },
  'reo.street': { zh: '街道（乡镇）', en: 'Street office' },
  'status.SUBMITTED': { zh: '已提交，待审批', en: 'Submitted, awaiting decision' },
  'status.APPROVED': { zh: '已批准', en: 'Approved' },
  'status.REJECTED': { zh: '未批准', en: 'Rejected' },
  'status.REOPENED': { zh: '已复工', en: 'Reopened' },
  'ready.ready': { zh: '防控措施齐备', en: 'The prevention plan is complete' },
  'ready.notReady': { zh: '防控措施缺 {n} 项', en: 'The prevention plan lacks {n} item(s)' },
  'ready.missing': { zh: '缺', en: 'missing' },
  'ready.MASK': { zh: '进厂佩戴口罩', en: 'Masks at entry' },
  'ready.TEMPERATURE': { zh: '进厂测量体温', en: 'Temperature at entry' },
  'ready.DISINFECTION': { zh: '进厂消毒', en: 'Disinfection at entry' },
  'ready.HEALTH_FORM': { zh: '健康申报', en: 'Health declaration' },
  'ready.CONSENT': { zh: '签署承诺书', en: 'Signed commitment' },
  'ready.PASS': { zh: '凭证出入', en: 'Entry pass' },
  'ready.DISINFECTION_3_PER_DAY': { zh: '每日消毒不少于 3 次', en: 'At least 3 disinfections a day' },
  'ready.EMERGENCY_PLAN': { zh: '应急处置预案', en: 'Emergency plan' },
  'ready.THERMOMETER': { zh: '配备体温计', en: 'Thermometers' },
  'st.decidedAt': { zh: '审批时间', en: 'Decided' },
  'st.reason': { zh: '审批意见', en: 'Reason' },
  'st.reopenedOn': { zh: '复工日期', en: 'Reopened on' },
  'staff.badToken': { zh: '令牌格式不正确，请重新粘贴。', en: 'That is not a token; please paste it again.' },
  'staff.expired': { zh: '令牌已过期，请重新登录。', en: 'The token has expired; please sign in again.' },
  'staff.signedInAs': { zh: '当前用户：{who}', en: 'Signed in as {who}' },
  'staff.cognitoFailed': { zh: '统一身份认证登录未成功，请重试。', en: 'Sign-in with the staff account failed; please try again.' },
  'staff.signedOut': { zh: '已退出登录。', en: 'Signed out.' },
  'staff.unauthorized': { zh: '登录已失效，请重新登录。', en: 'Your sign-in is no longer valid; please sign in again.' },
  'staff.forbidden': { zh: '该账号没有工作人员权限。', en: 'This account has no staff rights.' },
  'staff.allDistricts': { zh: '全部区县', en: 'All districts' },
  'staff.count': { zh: '共显示 {n} 条申请', en: '{n} application(s) shown' },
  'staff.open': { zh: '查看', en: 'Open' },
  'staff.version': { zh: '版本', en: 'Version' },
  'staff.industry': { zh: '行业', en: 'Industry' },
  'staff.employees': { zh: '职工总数', en: 'Employees' },
  'staff.aboveSize': { zh: '规模以上', en: 'above designated size' },
  'staff.contact': { zh: '联系人', en: 'Contact' },
  'staff.plannedDate': { zh: '计划复工日期', en: 'Planned date' },
  'staff.returning': { zh: '返岗人数 / 其中来自湖北', en: 'Returning / of whom from Hubei' },
  'staff.prevention': { zh: '防控方案', en: 'Prevention plan' },
  'staff.disinfections': { zh: '每日消毒 {n} 次', en: '{n} disinfections a day' },
  'staff.masks': { zh: '口罩 {n} 只', en: '{n} masks' },
  'staff.thermometers': { zh: '体温计 {n} 支', en: '{n} thermometers' },
  'staff.difficulties': { zh: '困难和诉求', en: 'Difficulties' },
  'staff.history': { zh: '办理记录', en: 'History' },
  'staff.done': { zh: '操作成功，当前状态：{status}', en: 'Done; status now: {status}' },
  'staff.reasonRequired': { zh: '不予批准须填写理由', en: 'A reason is required to reject' },
  'staff.noReport': { zh: '{date} 的日报尚未生成，可点击“生成该日日报”。', en: 'No report for {date} yet; use “Compile this day”.' },
  'staff.reportOf': { zh: '{date} 日报', en: 'Report of {date}' },
  'staff.generatedAt': { zh: '生成时间：{at}', en: 'Generated at {at}' },
  'staff.expires': { zh: '链接有效至 {at}', en: 'link valid until {at}' },
  'staff.compiling': { zh: '已开始生成 {date} 的日报，请稍后点击“查看日报”。', en: 'Compiling the report of {date}; use “Show report” in a moment.' },
  'st.notFound': { zh: '未找到该申请，请核对申请编号。', en: 'No application with this number.' },
};

/** An ISO instant ("2026-11-29T19:04:04.708Z") as local date and time in the chosen language; '—' when absent. */
export function formatDateTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(getLang() === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}
