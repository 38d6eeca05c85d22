/**
 * Estimate cost: turn coverage (inline, typed in, or fetched live) and a treatment plan into a
 * whole-program estimate, with payment plans, an optional sliding-scale discount and the
 * prior-authorization answer for the program's days.
 */
import type { Coverage, CostSharingTerms, CoverageAction, PlanType } from '../core/coverage/coverage-model.js';
import { serviceTypesForLevelOfCare } from '../core/coverage/level-of-care-service-types.js';
import type { LevelOfCare } from '../core/coverage/level-of-care.js';
import { answeredOnlyInNetworkForClosedNetworkPlan, resolveCostSharingTerms } from '../core/coverage/resolve-cost-sharing.js';
import { providerNetworkFromNotes } from '../core/coverage/payer-notes.js';
import { coverageConfirmedThrough, planYearFromPayerDates, type PayerPlanYear } from '../core/estimate/plan-year.js';
import { compareLevelsOfCare, type LevelComparison } from '../core/estimate/compare-levels-of-care.js';
import { estimateProgramCost, PAYER_SILENT_ON_AUTHORIZATION, type ProgramEstimate } from '../core/estimate/estimate-program.js';
import type { LineEstimate } from '../core/estimate/cost-sharing.js';
import type { FeeSchedule } from '../core/estimate/fee-schedule.js';
import { buildManualTerms, manualTermsProblems, type ManualTermsInput } from '../core/estimate/manual-terms.js';
import { buildPaymentPlans, type PaymentPlan } from '../core/estimate/payment-plans.js';
import type { TreatmentPlan } from '../core/estimate/treatment-plan.js';
import { DomainError } from '../core/errors.js';
import type { Clock } from '../core/ports.js';
import { clinicToday } from '../core/clinic-date.js';
import { formatCents } from '../core/money.js';
import { evaluatePriorAuth, type PriorAuthEvaluation, type PriorAuthRule } from '../core/rules/prior-auth.js';
import type { PovertyGuideline } from '../core/rules/poverty-guidelines.js';
import type { SlidingFeeSchedule } from '../core/rules/sliding-fee-schedule.js';
import { applySlidingScale, evaluateSlidingScale, type SlidingScaleEvaluation, type SlidingScaleInput } from '../core/rules/sliding-scale.js';
import { inquiryServiceTypes, verifyCoverage, type VerifyCoverageDeps, type VerifyCoverageRequest, type VerifyCoverageResult } from './verify-coverage.js';

/** What estimates need from the outside world. */
export interface EstimateCostDeps {
  feeSchedule: FeeSchedule;
  rules: { povertyGuidelines: readonly PovertyGuideline[]; slidingFeeSchedule: SlidingFeeSchedule; priorAuthRules: readonly PriorAuthRule[] };
  verify: VerifyCoverageDeps;
  clock: Clock;
}

/** Where the coverage for an estimate comes from: exactly one of these. */
export interface CoverageInput {
  coverage?: Coverage;
  terms?: { in?: Omit<ManualTermsInput, 'network'>; out?: Omit<ManualTermsInput, 'network'>; planType?: PlanType };
  eligibility?: VerifyCoverageRequest['inquiry'];
  /** With `eligibility`: ask the payer even when a fresh answer is cached (the caller's Cache-Control: no-cache). */
  bypassCache?: boolean;
}

/** Options shared by estimates and comparisons. */
export interface EstimateOptions {
  payerId: string;
  networkStatus: 'in' | 'out' | 'unknown';
  asOf?: string;
  planYear?: { startMonth: number; startDay: number };
  deductibleMode?: 'embedded' | 'aggregate';
}

/** One estimate request. */
export interface EstimateCostRequest extends CoverageInput, EstimateOptions {
  plan: TreatmentPlan;
  authorization?: { units: number; unit: 'visit' | 'day' };
  paymentPlans?: { termsMonths?: number[]; minimumMonthlyCents?: number };
  slidingScale?: SlidingScaleInput;
}

/** The estimate with everything a coordinator or patient needs next to it. */
export interface EstimateCostResult {
  estimate: ProgramEstimate;
  paymentPlans: PaymentPlan[];
  slidingScale?: {
    evaluation: SlidingScaleEvaluation;
    lines: { id: string; beforeCents: number; afterCents: number; discountCents: number; applied: boolean; reasons: string[] }[];
    beforeCents: number;
    afterCents: number;
    discountCents: number;
  };
  priorAuth: PriorAuthEvaluation;
  coverageSource?: VerifyCoverageResult['source'];
}

interface ResolvedCoverage {
  /** A network left out has no benefits (typed-in terms without out-of-network terms). */
  termsFor(levelOfCare: LevelOfCare): { in?: CostSharingTerms; out?: CostSharingTerms };
  planType: PlanType;
  /** Free-text notes the payer sent, for prior-authorization signals (pre-certification...). */
  notes: string[];
  /** The plan year the payer's dates state (benefit period or a one-year plan period), if any. */
  planYear?: PayerPlanYear;
  /** The last day the payer confirmed coverage for, if it said. */
  confirmedThrough?: { date: string; source: string };
  asOf?: string;
  source?: VerifyCoverageResult['source'];
  /** True when the payer's answer neither confirmed nor denied the coverage (no eligibility line). */
  eligibilityUnsettled?: boolean;
  /** The payer's carve-out actions that touch a level of care: another organization administers it. */
  carveOutsFor(levelOfCare: LevelOfCare): CoverageAction[];
}

/** A carve-out said where a patient and coordinator look first: the price below may be the wrong plan's. */
function carveOutNotice(action: CoverageAction): string {
  return `${action.message} This estimate uses this payer's terms, which may not apply: price it again with the administrator's answer.`;
}

/** The notice for an estimate priced from an answer that never said the coverage is active. */
const UNSETTLED_ELIGIBILITY_NOTICE =
  "The payer's answer does not say whether this coverage is active; the estimate prices it as if it were. Confirm eligibility with the payer before quoting it.";

const today = (clock: Clock) => clinicToday(clock);

// Terms resolved per coverage object. A cached payer answer is read into one Coverage that repeat
// checks share (see verify-coverage), so its terms are resolved once too; the terms are read-only
// from here on. Weak keys: a coverage nobody holds takes its terms with it.
const resolvedTerms = new WeakMap<Coverage, Map<string, CostSharingTerms>>();

function termsOf(coverage: Coverage, level: LevelOfCare, network: 'in' | 'out', onDate: string): CostSharingTerms {
  let byLevel = resolvedTerms.get(coverage);
  if (byLevel === undefined) {
    byLevel = new Map();
    resolvedTerms.set(coverage, byLevel);
  }
  const key = `${level}|${network}|${onDate}`;
  let terms = byLevel.get(key);
  if (terms === undefined) {
    terms = resolveCostSharingTerms(coverage, level, network, onDate);
    byLevel.set(key, terms);
  }
  return terms;
}

/** What an estimate reads from a coverage besides its terms; like the terms, read once per (shared, read-only) coverage. */
interface CoverageFacts {
  notes: string[];
  /** An HMO or EPO that answered only for its network: no out-of-network benefits, so no out terms (self-pay out of network, said so). */
  noOutOfNetwork: boolean;
  planYear: PayerPlanYear | undefined;
  confirmedThrough: { date: string; source: string } | undefined;
}

const coverageFacts = new WeakMap<Coverage, CoverageFacts>();

function readOnce(coverage: Coverage): CoverageFacts {
  let facts = coverageFacts.get(coverage);
  if (facts === undefined) {
    facts = {
      notes: coverage.benefits.flatMap((b) => b.notes),
      noOutOfNetwork: answeredOnlyInNetworkForClosedNetworkPlan(coverage),
      planYear: planYearFromPayerDates(coverage.plan.dates),
      confirmedThrough: coverageConfirmedThrough(coverage.plan.dates),
    };
    coverageFacts.set(coverage, facts);
  }
  return facts;
}

/** The directory's id for a payer named by id or alias (rates and rules are keyed by it); as given when unknown. */
function directoryPayerId(deps: EstimateCostDeps, idOrAlias: string): string {
  return deps.verify.findPayer(idOrAlias)?.id ?? idOrAlias;
}

/** Resolves the one coverage source a request gives into per-level terms. */
async function resolveCoverage(deps: EstimateCostDeps, input: CoverageInput & { asOf?: string; payerId: string }, levelsOfCare: readonly LevelOfCare[]): Promise<ResolvedCoverage> {
  const given = [input.coverage, input.terms, input.eligibility].filter((x) => x !== undefined).length;
  if (given !== 1) {
    throw new DomainError('estimate.invalid', 'Give exactly one of coverage, terms or eligibility', {
      errors: [{ pointer: '/coverage', message: 'give exactly one of coverage, terms or eligibility' }],
    });
  }
  if (input.terms) {
    // Only the networks the caller typed in: out-of-network terms left out mean the plan has no
    // out-of-network benefits (self-pay out of network), not "out-of-network terms all unknown".
    const typed = input.terms;
    const problems = (['in', 'out'] as const).flatMap((net) => (typed[net] === undefined ? [] : manualTermsProblems(typed[net], `/terms/${net}`)));
    if (problems.length > 0) {
      throw new DomainError('estimate.invalid', `The typed-in terms cannot be priced: ${problems.map((p) => `${p.pointer} ${p.message}`).join('; ')}`, { errors: problems });
    }
    const built: { in?: CostSharingTerms; out?: CostSharingTerms } = {};
    if (typed.in !== undefined) built.in = buildManualTerms({ ...typed.in, network: 'in' });
    if (typed.out !== undefined) built.out = buildManualTerms({ ...typed.out, network: 'out' });
    return { termsFor: () => built, planType: typed.planType ?? 'unknown', notes: [], carveOutsFor: () => [] };
  }
  let coverage: Coverage;
  let source: VerifyCoverageResult['source'] | undefined;
  if (input.eligibility) {
    // The estimate's payer prices the program (its rates and prior-auth rules): coverage asked of
    // another payer would be priced with the wrong plan's rates, so the two must be one payer.
    if (directoryPayerId(deps, input.eligibility.payerId) !== input.payerId) {
      throw new DomainError('estimate.invalid', "The eligibility check asks a different payer than the estimate's payerId", {
        errors: [{ pointer: '/eligibility/payerId', message: "must be the estimate's payer (payerId), whose rates and rules price the program" }],
      });
    }
    // Ask once for every level's service types, so each level's terms can be resolved from one answer.
    const serviceTypes = input.eligibility.serviceTypes ?? [...new Set(levelsOfCare.flatMap((level) => inquiryServiceTypes(undefined, level)))];
    const verified = await verifyCoverage(deps.verify, {
      inquiry: { ...input.eligibility, serviceTypes },
      ...(levelsOfCare[0] ? { levelOfCare: levelsOfCare[0] } : {}),
      ...(input.bypassCache ? { bypassCache: true } : {}),
      resolveTerms: false,
    });
    coverage = verified.coverage;
    source = verified.source;
  } else {
    coverage = input.coverage!;
  }
  if (coverage.eligibility.status === 'inactive') {
    throw new DomainError('estimate.invalid', 'The payer reports this coverage as inactive; estimate as self-pay (Good Faith Estimate) instead', {
      errors: [{ pointer: input.eligibility ? '/eligibility' : '/coverage/eligibility/status', message: 'coverage is inactive' }],
    });
  }
  const rejected = coverage.eligibility.status === 'undetermined' ? coverage.payerErrors[0] : undefined;
  if (rejected !== undefined) {
    // A payer that rejected the inquiry (member not found, invalid id...) confirmed nothing: pricing
    // it as covered would quote a patient a plan they may not have. Described by code, never quoted.
    throw new DomainError('estimate.invalid', `The payer did not confirm this coverage: ${rejected.description}. ${rejected.action}`, {
      errors: [{ pointer: input.eligibility ? '/eligibility' : '/coverage/payerErrors/0', message: 'the payer rejected the inquiry, so the coverage cannot be priced' }],
    });
  }
  const { notes, noOutOfNetwork, planYear, confirmedThrough } = readOnce(coverage);
  // Lines dated for another year give way to this one's: the date asked about, else the as-of date.
  const onDate = input.eligibility?.dateOfService ?? input.asOf ?? today(deps.clock);
  return {
    ...(planYear ? { planYear } : {}),
    ...(confirmedThrough ? { confirmedThrough } : {}),
    termsFor: (level) => (noOutOfNetwork ? { in: termsOf(coverage, level, 'in', onDate) } : { in: termsOf(coverage, level, 'in', onDate), out: termsOf(coverage, level, 'out', onDate) }),
    carveOutsFor: (level) => {
      const codes = new Set(serviceTypesForLevelOfCare(level));
      return coverage.actions.filter((a) => a.kind === 'check-carve-out' && (a.serviceTypes ?? []).some((code) => codes.has(code)));
    },
    planType: coverage.plan.type,
    notes,
    ...(source ? { asOf: source.asOf.slice(0, 10), source } : {}),
    ...(coverage.eligibility.status === 'undetermined' ? { eligibilityUnsettled: true } : {}),
  };
}

function priorAuthFor(deps: EstimateCostDeps, request: { payerId: string; planType: PlanType; estimate: ProgramEstimate; terms: CostSharingTerms | undefined; notes: string[]; requestDate: string }) {
  const lines = request.estimate.expected.lines;
  const programDates = [...new Set(lines.map((l) => l.date))];
  const codes = [...new Set(lines.map((l) => l.code))];
  return evaluatePriorAuth(
    {
      payerId: request.payerId,
      planType: request.planType,
      levelOfCare: request.estimate.levelOfCare,
      codes,
      payerSaid: {
        // No terms for this network (no out-of-network benefits): the payer said nothing about it.
        authorizationRequired: request.terms?.authorizationRequired.value ?? 'unknown',
        referralRequired: request.terms?.referralRequired.value ?? 'unknown',
        notes: request.notes,
        sources: request.terms?.authorizationRequired.sources.map((s) => s.pointer) ?? [],
      },
      programDates,
      requestDate: request.requestDate,
    },
    deps.rules.priorAuthRules,
  );
}

/** The caller's plan year wins; otherwise the one the payer's dates state (said as an assumption); otherwise none (calendar year). */
function planYearOf(request: EstimateOptions, coverage: ResolvedCoverage): { planYear?: { startMonth: number; startDay: number }; planYearSource?: string } {
  if (request.planYear) return { planYear: request.planYear };
  if (coverage.planYear) return { planYear: { startMonth: coverage.planYear.startMonth, startDay: coverage.planYear.startDay }, planYearSource: coverage.planYear.source };
  return {};
}

function networkFromNoteNotice(said: { network: 'in' | 'out'; note: string }): string {
  const quoted = said.note.length > 120 ? `${said.note.slice(0, 117)}...` : said.note;
  return `Priced ${said.network === 'in' ? 'in network' : 'out of network'}: the network status was not given, and the payer's note says so ("${quoted}"). Confirm the clinic's contract if unsure.`;
}

/** A payer that refuses future dates answered for an earlier day than the program's first. */
function answeredForEarlierDateNotice(source: VerifyCoverageResult['source'] | undefined, firstDate: string): string | undefined {
  const asked = source?.dateOfServiceAsked;
  if (asked === undefined || asked >= firstDate) return undefined;
  return `The payer does not answer for future dates, so coverage was checked for ${asked}, not for the first day of the program (${firstDate}). Check eligibility again on the first day: a plan that ends or changes before then changes this estimate.`;
}

/** Estimates one program. Throws DomainError for impossible plans, missing prices or bad coverage input. */
export async function estimateCost(deps: EstimateCostDeps, asked: EstimateCostRequest): Promise<EstimateCostResult> {
  const request = { ...asked, payerId: directoryPayerId(deps, asked.payerId) };
  const coverage = await resolveCoverage(deps, request, [request.plan.levelOfCare]);
  const terms = coverage.termsFor(request.plan.levelOfCare);
  const asOf = request.asOf ?? coverage.asOf ?? today(deps.clock);
  // An unknown network settled by the payer's own note about this provider ("PROVIDER IS OUT OF NETWORK").
  const saidByPayer = request.networkStatus === 'unknown' ? providerNetworkFromNotes(coverage.notes) : undefined;
  const estimate = estimateProgramCost({
    plan: request.plan,
    terms,
    networkStatus: saidByPayer?.network ?? request.networkStatus,
    feeSchedule: deps.feeSchedule,
    payerId: request.payerId,
    asOf,
    planType: coverage.planType,
    ...planYearOf(request, coverage),
    ...(coverage.confirmedThrough ? { coverageConfirmedThrough: coverage.confirmedThrough } : {}),
    ...(request.deductibleMode ? { deductibleMode: request.deductibleMode } : {}),
    ...(request.authorization ? { authorization: request.authorization } : {}),
  });
  if (saidByPayer) estimate.notices.unshift(networkFromNoteNotice(saidByPayer));
  if (coverage.eligibilityUnsettled) estimate.notices.unshift(UNSETTLED_ELIGIBILITY_NOTICE);
  estimate.notices.unshift(...coverage.carveOutsFor(request.plan.levelOfCare).map(carveOutNotice));
  const earlierDate = answeredForEarlierDateNotice(coverage.source, estimate.schedule.firstDate);
  if (earlierDate) estimate.notices.push(earlierDate);

  let total = estimate.expected.totals.patientTotalCents;
  let slidingScale: EstimateCostResult['slidingScale'];
  if (request.slidingScale) {
    const evaluation = evaluateSlidingScale(request.slidingScale, deps.rules.povertyGuidelines, deps.rules.slidingFeeSchedule);
    // Lines the plan does not cover are billed at the self-pay rate: those are the self-pay charges.
    const application = applySlidingScale(
      estimate.expected.lines.map((line, index) => ({
        id: `${index + 1}:${line.date}:${line.code}`,
        patientPaysCents: line.patientPaysCents + line.balanceBillCents,
        selfPay: !line.covered,
        units: line.units,
        // A nominal fee per day is owed once per date, not once per line on that date.
        date: line.date,
      })),
      evaluation,
    );
    slidingScale = {
      evaluation,
      lines: application.lines.map((l) => ({ ...l, reasons: [...l.reasons] })),
      beforeCents: application.totalBeforeCents,
      afterCents: application.totalAfterCents,
      discountCents: application.totalBeforeCents - application.totalAfterCents,
    };
    total = application.totalAfterCents;
    // The summary is what a patient reads first: it must show the amount they will be asked for.
    if (slidingScale.discountCents > 0) {
      estimate.summary += ` With your sliding-scale discount, the expected amount is ${formatCents(total)} (${formatCents(slidingScale.discountCents)} off).`;
    }
  }

  const networkForAuth = request.networkStatus === 'out' ? terms.out : terms.in;
  const result: EstimateCostResult = {
    estimate,
    paymentPlans: buildPaymentPlans(total, request.paymentPlans ?? {}),
    priorAuth: priorAuthFor(deps, {
      payerId: request.payerId,
      planType: coverage.planType,
      estimate,
      terms: networkForAuth,
      notes: coverage.notes,
      requestDate: today(deps.clock) > estimate.schedule.firstDate ? estimate.schedule.firstDate : today(deps.clock),
    }),
  };
  flagDaysAtRisk(estimate, result.priorAuth);
  settleAuthorizationNotice(estimate, result.priorAuth);
  if (slidingScale) result.slidingScale = slidingScale;
  if (coverage.source) result.coverageSource = coverage.source;
  return result;
}

/**
 * The estimate's notices speak for the payer's answer alone. Where the payer was silent on prior
 * authorization and this payer's rules settle it, the notice says what the rules say, so the
 * estimate never tells a patient "ask" beside a prior-authorization plan that says "required".
 */
function settleAuthorizationNotice(estimate: ProgramEstimate, priorAuth: PriorAuthEvaluation): void {
  const at = estimate.notices.indexOf(PAYER_SILENT_ON_AUTHORIZATION);
  if (at < 0) return;
  const required = priorAuth.authorization.required;
  if (required === 'required') {
    estimate.notices[at] = "The payer's answer did not say whether prior authorization is required, but this payer's rules say it is: without it the payer may deny every day.";
  } else if (required === 'not-required') {
    estimate.notices[at] = "The payer's answer did not say whether prior authorization is required; this payer's rules say it is not. Confirm before the first day.";
  }
}

/** Marks the lines on program days that would run before an authorization decision is due. */
function flagDaysAtRisk(estimate: ProgramEstimate, priorAuth: PriorAuthEvaluation): void {
  const atRisk = new Set(priorAuth.timeline?.daysAtRiskWithoutApproval ?? []);
  if (atRisk.size === 0) return;
  const cite = `prior authorization: no approval is expected by this day (submit by ${priorAuth.timeline?.submitBy ?? 'day 1'})`;
  const marked = new Map<readonly LineEstimate[], number>();
  for (const scenario of [estimate.low, estimate.expected, estimate.high]) {
    // A self-pay scenario (not covered, no out-of-network benefits) has no payer to approve anything.
    if (scenario.coverage !== 'covered') continue;
    // Identical scenarios share their lines: each array is marked and counted once.
    let count = marked.get(scenario.lines);
    if (count === undefined) {
      count = markAtRisk(scenario.lines, atRisk, cite);
      marked.set(scenario.lines, count);
    }
    scenario.atRiskLines = count;
  }
}

/** Marks the lines on the days at risk (citing why, once) and returns how many lines are at risk. */
function markAtRisk(lines: LineEstimate[], atRisk: ReadonlySet<string>, cite: string): number {
  let count = 0;
  for (const line of lines) {
    if (atRisk.has(line.date)) {
      line.atRisk = true;
      if (!line.cites.includes(cite)) line.cites = [...line.cites, cite];
    }
    if (line.atRisk) count++;
  }
  return count;
}

/** One comparison request: several levels of care for the same patient. */
export interface CompareCostRequest extends CoverageInput, EstimateOptions {
  startDate: string;
  levels: { levelOfCare: LevelOfCare; plan?: TreatmentPlan }[];
}

/** Compares levels of care side by side. */
export async function compareCost(
  deps: EstimateCostDeps,
  asked: CompareCostRequest,
): Promise<{ rows: LevelComparison[]; coverageSource?: VerifyCoverageResult['source'] }> {
  const request = { ...asked, payerId: directoryPayerId(deps, asked.payerId) };
  const coverage = await resolveCoverage(deps, request, request.levels.map((level) => level.levelOfCare));
  const saidByPayer = request.networkStatus === 'unknown' ? providerNetworkFromNotes(coverage.notes) : undefined;
  const result = compareLevelsOfCare({
    startDate: request.startDate,
    levels: request.levels.map((level) => ({
      levelOfCare: level.levelOfCare,
      ...(level.plan ? { plan: level.plan } : {}),
      terms: coverage.termsFor(level.levelOfCare),
    })),
    networkStatus: saidByPayer?.network ?? request.networkStatus,
    feeSchedule: deps.feeSchedule,
    payerId: request.payerId,
    asOf: request.asOf ?? coverage.asOf ?? today(deps.clock),
    planType: coverage.planType,
    ...planYearOf(request, coverage),
    ...(coverage.confirmedThrough ? { coverageConfirmedThrough: coverage.confirmedThrough } : {}),
    ...(request.deductibleMode ? { deductibleMode: request.deductibleMode } : {}),
  });
  for (const row of result.rows) {
    if (saidByPayer) row.estimate.notices.unshift(networkFromNoteNotice(saidByPayer));
    if (coverage.eligibilityUnsettled) row.estimate.notices.unshift(UNSETTLED_ELIGIBILITY_NOTICE);
    row.estimate.notices.unshift(...coverage.carveOutsFor(row.levelOfCare).map(carveOutNotice));
    const earlierDate = answeredForEarlierDateNotice(coverage.source, row.estimate.schedule.firstDate);
    if (earlierDate) row.estimate.notices.push(earlierDate);
  }
  return coverage.source ? { ...result, coverageSource: coverage.source } : result;
}
