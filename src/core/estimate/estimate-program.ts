/**
 * Whole-program out-of-pocket estimate: expands the plan, prices it, and runs cost sharing for
 * three scenarios (low, expected, high) so that every unknown becomes a range with its
 * assumptions written down, plus a confidence level and a plain-language summary.
 *
 * Network:
 * - 'in' or 'out': all scenarios use that network's terms. Out of network with no terms means no
 *   out-of-network benefits: the patient pays the clinic's self-pay rate.
 * - 'unknown': low = in network, high = out of network (with balance bill), expected = in network
 *   when the fee schedule holds a contracted rate for this payer (the clinic has a contract), else
 *   out of network.
 */
import type { CostSharingTerms, PlanType } from '../coverage/coverage-model.js';
import { DomainError } from '../errors.js';
import { formatCents, type Cents } from '../money.js';
import { dateInWords, formatIsoDay, parseIsoDay, previousAnniversary } from './calendar-days.js';
import { applyCostSharing, type CostSharingResult, type ResolvedTerms } from './cost-sharing.js';
import type { FeeSchedule } from './fee-schedule.js';
import { hasContractedRate, indexFeeSchedule, priceLines, type PricedLine } from './price-lines.js';
import {
  resolveScenarioTerms, type Assumption, type Impact, type ScenarioContext, type ScenarioName, type ScenarioTerms,
} from './scenario-terms.js';
import { expandTreatmentPlan, type PlanWarning, type ScheduleSummary, type TreatmentPlan } from './treatment-plan.js';

/** Everything needed for an estimate. */
export interface EstimateInput {
  plan: TreatmentPlan;
  /** Cost-sharing terms per network, from resolveCostSharingTerms or given by hand. */
  terms: { in?: CostSharingTerms; out?: CostSharingTerms };
  networkStatus: 'in' | 'out' | 'unknown';
  feeSchedule: FeeSchedule;
  payerId: string;
  /** ISO date the payer's accumulators (deductible/OOP remaining) were read. */
  asOf: string;
  planType?: PlanType;
  /** Plan (benefit) year start; a calendar year is assumed when absent. */
  planYear?: { startMonth: number; startDay: number };
  /** Where `planYear` came from when the caller did not give it (e.g. the payer's benefit period); stated as an assumption. */
  planYearSource?: string;
  /** The last day the payer confirmed coverage for (eligibility end or policy expiration), and which date it was. */
  coverageConfirmedThrough?: { date: string; source: string };
  /** Force an aggregate family deductible; embedded is assumed when both amounts are given. */
  deductibleMode?: 'embedded' | 'aggregate';
  /** Units already authorized; lines past them are flagged at risk. */
  authorization?: { units: number; unit: 'visit' | 'day' };
}

/** One scenario's full result. */
export interface ScenarioEstimate extends CostSharingResult {
  scenario: ScenarioName;
  network: 'in' | 'out';
  coverage: 'covered' | 'level-not-covered' | 'no-out-of-network-benefits';
  /** Ids of the assumptions (in ProgramEstimate.assumptions) this scenario uses. */
  assumptionIds: string[];
}

/** Confidence in the expected figure, with reasons a person can read. */
export interface Confidence {
  level: 'high' | 'medium' | 'low';
  reasons: string[];
}

/** The estimate for one program. */
export interface ProgramEstimate {
  levelOfCare: TreatmentPlan['levelOfCare'];
  payerId: string;
  asOf: string;
  networkStatus: EstimateInput['networkStatus'];
  /** The plan year the estimate used, and whether the caller gave it, the payer's dates stated it, or 1 January was assumed. */
  planYear: { startMonth: number; startDay: number; source: 'given' | 'payer' | 'assumed' };
  schedule: ScheduleSummary;
  planWarnings: PlanWarning[];
  low: ScenarioEstimate;
  expected: ScenarioEstimate;
  high: ScenarioEstimate;
  /** Patient totals (cost share + balance bill) of the three scenarios. */
  range: { lowCents: Cents; expectedCents: Cents; highCents: Cents };
  confidence: Confidence;
  assumptions: Assumption[];
  /** Things the clinic or patient should act on. */
  notices: string[];
  /** Where the payer said a part of the terms was unknown. */
  payerUnknowns: string[];
  summary: string;
  /** The balance bill depends on state law and contract (No Surprises Act does not reach freestanding IOP clinics). */
  balanceBillingDependsOnStateLaw: boolean;
}

const SCENARIOS: readonly ScenarioName[] = ['low', 'expected', 'high'];
/** Days in each month of a leap year: the most a plan-year start day can be. */
const DAYS_IN_MONTH_LEAP = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const COST_SHARE_ASSUMPTIONS_WHEN_NOT_COVERED = new Set(['no-out-of-network-benefits', 'plan-level-fallback', 'plan-year-calendar']);

function invalid(pointer: string, message: string): DomainError {
  return new DomainError('estimate.invalid', `${pointer} ${message}`, { errors: [{ pointer, message }] });
}

function sameYears(a: ResolvedTerms['newYears'], b: ResolvedTerms['newYears']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.startDay !== y.startDay || x.deductibleIndividualCents !== y.deductibleIndividualCents || x.deductibleFamilyCents !== y.deductibleFamilyCents
      || x.oopIndividualCents !== y.oopIndividualCents || x.oopFamilyCents !== y.oopFamilyCents
      || x.cite !== y.cite || x.deductibleCite !== y.deductibleCite || x.oopCite !== y.oopCite) return false;
  }
  return true;
}

function sameLimitResets(a: ResolvedTerms['limitResets'], b: ResolvedTerms['limitResets']): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.startDay !== b[i]!.startDay || a[i]!.remaining !== b[i]!.remaining || a[i]!.cite !== b[i]!.cite) return false;
  }
  return true;
}

/** True when two scenarios' terms give identical lines (cites included: they appear on lines). */
function sameTerms(a: ResolvedTerms, b: ResolvedTerms): boolean {
  if (a === b) return true;
  const ca = a.cites;
  const cb = b.cites;
  return a.network === b.network && a.coverage === b.coverage && a.deductibleIndividualCents === b.deductibleIndividualCents
    && a.deductibleFamilyCents === b.deductibleFamilyCents && a.deductibleAggregate === b.deductibleAggregate
    && a.oopIndividualCents === b.oopIndividualCents && a.oopFamilyCents === b.oopFamilyCents && a.coinsurancePpm === b.coinsurancePpm
    && a.deductibleAppliesToCopay === b.deductibleAppliesToCopay
    && a.copay?.amountCents === b.copay?.amountCents && a.copay?.per === b.copay?.per
    && a.limit?.remaining === b.limit?.remaining && a.limit?.unit === b.limit?.unit
    && a.authorization?.units === b.authorization?.units && a.authorization?.unit === b.authorization?.unit
    && sameYears(a.newYears, b.newYears) && sameLimitResets(a.limitResets, b.limitResets)
    && ca.deductible === cb.deductible && ca.oop === cb.oop && ca.coinsurance === cb.coinsurance && ca.copay === cb.copay
    && ca.copayWaivesDeductible === cb.copayWaivesDeductible && ca.limit === cb.limit && ca.notCovered === cb.notCovered
    && ca.authorization === cb.authorization;
}

function withScenario(e: CostSharingResult, scenario: ScenarioName, network: 'in' | 'out', coverage: ScenarioEstimate['coverage'], assumptionIds: string[]): ScenarioEstimate {
  const out: ScenarioEstimate = {
    scenario, network, coverage, assumptionIds,
    lines: e.lines, weeks: e.weeks, totals: e.totals, deductibleMetBeforeProgram: e.deductibleMetBeforeProgram,
    milestones: e.milestones, atRiskLines: e.atRiskLines, notCoveredLines: e.notCoveredLines,
  };
  if (e.deductibleMetOn !== undefined) out.deductibleMetOn = e.deductibleMetOn;
  if (e.oopMetOn !== undefined) out.oopMetOn = e.oopMetOn;
  return out;
}

/** About-amount for people: nearest $10 from $100 up, nearest dollar below. */
function about(cents: Cents): string {
  const dollars = cents / 100;
  const rounded = dollars >= 100 ? Math.round(dollars / 10) * 10 : Math.round(dollars);
  // Grouping by hand: toLocaleString builds an Intl formatter per call, which dominated the bench.
  return `$${String(rounded).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function weeksText(n: number): string {
  return n === 1 ? '1 week' : `${n} weeks`;
}

/** The notice for a payer answer that does not say whether prior authorization is required (the rules may settle it). */
export const PAYER_SILENT_ON_AUTHORIZATION = 'The payer did not say whether prior authorization is required; ask before the first day.';

function summarize(e: Omit<ProgramEstimate, 'summary'>): string {
  const x = e.expected;
  const total = x.totals.patientTotalCents;
  const parts: string[] = [];
  let lead = `You will likely pay about ${about(total)} over ${weeksText(e.schedule.weeks)}`;
  if (e.range.highCents !== e.range.lowCents) lead += ` (between ${about(e.range.lowCents)} and ${about(e.range.highCents)} depending on what your plan has not told us)`;
  if (x.coverage !== 'covered') {
    parts.push(`${lead}.`);
    parts.push(x.coverage === 'level-not-covered'
      ? `Your plan does not cover this level of care${x.network === 'out' ? ' out of network' : ''}, so this is the clinic's self-pay price.`
      : 'Your plan showed no out-of-network benefits, so this is the clinic\'s self-pay price.');
    return parts.join(' ');
  }
  // "Most of it early" when the weeks up to the deductible being met hold more than half the total.
  if (x.deductibleMetOn !== undefined && total > 0) {
    const metWeek = x.lines.find((l) => l.date === x.deductibleMetOn)?.week ?? 0;
    let early = 0;
    for (const w of x.weeks) if (w.week <= metWeek) early += w.patientTotalCents;
    if (early * 2 > total && metWeek < e.schedule.weeks) {
      lead += `; most of it in the first ${metWeek === 1 ? 'week' : weeksText(metWeek)} while your deductible is met`;
    }
  }
  parts.push(`${lead}.`);
  // A program that crosses into a new plan year pays a second deductible: say so, it surprises people.
  // The milestone sits on the first program day of the new year; the year itself starts on its anniversary.
  const reset = x.milestones.find((m) => m.kind === 'plan-year-reset');
  const resetDay = reset === undefined ? undefined : parseIsoDay(reset.date);
  if (resetDay !== undefined) {
    const startsOn = formatIsoDay(previousAnniversary(resetDay, e.planYear.startMonth, e.planYear.startDay));
    parts.push(`Your plan year starts over on ${dateInWords(startsOn)}, so your deductible and out-of-pocket totals begin again from then.`);
  }
  if (x.oopMetOn !== undefined) parts.push(`From ${dateInWords(x.oopMetOn)} you reach your out-of-pocket maximum and the plan pays covered days in full.`);
  if (x.totals.balanceBillCents > 0) {
    parts.push(`This includes about ${about(x.totals.balanceBillCents)} the clinic may bill above what your plan allows for out-of-network care; whether it can depends on your state's law.`);
  }
  if (x.notCoveredLines > 0) parts.push(`${x.notCoveredLines} service line(s) are past your plan's limit and are priced at the self-pay rate.`);
  if (x.atRiskLines > 0) parts.push('Some days are past the authorized amount; the clinic will ask your plan to extend the authorization.');
  return parts.join(' ');
}

function spanOf(scenarios: Record<ScenarioName, ScenarioEstimate>): ProgramEstimate['range'] {
  const totals = SCENARIOS.map((s) => scenarios[s].totals.patientTotalCents);
  return { lowCents: Math.min(...totals), expectedCents: scenarios.expected.totals.patientTotalCents, highCents: Math.max(...totals) };
}

/** Estimates what a patient will pay for a whole program, as a low / expected / high range. */
export function estimateProgramCost(input: EstimateInput, options: { pointerPrefix?: string } = {}): ProgramEstimate {
  // Field errors point into the caller's request; the compare route nests inputs under /levels/N.
  // The prefix is where this level's `plan` sits in the caller's request (/levels/N in a comparison);
  // planYear, terms, authorization and asOf sit at the top of both requests.
  const at = options.pointerPrefix ?? '';
  const expanded = expandTreatmentPlan(input.plan, `${at}/plan`);
  const asOfDay = parseIsoDay(input.asOf);
  if (asOfDay === undefined) throw invalid('/asOf', 'must be a calendar date YYYY-MM-DD');
  if (input.planYear !== undefined) {
    const { startMonth, startDay } = input.planYear;
    if (!(Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12 && Number.isInteger(startDay) && startDay >= 1 && startDay <= 31)) {
      throw invalid('/planYear', 'must be a month 1-12 and a day 1-31');
    }
    // A day the month never has (30 February, 31 April) is a typo, not a plan year; 29 February is
    // allowed (it falls on 1 March in other years).
    if (startDay > DAYS_IN_MONTH_LEAP[startMonth - 1]!) {
      throw invalid('/planYear/startDay', `must be a day that month has (month ${startMonth} has at most ${DAYS_IN_MONTH_LEAP[startMonth - 1]} days)`);
    }
  }
  if (input.authorization !== undefined && !(Number.isInteger(input.authorization.units) && input.authorization.units >= 0)) {
    throw invalid('/authorization/units', 'must be a whole number of units, 0 or more');
  }
  if (input.terms.in === undefined && input.terms.out === undefined) throw invalid('/terms', 'must give in-network or out-of-network terms');
  if (input.networkStatus === 'in' && input.terms.in === undefined) throw invalid('/terms/in', 'is required when the network status is in');

  const lines = expanded.lines;
  const first = lines[0]!;
  const lastDay = lines[lines.length - 1]!.day;
  const index = indexFeeSchedule(input.feeSchedule);
  // Weeks count from the plan's start date (already validated by the expansion).
  const schedule = { startDay: parseIsoDay(input.plan.startDate)!, hoursPerDay: input.plan.hoursPerDay };

  // Network unknown: the clinic is taken to be in network only if it has a contracted rate with
  // this payer for every line (in-network pricing needs one); otherwise every scenario prices out.
  const contracted = input.networkStatus === 'unknown' && input.terms.in !== undefined
    && lines.every((l) => hasContractedRate(index, input.payerId, l.code, l.date));
  const networkFor = (s: ScenarioName): 'in' | 'out' => {
    if (input.networkStatus !== 'unknown') return input.networkStatus;
    if (!contracted || s === 'high') return 'out';
    return 'in';
  };

  const contextFor = (network: 'in' | 'out'): ScenarioContext => {
    const ctx: ScenarioContext = {
      network, terms: network === 'in' ? input.terms.in : input.terms.out,
      asOfDay, firstDay: first.day, lastDay,
      planYear: input.planYear ?? { startMonth: 1, startDay: 1 },
      planYearAssumed: input.planYear === undefined,
    };
    if (input.planYear !== undefined && input.planYearSource !== undefined) ctx.planYearSource = input.planYearSource;
    if (input.planType !== undefined) ctx.planType = input.planType;
    if (input.deductibleMode !== undefined) ctx.deductibleMode = input.deductibleMode;
    if (input.authorization !== undefined) ctx.authorization = input.authorization;
    return ctx;
  };

  // Prices per network, computed once and shared by the scenarios that use them.
  const priced = new Map<string, PricedLine[]>();
  const priceFor = (network: 'in' | 'out', coveredPlan: boolean): PricedLine[] => {
    const key = `${network}${coveredPlan ? '' : '-self-pay'}`;
    let p = priced.get(key);
    if (p === undefined) {
      p = priceLines(lines, index, input.payerId, network, { requireAllowed: coveredPlan });
      priced.set(key, p);
    }
    return p;
  };

  const assumptionMap = new Map<string, Assumption>();
  const computed: { terms: ResolvedTerms; result: CostSharingResult }[] = [];
  const scenarios = {} as Record<ScenarioName, ScenarioEstimate>;
  // Terms that read no scenario-specific assumption serve every scenario of their network.
  let shared: { network: 'in' | 'out'; resolved: ScenarioTerms } | undefined;
  for (const s of SCENARIOS) {
    const network = networkFor(s);
    const resolved: ScenarioTerms = shared?.network === network ? shared.resolved : resolveScenarioTerms(s, contextFor(network));
    if (!resolved.dependsOnScenario) shared = { network, resolved };
    const coverage = resolved.terms.coverage;
    const used = coverage === 'covered' ? resolved.assumptions : resolved.assumptions.filter((a) => COST_SHARE_ASSUMPTIONS_WHEN_NOT_COVERED.has(a.id));
    const ids: string[] = [];
    for (const a of used) {
      const existing = assumptionMap.get(a.id);
      if (existing) {
        if (!existing.scenarios.includes(s)) existing.scenarios.push(s);
      } else assumptionMap.set(a.id, { ...a, scenarios: [s] });
      if (!ids.includes(a.id)) ids.push(a.id);
    }
    // Identical terms give identical results: compute once (the common, fully known case).
    let result = computed.find((c) => sameTerms(c.terms, resolved.terms))?.result;
    if (result === undefined) {
      result = applyCostSharing(priceFor(network, coverage === 'covered'), resolved.terms, schedule);
      computed.push({ terms: resolved.terms, result });
    }
    scenarios[s] = withScenario(result, s, network, coverage, ids);
  }

  if (input.networkStatus === 'unknown') {
    assumptionMap.set('network-unknown', {
      id: 'network-unknown', impact: 'high', scenarios: ['low', 'expected', 'high'],
      text: contracted
        ? 'The payer did not confirm whether the clinic is in network; low and expected price in network (the clinic has a contracted rate with this payer), high out of network with a balance bill.'
        : `The payer did not confirm whether the clinic is in network; every scenario prices out of network with a balance bill (${input.terms.in === undefined ? 'no in-network terms were given' : 'the clinic has no contracted rate with this payer for every service'}).`,
      patientText: contracted
        ? 'Your plan has not confirmed that the clinic is in its network. The lower figures assume it is; the higher one assumes it is not, and that the clinic may bill you what your plan does not pay.'
        : 'Your plan has not confirmed that the clinic is in its network, so this estimate prices it as out of network, including what the clinic may bill you that your plan does not pay.',
    });
  }
  const assumptions = [...assumptionMap.values()];
  const impacts: Impact[] = assumptions.map((a) => a.impact);
  const reasons = assumptions.filter((a) => a.impact !== 'low').map((a) => a.text);
  const notices: string[] = [];
  const terms = scenarios.expected.network === 'in' ? input.terms.in : input.terms.out;
  // Authorization matters only where the plan pays: a self-pay program needs none from the payer.
  const auth = scenarios.expected.coverage === 'covered' ? terms?.authorizationRequired.value : undefined;
  if (auth === 'yes' && input.authorization === undefined) {
    notices.push('The plan requires prior authorization for this level of care; without it the payer may deny every day.');
    reasons.push('Your plan must approve this program first (prior authorization), and no approval is on file yet.');
    impacts.push('medium');
  } else if (auth === 'unknown' && input.authorization === undefined) {
    notices.push(PAYER_SILENT_ON_AUTHORIZATION);
  }
  if (terms?.referralRequired.value === 'yes') notices.push('The plan requires a referral for this level of care.');
  if (asOfDay > first.day) notices.push('The program starts before the date the payer\'s accumulators were read; claims in between are not counted.');
  if (terms?.qualifiedMedicareBeneficiary !== undefined) {
    notices.push('You are a Qualified Medicare Beneficiary (QMB): federal law bars billing you Medicare deductibles, coinsurance or copays for covered care (Medicaid may pay them), so covered days show $0 for you. If you are billed, tell the clinic about your QMB status.');
  }
  const spendDown = terms?.spendDown;
  if (spendDown !== undefined) {
    const amount = formatCents(spendDown.value.amountCents);
    const which = spendDown.value.period === 'remaining' ? 'left to meet' : spendDown.value.period === 'unknown' ? 'per period' : `per ${spendDown.value.period.replace(/-/g, ' ')}`;
    notices.push(`Medicaid spend-down: you must pay ${amount} (${which}) in medical costs before Medicaid pays (payer response: ${spendDown.sources.map((source) => source.pointer).join(', ')}). This estimate does not include it; ask the payer which period it covers.`);
    reasons.push(`A Medicaid spend-down of ${amount} is not priced in this estimate.`);
    impacts.push('medium');
  }
  const confirmed = input.coverageConfirmedThrough;
  const confirmedDay = confirmed === undefined ? undefined : parseIsoDay(confirmed.date);
  if (confirmed !== undefined && confirmedDay !== undefined && confirmedDay < lastDay) {
    // Priced as covered (the plan usually renews), but nobody has confirmed it: say so, and lower confidence.
    const after = new Set(lines.filter((l) => l.day > confirmedDay).map((l) => l.day)).size;
    notices.push(`The payer confirmed coverage only through ${confirmed.date} (${confirmed.source}); ${after} program day${after === 1 ? '' : 's'} fall after it. They are priced as if the coverage continues: check eligibility again before then, and if the coverage ends those days are self-pay or billed to the next plan.`);
    reasons.push(`Coverage is confirmed only through ${confirmed.date}; ${after} program day${after === 1 ? '' : 's'} fall after it.`);
    impacts.push('medium');
  }
  if (scenarios.high.totals.balanceBillCents > 0) notices.push('Out-of-network balance billing depends on state law and the clinic\'s contract; the No Surprises Act does not cover a freestanding IOP clinic.');

  const level: Confidence['level'] = impacts.includes('high') ? 'low' : impacts.includes('medium') ? 'medium' : 'high';
  if (level === 'high') reasons.push('The payer gave every term this estimate needs.');

  const partial: Omit<ProgramEstimate, 'summary'> = {
    levelOfCare: input.plan.levelOfCare,
    payerId: input.payerId,
    asOf: input.asOf,
    networkStatus: input.networkStatus,
    planYear: input.planYear === undefined
      ? { startMonth: 1, startDay: 1, source: 'assumed' }
      : { ...input.planYear, source: input.planYearSource === undefined ? 'given' : 'payer' },
    schedule: expanded.schedule,
    planWarnings: expanded.warnings,
    low: scenarios.low,
    expected: scenarios.expected,
    high: scenarios.high,
    // The range spans the three totals. Each scenario takes the favourable or unfavourable reading
    // of every unknown, but out of network a covered day (cost share plus balance bill) can cost
    // more than the self-pay price of an uncovered one, so the "low" reading can total more.
    range: spanOf(scenarios),
    confidence: { level, reasons },
    assumptions,
    notices,
    payerUnknowns: terms?.unknowns ?? [],
    balanceBillingDependsOnStateLaw: SCENARIOS.some((s) => scenarios[s].totals.balanceBillCents > 0),
  };
  return { ...partial, summary: summarize(partial) };
}
