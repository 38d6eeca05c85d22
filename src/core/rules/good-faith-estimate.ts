/**
 * The Good Faith Estimate for uninsured and self-pay individuals (No Surprises Act, PHS Act
 * 2799B-6; content per 45 CFR 149.610(c)(1)(i)-(x), timing per 149.610(b)(1)(vi)). The patient's
 * name and date of birth are PHI: they live only under `patient.phi` inside the document, and no
 * error raised here mentions them.
 */
import { DomainError, type FieldError } from '../errors.js';
import { formatCents, type Cents } from '../money.js';
import { isIsoDate, toDayNumber } from './calendar-dates.js';
import { computeGfeDeliveryDeadline, type GfeDeliveryDeadline } from './gfe-delivery-deadline.js';
import { applySlidingScale, type SlidingScaleEvaluation } from './sliding-scale.js';

/** Code systems a GFE line may use (service codes per 149.610(c)(1)(iv)). */
export const GFE_CODE_SYSTEMS = ['CPT', 'HCPCS', 'revenue', 'other'] as const;
export type GfeCodeSystem = (typeof GFE_CODE_SYSTEMS)[number];

/** A provider or facility represented in the estimate (149.610(c)(1)(v)). */
export interface GfeProvider {
  /** Key items use to point at this provider. */
  key: string;
  role: 'convening-provider' | 'convening-facility' | 'co-provider' | 'co-facility';
  name: string;
  npi: string;
  tin: string;
  location: { line1?: string; city?: string; state: string; postalCode?: string };
}

/** One expected item or service as given: on a date, or over a period. */
export interface GfeItemInput {
  providerKey: string;
  date?: string;
  period?: { from: string; to: string };
  code: string;
  codeSystem: GfeCodeSystem;
  description: string;
  quantity: number;
  unitChargeCents: Cents;
  /** ICD-10-CM codes for this line; the estimate's diagnosis codes apply when absent. */
  diagnosisCodes?: string[];
}

/** An item expected to be scheduled separately: listed, not priced (149.610(c)(1)(vii)). */
export interface GfeSeparateItem {
  description: string;
  code?: string;
  codeSystem?: GfeCodeSystem;
}

/** Everything needed to issue a GFE. */
export interface GoodFaithEstimateInput {
  /** ISO date the estimate is issued. */
  issuedOn: string;
  patient: { phi: { firstName: string; lastName: string; dateOfBirth: string } };
  primaryService: { description: string; scheduledDate?: string };
  providers: GfeProvider[];
  items: GfeItemInput[];
  diagnosisCodes?: string[];
  separatelyScheduled?: GfeSeparateItem[];
  slidingScale?: SlidingScaleEvaluation;
  /** Scheduling (or request) facts for the delivery deadline. */
  scheduling: { scheduledOn: string; serviceDate?: string; requested: boolean; holidays?: string[] };
  /** Where to ask questions about this estimate (phone, e-mail), shown with the dispute rights. */
  contact?: string;
  /**
   * First day of the program: weeks are counted in 7-day blocks from it, as the program's own
   * weeks are (and as POST /v1/estimates counts them). Defaults to the earliest dated item.
   */
  programStartDate?: string;
}

/** One priced line of the estimate; recurring days with one code are one line. */
export interface GfeItem {
  id: string;
  providerKey: string;
  /** Single date, or the first and last date of a recurring series. */
  period: { from: string; to: string };
  /** Number of dated occurrences grouped into this line (1 for a single or period line). */
  occurrences: number;
  code: string;
  codeSystem: GfeCodeSystem;
  description: string;
  quantity: number;
  unitChargeCents: Cents;
  chargeCents: Cents;
  /** After the sliding-scale discount; equals chargeCents without one. */
  estimateCents: Cents;
  discountCents: Cents;
  diagnosisCodes: string[];
}

/** A fixed disclaimer with the paragraph that requires it. */
export interface GfeDisclaimer {
  id: 'separate-scheduling' | 'estimate-only' | 'dispute-rights' | 'not-a-contract' | 'recurring-scope';
  text: string;
  source: string;
}

/** The issued estimate. */
export interface GoodFaithEstimate {
  issuedOn: string;
  patient: { phi: { firstName: string; lastName: string; dateOfBirth: string } };
  primaryService: { description: string; scheduledDate?: string };
  providers: GfeProvider[];
  items: GfeItem[];
  separatelyScheduled: { items: GfeSeparateItem[]; note: string };
  recurring?: { from: string; to: string; weeks: number; note: string };
  slidingScale?: { tierLabel: string; percentOfPovertyText: string; guidelineYear: number; note: string };
  totals: {
    perProvider: { providerKey: string; name: string; chargeCents: Cents; estimateCents: Cents; disputeThresholdCents: Cents }[];
    chargeCents: Cents;
    estimateCents: Cents;
    discountCents: Cents;
    /** Estimate divided by the program weeks (7-day blocks from the program start) with a dated service, rounded half-up. */
    perWeekCents?: Cents;
  };
  disclaimers: GfeDisclaimer[];
  dispute: { thresholdCents: Cents; filingWindowDays: number; feeCents: Cents; infoUrl: string; phone: string; text: string; source: string };
  delivery: GfeDeliveryDeadline;
  contact?: string;
  /** Which 149.610(c)(1) elements the document carries; the renderer and tests check it. */
  contentChecklist: { element: string; cfr: string; present: boolean }[];
  warnings: string[];
}

/** Billed at least this much over a provider's GFE total opens the patient-provider dispute process (45 CFR 149.620). */
export const PPDR_THRESHOLD_CENTS = 40_000;
/** The dispute must start within this many calendar days of the initial bill (45 CFR 149.620). */
export const PPDR_FILING_WINDOW_DAYS = 120;
/** The administrative fee the patient pays to start a dispute (set by HHS guidance). */
export const PPDR_FEE_CENTS = 2_500;

function validate(input: GoodFaithEstimateInput): FieldError[] {
  const errors: FieldError[] = [];
  const date = (value: string | undefined, pointer: string) => {
    if (value !== undefined && !isIsoDate(value)) errors.push({ pointer, message: 'must be a date in YYYY-MM-DD form' });
  };
  date(input.issuedOn, '/issuedOn');
  date(input.primaryService.scheduledDate, '/primaryService/scheduledDate');
  date(input.programStartDate, '/programStartDate');
  if (!input.primaryService.description.trim()) errors.push({ pointer: '/primaryService/description', message: 'must describe the primary service' });
  const keys = new Set<string>();
  input.providers.forEach((p, i) => {
    if (keys.has(p.key)) errors.push({ pointer: `/providers/${i}/key`, message: 'is used by another provider' });
    keys.add(p.key);
    if (!/^\d{10}$/.test(p.npi)) errors.push({ pointer: `/providers/${i}/npi`, message: 'must be 10 digits' });
    if (!/^\d{2}-?\d{7}$/.test(p.tin)) errors.push({ pointer: `/providers/${i}/tin`, message: 'must be a 9-digit TIN' });
  });
  if (input.providers.length === 0) errors.push({ pointer: '/providers', message: 'must name at least the convening provider or facility' });
  if (input.items.length === 0) errors.push({ pointer: '/items', message: 'must list at least one expected item or service' });
  input.items.forEach((item, i) => {
    const at = `/items/${i}`;
    if (!keys.has(item.providerKey)) errors.push({ pointer: `${at}/providerKey`, message: 'names no provider in /providers' });
    if ((item.date === undefined) === (item.period === undefined)) errors.push({ pointer: `${at}/date`, message: 'give a date or a period, not both' });
    date(item.date, `${at}/date`);
    date(item.period?.from, `${at}/period/from`);
    date(item.period?.to, `${at}/period/to`);
    if (item.period && isIsoDate(item.period.from) && isIsoDate(item.period.to) && item.period.to < item.period.from) {
      errors.push({ pointer: `${at}/period/to`, message: 'must not be before period/from' });
    }
    if (!Number.isSafeInteger(item.quantity) || item.quantity < 1) errors.push({ pointer: `${at}/quantity`, message: 'must be a whole number, at least 1' });
    if (!Number.isSafeInteger(item.unitChargeCents) || item.unitChargeCents < 0) errors.push({ pointer: `${at}/unitChargeCents`, message: 'must be whole cents, not negative' });
  });
  return errors;
}

/**
 * Groups dated lines that share provider, code, description, unit charge and diagnoses into one
 * line with the summed quantity and the first-to-last date range (a recurring per-diem series).
 */
function groupItems(input: GoodFaithEstimateInput): { lines: Omit<GfeItem, 'estimateCents' | 'discountCents'>[]; groupOf: number[] } {
  const groups = new Map<string, number>();
  const out: Omit<GfeItem, 'estimateCents' | 'discountCents'>[] = [];
  // groupOf[i]: the index in `out` of the line input item i went into.
  const groupOf: number[] = [];
  for (const item of input.items) {
    const diagnosisCodes = item.diagnosisCodes ?? input.diagnosisCodes ?? [];
    const line = {
      id: '',
      providerKey: item.providerKey,
      period: item.period ? { ...item.period } : { from: item.date as string, to: item.date as string },
      occurrences: 1,
      code: item.code,
      codeSystem: item.codeSystem,
      description: item.description,
      quantity: item.quantity,
      unitChargeCents: item.unitChargeCents,
      chargeCents: item.quantity * item.unitChargeCents,
      diagnosisCodes,
    };
    if (item.period) {
      groupOf.push(out.length);
      out.push(line);
      continue;
    }
    const key = JSON.stringify([item.providerKey, item.codeSystem, item.code, item.description, item.unitChargeCents, diagnosisCodes]);
    const index = groups.get(key);
    if (index === undefined) {
      groups.set(key, out.length);
      groupOf.push(out.length);
      out.push(line);
      continue;
    }
    groupOf.push(index);
    const group = out[index]!;
    group.quantity += line.quantity;
    group.chargeCents += line.chargeCents;
    group.occurrences += 1;
    if (line.period.from < group.period.from) group.period.from = line.period.from;
    if (line.period.to > group.period.to) group.period.to = line.period.to;
  }
  out.forEach((line, i) => (line.id = `item-${i + 1}`));
  return { lines: out, groupOf };
}

const DISCLAIMERS: GfeDisclaimer[] = [
  {
    id: 'separate-scheduling',
    text: 'Your provider may recommend other items or services as part of your care that must be scheduled or requested separately. They are not included in this estimate; ask for a separate Good Faith Estimate for them.',
    source: '45 CFR 149.610(c)(1)(viii)',
  },
  {
    id: 'estimate-only',
    text: 'This Good Faith Estimate shows the items and services reasonably expected for your care at the time it was issued. It is only an estimate: actual items, services or charges may differ.',
    source: '45 CFR 149.610(c)(1)(ix)',
  },
  {
    id: 'not-a-contract',
    text: 'This Good Faith Estimate is not a contract and does not require you to obtain the items or services from any of the providers or facilities listed.',
    source: 'HHS standard Good Faith Estimate form (CMS-10791)',
  },
];

/** Builds the Good Faith Estimate document: grouped items, sliding-scale effect, totals, disclaimers, deadline. */
export function buildGoodFaithEstimate(input: GoodFaithEstimateInput): GoodFaithEstimate {
  const errors = validate(input);
  if (errors.length > 0) throw new DomainError('estimate.invalid', 'The Good Faith Estimate inputs are not valid.', { errors });
  const delivery = computeGfeDeliveryDeadline(input.scheduling.scheduledOn, input.scheduling.serviceDate, input.scheduling.requested, input.scheduling.holidays);

  const { lines: grouped, groupOf } = groupItems(input);
  const evaluation = input.slidingScale;
  let discounted: Cents[] | undefined;
  if (evaluation && evaluation.charge.kind === 'nominal' && evaluation.charge.per === 'day') {
    // A nominal fee per day is owed once per date of service, however many items fall on that
    // date: apply it to the dated items as given, then add them up per grouped line.
    const perItem = applySlidingScale(
      input.items.map((it, i) => ({ id: String(i), patientPaysCents: it.quantity * it.unitChargeCents, selfPay: true, units: it.quantity, ...(it.date !== undefined ? { date: it.date } : {}) })),
      evaluation,
    ).lines;
    const sums = grouped.map(() => 0);
    perItem.forEach((line, i) => (sums[groupOf[i]!]! += line.afterCents));
    discounted = sums;
  } else if (evaluation) {
    discounted = applySlidingScale(grouped.map((g) => ({ id: g.id, patientPaysCents: g.chargeCents, selfPay: true, units: g.quantity })), evaluation).lines.map((l) => l.afterCents);
  }
  const items: GfeItem[] = grouped.map((g, i) => {
    const estimateCents = discounted?.[i] ?? g.chargeCents;
    return { ...g, estimateCents, discountCents: g.chargeCents - estimateCents };
  });

  const perProvider = input.providers.map((p) => {
    const mine = items.filter((it) => it.providerKey === p.key);
    const estimateCents = mine.reduce((s, it) => s + it.estimateCents, 0);
    return {
      providerKey: p.key,
      name: p.name,
      chargeCents: mine.reduce((s, it) => s + it.chargeCents, 0),
      estimateCents,
      // 149.620: "substantially in excess" means at least $400 more than this provider's estimate.
      disputeThresholdCents: estimateCents + PPDR_THRESHOLD_CENTS,
    };
  });
  const chargeCents = items.reduce((s, it) => s + it.chargeCents, 0);
  const estimateCents = items.reduce((s, it) => s + it.estimateCents, 0);
  const totals: GoodFaithEstimate['totals'] = { perProvider, chargeCents, estimateCents, discountCents: chargeCents - estimateCents };

  const warnings: string[] = [];
  const dated = input.items.filter((it) => it.date !== undefined).map((it) => it.date as string);
  const allStarts = items.map((it) => it.period.from).sort();
  const allEnds = items.map((it) => it.period.to).sort();
  const first = allStarts[0] as string;
  const last = allEnds[allEnds.length - 1] as string;
  // Program weeks, not Monday-to-Sunday calendar weeks: a 10-week program that starts on a
  // Wednesday touches 11 calendar weeks but is still 10 weeks long.
  const originDay = input.programStartDate !== undefined ? toDayNumber(input.programStartDate) : Math.min(...dated.map(toDayNumber));
  const weeks = new Set(dated.map((d) => Math.floor((toDayNumber(d) - originDay) / 7))).size;
  if (weeks > 0) totals.perWeekCents = Math.floor((2 * estimateCents + weeks) / (2 * weeks)); // half-up division

  const disclaimers = [...DISCLAIMERS];
  let recurring: GoodFaithEstimate['recurring'];
  if (items.some((it) => it.occurrences > 1 || it.period.from !== it.period.to)) {
    const spanDays = toDayNumber(last) - toDayNumber(first) + 1;
    recurring = {
      from: first,
      to: last,
      weeks,
      note: 'This estimate covers a recurring series of services over the period shown. If the series changes in scope, frequency or duration, you will receive a new estimate at least 1 business day before the changed services.',
    };
    disclaimers.push({
      id: 'recurring-scope',
      text: 'One Good Faith Estimate may cover recurring services for up to 12 months; a new estimate is issued for services after that.',
      source: 'Recurring-services scope: 12-month limit not yet verified against the CFR text [U]; change re-issue per 45 CFR 149.610(b)(1)(vii)',
    });
    if (spanDays > 366) warnings.push('The services span more than 12 months; issue a new estimate for the services after the first 12 months.');
  }

  const slidingScale = evaluation
    ? {
        tierLabel: evaluation.tier.label,
        percentOfPovertyText: evaluation.percentOfPovertyText,
        guidelineYear: evaluation.guideline.year,
        note: `A sliding-fee discount based on household income and size (${evaluation.percentOfPovertyText} of the ${evaluation.guideline.year} HHS poverty guideline) is applied to each item; the charge before the discount is shown beside it.`,
      }
    : undefined;

  const dispute = {
    thresholdCents: PPDR_THRESHOLD_CENTS,
    filingWindowDays: PPDR_FILING_WINDOW_DAYS,
    feeCents: PPDR_FEE_CENTS,
    infoUrl: 'https://www.cms.gov/nosurprises',
    phone: '1-800-985-3059',
    text: `If you are billed at least ${formatCents(PPDR_THRESHOLD_CENTS)} more than this estimate by any provider or facility listed, you have the right to dispute the bill through the federal patient-provider dispute resolution process. You must start the dispute within ${PPDR_FILING_WINDOW_DAYS} calendar days of the date on the original bill, and there is a ${formatCents(PPDR_FEE_CENTS)} fee to use the process. To learn how to start a dispute, visit www.cms.gov/nosurprises or call 1-800-985-3059. Starting a dispute will not affect the quality of the health care you receive. Keep a copy of this Good Faith Estimate.`,
    source: '45 CFR 149.610(c)(1)(x); 45 CFR 149.620',
  };

  const separate = input.separatelyScheduled ?? [];
  const gfe: GoodFaithEstimate = {
    issuedOn: input.issuedOn,
    patient: { phi: { ...input.patient.phi } },
    primaryService: { ...input.primaryService },
    providers: input.providers.map((p) => ({ ...p, location: { ...p.location } })),
    items,
    separatelyScheduled: {
      items: separate,
      note: separate.length > 0
        ? 'These items or services are expected to be scheduled separately, before or after this care. They are not priced in this estimate; ask the provider for a separate Good Faith Estimate for each.'
        : 'No items or services are expected to be scheduled separately. If any are recommended later, ask for a separate Good Faith Estimate.',
    },
    totals,
    disclaimers,
    dispute,
    delivery,
    contentChecklist: [],
    warnings,
  };
  if (recurring) gfe.recurring = recurring;
  if (slidingScale) gfe.slidingScale = slidingScale;
  if (input.contact !== undefined) gfe.contact = input.contact;
  gfe.contentChecklist = checkGfeContent(gfe);
  return gfe;
}

/** Checks a GFE against the content list of 45 CFR 149.610(c)(1)(i)-(x). */
export function checkGfeContent(gfe: GoodFaithEstimate): GoodFaithEstimate['contentChecklist'] {
  const has = (id: GfeDisclaimer['id']) => gfe.disclaimers.some((d) => d.id === id);
  return [
    { element: 'Patient name and date of birth', cfr: '149.610(c)(1)(i)', present: Boolean(gfe.patient.phi.firstName && gfe.patient.phi.lastName && gfe.patient.phi.dateOfBirth) },
    { element: 'Description of the primary item or service (and its scheduled date, if any)', cfr: '149.610(c)(1)(ii)', present: gfe.primaryService.description.length > 0 },
    { element: 'Itemized list of items or services reasonably expected, with expected charges', cfr: '149.610(c)(1)(iii)', present: gfe.items.length > 0 },
    { element: 'Diagnosis codes, service codes and expected charges for each item', cfr: '149.610(c)(1)(iv)', present: gfe.items.every((it) => it.code.length > 0 && it.diagnosisCodes.length > 0) },
    { element: 'Name, NPI and TIN of each provider or facility, and the state and location of the services', cfr: '149.610(c)(1)(v)', present: gfe.providers.every((p) => p.name && p.npi && p.tin && p.location.state) },
    { element: 'Items or services expected to be scheduled separately, with how to get an estimate for them', cfr: '149.610(c)(1)(vii)', present: gfe.separatelyScheduled.note.length > 0 },
    { element: 'Disclaimer: additional items or services may be recommended and scheduled separately', cfr: '149.610(c)(1)(viii)', present: has('separate-scheduling') },
    { element: 'Disclaimer: only an estimate; actual items, services or charges may differ', cfr: '149.610(c)(1)(ix)', present: has('estimate-only') },
    { element: 'Disclaimer: right to dispute, where to learn how, no effect on quality of care', cfr: '149.610(c)(1)(x)', present: /dispute/.test(gfe.dispute.text) && /cms\.gov\/nosurprises/.test(gfe.dispute.text) && /quality/.test(gfe.dispute.text) },
    { element: 'Disclaimer: not a contract; not required to obtain the services', cfr: 'HHS standard GFE form (CMS-10791)', present: has('not-a-contract') },
  ];
}
