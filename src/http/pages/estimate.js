// The patient estimate page. Its inputs come from the URL fragment (never sent to any server) and
// hold no member identifiers: plan, payer id, network status and cost-sharing numbers only.
import { api, setApiKey, problemMessage } from './api.js';
import { LEVEL_LABELS, day, h, money, show, weekBars, weeklyAfterDeductible } from './format.js';

const $ = (id) => document.getElementById(id);

const int = (v) => (v === null || v === '' || !/^[0-9]+$/.test(v) ? undefined : Number(v));

/** Rebuilds the POST /v1/estimates body from the fragment; undefined when the link is incomplete. */
export function requestFromFragment(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  if (!p.get('payer') || !p.get('level') || !p.get('start')) return undefined;
  const terms = {};
  for (const prefix of ['in', 'out']) {
    const t = {};
    const ded = { totalCents: int(p.get(`${prefix}.dedTotal`)), remainingCents: int(p.get(`${prefix}.dedLeft`)) };
    const oop = { totalCents: int(p.get(`${prefix}.oopTotal`)), remainingCents: int(p.get(`${prefix}.oopLeft`)) };
    const clean = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    if (Object.keys(clean(ded)).length) t.deductible = { individual: clean(ded) };
    if (Object.keys(clean(oop)).length) t.outOfPocket = { individual: clean(oop) };
    if (int(p.get(`${prefix}.coins`)) !== undefined) t.coinsurancePpm = int(p.get(`${prefix}.coins`));
    if (int(p.get(`${prefix}.copay`)) !== undefined) t.copay = { amountCents: int(p.get(`${prefix}.copay`)), per: p.get(`${prefix}.copayPer`) === 'visit' ? 'visit' : 'day' };
    if (p.get(`${prefix}.notCovered`) === '1') t.notCovered = true;
    const auth = p.get(`${prefix}.auth`);
    if (auth === 'yes' || auth === 'no') t.authorizationRequired = auth;
    if (Object.keys(t).length) terms[prefix] = t;
  }
  const planTypes = ['PPO', 'HMO', 'EPO', 'POS', 'HDHP', 'indemnity', 'Medicare', 'Medicare-Advantage', 'Medicaid', 'TRICARE', 'commercial', 'other', 'unknown'];
  if (planTypes.includes(p.get('planType'))) terms.planType = p.get('planType');
  const network = ['in', 'out', 'unknown'].includes(p.get('network')) ? p.get('network') : 'unknown';
  const body = {
    payerId: p.get('payer'),
    networkStatus: network,
    plan: {
      levelOfCare: p.get('level'),
      startDate: p.get('start'),
      daysPerWeek: int(p.get('days')) ?? 3,
      hoursPerDay: Number(p.get('hours')) || 3,
      weeks: int(p.get('weeks')) ?? 8,
    },
    terms,
  };
  if (/^\d{4}-\d{2}-\d{2}$/.test(p.get('asOf') ?? '')) body.asOf = p.get('asOf');
  const planYear = /^(\d{1,2})-(\d{1,2})$/.exec(p.get('planYear') ?? '');
  if (planYear) body.planYear = { startMonth: Number(planYear[1]), startDay: Number(planYear[2]) };
  return body;
}

/** A confidence reason in the patient's words: the assumption it came from may say it plainly. */
function inPatientWords(est, reason) {
  return est.assumptions.find((a) => a.text === reason)?.patientText ?? reason;
}

function questionsForInsurer(est, priorAuth) {
  const qs = [
    `Is ${LEVEL_LABELS[est.levelOfCare]?.toLowerCase() ?? 'this program'} covered under my plan, and is this clinic in my network?`,
    'How much of my deductible and out-of-pocket maximum have I already met this year?',
    'What is my coinsurance or copay for each program day?',
    'Does the program need prior authorization, and who asks for it?',
    'Is there a limit on the number of days or visits covered?',
    'When does my plan year start over?',
  ];
  if (est.networkStatus !== 'in') qs.push('If the clinic is out of network, can I be billed the difference between its charge and what you allow?');
  if (priorAuth?.referral?.required === 'required') qs.push('Do I need a referral from my primary care doctor first?');
  for (const u of est.payerUnknowns) qs.push(`My estimate could not confirm: ${u}. Can you tell me?`);
  return qs;
}

function render(result) {
  const est = result.estimate;
  const exp = est.expected;
  const weeks = Math.max(1, est.schedule.weeks);
  const perWeek = Math.round(est.range.expectedCents / weeks);
  const afterDed = weeklyAfterDeductible(exp);
  const level = LEVEL_LABELS[est.levelOfCare] ?? est.levelOfCare;
  $('subtitle').textContent = `${level}: ${est.schedule.weeks} weeks, starting ${day(est.schedule.firstDate)}`;
  const ranged = est.range.lowCents !== est.range.highCents;
  const nodes = [
    h('section', { 'aria-labelledby': 'figures-heading' },
      h('h2', { id: 'figures-heading' }, 'What you will likely pay'),
      h('div', { class: 'figures' },
        h('div', { class: 'figure primary' }, h('span', { class: 'label' }, 'In total, for the whole program'), h('span', { class: 'amount', 'data-testid': 'patient-total' }, money(est.range.expectedCents))),
        h('div', { class: 'figure' }, h('span', { class: 'label' }, 'About per week'), h('span', { class: 'amount', 'data-testid': 'patient-per-week' }, money(perWeek))),
        afterDed !== undefined
          ? h('div', { class: 'figure' }, h('span', { class: 'label' }, 'Per week once your deductible is met'), h('span', { class: 'amount' }, money(afterDed)))
          : null),
      h('p', { class: 'summary' }, est.summary),
      ranged ? h('p', {}, h('strong', {}, `It could be between ${money(est.range.lowCents)} and ${money(est.range.highCents)}`), ', because some of your benefits are not known yet (see "What we assumed").') : null,
      h('p', {}, `How sure we are: ${est.confidence.level}.`, ' ', est.confidence.reasons.map((r) => inPatientWords(est, r)).join(' '))),
    h('section', { 'aria-labelledby': 'weeks-heading' },
      h('h2', { id: 'weeks-heading' }, 'Week by week'),
      exp.deductibleMetOn && !exp.deductibleMetBeforeProgram ? h('p', {}, `You pay more at first, until your deductible is met (about ${day(exp.deductibleMetOn)}).`) : null,
      weekBars(exp.weeks, { title: 'What you pay each week' }),
      exp.milestones.length ? h('ul', {}, exp.milestones.map((m) => h('li', {}, `${day(m.date)}: ${m.message}`))) : null),
    h('section', { 'aria-labelledby': 'details-heading' },
      h('h2', { id: 'details-heading' }, 'The details'),
      h('dl', { class: 'kv' },
        h('dt', {}, 'Program'), h('dd', {}, `${level}, ${est.schedule.daysPerWeek} days a week, ${est.schedule.hoursPerDay} hours a day`),
        h('dt', {}, 'Dates'), h('dd', {}, `${day(est.schedule.firstDate)} to ${day(est.schedule.lastDate)} (${est.schedule.programDays} program days)`),
        h('dt', {}, 'You pay toward your deductible'), h('dd', {}, money(exp.totals.deductibleCents),
          exp.milestones.some((m) => m.kind === 'plan-year-reset') ? ' (this plan year and the next: the deductible starts over)' : ''),
        h('dt', {}, 'You pay in copays'), h('dd', {}, money(exp.totals.copayCents)),
        h('dt', {}, 'You pay in coinsurance'), h('dd', {}, money(exp.totals.coinsuranceCents)),
        exp.totals.balanceBillCents ? [h('dt', {}, 'Possible balance bill'), h('dd', {}, money(exp.totals.balanceBillCents))] : null,
        h('dt', {}, 'Your plan pays'), h('dd', {}, money(exp.totals.planPaysCents)),
        h('dt', {}, 'Network'), h('dd', {}, est.networkStatus === 'in' ? 'In network' : est.networkStatus === 'out' ? 'Out of network' : 'Not sure yet')),
      est.notices.length ? h('ul', {}, est.notices.map((n) => h('li', {}, n))) : null),
    h('section', { 'aria-labelledby': 'assumptions-heading' },
      h('h2', { id: 'assumptions-heading' }, 'What we assumed'),
      est.assumptions.length ? h('ul', {}, est.assumptions.map((a) => h('li', {}, a.patientText ?? a.text))) : h('p', {}, 'Nothing: every number came from your plan.')),
    h('section', { 'aria-labelledby': 'plans-heading' },
      h('h2', { id: 'plans-heading' }, 'Paying over time'),
      result.paymentPlans.length
        ? h('ul', {}, result.paymentPlans.map((pp) => h('li', {}, `${pp.months} monthly payments of about ${money(pp.monthlyCents)}`)))
        : h('p', {}, 'Ask the clinic about payment plans.'),
      h('p', {}, 'Ask the clinic about a sliding-scale discount if paying is hard.')),
    h('section', { 'aria-labelledby': 'questions-heading' },
      h('h2', { id: 'questions-heading' }, 'Questions to ask your insurer'),
      h('p', {}, 'Call the member services number on your insurance card and ask:'),
      h('ol', {}, questionsForInsurer(est, result.priorAuth).map((q) => h('li', {}, q)))),
    h('p', { class: 'actions no-print' }, (() => {
      const b = h('button', { type: 'button', id: 'print' }, 'Print this estimate');
      b.addEventListener('click', () => window.print());
      return b;
    })()),
  ];
  if (exp.coverage !== 'covered') {
    nodes.unshift(h('div', { class: 'notice bad', role: 'note' }, '! Your plan may not cover this program in this network. Ask your insurer before you start.'));
  }
  $('loading').hidden = true;
  show($('result'), nodes);
}

async function load() {
  const body = requestFromFragment(location.hash);
  if (!body) {
    $('loading').textContent = 'This page needs an estimate link from your clinic. Ask them to send it again.';
    return;
  }
  $('loading').hidden = false;
  $('loading').textContent = 'Working out your estimate…';
  try {
    render(await api('POST', '/v1/estimates', body));
  } catch (error) {
    const m = problemMessage(error);
    $('loading').hidden = true;
    show($('result'), h('div', { class: 'problem', role: 'alert' }, h('p', {}, h('strong', {}, `✕ ${m.title}`)), h('p', {}, m.detail)));
  }
}

$('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  setApiKey($('api-key').value);
  void load();
});
window.addEventListener('hashchange', () => void load());
void load();
