/**
 * Turns the payer's cost-sharing terms (where anything may be unknown) into fully numeric terms
 * for one scenario (low, expected, high), writing down every assumption it makes.
 *
 * Assumptions for unknowns (each listed in the estimate with the scenarios it applies to):
 * - Deductible remaining unknown, total known: low = already met, expected/high = none met yet.
 * - Deductible wholly unknown: low = none applies, expected/high = the patient pays the full
 *   allowed amount until the OOP maximum (expected leans conservative: no one is surprised upward).
 * - Coinsurance and copay both unknown: low/expected = a typical 20% in network, 40% out of network
 *   (background, not from the payer), high = 100% until the OOP maximum.
 * - Coinsurance unknown with a copay: the copay is the whole cost share.
 * - Whether the deductible applies before the copay unknown: low = it does not, high = it does,
 *   expected = it does on HDHPs (HSA rules) and does not on other plans.
 * - OOP maximum unknown in network: the ACA self-only limit for the year (facts 3.2); out of
 *   network: no cap (some plans have none).
 * - OOP remaining unknown, total known: none of it met yet (all scenarios).
 * - A visit/day limit with only a total: none used yet. A yearly limit restarts on 1 January
 *   (calendar year) or the plan-year start (plan year); when only the remaining count was given,
 *   low assumes no limit in the new year and expected/high assume that same count.
 * - At a plan-year turnover the new year's totals apply; an unknown total is treated as above.
 */
import type { Accumulator, CostSharingTerms, PlanType, Sourced } from '../coverage/coverage-model.js';
import { PPM_ONE, type Cents, type Ppm } from '../money.js';
import { daysFromCivil, dateInWords, formatIsoDay, nextAnniversary, civilFromDays, MONTH_NAMES, type DayNumber } from './calendar-days.js';
import type { LimitReset, ResolvedTerms, TermCitations, YearTotals } from './cost-sharing.js';

/** The three scenarios of every estimate. */
export type ScenarioName = 'low' | 'expected' | 'high';

/** How much an unknown can move the estimate. */
export type Impact = 'high' | 'medium' | 'low';

/** One assumption the engine made, with the scenarios it applies to. */
export interface Assumption {
  id: string;
  text: string;
  /** The same assumption in a patient's words, where `text` speaks of scenarios or billing codes. */
  patientText?: string;
  scenarios: ScenarioName[];
  impact: Impact;
}

/** ACA in-network OOP limits, self-only and family (facts 3.2). */
export const ACA_OOP_LIMITS: Readonly<Record<number, { selfOnlyCents: Cents; familyCents: Cents }>> = {
  2025: { selfOnlyCents: 920_000, familyCents: 1_840_000 },
  2026: { selfOnlyCents: 1_060_000, familyCents: 2_120_000 },
};
const ACA_YEARS = Object.keys(ACA_OOP_LIMITS).map(Number).sort((a, b) => a - b);

/** The ACA limit for a year, using the nearest published year outside the table. */
export function acaOopLimit(year: number): { year: number; selfOnlyCents: Cents; familyCents: Cents } {
  const y = Math.min(Math.max(year, ACA_YEARS[0]!), ACA_YEARS[ACA_YEARS.length - 1]!);
  return { year: y, ...ACA_OOP_LIMITS[y]! };
}

/** Typical coinsurance when the payer gave none (background knowledge, labelled as such). */
export const TYPICAL_COINSURANCE_PPM = { in: 200_000, out: 400_000 } as const;

/** Everything a scenario's terms depend on besides the payer's terms. */
export interface ScenarioContext {
  network: 'in' | 'out';
  /** Undefined: out of network with no out-of-network terms (no OON benefits). */
  terms: CostSharingTerms | undefined;
  planType?: PlanType;
  deductibleMode?: 'embedded' | 'aggregate';
  authorization?: { units: number; unit: 'visit' | 'day' };
  /** Day the accumulators were read, and the program's first and last billed days. */
  asOfDay: DayNumber;
  firstDay: DayNumber;
  lastDay: DayNumber;
  planYear: { startMonth: number; startDay: number };
  planYearAssumed: boolean;
  /** Set when the plan year was read from the payer's dates rather than given by the caller. */
  planYearSource?: string;
}

/** Numeric terms for a scenario, and the assumptions behind them. */
export interface ScenarioTerms {
  terms: ResolvedTerms;
  assumptions: Omit<Assumption, 'scenarios'>[];
  /** False when no unknown was read differently for this scenario: every scenario of the network gets these same terms. */
  dependsOnScenario: boolean;
}

/**
 * The scenario's name, read only through choose(), so the result can say whether it depended on
 * it (when the payer gave every term, low, expected and high are the same and resolved once).
 */
class ScenarioChoice {
  dependsOnScenario = false;
  constructor(private readonly name: ScenarioName) {}

  /** The value for this scenario. */
  choose<T>(low: T, expected: T, high: T): T {
    this.dependsOnScenario = true;
    return this.name === 'low' ? low : this.name === 'high' ? high : expected;
  }
}

function dollars(cents: Cents): string {
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rest === 0 ? `$${digits}` : `$${digits}.${rest < 10 ? '0' : ''}${rest}`;
}

function percent(ppm: Ppm): string {
  return `${Number((ppm / 10_000).toFixed(4))}%`;
}

/** "from benefit eb-12 (ST 0001 / 2110C / segment 23 EB)", or a note that the value was given by hand. */
function from(...sourced: (Sourced<unknown> | undefined)[]): string {
  const ids: string[] = [];
  const pointers: string[] = [];
  for (const s of sourced) {
    if (!s) continue;
    for (const id of s.benefitIds) if (!ids.includes(id)) ids.push(id);
    for (const p of s.sources) if (!pointers.includes(p.pointer)) pointers.push(p.pointer);
  }
  if (ids.length === 0) return pointers.length ? `(${pointers.join('; ')})` : 'as given';
  return `from benefit ${ids.join(', ')}${pointers.length ? ` (${pointers.join('; ')})` : ''}`;
}

interface AccRead {
  remaining?: Cents;
  total?: Cents;
  /** Remaining was computed as total - met. */
  derived: boolean;
  sourced: (Sourced<Cents> | undefined)[];
  /** Where the total came from: a new plan year starts from it. */
  totalSourced?: Sourced<Cents>;
}

function readAcc(acc: Accumulator | undefined): AccRead {
  if (!acc) return { derived: false, sourced: [] };
  const total = acc.totalCents?.value;
  const withTotal = acc.totalCents !== undefined ? { total: acc.totalCents.value, totalSourced: acc.totalCents } : {};
  if (acc.remainingCents !== undefined) {
    return { remaining: acc.remainingCents.value, ...withTotal, derived: false, sourced: [acc.remainingCents] };
  }
  if (total !== undefined && acc.metCents !== undefined) {
    return { remaining: Math.max(0, total - acc.metCents.value), ...withTotal, derived: true, sourced: [acc.totalCents, acc.metCents] };
  }
  return { ...withTotal, derived: false, sourced: [acc.totalCents] };
}

const known = (a: AccRead): boolean => a.remaining !== undefined || a.total !== undefined;

/** Plan-year starts after the as-of date up to the last day, ascending. */
export function planYearStarts(ctx: Pick<ScenarioContext, 'asOfDay' | 'lastDay' | 'planYear'>): DayNumber[] {
  const starts: DayNumber[] = [];
  let next = nextAnniversary(ctx.asOfDay + 1, ctx.planYear.startMonth, ctx.planYear.startDay);
  while (next <= ctx.lastDay) {
    starts.push(next);
    const { year } = civilFromDays(next);
    next = nextAnniversary(daysFromCivil(year + 1, 1, 1), ctx.planYear.startMonth, ctx.planYear.startDay);
  }
  return starts;
}

/**
 * Resolves the terms for one scenario. The scenario is read only through `scenario.choose`, never
 * `name` directly, so `dependsOnScenario` tells the truth.
 */
export function resolveScenarioTerms(name: ScenarioName, ctx: ScenarioContext): ScenarioTerms {
  const scenario = new ScenarioChoice(name);
  const assumptions: Omit<Assumption, 'scenarios'>[] = [];
  // `forPatient`: the same assumption in a patient's words, where `text` speaks of scenarios or codes.
  const assume = (id: string, impact: Impact, text: string, forPatient?: string): void => {
    assumptions.push(forPatient === undefined ? { id, impact, text } : { id, impact, text, patientText: forPatient });
  };
  const t = ctx.terms;
  const net = ctx.network;
  const starts = planYearStarts(ctx);
  const crossesYear = starts.some((d) => d >= ctx.firstDay) || starts.length > 0;
  if (ctx.planYearAssumed && crossesYear) {
    assume('plan-year-calendar', 'medium', 'The plan year was not given; we assume it starts on 1 January, when deductible and out-of-pocket totals reset.');
  } else if (ctx.planYearSource !== undefined && crossesYear) {
    assume('plan-year-from-payer', 'low', `The plan year starts on ${ctx.planYear.startDay} ${MONTH_NAMES[ctx.planYear.startMonth - 1] ?? ''}, from ${ctx.planYearSource}: deductible and out-of-pocket totals reset then.`);
  }

  if (t === undefined) {
    assume('no-out-of-network-benefits', 'high', 'No out-of-network benefits were found for this plan (common for HMO and EPO plans); out of network you would pay the clinic\'s self-pay rate.');
    const cites: TermCitations = {
      deductible: 'deductible: none (not covered)',
      oop: 'out-of-pocket maximum: none (not covered)',
      coinsurance: 'coinsurance: none (not covered)',
      notCovered: 'not covered: no out-of-network benefits found; the clinic\'s self-pay rate applies',
    };
    return {
      terms: {
        network: net, coverage: 'no-out-of-network-benefits', deductibleIndividualCents: 0, deductibleFamilyCents: 0,
        deductibleAggregate: false, oopIndividualCents: Infinity, oopFamilyCents: Infinity, coinsurancePpm: PPM_ONE,
        deductibleAppliesToCopay: true, newYears: [], limitResets: [], cites,
      },
      assumptions,
      dependsOnScenario: false,
    };
  }

  if (t.chosen.fellBackToPlanLevel) {
    assume('plan-level-fallback', 'medium', `The payer gave no benefits specific to this level of care; plan-level terms (service type ${t.chosen.serviceType}) are used, which parity makes reasonable but not certain.`, 'Your plan did not list costs for this exact program, so we used its general costs; the program\'s real costs may differ.');
  }

  // Copay and coinsurance.
  const copay = t.copay?.value;
  let coinsurancePpm: Ppm;
  let coinsCite: string;
  if (t.coinsurancePpm !== undefined) {
    coinsurancePpm = t.coinsurancePpm.value;
    coinsCite = t.qualifiedMedicareBeneficiary !== undefined
      ? `coinsurance, deductible and copay: waived, Qualified Medicare Beneficiary ${from(t.qualifiedMedicareBeneficiary)}`
      : `coinsurance: ${percent(coinsurancePpm)} ${from(t.coinsurancePpm)}`;
  } else if (copay !== undefined) {
    coinsurancePpm = 0;
    coinsCite = 'coinsurance: none (assumed: the copay is the whole cost share)';
    assume('coinsurance-none-with-copay', 'low', 'The payer gave a copay and no coinsurance; we assume the copay is the whole cost share.');
  } else {
    coinsurancePpm = scenario.choose(TYPICAL_COINSURANCE_PPM[net], TYPICAL_COINSURANCE_PPM[net], PPM_ONE);
    coinsCite = `coinsurance: ${percent(coinsurancePpm)} (assumed: the payer gave no coinsurance or copay)`;
    assume('cost-share-unknown', 'high', `The payer gave no coinsurance or copay; low and expected assume a typical ${percent(TYPICAL_COINSURANCE_PPM[net])} coinsurance ${net === 'in' ? 'in' : 'out of'} network (typical, not from the payer); high assumes you pay the full allowed amount until the out-of-pocket maximum.`, `Your plan did not say what share of the cost you pay for this program. The lower figure assumes a typical ${percent(TYPICAL_COINSURANCE_PPM[net])}; the higher one assumes you pay the full cost until you reach your out-of-pocket maximum.`);
  }

  let deductibleAppliesToCopay = true;
  let copayCite: string | undefined;
  let copayWaivesCite: string | undefined;
  if (copay !== undefined && t.copay !== undefined) {
    copayCite = `copay: ${dollars(copay.amountCents)} per ${copay.per} ${from(t.copay)}`;
    if (t.deductibleAppliesToCopay !== undefined) {
      deductibleAppliesToCopay = t.deductibleAppliesToCopay.value;
      copayWaivesCite = `copay: ${dollars(copay.amountCents)} per ${copay.per}, deductible does not apply ${from(t.copay, t.deductibleAppliesToCopay)}`;
    } else {
      deductibleAppliesToCopay = scenario.choose(false, ctx.planType === 'HDHP', true);
      copayWaivesCite = `copay: ${dollars(copay.amountCents)} per ${copay.per} ${from(t.copay)}; deductible assumed not to apply`;
      assume('copay-deductible-order', 'medium', `The payer did not say whether the deductible applies before the copay; low assumes it does not, high assumes it does, expected assumes it ${ctx.planType === 'HDHP' ? 'does (HDHP)' : 'does not'}.`, 'Your plan did not say whether you must meet your deductible before your copays start; the higher figure assumes you must.');
    }
  }

  // Deductible.
  const ind = readAcc(t.deductible.individual);
  const fam = readAcc(t.deductible.family);
  const dedMatters = copay === undefined || deductibleAppliesToCopay;
  const aggregate = ctx.deductibleMode === 'aggregate' || (!known(ind) && known(fam));
  let dedInd = Infinity;
  let dedFam = Infinity;
  const dedParts: string[] = [];
  const pick = (a: AccRead, label: string): number => {
    if (a.remaining !== undefined) {
      dedParts.push(`${dollars(a.remaining)} ${label} remaining ${from(...a.sourced)}`);
      return a.remaining;
    }
    if (a.total === 0) {
      // A $0 deductible has nothing left to meet: no assumption about how much is paid.
      dedParts.push(`$0 ${label} (no deductible ${from(a.totalSourced)})`);
      return 0;
    }
    const v = scenario.choose(0, a.total!, a.total!);
    dedParts.push(`${dollars(v)} ${label} remaining (assumed from the ${dollars(a.total!)} total ${from(...a.sourced)})`);
    if (dedMatters) assume(`deductible-${label}-remaining-unknown`, 'medium', `The payer gave the ${label} deductible (${dollars(a.total!)}) but not how much is left; low assumes it is already met, expected and high assume none of it is met yet.`, `Your plan gave your ${label} deductible (${dollars(a.total!)}) but not how much of it you have already paid. We assume none yet; if you have paid some, you will pay less.`);
    return v;
  };
  if (known(ind)) dedInd = pick(ind, 'individual');
  if (known(fam)) dedFam = pick(fam, 'family');
  if (!known(ind) && !known(fam)) {
    dedInd = scenario.choose(0, Infinity, Infinity);
    const unmet = 'assumed unmet (the payer gave no deductible): you pay the allowed amount until the out-of-pocket maximum';
    dedParts.push(scenario.choose('assumed $0 remaining (the payer gave no deductible)', unmet, unmet));
    if (dedMatters) assume('deductible-unknown', 'high', 'The payer gave no deductible; low assumes none applies, expected and high assume you pay the full allowed amount until the out-of-pocket maximum.', 'Your plan did not tell us your deductible. The higher figure assumes you pay the full cost until you reach your out-of-pocket maximum.');
  }
  if (aggregate && known(fam)) {
    dedInd = Infinity;
    assume('deductible-aggregate', 'low', 'The family deductible is treated as aggregate: no one gets post-deductible benefits until the family amount is met (facts 3.2).', 'Your family shares one deductible: the plan starts sharing the cost once the family together has met it.');
  }
  const dedCite = `deductible: ${dedParts.join('; ')}`;

  // Out-of-pocket maximum.
  const oInd = readAcc(t.outOfPocket.individual);
  const oFam = readAcc(t.outOfPocket.family);
  let oopInd = Infinity;
  let oopFam = Infinity;
  const oopParts: string[] = [];
  const pickOop = (a: AccRead, label: string): number => {
    if (a.remaining !== undefined) {
      oopParts.push(`${dollars(a.remaining)} ${label} remaining ${from(...a.sourced)}`);
      return a.remaining;
    }
    oopParts.push(`${dollars(a.total!)} ${label} remaining (assumed from the total ${from(...a.sourced)})`);
    assume(`oop-${label}-remaining-unknown`, 'medium', `The payer gave the ${label} out-of-pocket maximum (${dollars(a.total!)}) but not how much is left; we assume none of it is met yet.`);
    return a.total!;
  };
  if (known(oInd)) oopInd = pickOop(oInd, 'individual');
  if (known(oFam)) oopFam = pickOop(oFam, 'family');
  const startYear = civilFromDays(ctx.firstDay).year;
  if (!known(oInd) && !known(oFam)) {
    if (net === 'in') {
      const aca = acaOopLimit(startYear);
      oopInd = aca.selfOnlyCents;
      oopParts.push(`${dollars(aca.selfOnlyCents)} (assumed: ACA ${aca.year} self-only limit)`);
      assume('oop-unknown-aca', 'medium', `The payer gave no out-of-pocket maximum; in-network costs are capped at the ACA ${aca.year} self-only limit (${dollars(aca.selfOnlyCents)}), which non-grandfathered plans may not exceed.`);
    } else {
      oopParts.push('none (assumed: no out-of-network maximum was given)');
      assume('oop-unknown-out-of-network', 'medium', 'The payer gave no out-of-network out-of-pocket maximum; some plans have none, so out-of-network costs are not capped.');
    }
  }
  const oopCite = `out-of-pocket maximum: ${oopParts.join('; ')}`;

  // New plan years: the year's full totals.
  const newYears: YearTotals[] = starts.map((startDay) => {
    const year = civilFromDays(startDay).year;
    const aca = acaOopLimit(year);
    const dTot = (a: AccRead): number => (a.total !== undefined ? a.total : scenario.choose(0, Infinity, Infinity));
    const y: YearTotals = {
      startDay,
      startDate: formatIsoDay(startDay),
      deductibleIndividualCents: aggregate && known(fam) ? Infinity : known(ind) || !known(fam) ? dTot(ind) : Infinity,
      deductibleFamilyCents: known(fam) ? dTot(fam) : Infinity,
      oopIndividualCents: oInd.total ?? (known(oFam) ? Infinity : net === 'in' ? aca.selfOnlyCents : Infinity),
      oopFamilyCents: oFam.total ?? Infinity,
      cite: `New plan year from ${dateInWords(formatIsoDay(startDay))}: deductible and out-of-pocket totals start over`,
      deductibleCite: '',
      oopCite: '',
    };
    // What the new year's lines cite: its own totals, not the remaining amounts of the year before.
    const since = `plan year from ${dateInWords(y.startDate)}`;
    const totalPart = (a: AccRead, label: string, value: number): string =>
      a.total !== undefined
        ? `${dollars(a.total)} ${label} (the full total ${from(a.totalSourced)})`
        : value === Infinity ? `${label} assumed unmet (the payer gave no total)` : `${label} assumed $0 (the payer gave no total)`;
    const dedYear: string[] = [];
    if (known(ind) || !known(fam)) dedYear.push(y.deductibleIndividualCents === Infinity && aggregate && known(fam) ? 'individual: none (aggregate family deductible)' : totalPart(ind, 'individual', y.deductibleIndividualCents));
    if (known(fam)) dedYear.push(totalPart(fam, 'family', y.deductibleFamilyCents));
    y.deductibleCite = `deductible (${since}): ${dedYear.join('; ')}`;
    const oopYear: string[] = [];
    if (oInd.total !== undefined) oopYear.push(`${dollars(oInd.total)} individual (the full total ${from(oInd.totalSourced)})`);
    else if (!known(oFam)) oopYear.push(net === 'in' ? `${dollars(aca.selfOnlyCents)} (assumed: ACA ${aca.year} self-only limit)` : 'none (assumed: no out-of-network maximum was given)');
    if (oFam.total !== undefined) oopYear.push(`${dollars(oFam.total)} family (the full total ${from(oFam.totalSourced)})`);
    y.oopCite = `out-of-pocket maximum (${since}): ${oopYear.length > 0 ? oopYear.join('; ') : 'no total given'}`;
    if ((known(ind) && ind.total === undefined) || (known(fam) && fam.total === undefined)) {
      if (dedMatters) assume('new-year-deductible-unknown', 'medium', 'The program runs into a new plan year and the payer gave no deductible total; low assumes none, expected and high assume you pay in full until the out-of-pocket maximum.', 'The program runs into a new plan year, and your plan did not give the new year\'s deductible; the higher figure assumes you pay the full cost until you reach your out-of-pocket maximum.');
    }
    if ((known(oInd) && oInd.total === undefined) || (known(oFam) && oFam.total === undefined)) {
      assume('new-year-oop-unknown', 'medium', 'The program runs into a new plan year and the payer gave no out-of-pocket total; the new year is capped only by what is known.');
    }
    return y;
  });

  // Visit or day limit.
  const limitResets: LimitReset[] = [];
  let limit: ResolvedTerms['limit'];
  let limitCite: string | undefined;
  if (t.limit !== undefined) {
    const l = t.limit.value;
    const value = l.remaining ?? l.total;
    if (value === undefined) {
      // A limit with no number cannot be applied.
    } else if (l.unit === 'visit' || l.unit === 'day') {
      limit = { remaining: value, unit: l.unit };
      limitCite = `limit: ${value} ${l.unit}s ${l.remaining !== undefined ? 'remaining' : 'a year (assumed none used yet)'} ${from(t.limit)}; later ${l.unit}s are not covered and cost the self-pay rate`;
      if (l.remaining === undefined) assume('limit-remaining-unknown', 'medium', `The payer gave a ${value}-${l.unit} limit but not how many are used; we assume none are used yet.`);
      // A yearly limit restarts on its own period's first day: 1 January for a calendar-year limit,
      // whatever the plan year; the plan-year start for plan- and service-year limits.
      const resetDays = l.period === 'calendar-year'
        ? planYearStarts({ asOfDay: ctx.asOfDay, lastDay: ctx.lastDay, planYear: { startMonth: 1, startDay: 1 } })
        : l.period === 'plan-year' || l.period === 'service-year' ? starts : [];
      if (resetDays.length > 0) {
        // Only a remaining count was given: the new year's allowance is unknown. It is at least the
        // count still left now (a year's total is never below what remains of it).
        const newYearRemaining = l.total ?? scenario.choose(Infinity, value, value);
        if (l.total === undefined) {
          assume('new-year-limit-unknown', 'medium', `The ${l.unit} limit starts over during the program, but the payer gave only how many ${l.unit}s remain (${value}), not the yearly total; low assumes no limit in the new year, expected and high assume the new year allows only ${value} ${l.unit}s.`, `Your plan limits how many ${l.unit}s it covers, and the limit starts over during the program; your plan did not say the new year's limit, so the higher figure assumes it allows only ${value} ${l.unit}s.`);
        }
        const periodName = l.period === 'calendar-year' ? 'calendar year' : 'plan year';
        for (const startDay of resetDays) {
          limitResets.push({
            startDay, startDate: formatIsoDay(startDay), remaining: newYearRemaining,
            cite: `New ${periodName} from ${dateInWords(formatIsoDay(startDay))}: the ${l.unit} limit starts over (${newYearRemaining === Infinity ? 'no limit assumed' : `${newYearRemaining} ${l.unit}s${l.total === undefined ? ', assumed' : ''}`})`,
          });
        }
      }
    } else {
      assume('limit-unit-ignored', 'low', `The payer gave a limit counted in ${l.unit}s, which this estimate does not apply.`);
    }
  }

  const cites: TermCitations = { deductible: dedCite, oop: oopCite, coinsurance: coinsCite };
  if (copayCite !== undefined) cites.copay = copayCite;
  if (copayWaivesCite !== undefined) cites.copayWaivesDeductible = copayWaivesCite;
  if (limitCite !== undefined) cites.limit = limitCite;
  if (ctx.authorization) cites.authorization = `authorization: ${ctx.authorization.units} ${ctx.authorization.unit}s authorized; later ${ctx.authorization.unit}s may be denied`;
  let coverage: ResolvedTerms['coverage'] = 'covered';
  if (t.notCovered !== undefined) {
    coverage = 'level-not-covered';
    cites.notCovered = `not covered: the plan excludes this level of care ${from(t.notCovered)}; the clinic's self-pay rate applies`;
  }

  const terms: ResolvedTerms = {
    network: net, coverage, deductibleIndividualCents: dedInd, deductibleFamilyCents: dedFam, deductibleAggregate: aggregate && known(fam),
    oopIndividualCents: oopInd, oopFamilyCents: oopFam, coinsurancePpm, deductibleAppliesToCopay, newYears, limitResets, cites,
  };
  if (copay !== undefined) terms.copay = copay;
  if (limit !== undefined) terms.limit = limit;
  if (ctx.authorization !== undefined) terms.authorization = ctx.authorization;
  return { terms, assumptions, dependsOnScenario: scenario.dependsOnScenario };
}
