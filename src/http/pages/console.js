// The intake coordinator console. Member details live in the form fields and in request bodies
// only: never in URLs, storage or console output. The checklist answers never leave the page.
import { api, setApiKey, problemMessage } from './api.js';
import { LEVEL_LABELS, contactsText, day, h, money, nextMonday, percent, scrollBox, show, today, weekChart, weekTable, weeklyAfterDeductible, when } from './format.js';

const $ = (id) => document.getElementById(id);

/** What the console knows so far (memory only). */
const state = { payers: [], eligibility: undefined, eligibilityFor: '', estimate: undefined };

// --- API key: memory only -------------------------------------------------------------------------
$('api-key').addEventListener('input', (event) => setApiKey(event.target.value));

// --- Busy and problem display ------------------------------------------------------------------------
async function busy(button, statusId, label, work) {
  button.disabled = true;
  $(statusId).textContent = label;
  try {
    return await work();
  } finally {
    button.disabled = false;
    $(statusId).textContent = '';
  }
}

function problemBox(error, heading = 'What to do') {
  const m = problemMessage(error);
  return h('div', { class: 'problem', role: 'alert' },
    h('p', {}, h('strong', {}, '✕ ', m.title)),
    h('p', {}, h('span', { class: 'label' }, `${heading}: `), m.detail),
    m.fields.length ? h('ul', {}, m.fields.map((f) => h('li', {}, f))) : null);
}

// --- Payers ------------------------------------------------------------------------------------------
function renderPayers(filter = '') {
  const q = filter.trim().toLowerCase();
  const select = $('payer');
  const current = select.value;
  const matches = state.payers.filter((p) => !q || [p.id, p.name, ...(p.aliases ?? [])].some((v) => String(v).toLowerCase().includes(q)));
  select.replaceChildren(...matches.map((p) => h('option', { value: p.id }, `${p.name} (${p.id})${p.sandbox ? ' [sandbox]' : ''}`)));
  if (matches.some((p) => p.id === current)) select.value = current;
  $('payer-count').textContent = `${matches.length} of ${state.payers.length} payers match`;
}

async function loadPayers() {
  try {
    const { payers } = await api('GET', '/v1/payers');
    state.payers = payers;
    renderPayers($('payer-search').value);
  } catch (error) {
    show($('coverage-result'), problemBox(error, 'Payer list'));
  }
}
$('payer-search').addEventListener('input', (event) => renderPayers(event.target.value));

// --- Coverage ----------------------------------------------------------------------------------------
function val(id) {
  return $(id).value.trim();
}

function eligibilityRequest() {
  const subscriber = { memberId: val('member-id') };
  if (val('first-name')) subscriber.firstName = val('first-name');
  if (val('last-name')) subscriber.lastName = val('last-name');
  if (val('dob')) subscriber.dateOfBirth = val('dob');
  const provider = { npi: val('npi') };
  if (val('org-name')) provider.organizationName = val('org-name');
  return { payerId: $('payer').value, provider, subscriber, dateOfService: val('start-date'), levelOfCare: $('level').value };
}

/** The inputs that identify a coverage answer, so a changed form never reuses an old answer. */
function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function coverageKey(req) {
  return JSON.stringify(req);
}

const STATUS = {
  active: { cls: 'ok', icon: '✓', word: 'Active' },
  inactive: { cls: 'bad', icon: '✕', word: 'Inactive' },
};

function statusBadge(status) {
  const s = STATUS[status] ?? { cls: 'warn', icon: '?', word: 'Undetermined' };
  return h('span', { class: `status ${s.cls}`, 'data-testid': 'coverage-status' }, h('span', { 'aria-hidden': 'true' }, s.icon), s.word);
}

function meter(label, acc) {
  if (!acc || (acc.totalCents === undefined && acc.remainingCents === undefined)) {
    return h('div', { class: 'meter' }, h('span', { class: 'label' }, `${label}: `), 'not reported by the payer');
  }
  const total = acc.totalCents?.value;
  const remaining = acc.remainingCents?.value;
  const met = acc.metCents?.value ?? (total !== undefined && remaining !== undefined ? total - remaining : undefined);
  const text = [
    met !== undefined ? `${money(met)} met` : undefined,
    total !== undefined ? `of ${money(total)}` : undefined,
    remaining !== undefined ? `(${money(remaining)} remaining)` : undefined,
  ].filter(Boolean).join(' ');
  return h('div', { class: 'meter' },
    h('div', {}, h('span', { class: 'label' }, `${label}: `), h('span', { class: 'meter-text' }, text)),
    total !== undefined && met !== undefined ? h('progress', { max: total, value: Math.min(met, total), 'aria-label': `${label}: ${text}` }) : null);
}

function triState(value, yes, no, unknown = 'Not stated by the payer') {
  if (value === 'yes') return { word: yes, cls: 'warn', icon: '!' };
  if (value === 'no') return { word: no, cls: 'ok', icon: '✓' };
  return { word: unknown, cls: 'warn', icon: '?' };
}

function termsTable(levelOfCare, status) {
  const row = (label, fn) => h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, fn(levelOfCare.inNetwork)), h('td', {}, fn(levelOfCare.outOfNetwork)));
  const copay = (t) => (t.copay ? `${money(t.copay.value.amountCents)} per ${t.copay.value.per}` : 'none reported');
  const coins = (t) => (t.coinsurancePpm ? percent(t.coinsurancePpm.value) : 'none reported');
  const acc = (a) => (a?.remainingCents ? `${money(a.remainingCents.value)} left of ${a.totalCents ? money(a.totalCents.value) : 'unknown'}` : a?.totalCents ? money(a.totalCents.value) : 'not reported');
  // An inactive plan covers nothing, whatever its benefit lines still say.
  const covered = (t) => (status === 'inactive' ? '✕ Plan inactive' : t.notCovered ? '✕ Not covered' : '✓ Covered or not excluded');
  return scrollBox('Cost sharing in and out of network', h('table', {},
    h('caption', {}, `Cost sharing for ${LEVEL_LABELS[levelOfCare.id] ?? levelOfCare.id}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Benefit'), h('th', { scope: 'col' }, 'In network'), h('th', { scope: 'col' }, 'Out of network'))),
    h('tbody', {},
      row('Covered', covered),
      row('Deductible (individual)', (t) => acc(t.deductible?.individual)),
      row('Out-of-pocket maximum (individual)', (t) => acc(t.outOfPocket?.individual)),
      row('Coinsurance', coins),
      row('Copay', copay),
      row('Prior authorization', (t) => triState(t.authorizationRequired.value, 'Required', 'Not required').word),
      row('Referral', (t) => triState(t.referralRequired.value, 'Required', 'Not required').word),
      row('Not known', (t) => (t.unknowns.length ? h('ul', {}, t.unknowns.map((u) => h('li', {}, u))) : 'nothing')))));
}

function renderCoverage(result) {
  const { coverage, source, levelOfCare } = result;
  const inNet = levelOfCare?.inNetwork;
  const nodes = [];
  nodes.push(h('h3', {}, 'Coverage at a glance'));
  const planType = coverage.plan?.type && coverage.plan.type !== 'unknown' ? ` (${coverage.plan.type})` : '';
  nodes.push(h('p', {}, statusBadge(coverage.eligibility.status), ' ', coverage.plan?.name ?? '', planType));
  nodes.push(h('p', { class: 'hint' }, coverage.eligibility.reason));
  const cacheWords = { hit: 'from the cache', miss: 'asked the payer just now', bypass: 'asked the payer just now, cache bypassed', stale: 'an older answer: the payer is not answering' };
  nodes.push(h('p', { 'data-testid': 'as-of' }, h('span', { class: 'label' }, 'As of: '), when(source.asOf), ` (${cacheWords[source.cache] ?? source.cache}${source.ageSeconds ? `, ${Math.round(source.ageSeconds / 60)} min old` : ''})`));
  if (source.stale) nodes.push(h('div', { class: 'notice' }, '! This answer is stale because the payer is not answering; confirm before quoting numbers.'));
  if (source.dateOfServiceAsked) {
    nodes.push(h('div', { class: 'notice', 'data-testid': 'date-asked' }, `! This payer does not answer for future dates, so this is its answer for ${day(source.dateOfServiceAsked)} (the latest date every US time zone has reached), not for the day you asked about. Check eligibility again on the first day of service.`));
  }

  const carveOuts = coverage.actions.filter((a) => a.kind === 'check-carve-out');
  for (const a of carveOuts) {
    nodes.push(h('div', { class: 'notice bad', role: 'note' }, h('h4', {}, '! Behavioral health is carved out'), h('p', {}, a.message)));
  }

  if (inNet) {
    nodes.push(h('h3', {}, 'Deductible and out-of-pocket (in network)'));
    nodes.push(meter('Deductible', inNet.deductible?.individual));
    nodes.push(meter('Out-of-pocket maximum', inNet.outOfPocket?.individual));
    const auth = triState(inNet.authorizationRequired.value, 'Authorization required', 'No authorization required', 'Authorization: not stated by the payer, ask');
    const ref = triState(inNet.referralRequired.value, 'Referral required', 'No referral required', 'Referral: not stated by the payer, ask');
    nodes.push(h('h3', {}, 'Authorization and referral'));
    nodes.push(h('ul', {},
      h('li', {}, h('span', { class: `status ${auth.cls}`, 'data-testid': 'authorization' }, h('span', { 'aria-hidden': 'true' }, auth.icon), auth.word)),
      h('li', {}, h('span', { class: `status ${ref.cls}` }, h('span', { 'aria-hidden': 'true' }, ref.icon), ref.word))));
    nodes.push(termsTable(levelOfCare, coverage.eligibility.status));
  } else {
    nodes.push(h('p', {}, 'Choose a level of care to see its cost sharing.'));
  }

  // Every action is a next step, the carve-out too (its notice above says why it matters).
  const next = coverage.actions.map((a) => a.message);
  if (coverage.eligibility.status === 'inactive') {
    next.unshift('The plan is inactive: ask the patient for their current insurance and check it, or estimate the program as self-pay (a Good Faith Estimate below).');
  } else if (coverage.eligibility.status === 'undetermined' && next.length === 0) {
    next.push('The payer did not settle eligibility: call the payer before quoting numbers.');
  }
  nodes.push(h('h3', {}, 'Next actions'));
  nodes.push(next.length
    ? h('ul', { 'data-testid': 'next-actions' }, next.map((m) => h('li', {}, m)))
    : h('p', {}, 'No action needed from the payer answer.'));
  const contacts = coverage.payer?.contacts ?? [];
  if (contacts.length) {
    nodes.push(h('p', { 'data-testid': 'payer-contact' }, h('span', { class: 'label' }, 'To ask the payer: '), contactsText(contacts)));
  }

  const notes = [...new Set(coverage.benefits.flatMap((b) => b.notes ?? []))];
  if (notes.length) {
    nodes.push(h('h3', {}, "Payer's notes"));
    nodes.push(h('ul', {}, notes.map((n) => h('li', {}, n))));
  }
  for (const w of coverage.warnings ?? []) nodes.push(h('div', { class: 'notice' }, `! ${w.message}`));
  show($('coverage-result'), nodes);
}

$('coverage-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const req = eligibilityRequest();
  if (!req.subscriber.memberId || !/^[0-9]{10}$/.test(req.provider.npi) || !req.dateOfService) {
    show($('coverage-result'), h('div', { class: 'problem', role: 'alert' }, h('p', {}, h('strong', {}, '✕ Missing details')), h('p', {}, 'Enter the member ID, a 10-digit NPI and the start date.')));
    return;
  }
  void busy($('check-coverage'), 'coverage-busy', 'Checking with the payer…', async () => {
    await checkCoverage(req).catch(() => undefined);
  });
});

/** Checks coverage and shows it; the answer is kept for the estimate and the patient view. Throws when the check fails. */
async function checkCoverage(req) {
  try {
    const result = await api('POST', '/v1/eligibility', req);
    state.eligibility = result;
    state.eligibilityFor = coverageKey(req);
    renderCoverage(result);
    return result;
  } catch (error) {
    state.eligibility = undefined;
    state.eligibilityFor = '';
    show($('coverage-result'), h('h3', {}, 'Coverage at a glance'), problemBox(error));
    throw error;
  }
}

// --- Intake fit checklist (answers stay on this page) -------------------------------------------------
function renderChecklist(list) {
  const answers = {};
  const flags = h('div', { 'aria-live': 'polite', 'data-testid': 'checklist-flags' });
  const crisis = h('div', { class: 'crisis', role: 'alert', hidden: true, 'data-testid': 'crisis' });
  crisis.append(
    h('h3', {}, 'Crisis resources: act now'),
    h('p', { class: 'big' }, list.crisisMessage),
    h('ul', {}, list.crisisResources.map((r) => h('li', {},
      h('strong', {}, r.name), ': ', r.howToReach, ' ',
      r.phone ? h('a', { href: `tel:${r.phone}` }, `Call ${r.phone}`) : null,
      r.text ? [' · ', h('a', { href: `sms:${r.text}` }, `Text ${r.text}`)] : null,
      h('br'), h('span', { class: 'hint' }, r.when)))));

  const update = () => {
    const raised = list.questions.filter((q) => answers[q.id] === q.flagWhen);
    const unsure = list.questions.filter((q) => answers[q.id] === 'unsure');
    crisis.hidden = !raised.some((q) => q.showsCrisisResources);
    show(flags,
      raised.length === 0 && unsure.length === 0 ? h('p', {}, 'No flags so far.') : null,
      ...raised.map((q) => h('div', { class: 'flag' }, h('strong', {}, `! ${list.flagLabel}: `), q.flag.reason)),
      ...unsure.map((q) => h('div', { class: 'notice' }, h('strong', {}, '? Unsure: '), `${q.text} ${list.unsureGuidance}`)));
  };

  const form = h('form', { id: 'checklist-form', method: 'post', novalidate: true });
  form.addEventListener('submit', (event) => event.preventDefault());
  for (const q of list.questions) {
    const name = `q-${q.id}`;
    const fs = h('fieldset', { class: 'question', 'aria-describedby': `${name}-help` },
      h('legend', {}, q.text),
      h('p', { class: 'hint', id: `${name}-help` }, q.help),
      h('div', { class: 'radio-row' }, list.answers.map((a) => {
        const input = h('input', { type: 'radio', name, value: a, id: `${name}-${a}` });
        input.addEventListener('change', () => { answers[q.id] = a; update(); });
        return h('label', { for: `${name}-${a}` }, input, a === 'unsure' ? 'Unsure' : a === 'yes' ? 'Yes' : 'No');
      })));
    form.append(fs);
    // The crisis resources appear right under the question that calls for them.
    if (q.showsCrisisResources && !crisis.isConnected) form.append(crisis);
  }
  update();
  show($('checklist'),
    h('h3', {}, list.title),
    h('p', {}, list.intro),
    h('p', { class: 'hint' }, list.privacy),
    form,
    h('h3', {}, 'Flags for clinical review'),
    flags,
    h('p', { class: 'hint' }, list.disclaimer));
}

async function loadChecklist() {
  try {
    renderChecklist(await api('GET', '/v1/intake/checklist'));
  } catch (error) {
    show($('checklist'), problemBox(error, 'Checklist'));
  }
}

// --- Estimates ---------------------------------------------------------------------------------------
function num(id) {
  const v = Number($(id).value);
  return Number.isFinite(v) ? v : undefined;
}

function treatmentPlan() {
  return { levelOfCare: $('level').value, startDate: val('start-date'), daysPerWeek: num('days-per-week'), hoursPerDay: num('hours-per-day'), weeks: num('weeks') };
}

function slidingScaleRequest() {
  const size = num('household-size');
  const incomeDollars = $('annual-income').value === '' ? undefined : num('annual-income');
  if (!size || incomeDollars === undefined) return undefined;
  return { householdSize: size, annualIncomeCents: Math.round(incomeDollars * 100), region: $('region').value, dateOfService: val('start-date') };
}

/** The coverage on screen, when it answers for the member, payer and date in the form now; else undefined. */
function currentEligibility() {
  return state.eligibility && state.eligibilityFor === coverageKey(eligibilityRequest()) ? state.eligibility : undefined;
}

/** Coverage for a comparison: the answer on screen for the same inputs, else a live check for every level compared. */
function coverageSource() {
  const eligibility = currentEligibility();
  return eligibility ? { coverage: eligibility.coverage, asOf: eligibility.source.asOf.slice(0, 10) } : { eligibility: eligibilityRequest() };
}

/** Manual terms (ManualTerms) from one network's resolved cost sharing: numbers only, no identifiers. */
function manualTerms(t) {
  if (!t) return undefined;
  const out = {};
  const acc = (a) => {
    if (!a) return undefined;
    const r = {};
    if (a.totalCents) r.totalCents = a.totalCents.value;
    if (a.remainingCents) r.remainingCents = a.remainingCents.value;
    // A payer that sent more left than the total (it happens): what is left is what prices the days,
    // and typed-in terms refuse the pair, so the total stays out of the link.
    if (r.totalCents !== undefined && r.remainingCents !== undefined && r.remainingCents > r.totalCents) delete r.totalCents;
    return Object.keys(r).length ? r : undefined;
  };
  const ded = acc(t.deductible?.individual);
  const oop = acc(t.outOfPocket?.individual);
  if (ded) out.deductible = { individual: ded };
  if (oop) out.outOfPocket = { individual: oop };
  if (t.coinsurancePpm) out.coinsurancePpm = t.coinsurancePpm.value;
  if (t.copay) out.copay = { amountCents: t.copay.value.amountCents, per: t.copay.value.per };
  if (t.deductibleAppliesToCopay) out.deductibleAppliesToCopay = t.deductibleAppliesToCopay.value;
  if (t.notCovered) out.notCovered = true;
  if (t.authorizationRequired.value !== 'unknown') out.authorizationRequired = t.authorizationRequired.value;
  return out;
}

/**
 * The patient view link: the estimate's non-identifying inputs in the URL fragment, which the
 * browser never sends to a server. No member id, name or date of birth ever goes in it.
 */
function patientViewHref(plan, network, planYear) {
  const p = new URLSearchParams();
  p.set('v', '1');
  p.set('payer', $('payer').value);
  p.set('network', network);
  p.set('level', plan.levelOfCare);
  p.set('start', plan.startDate);
  p.set('days', String(plan.daysPerWeek));
  p.set('hours', String(plan.hoursPerDay));
  p.set('weeks', String(plan.weeks));
  // The plan year the console's estimate used, when it was not a guess: the patient's view must
  // reset the deductible on the same day to show the same total.
  if (planYear && planYear.source !== 'assumed') p.set('planYear', `${planYear.startMonth}-${planYear.startDay}`);
  // Only the coverage the estimate was built on: an answer for another member must never reach this link.
  const eligibility = currentEligibility();
  const loc = eligibility?.levelOfCare;
  if (eligibility) {
    if (eligibility.coverage.plan?.type) p.set('planType', eligibility.coverage.plan.type);
    p.set('asOf', eligibility.source.asOf.slice(0, 10));
  }
  for (const [prefix, terms] of [['in', manualTerms(loc?.inNetwork)], ['out', manualTerms(loc?.outOfNetwork)]]) {
    if (!terms) continue;
    if (terms.deductible?.individual?.totalCents !== undefined) p.set(`${prefix}.dedTotal`, terms.deductible.individual.totalCents);
    if (terms.deductible?.individual?.remainingCents !== undefined) p.set(`${prefix}.dedLeft`, terms.deductible.individual.remainingCents);
    if (terms.outOfPocket?.individual?.totalCents !== undefined) p.set(`${prefix}.oopTotal`, terms.outOfPocket.individual.totalCents);
    if (terms.outOfPocket?.individual?.remainingCents !== undefined) p.set(`${prefix}.oopLeft`, terms.outOfPocket.individual.remainingCents);
    if (terms.coinsurancePpm !== undefined) p.set(`${prefix}.coins`, terms.coinsurancePpm);
    if (terms.copay) { p.set(`${prefix}.copay`, terms.copay.amountCents); p.set(`${prefix}.copayPer`, terms.copay.per); }
    if (terms.notCovered) p.set(`${prefix}.notCovered`, '1');
    if (terms.authorizationRequired) p.set(`${prefix}.auth`, terms.authorizationRequired);
  }
  return `/estimate#${p.toString()}`;
}

function renderEstimate(result, plan) {
  const est = result.estimate;
  const exp = est.expected;
  const afterDed = weeklyAfterDeductible(exp);
  const weeks = Math.max(1, est.schedule.weeks);
  const nodes = [
    h('h3', {}, `${LEVEL_LABELS[est.levelOfCare] ?? est.levelOfCare}: ${est.schedule.weeks} weeks, ${est.schedule.programDays} program days`),
    h('div', { class: 'figures' },
      h('div', { class: 'figure primary' }, h('span', { class: 'label' }, 'Patient pays in total (expected)'), h('span', { class: 'amount', 'data-testid': 'estimate-total' }, money(est.range.expectedCents))),
      h('div', { class: 'figure' }, h('span', { class: 'label' }, 'About per week'), h('span', { class: 'amount' }, money(Math.round(est.range.expectedCents / weeks)))),
      afterDed !== undefined ? h('div', { class: 'figure' }, h('span', { class: 'label' }, 'Per week once the deductible is met'), h('span', { class: 'amount' }, money(afterDed))) : null),
    est.range.lowCents !== est.range.highCents ? h('p', {}, `Range: ${money(est.range.lowCents)} to ${money(est.range.highCents)} (confidence ${est.confidence.level}).`) : h('p', {}, `Confidence: ${est.confidence.level}.`),
    h('p', { class: 'summary' }, est.summary),
    weekChart(exp.weeks, { title: 'Patient cost by week (expected)' }),
    h('details', {}, h('summary', {}, 'Week-by-week table'), weekTable(exp.weeks)),
  ];
  if (result.slidingScale) {
    const ss = result.slidingScale;
    nodes.push(h('div', { class: 'notice ok' }, `✓ Sliding scale (${ss.evaluation.tier.label}): ${money(ss.beforeCents)} before, ${money(ss.afterCents)} after, a ${money(ss.discountCents)} discount.`));
  }
  const pa = result.priorAuth;
  if (pa) {
    nodes.push(h('h4', {}, 'Prior authorization for these days'));
    nodes.push(h('ul', {},
      h('li', {}, `Authorization: ${pa.authorization.required.replace('-', ' ')}`, pa.authorization.reasons[0] ? ` (${pa.authorization.reasons[0].text})` : ''),
      pa.timeline ? h('li', {}, `Submit by ${day(pa.timeline.submitBy)}${pa.timeline.submitBy < today() ? ' (already past: submit now)' : ''}.`,
        pa.timeline.daysAtRiskWithoutApproval.length ? ` ${pa.timeline.daysAtRiskWithoutApproval.length} program days at risk without approval (${pa.timeline.daysAtRiskWithoutApproval.map(day).join(', ')}).` : '') : null,
      h('li', {}, `Referral: ${pa.referral.required.replace('-', ' ')}`)));
  }
  if (exp.milestones.length) nodes.push(h('h4', {}, 'Milestones'), h('ul', {}, exp.milestones.map((m) => h('li', {}, `${day(m.date)}: ${m.message}`))));
  if (est.notices.length) nodes.push(h('ul', {}, est.notices.map((n) => h('li', {}, `! ${n}`))));
  if (est.assumptions.length) nodes.push(h('h4', {}, 'Assumptions'), h('ul', {}, est.assumptions.map((a) => h('li', {}, `${a.text} (impact ${a.impact})`))));
  if (result.paymentPlans.length) {
    nodes.push(h('h4', {}, 'Payment plans'), h('ul', {}, result.paymentPlans.map((pp) => h('li', {}, `${pp.months} months: ${money(pp.monthlyCents)} a month`))));
  }
  nodes.push(h('p', { class: 'actions' },
    h('a', { class: 'button secondary', href: patientViewHref(plan, est.networkStatus, est.planYear), target: '_blank', rel: 'noopener noreferrer', id: 'patient-view' }, 'Open the patient view'),
    h('span', { class: 'hint' }, 'The link carries only the plan and cost-sharing numbers, never the member ID, name or date of birth.')));
  show($('estimate-result'), nodes);
}

$('estimate-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const plan = treatmentPlan();
  const network = $('network').value;
  const ss = $('apply-sliding').checked ? slidingScaleRequest() : undefined;
  void busy($('build-estimate'), 'estimate-busy', 'Building the estimate…', async () => {
    try {
      // The estimate, the coverage panel and the patient view rest on one answer: when the form no
      // longer matches the coverage on screen (another member, or no check yet), check it first.
      const eligibility = currentEligibility() ?? (await checkCoverage(eligibilityRequest()));
      const body = { payerId: $('payer').value, networkStatus: network, plan, coverage: eligibility.coverage, asOf: eligibility.source.asOf.slice(0, 10) };
      if (ss) body.slidingScale = ss;
      const result = await api('POST', '/v1/estimates', body);
      state.estimate = result;
      renderEstimate(result, plan);
    } catch (error) {
      show($('estimate-result'), problemBox(error));
    }
  });
});

$('evaluate-sliding').addEventListener('click', () => {
  const req = slidingScaleRequest();
  if (!req) {
    show($('sliding-result'), h('p', { class: 'problem', role: 'alert' }, 'Enter the household size and annual income first.'));
    return;
  }
  void busy($('evaluate-sliding'), 'estimate-busy', 'Evaluating…', async () => {
    try {
      const ev = await api('POST', '/v1/sliding-scale/evaluate', req);
      const charge = ev.charge.kind === 'discount' ? `${percent(ev.charge.discountPpm)} off` : ev.charge.kind === 'nominal' ? `${money(ev.charge.amountCents)} per ${ev.charge.per}` : 'no discount';
      show($('sliding-result'),
        h('p', {}, h('strong', {}, `${ev.percentOfPovertyText} of the poverty guideline`), ` → ${ev.tier.label}: ${charge}.`),
        ev.documents.length ? h('p', {}, 'Documents to collect: ', ev.documents.map((d) => d.description).join('; ')) : null,
        ev.warnings.length ? h('ul', {}, ev.warnings.map((w) => h('li', {}, `! ${w}`))) : null);
    } catch (error) {
      show($('sliding-result'), problemBox(error));
    }
  });
});

// --- Compare levels of care -------------------------------------------------------------------------
$('compare-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const plan = treatmentPlan();
  const others = [...document.querySelectorAll('input[name="compare-level"]:checked')].map((i) => i.value).filter((l) => l !== plan.levelOfCare);
  const body = {
    payerId: $('payer').value,
    startDate: plan.startDate,
    networkStatus: $('network').value,
    levels: [{ levelOfCare: plan.levelOfCare, plan }, ...others.map((levelOfCare) => ({ levelOfCare }))].slice(0, 5),
    ...coverageSource(),
  };
  void busy($('compare'), 'compare-busy', 'Comparing…', async () => {
    try {
      const { rows } = await api('POST', '/v1/estimates/compare', body);
      show($('compare-result'), scrollBox('Comparison of levels of care', h('table', { 'data-testid': 'compare-table' },
        h('caption', {}, 'Patient cost by level of care (expected, with range)'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Level of care'), h('th', { scope: 'col' }, 'Schedule'), h('th', { scope: 'col', class: 'num' }, 'Expected total'), h('th', { scope: 'col', class: 'num' }, 'Range'), h('th', { scope: 'col', class: 'num' }, 'Per week'), h('th', { scope: 'col', class: 'num' }, 'Per program hour'))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('th', { scope: 'row' }, r.label),
          h('td', {}, `${plural(r.schedule.weeks, 'week')}, ${plural(r.schedule.daysPerWeek, 'day')} a week, ${r.schedule.hoursPerDay} h a day`),
          h('td', { class: 'num' }, money(r.expectedCents)),
          h('td', { class: 'num' }, r.lowCents === r.highCents ? 'none: every scenario agrees' : `${money(r.lowCents)} to ${money(r.highCents)}`),
          h('td', { class: 'num' }, money(Math.round(r.expectedCents / Math.max(1, r.schedule.weeks)))),
          h('td', { class: 'num' }, money(r.perHourExpectedCents))))))));
    } catch (error) {
      show($('compare-result'), problemBox(error));
    }
  });
});

// --- Good Faith Estimate ------------------------------------------------------------------------------
$('gfe-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const missing = [['first-name', 'first name'], ['last-name', 'last name'], ['dob', 'date of birth'], ['org-name', 'clinic name'], ['tin', 'clinic tax ID'], ['clinic-state', 'clinic state']]
    .filter(([id]) => !val(id)).map(([, label]) => label);
  if (missing.length) {
    show($('gfe-result'), h('div', { class: 'problem', role: 'alert' }, h('p', {}, h('strong', {}, '✕ Missing details')), h('p', {}, `A Good Faith Estimate needs: ${missing.join(', ')}.`)));
    return;
  }
  const body = {
    issuedOn: today(),
    patient: { firstName: val('first-name'), lastName: val('last-name'), dateOfBirth: val('dob') },
    plan: treatmentPlan(),
    providers: [{ role: 'convening-provider', name: val('org-name'), npi: val('npi'), tin: val('tin'), location: { state: val('clinic-state').toUpperCase() } }],
    scheduling: { scheduledOn: today() },
  };
  if (val('diagnosis')) body.diagnosisCodes = [val('diagnosis').toUpperCase()];
  if (val('gfe-contact')) body.contact = val('gfe-contact');
  const ss = slidingScaleRequest();
  if ($('apply-sliding').checked && ss) body.slidingScale = ss;
  // Open the window during the click (popup blockers allow it), then fill it once the document arrives.
  const win = window.open('', '_blank');
  void busy($('print-gfe'), 'gfe-busy', 'Preparing the document…', async () => {
    try {
      const html = await api('POST', '/v1/good-faith-estimates', body, { accept: 'text/html' });
      // A blob: URL keeps the patient's details out of every URL and server log.
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
      setTimeout(() => URL.revokeObjectURL(url), 120_000);
      if (win) win.location.href = url;
      show($('gfe-result'), h('p', {}, win ? '✓ The Good Faith Estimate opened in a new window: use Print there. ' : '! The window was blocked. ',
        h('a', { href: url, target: '_blank', rel: 'noopener' }, 'Open the Good Faith Estimate')));
    } catch (error) {
      if (win) win.close();
      show($('gfe-result'), problemBox(error));
    }
  });
});

// --- Start ------------------------------------------------------------------------------------------
$('start-date').value = nextMonday();
void loadPayers();
void loadChecklist();
