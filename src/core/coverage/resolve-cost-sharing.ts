/**
 * The level-of-care resolver: chooses, from everything a payer said, the cost-sharing terms that
 * apply to one level of care in one network. For each term it takes the most specific service type
 * (LEVEL_OF_CARE_SERVICE_TYPES) that carries it. Nothing is defaulted: a term the payer did not send
 * stays undefined and is named in `unknowns`, never priced as zero.
 *
 * Network rule (X12 EB12, facts.md 2.1 and 2.12): a benefit for the requested network or for 'both'
 * (EB12 = W) applies; a benefit with no network ('unknown') is used only when no network-specific
 * benefit exists for that term, and the fallback is stated.
 */
import { formatCents, formatPpm, type Cents, type Ppm } from '../money.js';
import type {
  Accumulator, Benefit, BenefitKind, Coverage, CostSharingTerms, CoverageLevel, QuantityUnit, Sourced, TimePeriod, TriState,
} from './coverage-model.js';
import { LEVELS_OF_CARE, type LevelOfCare } from './level-of-care.js';
import { LEVEL_OF_CARE_SERVICE_TYPES, type LevelOfCareServiceType } from './level-of-care-service-types.js';

/** Periods that state a total (the full amount for a period), as opposed to what is left or met. */
const TOTAL_PERIODS: ReadonlySet<TimePeriod> = new Set([
  'calendar-year', 'service-year', 'plan-year', 'contract', 'lifetime', 'episode', 'admission', 'month', 'week', 'unknown',
]);
const REMAINING_PERIODS: ReadonlySet<TimePeriod> = new Set(['remaining', 'lifetime-remaining']);

interface Match {
  benefit: Benefit;
  candidate: LevelOfCareServiceType;
  /** True when the benefit's network was 'unknown' and used as a fallback. */
  unknownNetwork: boolean;
}

/** Build a Sourced value from the benefits it came from. */
function sourced<T>(value: T, benefits: readonly Benefit[]): Sourced<T> {
  return { value, benefitIds: benefits.map((b) => b.id), sources: benefits.map((b) => b.source) };
}

/**
 * Finds the benefits matching `accept`, grouped on the most specific service type that has any.
 * A benefit limited to procedure codes counts only when one of them is the level's per-diem code
 * (then it is the most specific of all); generic benefits are preferred otherwise.
 */
function findMostSpecific(
  coverage: Coverage,
  levelOfCare: LevelOfCare,
  network: 'in' | 'out',
  accept: (benefit: Benefit) => boolean,
): Match[] {
  const candidates = LEVEL_OF_CARE_SERVICE_TYPES[levelOfCare];
  const perDiem = LEVELS_OF_CARE[levelOfCare].perDiemHcpcs;
  const perDiemCode = perDiem === undefined ? undefined : `HC:${perDiem}`;
  for (const networkTier of ['specific', 'unknown'] as const) {
    const networkOk = (b: Benefit): boolean =>
      networkTier === 'specific' ? b.network === network || b.network === 'both' : b.network === 'unknown';
    const pool = coverage.benefits.filter((b) => networkOk(b) && accept(b) && !otherMedicarePart(b, levelOfCare));
    if (perDiemCode !== undefined) {
      const exact = pool.filter((b) => b.procedureCodes.includes(perDiemCode));
      const first = candidates[0];
      if (exact.length > 0 && first !== undefined) {
        return exact.map((benefit) => ({ benefit, candidate: first, unknownNetwork: networkTier === 'unknown' }));
      }
    }
    for (const candidate of candidates) {
      const onCode = pool.filter((b) => b.serviceTypes.includes(candidate.code) && b.procedureCodes.length === 0);
      if (onCode.length > 0) return onCode.map((benefit) => ({ benefit, candidate, unknownNetwork: networkTier === 'unknown' }));
    }
  }
  return [];
}

/**
 * Medicare answers for Part A (EB04 MA: hospital inpatient, per benefit period) and Part B (MB:
 * outpatient) on the same service types. IOP, partial hospitalization and outpatient therapy are
 * Part B services (facts.md 1.3 and 3.x: "Part B deductible, then 20% coinsurance"), so Part A
 * lines never price them, and Part B lines never price an inpatient-style residential stay.
 * Without this the $1,676 Part A deductible was taken for an IOP whose $257 Part B deductible was met.
 */
function otherMedicarePart(benefit: Benefit, levelOfCare: LevelOfCare): boolean {
  const part = benefit.insuranceType;
  if (part !== 'MA' && part !== 'MB') return false;
  return levelOfCare === 'residential' ? part === 'MB' : part === 'MA';
}

/**
 * Medicare's deductible is one per part, and answers often state it on a service type no level of
 * care asks about (4010 Medicare: EB*C**96*MB**29*0, 96 = professional). When no service type of the
 * level has one, the line of the level's own part (EB04 MB for IOP, PHP and therapy; MA for
 * residential) on any service type, or none, is that deductible.
 */
function medicarePartAccumulator(coverage: Coverage, levelOfCare: LevelOfCare, network: 'in' | 'out', accept: (benefit: Benefit) => boolean): Match[] {
  const part = levelOfCare === 'residential' ? 'MA' : 'MB';
  const candidates = LEVEL_OF_CARE_SERVICE_TYPES[levelOfCare];
  const planLevel = candidates.find((c) => c.code === '30') ?? candidates[candidates.length - 1];
  if (planLevel === undefined) return [];
  for (const networkTier of ['specific', 'unknown'] as const) {
    const lines = coverage.benefits.filter((b) => b.insuranceType === part && b.procedureCodes.length === 0 && accept(b)
      && (networkTier === 'specific' ? b.network === network || b.network === 'both' : b.network === 'unknown'));
    if (lines.length > 0) return lines.map((benefit) => ({ benefit, candidate: planLevel, unknownNetwork: networkTier === 'unknown' }));
  }
  return [];
}

function levelMatches(benefit: Benefit, level: CoverageLevel): boolean {
  // An accumulator with no EB02 is read as individual: the TR3 sends FAM explicitly for family amounts.
  return level === 'individual' ? benefit.coverageLevel !== 'family' : benefit.coverageLevel === 'family';
}

const NETWORK_WORDS = { in: 'in-network', out: 'out-of-network' } as const;

function describeCodes(levelOfCare: LevelOfCare): string {
  return LEVEL_OF_CARE_SERVICE_TYPES[levelOfCare]
    .filter((c) => c.tier === 'behavioral-health')
    .map((c) => c.code)
    .join(', ');
}

/** Reads one accumulator (deductible or OOP) for one coverage level from the most specific service type. */
function resolveAccumulator(
  coverage: Coverage,
  levelOfCare: LevelOfCare,
  network: 'in' | 'out',
  kind: BenefitKind,
  level: 'individual' | 'family',
  unknowns: string[],
  label: string,
): { accumulator?: Accumulator; serviceType?: string } {
  const accept = (b: Benefit): boolean => b.kind === kind && b.amountCents !== undefined && levelMatches(b, level);
  let matches = findMostSpecific(coverage, levelOfCare, network, accept);
  if (matches.length === 0) {
    matches = medicarePartAccumulator(coverage, levelOfCare, network, accept);
    if (matches.length > 0) {
      const part = matches[0]!.benefit.insuranceType === 'MA' ? 'A' : 'B';
      unknowns.push(`${capitalize(level)} ${label} is the Medicare Part ${part} one, sent on service type ${matches[0]!.benefit.serviceTypes.join(', ') || '(none)'}: one ${label} covers every Part ${part} service.`);
    }
  }
  if (matches.length === 0) {
    unknowns.push(`${capitalize(level)} ${NETWORK_WORDS[network]} ${label} was not sent by the payer.`);
    return {};
  }
  const first = matches[0]!;
  const pick = (periods: (p: TimePeriod) => boolean): Benefit | undefined => matches.find((m) => periods(m.benefit.timePeriod))?.benefit;
  const total = pick((p) => TOTAL_PERIODS.has(p));
  const remaining = pick((p) => REMAINING_PERIODS.has(p));
  const met = pick((p) => p === 'year-to-date');
  const accumulator: Accumulator = {};
  if (total) accumulator.totalCents = sourced(total.amountCents!, [total]);
  if (remaining) accumulator.remainingCents = sourced(remaining.amountCents!, [remaining]);
  if (met) accumulator.metCents = sourced(met.amountCents!, [met]);
  else if (total && remaining) {
    // Met = total - remaining, only because both came from the same service type and network (facts.md 2.6).
    accumulator.metCents = sourced(Math.max(0, total.amountCents! - remaining.amountCents!), [total, remaining]);
  }
  if (!total) unknowns.push(`${capitalize(level)} ${NETWORK_WORDS[network]} ${label} total was not sent.`);
  if (!remaining && !met) unknowns.push(`${capitalize(level)} ${NETWORK_WORDS[network]} ${label} remaining was not sent; assume none of it is met.`);
  if (first.unknownNetwork) unknowns.push(`${capitalize(level)} ${label} did not say which network it applies to; used it for ${NETWORK_WORDS[network]}.`);
  return { accumulator, serviceType: first.candidate.code };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function noteDeductibleApplies(benefit: Benefit): boolean | undefined {
  const text = benefit.notes.join(' ').toLowerCase();
  if (/deductible (is )?(waived|does not apply|not applicable)/.test(text)) return false;
  if (/deductible (applies|first)/.test(text)) return true;
  return undefined;
}

/** Resolve a yes/no/unknown flag (authorization, referral) from the most specific service type that answers it. */
function resolveFlag(
  coverage: Coverage,
  levelOfCare: LevelOfCare,
  network: 'in' | 'out',
  field: 'authorizationRequired' | 'referralRequired',
): { value: Sourced<TriState>; unknownNetwork: boolean; qualifiedBy?: string } {
  const answered = findMostSpecific(coverage, levelOfCare, network, (b) => b[field] !== 'unknown');
  const first = answered[0];
  if (first) {
    // Any "yes" among equally specific lines wins: a requirement stated once still applies (the safe
    // side). When every "yes" line carries a note and another line says "no", the requirement may
    // be limited to what the note names (ABA therapy on 98): kept, and the note is quoted.
    const yes = answered.filter((m) => m.benefit[field] === 'yes');
    const used = yes.length > 0 ? yes : answered;
    const result: { value: Sourced<TriState>; unknownNetwork: boolean; qualifiedBy?: string } = { value: sourced<TriState>(yes.length > 0 ? 'yes' : 'no', used.map((m) => m.benefit)), unknownNetwork: first.unknownNetwork };
    if (yes.length > 0 && yes.length < answered.length && yes.every((m) => m.benefit.notes.length > 0)) {
      const note = yes[0]!.benefit.notes.join(' ');
      result.qualifiedBy = note.length > 120 ? `${note.slice(0, 117)}...` : note;
    }
    return result;
  }
  return { value: { value: 'unknown', benefitIds: [], sources: [] }, unknownNetwork: false };
}

/**
 * The carve-outs that touch a level's behavioral-health codes (`bh`): the readers' check-carve-out
 * actions (one on the plan line, 30, or on no service type covers every such code), and, for a
 * coverage built by hand that carries no actions, an EB*U line naming an organization.
 */
function carveOutsFor(coverage: Coverage, bh: ReadonlySet<string>): { codes: string[]; name?: string; source?: string }[] {
  const codesOf = (serviceTypes: readonly string[]): string[] =>
    serviceTypes.length === 0 || serviceTypes.includes('30') ? [...bh] : serviceTypes.filter((s) => bh.has(s));
  const found: { codes: string[]; name?: string; source?: string }[] = [];
  const add = (serviceTypes: readonly string[], name: string | undefined, source: string | undefined): void => {
    const codes = codesOf(serviceTypes);
    if (codes.length > 0) found.push({ codes, ...(name === undefined ? {} : { name }), ...(source === undefined ? {} : { source }) });
  };
  for (const action of coverage.actions) if (action.kind === 'check-carve-out') add(action.serviceTypes ?? [], action.entity?.name, action.source?.pointer);
  const actedOn = new Set(coverage.actions.map((a) => a.source?.pointer));
  for (const b of coverage.benefits) {
    if (b.kind === 'contact-entity' && b.relatedEntities.length > 0 && b.serviceTypes.some((s) => bh.has(s)) && !actedOn.has(b.source.pointer)) add(b.serviceTypes, b.relatedEntities[0]?.name, b.source.pointer);
  }
  return found;
}

/** Individual (or unstated-level) lines when there are any among the matches, else the family ones. */
/**
 * Equally specific lines that disagree (Aetna's $70 specialist, $45 primary care and $0 telehealth
 * office-visit copays, all on 98): the one the patient pays most under, so an estimate never
 * understates what is owed (a bill $400 over a Good Faith Estimate can be disputed), and an unknown
 * that lists every value with the payer's own words, so a person can pick the right one.
 */
function highestOf<M extends { benefit: Benefit; candidate: LevelOfCareServiceType }>(
  matches: M[], value: (b: Benefit) => number, show: (n: number) => string, what: string, unknowns: string[],
): M | undefined {
  const first = matches[0];
  if (first === undefined || matches.every((m) => value(m.benefit) === value(first.benefit))) return first;
  const chosen = matches.reduce((a, b) => (value(b.benefit) > value(a.benefit) ? b : a));
  const listed = matches.map((m) => {
    const said = m.benefit.notes.join('; ');
    return `${show(value(m.benefit))} (${m.benefit.id}${said === '' ? '' : `: "${said.length > 90 ? `${said.slice(0, 89)}…` : said}"`})`;
  });
  unknowns.push(`The payer sent differing ${what} for ${first.candidate.code}: ${listed.join(', ')}; used the highest, ${show(value(chosen.benefit))}, so the estimate does not understate what the patient pays. Confirm which applies.`);
  return chosen;
}

function preferIndividual<M extends { benefit: Benefit }>(matches: M[]): M[] {
  const individual = matches.filter((m) => m.benefit.coverageLevel !== 'family');
  return individual.length > 0 ? individual : matches;
}

/**
 * The benefits without the lines the payer dated for another period than `date` (Medicare sends
 * last year's and this year's deductible, each with its DTP*292), when a line for the same thing
 * (kind, services, network, level, period, insurance type) is dated for `date` or not dated.
 */
function benefitsOn(benefits: Benefit[], date: string): Benefit[] {
  const outside = (b: Benefit): boolean => {
    const dates = b.dates;
    if (dates?.begin === undefined || dates.end === undefined) return false;
    return date < dates.begin.slice(0, 10) || date > dates.end.slice(0, 10);
  };
  if (!benefits.some(outside)) return benefits;
  const slot = (b: Benefit): string =>
    `${b.kind}|${[...b.serviceTypes].sort().join('^')}|${b.procedureCodes.join('^')}|${b.network}|${b.coverageLevel}|${b.timePeriod}|${b.insuranceType ?? ''}`;
  const current = new Set(benefits.filter((b) => !outside(b)).map(slot));
  return benefits.filter((b) => !outside(b) || !current.has(slot(b)));
}

/**
 * Choose the cost-sharing terms for one level of care and network from a normalized coverage.
 * `onDate` (YYYY-MM-DD, the date of service or when the accumulators were read): lines the payer
 * dated for another period give way to lines for this date.
 */
export function resolveCostSharingTerms(coverage: Coverage, levelOfCare: LevelOfCare, network: 'in' | 'out', onDate?: string): CostSharingTerms {
  if (onDate !== undefined) {
    const benefits = benefitsOn(coverage.benefits, onDate);
    if (benefits !== coverage.benefits) coverage = { ...coverage, benefits };
  }
  const terms = resolveTerms(coverage, levelOfCare, network);
  const qmb = qualifiedMedicareBeneficiaryLine(coverage, onDate);
  if (qmb !== undefined) waiveMedicareCostSharing(terms, qmb);
  return terms;
}

/**
 * A line saying the patient is a Qualified Medicare Beneficiary (EB04 QM; CMS HETS reports QMB
 * periods), in force on `onDate` when the line is dated. Inactive lines do not count.
 */
function qualifiedMedicareBeneficiaryLine(coverage: Coverage, onDate: string | undefined): Benefit | undefined {
  // QMB is a Medicaid program for Medicare members: trusted on an other-payer line (HETS, EB*R), or
  // in an answer about Medicare or Medicaid. A QM code on a commercial plan's own lines is a sender's
  // error, not a reason to waive what the patient owes.
  const publicProgram = ['Medicare', 'Medicare-Advantage', 'Medicaid'].includes(coverage.plan.type)
    || coverage.benefits.some((b) => ['MA', 'MB', 'MC', 'HN', 'MP'].includes(b.insuranceType ?? ''));
  return coverage.benefits.find((b) => {
    if (b.insuranceType !== 'QM' || b.kind === 'inactive' || b.kind === 'non-covered') return false;
    if (b.kind !== 'other-payer' && !publicProgram) return false;
    const { begin, end } = b.dates ?? {};
    if (onDate === undefined) return true;
    return (begin === undefined || begin.slice(0, 10) <= onDate) && (end === undefined || onDate <= end.slice(0, 10));
  });
}

/**
 * QMB: federal law bars billing the patient any Medicare deductible, coinsurance or copay (Social
 * Security Act 1902(n)(3)(B), 1866(a)(1)(A); it applies to Medicare Advantage too); Medicaid may pay
 * them instead. The patient's share becomes zero, cited to the QMB line, and the reason is said.
 */
function waiveMedicareCostSharing(terms: CostSharingTerms, qmb: Benefit): void {
  const cite = sourced(0, [qmb]);
  terms.qualifiedMedicareBeneficiary = sourced<true>(true, [qmb]);
  terms.coinsurancePpm = cite;
  if (terms.copay) terms.copay = sourced({ amountCents: 0, per: terms.copay.value.per }, [qmb]);
  for (const level of ['individual', 'family'] as const) {
    const deductible = terms.deductible[level];
    if (deductible) deductible.remainingCents = cite;
    else terms.deductible[level] = { remainingCents: cite };
  }
  terms.unknowns.push('The patient is a Qualified Medicare Beneficiary (QMB): Medicare deductibles, coinsurance and copays cannot be billed to them (Medicaid may pay them), so their share of covered days is $0.');
}

function resolveTerms(coverage: Coverage, levelOfCare: LevelOfCare, network: 'in' | 'out'): CostSharingTerms {
  const unknowns: string[] = [];
  const loc = LEVELS_OF_CARE[levelOfCare].label.toLowerCase();
  const bhCodes = describeCodes(levelOfCare);
  const words = NETWORK_WORDS[network];

  const dedInd = resolveAccumulator(coverage, levelOfCare, network, 'deductible', 'individual', unknowns, 'deductible');
  const dedFam = resolveAccumulator(coverage, levelOfCare, network, 'deductible', 'family', unknowns, 'deductible');
  const oopInd = resolveAccumulator(coverage, levelOfCare, network, 'out-of-pocket', 'individual', unknowns, 'out-of-pocket maximum');
  const oopFam = resolveAccumulator(coverage, levelOfCare, network, 'out-of-pocket', 'family', unknowns, 'out-of-pocket maximum');

  const terms: CostSharingTerms = {
    network,
    deductible: {},
    outOfPocket: {},
    authorizationRequired: { value: 'unknown', benefitIds: [], sources: [] },
    referralRequired: { value: 'unknown', benefitIds: [], sources: [] },
    chosen: { serviceType: '30', reason: '', fellBackToPlanLevel: false },
    unknowns,
  };
  if (dedInd.accumulator) terms.deductible.individual = dedInd.accumulator;
  if (dedFam.accumulator) terms.deductible.family = dedFam.accumulator;
  if (oopInd.accumulator) terms.outOfPocket.individual = oopInd.accumulator;
  if (oopFam.accumulator) terms.outOfPocket.family = oopFam.accumulator;

  // Coinsurance: the patient's share (EB08 / FHIR copay-percent). A share is per person: on a copay
  // or coinsurance line, FAM says the member is on a family plan, not that the family shares it, so
  // family lines count too; individual ones win among equally specific lines.
  // A share outside 0-100% (a coverage typed in by hand or from a reader we do not own) is never used.
  const validShare = (ppm: number | undefined): ppm is number => ppm !== undefined && ppm >= 0 && ppm <= 1_000_000;
  const coins = preferIndividual(findMostSpecific(coverage, levelOfCare, network, (b) => b.kind === 'coinsurance' && validShare(b.percentPpm)));
  const outOfRange = findMostSpecific(coverage, levelOfCare, network, (b) => b.kind === 'coinsurance' && b.percentPpm !== undefined && !validShare(b.percentPpm));
  if (outOfRange.length > 0) unknowns.push(`The payer sent a coinsurance outside 0-100% (${outOfRange.map((m) => m.benefit.id).join(', ')}); it was not used.`);
  const coinsNotes: string[] = [];
  const copayNotes: string[] = [];
  let coinsFirst = highestOf(coins, (b) => b.percentPpm!, formatPpm, 'coinsurance values', coinsNotes);
  let copayFirst = highestOf(
    preferIndividual(findMostSpecific(coverage, levelOfCare, network, (b) => b.kind === 'copay' && b.amountCents !== undefined)),
    (b) => b.amountCents!, formatCents, 'copays', copayNotes,
  );
  // A copay and a coinsurance from different service types are not one answer when one of them is
  // the program's own: CH's 20% for the facility beside CF's $35 office-visit copay means an IOP day
  // pays 20%, not 20% plus $35 (and a copay would also waive the deductible in most plans). Only the
  // program's own code (or its per-diem procedure code), stated for this network, outranks the
  // other; two fallbacks (CF's copay and MH's 20% for IOP) are both kept, the costlier reading.
  const ownsTheProgram = (m: Match): boolean => specificity(levelOfCare, m) <= 0 && !m.unknownNetwork;
  if (coinsFirst && copayFirst && specificity(levelOfCare, coinsFirst) !== specificity(levelOfCare, copayFirst)) {
    const [kept, dropped, droppedWhat, keptWhat] = specificity(levelOfCare, coinsFirst) < specificity(levelOfCare, copayFirst)
      ? [coinsFirst, copayFirst, `copay (${formatCents(copayFirst.benefit.amountCents!)})`, 'coinsurance'] as const
      : [copayFirst, coinsFirst, `coinsurance (${formatPpm(coinsFirst.benefit.percentPpm!)})`, 'copay'] as const;
    if (ownsTheProgram(kept)) {
      unknowns.push(`The ${droppedWhat} sent for ${dropped.candidate.code} (${dropped.benefit.id}) was not added: ${kept.candidate.code} is the program's own code for ${loc} and states its ${keptWhat} without it.`);
      if (dropped === copayFirst) copayFirst = undefined;
      else coinsFirst = undefined;
    }
  }
  // Notes about differing values only for the terms used.
  if (coinsFirst) unknowns.push(...coinsNotes);
  if (copayFirst) unknowns.push(...copayNotes);
  if (coinsFirst) {
    terms.coinsurancePpm = sourced<Ppm>(coinsFirst.benefit.percentPpm!, [coinsFirst.benefit]);
    if (coinsFirst.unknownNetwork) unknowns.push(`Coinsurance did not say which network it applies to; used it for ${words}.`);
    if (coinsFirst.benefit.coverageLevel === 'family') unknowns.push(`Coinsurance was sent only at the family level (${coinsFirst.benefit.id}); used it as this patient's share.`);
  }

  // Copay: per visit (EB06 27) or per day (EB06 7); a per-diem program day is one visit (facts.md 2.12 item 4).
  if (copayFirst) {
    const period = copayFirst.benefit.timePeriod;
    const per: 'visit' | 'day' = period === 'day' ? 'day' : 'visit';
    terms.copay = sourced<{ amountCents: Cents; per: 'visit' | 'day' }>({ amountCents: copayFirst.benefit.amountCents!, per }, [copayFirst.benefit]);
    if (period !== 'day' && period !== 'visit') {
      unknowns.push(`The copay did not say whether it is per visit or per day; treated as per visit (one per program day for per-diem billing).`);
    }
    if (copayFirst.unknownNetwork) unknowns.push(`Copay did not say which network it applies to; used it for ${words}.`);
    if (copayFirst.benefit.coverageLevel === 'family') unknowns.push(`The copay was sent only at the family level (${copayFirst.benefit.id}); used it as this patient's copay.`);
    const applies = noteDeductibleApplies(copayFirst.benefit);
    if (applies !== undefined) terms.deductibleAppliesToCopay = sourced(applies, [copayFirst.benefit]);
  }

  // Medicaid spend-down: what the patient pays before Medicaid does. The remaining amount, when sent,
  // is what matters now; the engine does not price it (its period rarely matches the program), it says so.
  const spendDowns = findMostSpecific(coverage, levelOfCare, network, (b) => b.kind === 'spend-down' && b.amountCents !== undefined);
  const spendDown = spendDowns.find((m) => m.benefit.timePeriod === 'remaining') ?? spendDowns[0];
  if (spendDown) {
    terms.spendDown = sourced({ amountCents: spendDown.benefit.amountCents!, period: spendDown.benefit.timePeriod }, [spendDown.benefit]);
  }

  // Visit / day limits. Only quantities that count care: an age limit ("EB*F**30****19**YY", the
  // oldest a dependent may be) or months of coverage is not a limit on a program's days.
  const limits = findMostSpecific(coverage, levelOfCare, network, (b) => b.kind === 'limitation' && b.quantity !== undefined && CARE_LIMIT_UNITS.has(b.quantity.unit));
  const limitFirst = limits[0];
  if (limitFirst) {
    const total = limits.find((m) => !REMAINING_PERIODS.has(m.benefit.timePeriod))?.benefit;
    const remaining = limits.find((m) => REMAINING_PERIODS.has(m.benefit.timePeriod))?.benefit;
    const unit: QuantityUnit = (total ?? remaining ?? limitFirst.benefit).quantity!.unit;
    const used = [total, remaining].filter((b): b is Benefit => b !== undefined);
    const value: { total?: number; remaining?: number; unit: QuantityUnit; period: TimePeriod } = { unit, period: (total ?? limitFirst.benefit).timePeriod };
    if (total) value.total = total.quantity!.value;
    if (remaining) value.remaining = remaining.quantity!.value;
    terms.limit = sourced(value, used);
  }

  // Not covered: only when the most specific service type with any answer says so.
  const answered = findMostSpecific(coverage, levelOfCare, network, (b) =>
    ['non-covered', 'active-coverage', 'copay', 'coinsurance', 'deductible', 'limitation', 'out-of-pocket'].includes(b.kind));
  // A non-covered line with a note, beside cost-sharing lines for the same service type, excludes
  // what its note names (Aetna: EB*I on 98 + "Teladoc ... EXCLUSION" next to 98's copay), not the
  // whole service type: said, not applied. A bare non-covered line still decides.
  const costShared = answered.some((m) => m.benefit.kind !== 'non-covered' && m.benefit.kind !== 'active-coverage');
  const qualified = (m: Match): boolean => costShared && m.benefit.notes.length > 0;
  for (const m of answered.filter((x) => x.benefit.kind === 'non-covered' && qualified(x))) {
    const note = m.benefit.notes.join(' ');
    unknowns.push(`The payer excludes something under ${m.candidate.code} ("${note.length > 120 ? `${note.slice(0, 117)}...` : note}") but also sends cost sharing for it; read as a partial exclusion, not as ${loc} not covered. Confirm with the payer if unsure.`);
  }
  const nonCovered = answered.filter((m) => m.benefit.kind === 'non-covered' && !qualified(m));
  if (nonCovered.length > 0) {
    terms.notCovered = sourced<true>(true, nonCovered.map((m) => m.benefit));
    unknowns.push(`The payer reports ${loc} (${nonCovered[0]!.candidate.code}) as not covered ${words}.`);
  }

  const auth = resolveFlag(coverage, levelOfCare, network, 'authorizationRequired');
  terms.authorizationRequired = auth.value;
  if (auth.value.value === 'unknown') unknowns.push(`The payer did not say whether ${loc} needs prior authorization.`);
  else if (auth.unknownNetwork) unknowns.push(`The authorization answer did not name a network; used it for ${words}.`);
  if (auth.qualifiedBy !== undefined) {
    unknowns.push(`Authorization is required on a line with a payer note ("${auth.qualifiedBy}") while other lines for ${loc} say it is not; it may apply only to what the note names. Treated as required; confirm with the payer.`);
  }

  const referral = resolveFlag(coverage, levelOfCare, network, 'referralRequired');
  terms.referralRequired = referral.value;
  if (referral.value.value === 'unknown') {
    const planType = coverage.plan.type;
    unknowns.push(
      planType === 'HMO' || planType === 'POS'
        ? `The payer did not say whether ${loc} needs a referral; this is an ${planType} plan, where referrals are common, so the rules decide.`
        : `The payer did not say whether ${loc} needs a referral.`,
    );
  }

  // Carve-out: another organization administers these benefits (facts.md 2.10), as the readers
  // found it (EB*U or a 2120 entity naming someone else, a note): the terms here may not apply.
  const bh = new Set(LEVEL_OF_CARE_SERVICE_TYPES[levelOfCare].filter((c) => c.tier === 'behavioral-health').map((c) => c.code));
  const carveOuts = carveOutsFor(coverage, bh);
  const carvedCodes = new Set(carveOuts.flatMap((c) => c.codes));
  for (const carveOut of carveOuts) {
    unknowns.push(`Behavioral health (${carveOut.codes.join(', ')}) is carved out${carveOut.name === undefined ? ' to another organization' : ` to ${carveOut.name}`}: ask them for eligibility and cost sharing; terms from this payer's lines may not apply.`);
  }
  // A carved-out level priced from a fallback line (the plan level, or MH for a program whose more
  // specific SUD code is carved out) would be the medical plan's terms: left unknown instead. A line
  // more specific than every carved-out code (CH for IOP when MH is carved out) is the payer's own
  // answer for this level and stays.
  if (carvedCodes.size > 0) {
    const fallback = (code: string): boolean =>
      code === '30' || (!carvedCodes.has(code) && [...carvedCodes].some((carved) => order(levelOfCare, carved) >= 0 && order(levelOfCare, carved) < order(levelOfCare, code)));
    for (const [what, match, clear] of [
      ['Coinsurance', coinsFirst, () => delete terms.coinsurancePpm],
      ['Copay', copayFirst, () => delete terms.copay],
    ] as const) {
      if (match === undefined || !fallback(match.candidate.code)) continue;
      clear();
      unknowns.push(`${what} from ${match.candidate.code} was not used: ${loc} is carved out, and ${match.candidate.code} is a fallback the carve-out's more specific codes override.`);
    }
  }
  // EB*U on a behavioral-health code that is no carve-out: the payer asks to be contacted itself.
  const carveOutSources = new Set(carveOuts.map((c) => c.source));
  for (const contact of coverage.benefits.filter((b) => b.kind === 'contact-entity' && b.serviceTypes.some((s) => bh.has(s)) && !carveOutSources.has(b.source.pointer))) {
    unknowns.push(`The payer sent no benefit details for ${contact.serviceTypes.join(', ')} and says to contact it for them (${contact.id}); these terms may not be the ones that apply.`);
  }

  // chosen: the service type the cost sharing (coinsurance or copay) came from.
  const costShare = [coinsFirst, copayFirst].filter((m): m is Match => m !== undefined);
  const mostSpecific = costShare.sort((a, b) => order(levelOfCare, a.candidate.code) - order(levelOfCare, b.candidate.code))[0];
  const accumulatorsNote = [dedInd, oopInd].some((a) => a.serviceType === '30')
    ? ' Deductible and out-of-pocket came from 30 (plan level), where payers normally report them.'
    : '';
  if (mostSpecific) {
    const c = mostSpecific.candidate;
    if (c.tier === 'plan-level') {
      terms.chosen = {
        serviceType: c.code,
        reason: `Payer sent no cost sharing for ${loc} (${bhCodes}); used plan-level (30) values.${accumulatorsNote}`,
        fellBackToPlanLevel: true,
      };
      unknowns.push(`Cost sharing for ${loc} is the plan-level (30) value: the payer sent none for ${bhCodes}.`);
    } else {
      terms.chosen = { serviceType: c.code, reason: `Most specific service type with cost sharing: ${c.code} (${c.reason}).${accumulatorsNote}`, fellBackToPlanLevel: false };
      if (c.tier === 'medical-parity') {
        // Federal parity (MHPAEA) binds group and individual plans, not Medicare or Medicare
        // Advantage, whose mental-health copays often differ from the office visit's.
        const medicare = coverage.plan.type === 'Medicare' || coverage.plan.type === 'Medicare-Advantage';
        unknowns.push(medicare
          ? `Cost sharing for ${loc} is the medical office-visit (${c.code}) value; Medicare plans are not bound by the parity law, so the mental-health copay may differ: confirm it with the plan.`
          : `Cost sharing for ${loc} is the medical office-visit (${c.code}) value, assumed equal under parity.`);
      }
    }
  } else {
    unknowns.push(`The payer sent no coinsurance or copay for ${loc} ${words}, not even at plan level (30).`);
    const any = answered[0];
    terms.chosen = any
      ? { serviceType: any.candidate.code, reason: `No cost sharing sent; ${any.candidate.code} is the most specific service type with any answer.${accumulatorsNote}`, fellBackToPlanLevel: any.candidate.tier === 'plan-level' }
      : { serviceType: '30', reason: `The payer sent nothing for ${loc} ${words}.`, fellBackToPlanLevel: false };
  }
  return terms;
}

/** How specific a match is for the level of care (lower is more): a line on its per-diem procedure code first, then the code order. */
function specificity(levelOfCare: LevelOfCare, match: Match): number {
  return match.benefit.procedureCodes.length > 0 ? -1 : order(levelOfCare, match.candidate.code);
}

function order(levelOfCare: LevelOfCare, code: string): number {
  return LEVEL_OF_CARE_SERVICE_TYPES[levelOfCare].findIndex((c) => c.code === code);
}

/** Benefit kinds that state what the patient pays or whether a service is covered. */
/** Units a limit on care is counted in. */
const CARE_LIMIT_UNITS: ReadonlySet<QuantityUnit> = new Set<QuantityUnit>(['visit', 'day', 'hour', 'unit', 'service']);

const NETWORK_SENSITIVE_KINDS: ReadonlySet<string> = new Set(['coinsurance', 'copay', 'deductible', 'out-of-pocket', 'limitation', 'non-covered', 'exclusion']);

/**
 * True when a closed-network plan (HMO, EPO) answered only for its network: every cost-sharing
 * line is marked in network and none is out of network, both, or unmarked. Those plans pay
 * nothing out of network outside emergencies, so silence about out-of-network care means
 * "no out-of-network benefits", not "out-of-network terms unknown". A PPO or POS answering the
 * same way stays unknown: those plans do have out-of-network benefits the payer did not send.
 */
export function answeredOnlyInNetworkForClosedNetworkPlan(coverage: Coverage): boolean {
  if (coverage.plan.type !== 'HMO' && coverage.plan.type !== 'EPO') return false;
  let inNetworkLines = 0;
  for (const benefit of coverage.benefits) {
    if (!NETWORK_SENSITIVE_KINDS.has(benefit.kind)) continue;
    if (benefit.network !== 'in') return false;
    inNetworkLines += 1;
  }
  return inNetworkLines > 0;
}
