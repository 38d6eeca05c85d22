/**
 * Prior authorization and referral: rules as data (fixtures/rules/prior-auth-rules.json, in the
 * spirit of HL7 Da Vinci CRD: payer x code -> requirement), kept apart from this evaluator.
 *
 * Each field (authorization, referral, initial authorization, review interval, submission,
 * decision time) is resolved separately per program day from the most specific matching rule
 * that defines it: payer id > payer group > '*', then billing code > level of care, then a named
 * plan type > any plan type, then the later effective date. So a rule that changes on an
 * effective date mid-program governs the days from that date on.
 */
import type { PlanType, TriState } from '../coverage/coverage-model.js';
import type { LevelOfCare } from '../coverage/level-of-care.js';
import { DomainError, type FieldError } from '../errors.js';
import { addDays, dayOfWeek, isBusinessDay, isIsoDate, usFederalHoliday } from './calendar-dates.js';
import { authorizationClauses } from '../coverage/payer-notes.js';

/** Who a rule is about. */
export type PriorAuthPayerMatch = { id: string } | { group: string } | '*';

/** A reference a rule rests on. */
export interface RuleSource {
  title: string;
  url?: string;
  /** False for illustrative or unconfirmed rules. */
  verified: boolean;
}

/** One prior-authorization / referral rule. Omitted fields leave the answer to less specific rules. */
export interface PriorAuthRule {
  id: string;
  payer: PriorAuthPayerMatch;
  planTypes: PlanType[] | '*';
  levelsOfCare: LevelOfCare[] | '*';
  /** Billing codes (HCPCS, CPT, revenue) the rule is limited to; absent = any code. */
  codes?: string[];
  effective: { from: string; to?: string };
  authorization?: { required: TriState; /** Required only after this many program days (e.g. notification first). */ afterUnits?: number; text?: string };
  referral?: { required: TriState; text?: string };
  initialAuthorization?: { calendarDays?: number; units?: number };
  concurrentReviewIntervalDays?: number;
  /** Submit each continued-stay review this many days before the last covered day. */
  reviewLeadDays?: number;
  submission?: { method: 'portal' | 'phone' | 'fax' | 'x12-278' | 'other'; text: string }[];
  decisionTime?: { standardCalendarDays: number; urgentHours?: number; text: string };
  illustrative: boolean;
  source: RuleSource;
  notes?: string[];
}

/** What the caller knows about the request. */
export interface PriorAuthInput {
  payerId: string;
  payerGroup?: string;
  planType: PlanType;
  levelOfCare: LevelOfCare;
  codes?: string[];
  /** What the payer said (271 EB11 / EB12-style flags and messages). */
  payerSaid?: { authorizationRequired: TriState; referralRequired: TriState; notes: string[]; sources: string[] };
  /** Dated program days, ascending. */
  programDates?: string[];
  /** When the authorization request is (or was) sent. */
  requestDate?: string;
}

/** A reason for a requirement, with where it came from. */
export interface RequirementReason {
  text: string;
  source: string;
}

/** The combined answer for authorization or referral. */
export interface Requirement {
  required: 'required' | 'not-required' | 'unknown';
  reasons: RequirementReason[];
  /** True when the payer and the rules disagree. */
  conflict: boolean;
}

/** The result the HTTP route returns. */
export interface PriorAuthEvaluation {
  authorization: Requirement;
  referral: Requirement;
  /** Per program day: whether authorization is required and the rule that said so. */
  days: { date: string; authorization: TriState; ruleId?: string }[];
  submission: { method: string; text: string }[];
  decisionTime?: { standardCalendarDays: number; urgentHours?: number; text: string; ruleId: string };
  timeline?: {
    submitBy: string;
    decisionDueBy?: string;
    initialAuthorizationCovers: { from: string; to: string; days: number };
    reviews: { date: string; coversThrough: string }[];
    daysAtRiskWithoutApproval: string[];
    notes: string[];
  };
}


/** Used when no rule states a decision time: the ERISA pre-service maximum, 29 CFR 2560.503-1(f)(2)(iii)(B). */
const FALLBACK_DECISION_DAYS = 15;

function validate(input: PriorAuthInput): FieldError[] {
  const errors: FieldError[] = [];
  if (!input.payerId?.trim()) errors.push({ pointer: '/payerId', message: 'is required' });
  const dates = input.programDates ?? [];
  dates.forEach((d, i) => {
    if (!isIsoDate(d)) errors.push({ pointer: `/programDates/${i}`, message: 'must be a date in YYYY-MM-DD form' });
    else if (i > 0 && d <= (dates[i - 1] as string)) errors.push({ pointer: `/programDates/${i}`, message: 'must be after the previous day (ascending, no repeats)' });
  });
  if (input.requestDate !== undefined && !isIsoDate(input.requestDate)) errors.push({ pointer: '/requestDate', message: 'must be a date in YYYY-MM-DD form' });
  return errors;
}

type RuleField = 'authorization' | 'referral' | 'initialAuthorization' | 'concurrentReviewIntervalDays' | 'submission' | 'decisionTime';

/** How specific a rule is, compared payer first, then code or level of care, then plan type. */
function specificity(rule: PriorAuthRule): number {
  const payer = rule.payer === '*' ? 0 : 'id' in rule.payer ? 2 : 1;
  const scope = rule.codes && rule.codes.length > 0 ? 2 : rule.levelsOfCare === '*' ? 0 : 1;
  const plan = rule.planTypes === '*' ? 0 : 1;
  // Each part is 0-2, so one number keeps the payer > scope > plan order without an array per call.
  return payer * 100 + scope * 10 + plan;
}

/** Payer, plan type, and code or level of care: the same for every day of one request. */
function matchesRequest(rule: PriorAuthRule, input: PriorAuthInput): boolean {
  if (rule.payer !== '*') {
    if ('id' in rule.payer && rule.payer.id !== input.payerId) return false;
    if ('group' in rule.payer && rule.payer.group !== input.payerGroup) return false;
  }
  if (rule.planTypes !== '*' && !rule.planTypes.includes(input.planType)) return false;
  if (rule.codes && rule.codes.length > 0) {
    if (!(input.codes ?? []).some((c) => rule.codes?.includes(c))) return false;
  } else if (rule.levelsOfCare !== '*' && !rule.levelsOfCare.includes(input.levelOfCare)) {
    return false;
  }
  return true;
}

function inForce(rule: PriorAuthRule, date: string | undefined): boolean {
  // With no date, only rules in force with no end date (the current ones) apply.
  if (date === undefined) return rule.effective.to === undefined;
  return rule.effective.from <= date && (rule.effective.to === undefined || date <= rule.effective.to);
}

/** The most specific rule in force on `date` that defines `field`, among rules already matched to the request. */
function pick(rules: readonly PriorAuthRule[], date: string | undefined, field: RuleField): PriorAuthRule | undefined {
  let best: PriorAuthRule | undefined;
  for (const rule of rules) {
    if (rule[field] === undefined || !inForce(rule, date)) continue;
    if (!best) {
      best = rule;
      continue;
    }
    const a = specificity(rule);
    const b = specificity(best);
    if (a !== b ? a > b : rule.effective.from > best.effective.from) best = rule;
  }
  return best;
}

function cite(rule: PriorAuthRule): string {
  return `rule ${rule.id}: ${rule.source.title}${rule.source.url ? ` (${rule.source.url})` : ''}${rule.illustrative ? ' [illustrative]' : ''}`;
}

/** Combines the payer's answer with the rules' answer; when they disagree, the safer answer wins. */
function combine(what: 'authorization' | 'referral', payer: TriState | undefined, payerSources: string[], ruleAnswer: TriState, ruleReasons: RequirementReason[]): Requirement {
  const payerSource = payerSources.length > 0 ? `payer response: ${payerSources.join(', ')}` : 'payer response';
  const payerReason = (said: string) => ({ text: `The payer says ${what} is ${said}.`, source: payerSource });
  if (payer === 'yes' && ruleAnswer === 'no') {
    return {
      required: 'required',
      conflict: true,
      reasons: [payerReason('required'), ...ruleReasons, { text: `The payer and the rules disagree; treating ${what} as required, the safer answer. Confirm with the payer.`, source: 'policy: conflicting answers resolve to required' }],
    };
  }
  if (payer === 'yes') return { required: 'required', conflict: false, reasons: [payerReason('required'), ...ruleReasons] };
  if (payer === 'no' && ruleAnswer === 'yes') {
    return {
      required: 'required',
      conflict: true,
      reasons: [...ruleReasons, payerReason('not required'), { text: `The payer says ${what} is not required but the rules say it is; treating it as required. Confirm with the payer and record the reference number.`, source: 'policy: conflicting answers resolve to required' }],
    };
  }
  if (payer === 'no') return { required: 'not-required', conflict: false, reasons: [payerReason('not required'), ...ruleReasons] };
  if (ruleAnswer === 'yes') return { required: 'required', conflict: false, reasons: ruleReasons };
  if (ruleAnswer === 'no') return { required: 'not-required', conflict: false, reasons: ruleReasons };
  return {
    required: 'unknown',
    conflict: false,
    reasons: [{ text: `Neither the payer nor any rule says whether ${what} is required. Ask the payer before the first day.`, source: 'no matching rule' }],
  };
}

/** Yes on any day wins, then unknown on any day, else no. */
function overall(answers: TriState[]): TriState {
  if (answers.includes('yes')) return 'yes';
  if (answers.length === 0 || answers.includes('unknown')) return 'unknown';
  return 'no';
}

/** Decides whether prior authorization and a referral are needed, and when to ask, from the payer's answer and the rules. */
export function evaluatePriorAuth(input: PriorAuthInput, rules: readonly PriorAuthRule[]): PriorAuthEvaluation {
  const errors = validate(input);
  if (errors.length > 0) throw new DomainError('prior-auth.invalid', 'The prior-authorization inputs are not valid.', { errors });
  const programDates = input.programDates ?? [];
  const dates: (string | undefined)[] = programDates.length > 0 ? programDates : [input.requestDate];
  // The rules about this payer, plan and service, found once; each day then only checks dates.
  rules = rules.filter((rule) => matchesRequest(rule, input));

  // Authorization per day.
  const authReasons = new Map<string, RequirementReason>();
  const days: PriorAuthEvaluation['days'] = [];
  const dayAnswers: TriState[] = [];
  dates.forEach((date, index) => {
    const rule = pick(rules, date, 'authorization');
    let answer: TriState = 'unknown';
    if (rule?.authorization) {
      const after = rule.authorization.afterUnits;
      answer = after !== undefined && rule.authorization.required === 'yes' && index < after ? 'no' : rule.authorization.required;
      const text = rule.authorization.text ?? `Authorization ${rule.authorization.required === 'yes' ? 'is required' : rule.authorization.required === 'no' ? 'is not required' : 'may be required'}.`;
      authReasons.set(rule.id, { text: after !== undefined ? `${text} (required from program day ${after + 1})` : text, source: cite(rule) });
    }
    dayAnswers.push(answer);
    if (date !== undefined) days.push(rule ? { date, authorization: answer, ruleId: rule.id } : { date, authorization: answer });
  });

  const payer = input.payerSaid;
  // A note that asks for pre-certification means "authorization needed" even when the flag says
  // otherwise; one that says it is not required ("PRIOR AUTHORIZATION NOT REQUIRED") does not.
  const noteSaysPrecert = payer?.notes.some((n) => authorizationClauses(n).yes) ?? false;
  const payerAuth = payer?.authorizationRequired;
  const payerSources = payer?.sources ?? [];
  const authorization = combine('authorization', noteSaysPrecert ? 'yes' : payerAuth, payerSources, overall(dayAnswers), [...authReasons.values()]);
  if (noteSaysPrecert && payerAuth !== 'yes') {
    authorization.reasons.push({ text: 'A payer note mentions pre-certification or prior authorization; treated as the payer saying authorization is required.', source: `payer notes${payerSources.length > 0 ? `: ${payerSources.join(', ')}` : ''}` });
    if (payerAuth === 'no') authorization.conflict = true;
  }

  // Referral: from the first day's rule (referrals are per episode, not per day).
  const referralRule = pick(rules, dates[0], 'referral');
  const referralReasons = referralRule?.referral ? [{ text: referralRule.referral.text ?? `Referral ${referralRule.referral.required === 'yes' ? 'is required' : 'is not required'}.`, source: cite(referralRule) }] : [];
  const referral = combine('referral', payer?.referralRequired, payerSources, referralRule?.referral?.required ?? 'unknown', referralReasons);

  const firstDate = dates[0];
  const submissionRule = pick(rules, firstDate, 'submission');
  const decisionRule = pick(rules, firstDate, 'decisionTime');
  const result: PriorAuthEvaluation = {
    authorization,
    referral,
    days,
    submission: submissionRule?.submission ?? [],
  };
  if (decisionRule?.decisionTime) result.decisionTime = { ...decisionRule.decisionTime, ruleId: decisionRule.id };

  // When the payer says yes, every day needs approval; otherwise the days the rules say need it.
  const payerYes = noteSaysPrecert || payerAuth === 'yes';
  if (payerYes) {
    // The payer's answer is about the whole level of care: the per-day list says so too, instead
    // of showing a rule's "no" under an overall "required". (No ruleId: no rule decided it.)
    for (let i = 0; i < days.length; i++) days[i] = { date: days[i]!.date, authorization: 'yes' };
  }
  const needing = payerYes ? programDates : programDates.filter((_, i) => dayAnswers[i] === 'yes');
  if (authorization.required === 'required' && needing.length > 0) result.timeline = buildTimeline(input, rules, needing, result.decisionTime);
  return result;
}

/**
 * The date itself on a working day, else the last working day before it: a request due on a weekend
 * or a federal holiday (when payers' utilization-review offices close) is sent before, not after.
 */
function onWorkingDayOrBefore(date: string): string {
  let day = date;
  while (!isBusinessDay(day, NO_CLOSURES) || usFederalHoliday(day) !== undefined) day = addDays(day, -1);
  return day;
}

const NO_CLOSURES: ReadonlySet<string> = new Set();

/** Why a date is not a working day: 'a Saturday', 'a Sunday' or the holiday's name. */
function closedBecause(date: string): string {
  const holiday = usFederalHoliday(date);
  if (holiday !== undefined) return `a federal holiday (${holiday})`;
  return dayOfWeek(date) === 6 ? 'a Saturday' : 'a Sunday';
}

function movedNote(what: string, from: string, to: string): string {
  return `${what} fell on ${closedBecause(from)} (${from}); moved to the last working day before it (${to}), so the request does not wait until the office reopens.`;
}

function buildTimeline(
  input: PriorAuthInput,
  rules: readonly PriorAuthRule[],
  needing: string[],
  decisionTime: PriorAuthEvaluation['decisionTime'],
): NonNullable<PriorAuthEvaluation['timeline']> {
  const day1 = needing[0] as string;
  const last = needing[needing.length - 1] as string;
  const notes: string[] = [];
  const decisionDays = decisionTime?.standardCalendarDays ?? FALLBACK_DECISION_DAYS;
  if (!decisionTime) notes.push(`No rule states the payer's decision time; assumed ${FALLBACK_DECISION_DAYS} calendar days (ERISA pre-service maximum, 29 CFR 2560.503-1).`);
  // Submit early enough that the decision is due the day before day 1: submitBy + N <= day1 - 1.
  const latestSubmit = addDays(day1, -(decisionDays + 1));
  const submitBy = onWorkingDayOrBefore(latestSubmit);
  notes.push(`Submit by ${submitBy} so a standard decision (${decisionDays} calendar days) is due before the first day that needs authorization (${day1}).`);
  if (submitBy !== latestSubmit) notes.push(movedNote('The submit-by date', latestSubmit, submitBy));

  const initialRule = pick(rules, day1, 'initialAuthorization');
  const reviewRule = pick(rules, day1, 'concurrentReviewIntervalDays');
  const interval = reviewRule?.concurrentReviewIntervalDays;
  const lead = reviewRule?.reviewLeadDays ?? 0;
  const initial = initialRule?.initialAuthorization;
  let coversThrough: string;
  if (initial?.units !== undefined || initial?.calendarDays !== undefined) {
    const byUnits = initial.units !== undefined ? (needing[Math.min(initial.units, needing.length) - 1] as string) : undefined;
    const byDays = initial.calendarDays !== undefined ? addDays(day1, initial.calendarDays - 1) : undefined;
    coversThrough = [byUnits, byDays].filter((d): d is string => d !== undefined).sort()[0] as string;
  } else if (interval !== undefined) {
    coversThrough = addDays(day1, interval - 1);
    notes.push(`No typical initial authorization length is known; assumed one review interval (${interval} days).`);
  } else {
    coversThrough = day1;
    notes.push('No typical initial authorization length is known; only the first day is treated as covered until the payer answers.');
  }
  const initialDays = needing.filter((d) => d <= coversThrough).length;

  const reviews: { date: string; coversThrough: string }[] = [];
  let through = coversThrough;
  if (interval !== undefined) {
    let movedReviews = 0;
    while (through < last) {
      const next = addDays(through, interval);
      const due = addDays(through, -lead);
      const date = onWorkingDayOrBefore(due);
      if (date !== due) movedReviews += 1;
      reviews.push({ date, coversThrough: next });
      through = next;
    }
    if (movedReviews > 0) notes.push(`${movedReviews} concurrent review date(s) fell on a weekend or a federal holiday and were moved to the last working day before: payer utilization-review staff and clinic staff work weekdays, and a late review leaves days unapproved.`);
    notes.push(`Concurrent review every ${interval} days${lead > 0 ? `, submitted ${lead} days before the last covered day` : ''} (${reviewRule ? cite(reviewRule) : ''}).`);
  } else if (through < last) {
    notes.push('No concurrent review interval is known; days after the initial authorization are at risk until a review is arranged with the payer.');
  }

  const atRisk = new Set<string>();
  let decisionDueBy: string | undefined;
  if (input.requestDate !== undefined) {
    decisionDueBy = addDays(input.requestDate, decisionDays);
    for (const d of needing) if (d <= decisionDueBy) atRisk.add(d);
    if (atRisk.size > 0) notes.push(`Requested on ${input.requestDate}: the decision may not arrive until ${decisionDueBy}, so ${atRisk.size} program day(s) would be given without approval.`);
  }
  for (const d of needing) if (d > through) atRisk.add(d);

  const timeline: NonNullable<PriorAuthEvaluation['timeline']> = {
    submitBy,
    initialAuthorizationCovers: { from: day1, to: coversThrough, days: initialDays },
    reviews,
    daysAtRiskWithoutApproval: needing.filter((d) => atRisk.has(d)),
    notes,
  };
  if (decisionDueBy !== undefined) timeline.decisionDueBy = decisionDueBy;
  return timeline;
}
