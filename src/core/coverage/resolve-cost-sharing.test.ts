import t from 'tap';
import type { Benefit, Coverage } from './coverage-model.js';
import { resolveCostSharingTerms } from './resolve-cost-sharing.js';
import { LEVEL_OF_CARE_SERVICE_TYPES, serviceTypesForLevelOfCare } from './level-of-care-service-types.js';
import { LEVEL_OF_CARE_IDS } from './level-of-care.js';

let counter = 0;
function benefit(partial: Partial<Benefit> & Pick<Benefit, 'kind' | 'serviceTypes'>): Benefit {
  counter += 1;
  return {
    id: partial.id ?? `b-${counter}`,
    procedureCodes: [],
    network: 'in',
    coverageLevel: 'individual',
    timePeriod: 'unknown',
    authorizationRequired: 'unknown',
    referralRequired: 'unknown',
    relatedEntities: [],
    notes: [],
    source: { format: 'manual', pointer: `$.benefits[${counter}]` },
    ...partial,
  };
}

function coverage(benefits: Benefit[], planType: Coverage['plan']['type'] = 'PPO'): Coverage {
  return {
    format: 'manual',
    payer: { name: 'Synthetic Test Payer' },
    plan: { type: planType, dates: {} },
    eligibility: { status: 'active', reason: 'test' },
    benefits,
    payerErrors: [],
    actions: [],
    warnings: [],
  };
}

const planDeductibles = (): Benefit[] => [
  benefit({ id: 'ded-ind-total', kind: 'deductible', serviceTypes: ['30'], timePeriod: 'calendar-year', amountCents: 150_000 }),
  benefit({ id: 'ded-ind-rem', kind: 'deductible', serviceTypes: ['30'], timePeriod: 'remaining', amountCents: 60_000 }),
  benefit({ id: 'ded-fam-total', kind: 'deductible', serviceTypes: ['30'], coverageLevel: 'family', timePeriod: 'calendar-year', amountCents: 300_000 }),
  benefit({ id: 'oop-ind-total', kind: 'out-of-pocket', serviceTypes: ['30'], timePeriod: 'calendar-year', amountCents: 600_000 }),
];

t.test('every level of care ends with the plan-level code 30 and gives a reason for each code', async (t) => {
  for (const id of LEVEL_OF_CARE_IDS) {
    const codes = serviceTypesForLevelOfCare(id);
    t.equal(codes.at(-1), '30', id);
    t.equal(new Set(codes).size, codes.length, `${id} has no duplicate codes`);
    t.ok(LEVEL_OF_CARE_SERVICE_TYPES[id].every((c) => c.reason.length > 10), `${id} reasons are written down`);
  }
  t.same(serviceTypesForLevelOfCare('iop-mental-health').slice(0, 2), ['CH', 'CF']);
});

t.test('IOP copay comes from the mental-health facility code (CH) rather than the plan level', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    ...planDeductibles(),
    benefit({ id: 'copay-30', kind: 'copay', serviceTypes: ['30'], timePeriod: 'visit', amountCents: 2_500 }),
    benefit({ id: 'copay-mh', kind: 'copay', serviceTypes: ['MH'], timePeriod: 'visit', amountCents: 4_000 }),
    benefit({ id: 'copay-ch', kind: 'copay', serviceTypes: ['CH'], timePeriod: 'day', amountCents: 5_000, authorizationRequired: 'yes' }),
  ]), 'iop-mental-health', 'in');
  t.same(terms.copay?.value, { amountCents: 5_000, per: 'day' });
  t.same(terms.copay?.benefitIds, ['copay-ch']);
  t.equal(terms.copay?.sources[0]?.pointer.startsWith('$.benefits['), true);
  t.same(terms.chosen.serviceType, 'CH');
  t.equal(terms.chosen.fellBackToPlanLevel, false);
  t.equal(terms.authorizationRequired.value, 'yes');
  t.same(terms.authorizationRequired.benefitIds, ['copay-ch']);
});

t.test('deductible total, remaining and met come from plan level 30, where payers normally put them', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    ...planDeductibles(),
    benefit({ kind: 'coinsurance', serviceTypes: ['CF'], percentPpm: 200_000 }),
  ]), 'iop-mental-health', 'in');
  t.equal(terms.deductible.individual?.totalCents?.value, 150_000);
  t.equal(terms.deductible.individual?.remainingCents?.value, 60_000);
  t.equal(terms.deductible.individual?.metCents?.value, 90_000);
  t.same(terms.deductible.individual?.metCents?.benefitIds, ['ded-ind-total', 'ded-ind-rem']);
  t.equal(terms.deductible.family?.totalCents?.value, 300_000);
  t.equal(terms.deductible.family?.remainingCents, undefined);
  t.ok(terms.unknowns.some((u) => u.includes('Family in-network deductible remaining')));
  t.equal(terms.outOfPocket.individual?.totalCents?.value, 600_000);
  t.equal(terms.coinsurancePpm?.value, 200_000);
  t.equal(terms.chosen.serviceType, 'CF');
  t.match(terms.chosen.reason, /Deductible and out-of-pocket came from 30/);
});

t.test('when the mental-health codes carry no cost sharing the plan-level values are used and the fallback is said', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    ...planDeductibles(),
    benefit({ kind: 'active-coverage', serviceTypes: ['MH', 'CH'] }),
    benefit({ id: 'coins-30', kind: 'coinsurance', serviceTypes: ['30'], percentPpm: 300_000 }),
  ]), 'iop-mental-health', 'in');
  t.equal(terms.coinsurancePpm?.value, 300_000);
  t.equal(terms.chosen.serviceType, '30');
  t.equal(terms.chosen.fellBackToPlanLevel, true);
  t.match(terms.chosen.reason, /Payer sent no cost sharing for intensive outpatient \(mental health\) \(CH, CF, A8, A4, MH\); used plan-level \(30\) values/);
});

t.test('with no cost sharing anywhere, coinsurance and copay stay unknown instead of zero', async (t) => {
  const terms = resolveCostSharingTerms(coverage([benefit({ kind: 'active-coverage', serviceTypes: ['30'] })]), 'iop-substance-use', 'in');
  t.equal(terms.coinsurancePpm, undefined);
  t.equal(terms.copay, undefined);
  t.equal(terms.deductible.individual, undefined);
  t.ok(terms.unknowns.some((u) => u.includes('no coinsurance or copay')));
  t.ok(terms.unknowns.some((u) => u.includes('Individual in-network deductible was not sent')));
  t.equal(terms.authorizationRequired.value, 'unknown');
  t.same(terms.authorizationRequired.benefitIds, []);
});

t.test('out-of-network terms ignore in-network lines and use lines that apply to both networks', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ kind: 'coinsurance', serviceTypes: ['CH'], network: 'in', percentPpm: 100_000 }),
    benefit({ id: 'coins-oon', kind: 'coinsurance', serviceTypes: ['CH'], network: 'out', percentPpm: 400_000 }),
    benefit({ id: 'ded-both', kind: 'deductible', serviceTypes: ['30'], network: 'both', timePeriod: 'calendar-year', amountCents: 250_000 }),
  ]), 'iop-mental-health', 'out');
  t.equal(terms.coinsurancePpm?.value, 400_000);
  t.same(terms.coinsurancePpm?.benefitIds, ['coins-oon']);
  t.equal(terms.deductible.individual?.totalCents?.value, 250_000);
  t.equal(terms.network, 'out');
});

t.test('a line without a network is used only when nothing network-specific exists, and that is said', async (t) => {
  const onlyUnknown = resolveCostSharingTerms(coverage([
    benefit({ id: 'coins-u', kind: 'coinsurance', serviceTypes: ['CH'], network: 'unknown', percentPpm: 200_000 }),
  ]), 'iop-mental-health', 'in');
  t.same(onlyUnknown.coinsurancePpm?.benefitIds, ['coins-u']);
  t.ok(onlyUnknown.unknowns.some((u) => u.startsWith('Coinsurance did not say which network')));

  const both = resolveCostSharingTerms(coverage([
    benefit({ kind: 'coinsurance', serviceTypes: ['CH'], network: 'unknown', percentPpm: 200_000 }),
    benefit({ id: 'coins-30-in', kind: 'coinsurance', serviceTypes: ['30'], network: 'in', percentPpm: 250_000 }),
  ]), 'iop-mental-health', 'in');
  t.same(both.coinsurancePpm?.benefitIds, ['coins-30-in']);
});

t.test('a copay without a period is treated as per visit and the assumption is listed', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ kind: 'copay', serviceTypes: ['CF'], amountCents: 3_000, notes: ['Deductible waived'] }),
  ]), 'outpatient-therapy', 'in');
  t.same(terms.copay?.value, { amountCents: 3_000, per: 'visit' });
  t.ok(terms.unknowns.some((u) => u.includes('per visit or per day')));
  t.equal(terms.deductibleAppliesToCopay?.value, false);
});

t.test('a benefit limited to the per-diem HCPCS code beats every service-type line', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ kind: 'copay', serviceTypes: ['CJ'], timePeriod: 'visit', amountCents: 4_000 }),
    benefit({ id: 'h0015', kind: 'copay', serviceTypes: ['AI'], procedureCodes: ['HC:H0015'], timePeriod: 'day', amountCents: 7_500 }),
    benefit({ kind: 'copay', serviceTypes: ['CJ'], procedureCodes: ['HC:90837'], timePeriod: 'visit', amountCents: 1_000 }),
  ]), 'iop-substance-use', 'in');
  t.same(terms.copay?.benefitIds, ['h0015']);
  t.same(terms.copay?.value, { amountCents: 7_500, per: 'day' });
});

t.test('visit limits report total and remaining from the same service type', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ id: 'lim-total', kind: 'limitation', serviceTypes: ['CF'], timePeriod: 'calendar-year', quantity: { value: 30, unit: 'visit', qualifier: 'VS' } }),
    benefit({ id: 'lim-rem', kind: 'limitation', serviceTypes: ['CF'], timePeriod: 'remaining', quantity: { value: 12, unit: 'visit', qualifier: 'VS' } }),
    benefit({ kind: 'limitation', serviceTypes: ['30'], timePeriod: 'calendar-year', quantity: { value: 60, unit: 'visit' } }),
  ]), 'outpatient-therapy', 'in');
  t.same(terms.limit?.value, { total: 30, remaining: 12, unit: 'visit', period: 'calendar-year' });
  t.same(terms.limit?.benefitIds, ['lim-total', 'lim-rem']);
});

t.test('equally specific copays or coinsurance that disagree: the highest is used, and every value is listed with its note', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ id: 'pcp', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 4500, notes: ['PRIMARY CARE VISIT'] }),
    benefit({ id: 'spec', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 7000, notes: ['SPECIALIST VISIT'] }),
    benefit({ id: 'tele', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 0, notes: ['TELEMEDICINE VISIT'] }),
    benefit({ id: 'c1', kind: 'coinsurance', serviceTypes: ['98'], percentPpm: 0 }),
    benefit({ id: 'c2', kind: 'coinsurance', serviceTypes: ['98'], percentPpm: 200_000 }),
  ]), 'outpatient-therapy', 'in');
  t.equal(terms.copay?.value.amountCents, 7000, 'the copay the patient pays most under, not the first sent');
  t.same(terms.copay?.benefitIds, ['spec']);
  t.equal(terms.coinsurancePpm?.value, 200_000);
  const said = terms.unknowns.find((u) => u.startsWith('The payer sent differing copays for 98'));
  t.match(said, /\$45\.00 \(pcp: "PRIMARY CARE VISIT"\), \$70\.00 \(spec: "SPECIALIST VISIT"\), \$0\.00 \(tele: "TELEMEDICINE VISIT"\); used the highest, \$70\.00/);
  t.ok(terms.unknowns.some((u) => /differing coinsurance values for 98: 0% \(c1\), 20% \(c2\); used the highest, 20%/.test(u)));
});

t.test('an office-visit (98) fallback for therapy is called a parity assumption, except for Medicare plans, which parity does not bind', async (t) => {
  const lines = () => [benefit({ kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 0, notes: ['OFFICE VISIT PCP'] })];
  const commercial = resolveCostSharingTerms(coverage(lines(), 'PPO'), 'outpatient-therapy', 'in');
  t.ok(commercial.unknowns.some((u) => u.includes('assumed equal under parity')));
  const advantage = resolveCostSharingTerms(coverage(lines(), 'Medicare-Advantage'), 'outpatient-therapy', 'in');
  t.equal(advantage.copay?.value.amountCents, 0, 'still the best value the payer sent');
  t.ok(advantage.unknowns.some((u) => /not bound by the parity law, so the mental-health copay may differ/.test(u)));
  t.notOk(advantage.unknowns.some((u) => u.includes('assumed equal under parity')));
});

t.test('an age limit or months of coverage is not a limit on care', async (t) => {
  const ageOnly = resolveCostSharingTerms(coverage([
    // Humana via a clearinghouse: "benefitQuantity 19, quantityQualifierCode YY" on 30 is the oldest a dependent may be.
    benefit({ kind: 'limitation', serviceTypes: ['30'], quantity: { value: 19, unit: 'year', qualifier: 'YY' } }),
    benefit({ kind: 'limitation', serviceTypes: ['CH'], quantity: { value: 6, unit: 'month', qualifier: 'MN' } }),
  ]), 'iop-mental-health', 'in');
  t.equal(ageOnly.limit, undefined);
  const withVisits = resolveCostSharingTerms(coverage([
    benefit({ kind: 'limitation', serviceTypes: ['CH'], quantity: { value: 19, unit: 'year', qualifier: 'S7' } }),
    benefit({ id: 'days', kind: 'limitation', serviceTypes: ['30'], timePeriod: 'calendar-year', quantity: { value: 30, unit: 'day', qualifier: 'DY' } }),
  ]), 'iop-mental-health', 'in');
  t.same(withVisits.limit?.value, { total: 30, unit: 'day', period: 'calendar-year' }, 'a more specific age line does not hide the day limit');
});

t.test('a non-covered answer on the most specific code marks the level of care not covered', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ id: 'rt-nc', kind: 'non-covered', serviceTypes: ['RT'] }),
    benefit({ kind: 'coinsurance', serviceTypes: ['30'], percentPpm: 200_000 }),
  ]), 'residential', 'in');
  t.equal(terms.notCovered?.value, true);
  t.same(terms.notCovered?.benefitIds, ['rt-nc']);

  const covered = resolveCostSharingTerms(coverage([
    benefit({ kind: 'copay', serviceTypes: ['RT'], amountCents: 10_000, timePeriod: 'day' }),
    benefit({ kind: 'non-covered', serviceTypes: ['MH'] }),
  ]), 'residential', 'in');
  t.equal(covered.notCovered, undefined);
});

t.test('a carve-out entity on a mental-health code is named in the unknowns', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({
      id: 'carve',
      kind: 'contact-entity',
      serviceTypes: ['MH', 'CH'],
      network: 'unknown',
      relatedEntities: [{ role: 'vendor', entityCode: 'VN', name: 'Example Behavioral Health Partners' }],
    }),
  ]), 'iop-mental-health', 'in');
  t.ok(terms.unknowns.some((u) => u.includes('carved out') && u.includes('Example Behavioral Health Partners')));
});

t.test('an HMO without a referral answer leaves referral unknown and says why', async (t) => {
  const terms = resolveCostSharingTerms(coverage([benefit({ kind: 'active-coverage', serviceTypes: ['30'] })], 'HMO'), 'outpatient-therapy', 'in');
  t.equal(terms.referralRequired.value, 'unknown');
  t.ok(terms.unknowns.some((u) => u.includes('HMO plan, where referrals are common')));

  const said = resolveCostSharingTerms(coverage([
    benefit({ id: 'ref', kind: 'active-coverage', serviceTypes: ['CF'], referralRequired: 'no' }),
  ], 'HMO'), 'outpatient-therapy', 'in');
  t.equal(said.referralRequired.value, 'no');
  t.same(said.referralRequired.benefitIds, ['ref']);
});

t.test('therapy falls back to the office-visit code 98 before plan level and labels the parity assumption', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 3_500 }),
    benefit({ kind: 'copay', serviceTypes: ['30'], timePeriod: 'visit', amountCents: 5_000 }),
  ]), 'outpatient-therapy', 'in');
  t.equal(terms.copay?.value.amountCents, 3_500);
  t.equal(terms.chosen.serviceType, '98');
  t.equal(terms.chosen.fellBackToPlanLevel, false);
  t.ok(terms.unknowns.some((u) => u.includes('parity')));
});

t.test('Medicare: an IOP is priced with the Part B deductible and coinsurance, never the Part A hospital deductible', async (t) => {
  // As a HETS 271 sends them: plan-level lines with no network, told apart only by EB04 (MA / MB).
  const medicare = coverage([
    benefit({ id: 'a-ded', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MA', timePeriod: 'episode', amountCents: 167_600 }),
    benefit({ id: 'a-ded-rem', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MA', timePeriod: 'remaining', amountCents: 167_600 }),
    benefit({ id: 'b-ded', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', timePeriod: 'calendar-year', amountCents: 25_700 }),
    benefit({ id: 'b-ded-rem', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', timePeriod: 'remaining', amountCents: 0 }),
    benefit({ id: 'b-coins', kind: 'coinsurance', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', percentPpm: 200_000 }),
  ], 'Medicare');
  const iop = resolveCostSharingTerms(medicare, 'iop-mental-health', 'in');
  t.equal(iop.deductible.individual?.totalCents?.value, 25_700);
  t.equal(iop.deductible.individual?.remainingCents?.value, 0, 'the Part B deductible is met; the unmet Part A one does not apply');
  t.same(iop.deductible.individual?.remainingCents?.benefitIds, ['b-ded-rem']);
  t.equal(iop.coinsurancePpm?.value, 200_000);
  const residential = resolveCostSharingTerms(medicare, 'residential', 'in');
  t.equal(residential.deductible.individual?.totalCents?.value, 167_600, 'an inpatient-style stay takes the Part A lines');
});

t.test('a copay or coinsurance sent only at the family level is this patient\'s share; an individual line wins when both are sent', async (t) => {
  // Some senders mark every copay and coinsurance FAM (the member is on a family plan).
  const familyOnly = coverage([
    benefit({ id: 'coins-fam', kind: 'coinsurance', serviceTypes: ['MH'], coverageLevel: 'family', timePeriod: 'visit', percentPpm: 500_000 }),
    benefit({ id: 'copay-fam', kind: 'copay', serviceTypes: ['A6'], coverageLevel: 'family', timePeriod: 'visit', amountCents: 3_000 }),
  ]);
  const iop = resolveCostSharingTerms(familyOnly, 'iop-mental-health', 'in');
  t.equal(iop.coinsurancePpm?.value, 500_000, '50% coinsurance is used, not lost');
  t.ok(iop.unknowns.some((u) => u.includes('family level')), 'and the family level is said');
  const therapy = resolveCostSharingTerms(familyOnly, 'outpatient-therapy', 'in');
  t.same(therapy.copay?.value, { amountCents: 3_000, per: 'visit' });

  const both = coverage([
    benefit({ id: 'coins-fam', kind: 'coinsurance', serviceTypes: ['MH'], coverageLevel: 'family', percentPpm: 500_000 }),
    benefit({ id: 'coins-ind', kind: 'coinsurance', serviceTypes: ['MH'], coverageLevel: 'individual', percentPpm: 200_000 }),
  ]);
  const chosen = resolveCostSharingTerms(both, 'iop-mental-health', 'in');
  t.equal(chosen.coinsurancePpm?.value, 200_000, 'the individual line wins');
  t.notOk(chosen.unknowns.some((u) => u.includes('family level')));
  t.notOk(chosen.unknowns.some((u) => u.includes('differing coinsurance')), 'the family line is not counted as a conflicting value');
});

t.test('a Medicaid spend-down is carried into the terms, the remaining amount before the total', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ id: 'sd-total', kind: 'spend-down', serviceTypes: ['30'], network: 'unknown', timePeriod: 'month', amountCents: 40_000 }),
    benefit({ id: 'sd-left', kind: 'spend-down', serviceTypes: ['30'], network: 'unknown', timePeriod: 'remaining', amountCents: 12_000 }),
  ], 'Medicaid'), 'iop-mental-health', 'in');
  t.same(terms.spendDown?.value, { amountCents: 12_000, period: 'remaining' });
  t.same(terms.spendDown?.benefitIds, ['sd-left']);
  t.equal(resolveCostSharingTerms(coverage([]), 'iop-mental-health', 'in').spendDown, undefined, 'none when the payer sends none');
});

t.test('a coinsurance outside 0-100% is never used, and that is said', async (t) => {
  const terms = resolveCostSharingTerms(coverage([
    benefit({ id: 'coins-bad', kind: 'coinsurance', serviceTypes: ['MH'], percentPpm: 20_000_000 }),
    benefit({ id: 'coins-plan', kind: 'coinsurance', serviceTypes: ['30'], percentPpm: 200_000 }),
  ]), 'iop-mental-health', 'in');
  t.equal(terms.coinsurancePpm?.value, 200_000, 'the plan-level 20% is used instead of 2000%');
  t.ok(terms.unknowns.some((u) => u.includes('outside 0-100%') && u.includes('coins-bad')));
});

t.test('Medicare: a Part B deductible sent only on service type 96 (or none) is the deductible for IOP, PHP and therapy', async (t) => {
  // A 4010 Medicare answer: EB*1*IND**MB, EB*C**96*MB**23*25700, EB*C**96*MB**29*0, and a Part A one on 30.
  const medicare = coverage([
    benefit({ id: 'a-ded', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MA', timePeriod: 'episode', amountCents: 167_600 }),
    benefit({ id: 'b-ded', kind: 'deductible', serviceTypes: ['96'], network: 'unknown', insuranceType: 'MB', timePeriod: 'calendar-year', amountCents: 25_700 }),
    benefit({ id: 'b-ded-rem', kind: 'deductible', serviceTypes: ['96'], network: 'unknown', insuranceType: 'MB', timePeriod: 'remaining', amountCents: 0 }),
  ], 'Medicare');
  const iop = resolveCostSharingTerms(medicare, 'iop-mental-health', 'in');
  t.equal(iop.deductible.individual?.remainingCents?.value, 0, 'the met Part B deductible, not unknown');
  t.equal(iop.deductible.individual?.totalCents?.value, 25_700);
  t.ok(iop.unknowns.some((u) => u.includes('Medicare Part B one, sent on service type 96')), 'and where it came from is said');
  t.equal(resolveCostSharingTerms(medicare, 'partial-hospitalization', 'in').deductible.individual?.remainingCents?.value, 0);
  const residential = resolveCostSharingTerms(medicare, 'residential', 'in');
  t.equal(residential.deductible.individual?.totalCents?.value, 167_600, 'residential still takes Part A');

  const commercial = coverage([benefit({ id: 'ded-96', kind: 'deductible', serviceTypes: ['96'], timePeriod: 'calendar-year', amountCents: 50_000 })]);
  t.equal(resolveCostSharingTerms(commercial, 'iop-mental-health', 'in').deductible.individual, undefined, 'only Medicare part lines are taken from other service types');
});

t.test('a non-covered line with a note beside cost sharing for the same service type is a partial exclusion, not "not covered"', async (t) => {
  // Aetna: EB*A*EMP*98*****0****Y, EB*B*EMP*98****0*****Y, EB*I*EMP*98*********W + MSG naming Teladoc.
  const aetna = coverage([
    benefit({ id: 'coins-98', kind: 'coinsurance', serviceTypes: ['98'], percentPpm: 0 }),
    benefit({ id: 'copay-98', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 0 }),
    benefit({ id: 'excl-98', kind: 'non-covered', serviceTypes: ['98'], network: 'both', notes: ['Teladoc Virtual Primary Care General Medicine/EXCLUSION'] }),
  ]);
  const therapy = resolveCostSharingTerms(aetna, 'outpatient-therapy', 'in');
  t.equal(therapy.notCovered, undefined, 'outpatient therapy is not marked not covered');
  t.ok(therapy.unknowns.some((u) => u.includes('partial exclusion') && u.includes('Teladoc')), 'the exclusion is quoted');
  t.same(therapy.copay?.value, { amountCents: 0, per: 'visit' });

  const bare = coverage([
    benefit({ id: 'copay-98', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 2_000 }),
    benefit({ id: 'excl-98', kind: 'non-covered', serviceTypes: ['98'] }),
  ]);
  t.ok(resolveCostSharingTerms(bare, 'outpatient-therapy', 'in').notCovered, 'a bare non-covered line still decides');
  const alone = coverage([benefit({ id: 'excl-mh', kind: 'non-covered', serviceTypes: ['MH'], notes: ['NOT COVERED UNDER THIS PLAN'] })]);
  t.ok(resolveCostSharingTerms(alone, 'iop-mental-health', 'in').notCovered, 'a noted non-covered line with no cost sharing beside it still decides');
});

t.test('authorization required only on a line limited by a note is kept (the safe side) and the note is quoted', async (t) => {
  // BCBS FEP: EB*B*IND*98**BASIC*27*30****Y*Y + MSG*APPLIED BEHAVIOR ANALYSIS..., beside a 98 line with EB11=N.
  const fep = coverage([
    benefit({ id: 'copay-98', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 3_000, authorizationRequired: 'no' }),
    benefit({ id: 'aba-98', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 3_000, authorizationRequired: 'yes', notes: ['APPLIED BEHAVIOR ANALYSIS FOR AUTISM SPECTRUM DISORDER'] }),
  ]);
  const therapy = resolveCostSharingTerms(fep, 'outpatient-therapy', 'in');
  t.equal(therapy.authorizationRequired.value, 'yes');
  t.ok(therapy.unknowns.some((u) => u.includes('APPLIED BEHAVIOR ANALYSIS') && u.includes('may apply only')), 'the limiting note is quoted');
  const plain = coverage([benefit({ id: 'copay-98', kind: 'copay', serviceTypes: ['98'], timePeriod: 'visit', amountCents: 3_000, authorizationRequired: 'yes', notes: ['PER VISIT'] })]);
  t.notOk(resolveCostSharingTerms(plain, 'outpatient-therapy', 'in').unknowns.some((u) => u.includes('may apply only')), 'no caveat when no line says no');
});

t.test('lines dated for another year give way to the lines for the date asked about', async (t) => {
  // Medicare: last year's Part B deductible (met) and this year's (unmet), each with DTP*292.
  const medicare = coverage([
    benefit({ id: 'ded-2025', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', timePeriod: 'remaining', amountCents: 0, dates: { begin: '2025-01-01', end: '2025-12-31' } }),
    benefit({ id: 'ded-2026', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', timePeriod: 'remaining', amountCents: 28_300, dates: { begin: '2026-01-01', end: '2026-12-31' } }),
    benefit({ id: 'coins', kind: 'coinsurance', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', percentPpm: 200_000 }),
  ], 'Medicare');
  t.same(resolveCostSharingTerms(medicare, 'iop-mental-health', 'in', '2026-02-02').deductible.individual?.remainingCents?.benefitIds, ['ded-2026']);
  t.same(resolveCostSharingTerms(medicare, 'iop-mental-health', 'in', '2025-11-03').deductible.individual?.remainingCents?.benefitIds, ['ded-2025']);
  t.same(resolveCostSharingTerms(medicare, 'iop-mental-health', 'in').deductible.individual?.remainingCents?.benefitIds, ['ded-2025'], 'without a date, the first line as before');
  t.same(resolveCostSharingTerms(medicare, 'iop-mental-health', 'in', '2027-03-01').deductible.individual?.remainingCents?.benefitIds, ['ded-2025'], 'with no line for the date, nothing is dropped');
  t.equal(resolveCostSharingTerms(medicare, 'iop-mental-health', 'in', '2026-02-02').coinsurancePpm?.value, 200_000, 'undated lines stay');
});

t.test('a Qualified Medicare Beneficiary owes no Medicare cost sharing: the shares are zero, cited to the QMB line', async (t) => {
  const medicare = (qmbDates?: { begin: string; end: string }) => coverage([
    benefit({ id: 'b-ded', kind: 'deductible', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', timePeriod: 'remaining', amountCents: 28_300 }),
    benefit({ id: 'b-coins', kind: 'coinsurance', serviceTypes: ['30'], network: 'unknown', insuranceType: 'MB', percentPpm: 200_000 }),
    benefit({ id: 'qmb', kind: 'other-payer', serviceTypes: ['30'], network: 'unknown', insuranceType: 'QM', ...(qmbDates ? { dates: qmbDates } : {}) }),
  ], 'Medicare');
  const terms = resolveCostSharingTerms(medicare(), 'iop-mental-health', 'in', '2026-03-02');
  t.same(terms.qualifiedMedicareBeneficiary?.benefitIds, ['qmb']);
  t.equal(terms.coinsurancePpm?.value, 0);
  t.equal(terms.deductible.individual?.remainingCents?.value, 0);
  t.same(terms.deductible.individual?.remainingCents?.benefitIds, ['qmb'], 'cited to the QMB line');
  t.ok(terms.unknowns.some((u) => u.includes('Qualified Medicare Beneficiary')));

  const ended = resolveCostSharingTerms(medicare({ begin: '2025-01-01', end: '2025-12-31' }), 'iop-mental-health', 'in', '2026-03-02');
  t.equal(ended.qualifiedMedicareBeneficiary, undefined, 'a QMB period that ended does not count');
  t.equal(ended.coinsurancePpm?.value, 200_000);
});

t.test('a QM code on a commercial plan\'s own lines does not waive what the patient owes', async (t) => {
  const commercial = coverage([
    benefit({ id: 'active', kind: 'active-coverage', serviceTypes: ['30'], insuranceType: 'QM' }),
    benefit({ id: 'coins', kind: 'coinsurance', serviceTypes: ['30'], insuranceType: 'QM', percentPpm: 200_000 }),
  ], 'PPO');
  const terms = resolveCostSharingTerms(commercial, 'iop-mental-health', 'in', '2026-03-02');
  t.equal(terms.qualifiedMedicareBeneficiary, undefined);
  t.equal(terms.coinsurancePpm?.value, 200_000);
});

t.test('a copay and a coinsurance on different service types are not added together: the more specific one is the answer', async (t) => {
  // The clearinghouse sandbox shape: 25% on CH (facility outpatient), a $35 office-visit copay on CF.
  const facilityCoinsurance = coverage([
    ...planDeductibles(),
    benefit({ id: 'ch-coins', kind: 'coinsurance', serviceTypes: ['CH'], percentPpm: 250_000 }),
    benefit({ id: 'cf-copay', kind: 'copay', serviceTypes: ['CF'], timePeriod: 'visit', amountCents: 3_500 }),
  ]);
  const iop = resolveCostSharingTerms(facilityCoinsurance, 'iop-mental-health', 'in');
  t.equal(iop.coinsurancePpm?.value, 250_000);
  t.equal(iop.copay, undefined, "CF's office-visit copay is not charged on top of CH's coinsurance");
  t.ok(iop.unknowns.some((u) => /copay \(\$35\.00\) sent for CF \(cf-copay\) was not added: CH is the program's own code/.test(u)));
  const therapy = resolveCostSharingTerms(facilityCoinsurance, 'outpatient-therapy', 'in');
  t.equal(therapy.copay?.value.amountCents, 3_500, 'outpatient therapy, where CF is the more specific code, keeps the copay');
  t.equal(therapy.coinsurancePpm, undefined);

  // The other way round: a per-day copay on CH beside a mental-health coinsurance.
  const dayCopay = coverage([
    benefit({ id: 'ch-copay', kind: 'copay', serviceTypes: ['CH'], timePeriod: 'day', amountCents: 4_000 }),
    benefit({ id: 'mh-coins', kind: 'coinsurance', serviceTypes: ['MH'], percentPpm: 200_000 }),
  ]);
  const byDay = resolveCostSharingTerms(dayCopay, 'iop-mental-health', 'in');
  t.same([byDay.copay?.value, byDay.coinsurancePpm], [{ amountCents: 4_000, per: 'day' }, undefined]);

  // Two fallbacks for IOP (CF's office-visit copay, MH's 20%): neither is the program's own answer,
  // so both are kept, the costlier reading, and the deductible still applies.
  const fallbacks = coverage([
    benefit({ kind: 'copay', serviceTypes: ['CF'], timePeriod: 'visit', amountCents: 3_500 }),
    benefit({ kind: 'coinsurance', serviceTypes: ['MH'], percentPpm: 200_000 }),
  ]);
  const both2 = resolveCostSharingTerms(fallbacks, 'iop-mental-health', 'in');
  t.same([both2.copay?.value.amountCents, both2.coinsurancePpm?.value], [3_500, 200_000]);
  // The program's own code with no network beside an out-of-network coinsurance: the network-less
  // line is a fallback, not the program's answer for this network, so the coinsurance stays.
  const noNetwork = coverage([
    benefit({ kind: 'copay', serviceTypes: ['CH'], timePeriod: 'day', amountCents: 2_500, network: 'unknown' }),
    benefit({ kind: 'coinsurance', serviceTypes: ['MH'], percentPpm: 500_000, network: 'out' }),
  ]);
  const out = resolveCostSharingTerms(noNetwork, 'iop-mental-health', 'out');
  t.equal(out.coinsurancePpm?.value, 500_000);

  // Both on the same service type: the payer said both, so both apply.
  const both = coverage([
    benefit({ kind: 'copay', serviceTypes: ['CH'], timePeriod: 'day', amountCents: 2_500 }),
    benefit({ kind: 'coinsurance', serviceTypes: ['CH'], percentPpm: 100_000 }),
  ]);
  const together = resolveCostSharingTerms(both, 'iop-mental-health', 'in');
  t.same([together.copay?.value.amountCents, together.coinsurancePpm?.value], [2_500, 100_000]);
});
