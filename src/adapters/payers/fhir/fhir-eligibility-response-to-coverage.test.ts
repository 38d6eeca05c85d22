import t from 'tap';
import { isDomainError } from '../../../core/errors.js';
import { fhirEligibilityResponseToCoverages } from './fhir-eligibility-response-to-coverage.js';
import { fhirMoneyToCents, jsonNumberToDecimalText } from './fhir-decimal.js';
import { resolveCostSharingTerms } from '../../../core/coverage/resolve-cost-sharing.js';

const response = (insurance: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'CoverageEligibilityResponse', outcome: 'complete', insurance, ...extra,
});

t.test('dollar amounts become exact cents even where float multiplication would drift', async (t) => {
  t.equal(fhirMoneyToCents(0.29), 29); // 0.29 * 100 = 28.999999999999996
  t.equal(fhirMoneyToCents(1234.56), 123_456);
  t.equal(fhirMoneyToCents(1e-7), 0);
  t.equal(jsonNumberToDecimalText(Number.NaN), undefined);
});

t.test('a wrong type names the JSON path and no value', async (t) => {
  const bad = response([{ coverage: {}, item: [{ benefit: [{ type: {}, allowedMoney: { value: 'SYNTH-SECRET' } }] }] }]);
  try {
    fhirEligibilityResponseToCoverages(bad);
    t.fail('should throw');
  } catch (error) {
    t.ok(isDomainError(error));
    if (!isDomainError(error)) return;
    t.equal(error.code, 'format.parse-error');
    t.match(error.message, /\$\.insurance\[0\]\.item\[0\]\.benefit\[0\]\.allowedMoney\.value/);
    t.notMatch(error.message, /SYNTH-SECRET/);
  }
});

t.test('a Bundle of responses yields a coverage per insurance and resolves Coverage from the Bundle', async (t) => {
  const bundle = {
    resourceType: 'Bundle',
    entry: [
      { resource: { resourceType: 'Coverage', id: 'c1', class: [{ type: { coding: [{ code: 'group' }] }, value: 'G-1' }], type: { coding: [{ code: 'HMO' }] } } },
      { resource: response([{ coverage: { reference: 'Coverage/c1' }, inforce: false }]) },
    ],
  };
  const [coverage] = fhirEligibilityResponseToCoverages(bundle);
  t.equal(coverage?.plan.groupNumber, 'G-1');
  t.equal(coverage?.plan.type, 'HMO');
  t.equal(coverage?.eligibility.status, 'inactive');
  t.equal(coverage?.eligibility.source?.pointer, '$.entry[1].resource.insurance[0].inforce');
});

t.test('absent inforce is undetermined unless the payer returned benefit amounts', async (t) => {
  const bare = fhirEligibilityResponseToCoverages(response([{ coverage: {} }]));
  t.equal(bare[0]?.eligibility.status, 'undetermined');
  const withBenefits = fhirEligibilityResponseToCoverages(response([{ coverage: {}, item: [{ category: { coding: [{ code: 'MH' }] }, benefit: [{ type: { coding: [{ code: 'copay' }] }, allowedMoney: { value: 25, currency: 'USD' } }] }] }]));
  t.equal(withBenefits[0]?.eligibility.status, 'active');
  t.equal(withBenefits[0]?.benefits.find((b) => b.kind === 'copay')?.timePeriod, 'visit');
});

t.test('an X12 reject code in error[] is described with its next step', async (t) => {
  const [coverage] = fhirEligibilityResponseToCoverages({ resourceType: 'CoverageEligibilityResponse', outcome: 'error', error: [{ code: { coding: [{ code: '42' }] } }] });
  t.equal(coverage?.payerErrors[0]?.description, 'Unable to Respond at Current Time');
  t.equal(coverage?.payerErrors[0]?.retryable, true);
  t.equal(coverage?.actions[0]?.kind, 'retry-later');
});

t.test('excluded items are non-covered and non-USD money is left out with a warning', async (t) => {
  const [coverage] = fhirEligibilityResponseToCoverages(response([{ coverage: {}, inforce: true, item: [
    { category: { coding: [{ code: 'RT' }] }, excluded: true },
    { category: { coding: [{ code: '30' }] }, benefit: [{ type: { coding: [{ code: 'deductible' }] }, allowedMoney: { value: 100, currency: 'EUR' } }] },
  ] }]));
  t.equal(coverage?.benefits[0]?.kind, 'non-covered');
  t.equal(coverage?.benefits.find((b) => b.kind === 'deductible')?.amountCents, undefined);
  t.ok(coverage?.warnings.some((w) => w.message.includes('EUR')));
});

// --- Robustness: crafted but realistic payer inputs (all people and ids invented). ---

const coinsuranceItem = (benefit: Record<string, unknown>, network?: unknown): Record<string, unknown> => ({
  category: { coding: [{ code: 'MH' }] },
  ...(network === undefined ? {} : { network }),
  benefit: [{ type: { coding: [{ code: 'copay-percent' }] }, ...benefit }],
});
const onlyCoverage = (doc: unknown) => {
  const coverages = fhirEligibilityResponseToCoverages(doc);
  if (coverages.length !== 1 || !coverages[0]) throw new Error(`expected one coverage, got ${coverages.length}`);
  return coverages[0];
};

t.test('a coinsurance sent as a fraction (0.2) is left out with a warning instead of becoming 0.2%', async (t) => {
  for (const benefit of [{ allowedMoney: { value: 0.2 } }, { allowedString: '0.2' }, { allowedString: '.5' }]) {
    const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem(benefit)] }]));
    const coinsurance = coverage.benefits.filter((b) => b.kind === 'coinsurance');
    t.ok(coinsurance.length > 0, 'the benefit line is kept so the estimate can show it as unknown');
    t.ok(coinsurance.every((b) => b.percentPpm === undefined), `${JSON.stringify(benefit)}: no percent`);
    const warning = coverage.warnings.find((w) => w.code === 'fhir.percent-looks-like-fraction');
    t.ok(warning, `${JSON.stringify(benefit)}: warned`);
    t.match(warning?.message ?? '', /fraction/);
    t.equal(warning?.pointer, '$.insurance[0].item[0].benefit[0].allowed');
  }
  // Whole numbers, 1% and 0% are FHIR percentages as written.
  for (const [benefit, ppm] of [[{ allowedUnsignedInt: 20 }, 200_000], [{ allowedUnsignedInt: 1 }, 10_000], [{ allowedUnsignedInt: 0 }, 0], [{ allowedString: '12.5' }, 125_000]] as const) {
    const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem(benefit)] }]));
    t.equal(coverage.benefits.find((b) => b.kind === 'coinsurance')?.percentPpm, ppm, JSON.stringify(benefit));
    t.notOk(coverage.warnings.some((w) => w.code === 'fhir.percent-looks-like-fraction'));
  }
});

t.test('a coinsurance written with a percent sign ("20%") is read as 20 percent', async (t) => {
  for (const [text, ppm] of [['20%', 200_000], [' 20 % ', 200_000], ['12.5%', 125_000], ['0.5%', 5_000]] as const) {
    const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedString: text })] }]));
    t.equal(coverage.benefits.find((b) => b.kind === 'coinsurance')?.percentPpm, ppm, text);
    t.same(coverage.warnings, [], `${text}: no warning (an explicit % is not ambiguous)`);
  }
  const bad = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedString: 'twenty%' })] }]));
  t.equal(bad.benefits.find((b) => b.kind === 'coinsurance')?.percentPpm, undefined);
  t.ok(bad.warnings.some((w) => w.code === 'fhir.invalid-value'));
});

t.test('a Bundle that references its Coverage and Patient by urn:uuid fullUrl keeps the plan, group, member id and patient', async (t) => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      {
        fullUrl: 'urn:uuid:6f1c2a4e-0000-4000-8000-00000000c0ve',
        resource: { resourceType: 'Coverage', subscriberId: 'SYNTH-MEMBER-777', relationship: { coding: [{ code: 'self' }] }, type: { coding: [{ code: 'PPO' }] }, class: [{ type: { coding: [{ code: 'group' }] }, value: 'GRP-SYNTH-9', name: 'Synthetic Group' }, { type: { coding: [{ code: 'plan' }] }, value: 'PLN-1', name: 'Synthetic Silver' }] },
      },
      { fullUrl: 'urn:uuid:6f1c2a4e-0000-4000-8000-0000000pat1', resource: { resourceType: 'Patient', name: [{ family: 'Testperson', given: ['Synthia'] }], birthDate: '1990-01-01' } },
      { fullUrl: 'urn:uuid:6f1c2a4e-0000-4000-8000-0000000org1', resource: { resourceType: 'Organization', name: 'Example Synthetic Payer' } },
      {
        fullUrl: 'urn:uuid:6f1c2a4e-0000-4000-8000-0000000resp',
        resource: response([{ coverage: { reference: 'urn:uuid:6f1c2a4e-0000-4000-8000-00000000c0ve' }, inforce: true }], {
          patient: { reference: 'urn:uuid:6f1c2a4e-0000-4000-8000-0000000pat1' },
          insurer: { reference: 'urn:uuid:6f1c2a4e-0000-4000-8000-0000000org1' },
        }),
      },
    ],
  };
  const coverage = onlyCoverage(bundle);
  t.equal(coverage.plan.type, 'PPO');
  t.equal(coverage.plan.groupNumber, 'GRP-SYNTH-9');
  t.equal(coverage.plan.name, 'Synthetic Silver');
  t.equal(coverage.subscriber?.phi.memberId, 'SYNTH-MEMBER-777');
  t.same(coverage.patient, { relationship: 'self', phi: { firstName: 'Synthia', lastName: 'Testperson', dateOfBirth: '1990-01-01' } });
  t.equal(coverage.payer.name, 'Example Synthetic Payer');
  t.notOk(coverage.warnings.some((w) => w.code === 'fhir.unresolved-coverage'));

  // Absolute fullUrls resolve too, both exactly and by Type/id; a reference with no id matches nothing.
  const coverages = fhirEligibilityResponseToCoverages({ resourceType: 'Bundle', entry: [
    { fullUrl: 'https://payer.example/fhir/Coverage/cov-1', resource: { resourceType: 'Coverage', id: 'cov-1', subscriberId: 'SYNTH-2' } },
    { resource: response([{ coverage: { reference: 'https://payer.example/fhir/Coverage/cov-1' } }, { coverage: { reference: 'Coverage/cov-1' } }, { coverage: { reference: 'Coverage' } }]) },
  ] });
  t.same(coverages.map((c) => c.subscriber?.phi.memberId), ['SYNTH-2', 'SYNTH-2', undefined]);
  t.ok(coverages[2]?.warnings.some((w) => w.code === 'fhir.unresolved-coverage'));
});

t.test('inforce true next to outcome error (subscriber not found) is undetermined with the payer error and a warning, never active', async (t) => {
  const coverage = onlyCoverage(response([{ coverage: {}, inforce: true }], { outcome: 'error', error: [{ code: { coding: [{ code: '75' }] } }] }));
  t.equal(coverage.eligibility.status, 'undetermined');
  t.match(coverage.eligibility.reason, /outcome 'error' \(75\)/);
  t.same(coverage.payerErrors.map((e) => [e.code, e.description]), [['75', 'Subscriber/Insured Not Found']]);
  t.equal(coverage.actions[0]?.kind, 'fix-request');
  t.ok(coverage.warnings.some((w) => w.code === 'fhir.inforce-contradicts-error' && w.pointer === '$.insurance[0].inforce'));
  t.same(coverage.benefits, [], 'no benefits, so the use case reports it as a rejection');

  // Errors with no benefits contradict inforce even when outcome is not 'error'.
  const complete = onlyCoverage(response([{ coverage: {}, inforce: true }], { outcome: 'complete', error: [{ code: { coding: [{ code: '72' }] } }] }));
  t.equal(complete.eligibility.status, 'undetermined');
  t.ok(complete.warnings.some((w) => w.code === 'fhir.inforce-contradicts-error'));
  // With outcome error, benefit amounts do not make it active either.
  const withAmounts = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedUnsignedInt: 20 })] }], { outcome: 'error' }));
  t.equal(withAmounts.eligibility.status, 'undetermined');
  // A partial answer with benefits and a minor error stays active.
  const partial = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedUnsignedInt: 20 })] }], { outcome: 'partial', error: [{ code: { coding: [{ code: 'a002' }] } }] }));
  t.equal(partial.eligibility.status, 'active');
  t.notOk(partial.warnings.some((w) => w.code === 'fhir.inforce-contradicts-error'));
});

t.test('a bare OperationOutcome "member not found" reads as a rejection with codes only and no payer free text', async (t) => {
  const outcome = {
    resourceType: 'OperationOutcome',
    issue: [
      { severity: 'error', code: 'not-found', details: { coding: [{ system: 'https://payer.example/codes', code: 'MEMBER_NOT_FOUND' }], text: 'No member SYNTH-SECRET-42 named Synthia Testperson' }, diagnostics: 'lookup failed for DOB 1990-01-01 SYNTH-SECRET-42' },
      { severity: 'information', code: 'informational', diagnostics: 'SYNTH-SECRET-INFO' },
    ],
  };
  const coverage = onlyCoverage(outcome);
  t.equal(coverage.eligibility.status, 'undetermined');
  t.same(coverage.benefits, []);
  t.same(coverage.payerErrors.map((e) => [e.code, e.level, e.retryable]), [['not-found', 'source', false]]);
  t.match(coverage.payerErrors[0]?.description ?? '', /Not Found.*MEMBER_NOT_FOUND/);
  t.equal(coverage.payerErrors[0]?.source.pointer, '$.issue[0]');
  t.equal(coverage.actions[0]?.kind, 'fix-request');
  t.ok(coverage.warnings.some((w) => w.code === 'fhir.operation-outcome'));
  t.notMatch(JSON.stringify(coverage), /SYNTH-SECRET|Synthia|Testperson|1990/);

  // In a Bundle; an X12 reject code in details.coding is described like an AAA; transient issues are retryable.
  const bundled = onlyCoverage({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'OperationOutcome', issue: [
    { severity: 'error', code: 'processing', details: { coding: [{ code: '75' }] } },
  ] } }] });
  t.same(bundled.payerErrors.map((e) => [e.code, e.description]), [['75', 'Subscriber/Insured Not Found']]);
  t.equal(bundled.payerErrors[0]?.source.pointer, '$.entry[0].resource.issue[0]');
  const busy = onlyCoverage({ resourceType: 'OperationOutcome', issue: [{ severity: 'fatal', code: 'throttled' }] });
  t.equal(busy.payerErrors[0]?.retryable, true);
  t.equal(busy.actions[0]?.kind, 'retry-later');

  // An OperationOutcome with no error issue is not an eligibility answer.
  t.throws(() => fhirEligibilityResponseToCoverages({ resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational' }] }), { code: 'format.unsupported' });
  // A Bundle with other resources and no response is still unsupported.
  t.throws(() => fhirEligibilityResponseToCoverages({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] } }, { resource: { resourceType: 'ClaimResponse' } }] }), { code: 'format.unsupported' });
});

t.test('network coded IN or OUT in any case, or only as text, is read; an unrecognised network is unknown with a warning', async (t) => {
  const cases: [unknown, string][] = [
    [{ coding: [{ code: 'IN' }] }, 'in'],
    [{ coding: [{ code: 'Out' }] }, 'out'],
    [{ text: 'In Network' }, 'in'],
    [{ text: 'Out-of-Network' }, 'out'],
    [{ coding: [{ system: 'https://payer.example/net', code: 'TIER9' }], text: 'in-network' }, 'in'],
  ];
  for (const [network, expected] of cases) {
    const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedUnsignedInt: 20 }, network)] }]));
    t.ok(coverage.benefits.every((b) => b.network === expected), `${JSON.stringify(network)} -> ${expected}`);
    t.notOk(coverage.warnings.some((w) => w.code === 'fhir.unknown-network'));
  }
  const odd = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedUnsignedInt: 20 }, { coding: [{ code: 'TIER9' }], text: 'Preferred tier' })] }]));
  t.ok(odd.benefits.every((b) => b.network === 'unknown'));
  t.ok(odd.warnings.some((w) => w.code === 'fhir.unknown-network' && w.pointer === '$.insurance[0].item[0].network'));
  const absent = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedUnsignedInt: 20 })] }]));
  t.notOk(absent.warnings.some((w) => w.code === 'fhir.unknown-network'), 'no network sent: unknown without a warning');
});

t.test('the payer disposition is kept as a payer note and never put into the eligibility reason', async (t) => {
  const disposition = 'Member Synthia Testperson SYNTH-SECRET-9 is in force';
  const active = onlyCoverage(response([{ coverage: {}, inforce: true }], { disposition }));
  t.notMatch(active.eligibility.reason, /SYNTH-SECRET|Synthia/);
  t.same(active.benefits.flatMap((b) => b.notes), [`Payer disposition: ${disposition}`]);
  t.equal(active.benefits[0]?.source.pointer, '$.disposition');
  t.notMatch(JSON.stringify(active.warnings), /SYNTH-SECRET/);

  // On a rejection the disposition is dropped, so the coverage still reads as a rejection (no benefits).
  const rejected = onlyCoverage({ resourceType: 'CoverageEligibilityResponse', outcome: 'error', disposition, error: [{ code: { coding: [{ code: '75' }], text: 'SYNTH-SECRET-9 not found' } }] });
  t.same(rejected.benefits, []);
  t.notMatch(JSON.stringify(rejected), /SYNTH-SECRET|Synthia/);
  t.equal(rejected.payerErrors[0]?.description, 'Subscriber/Insured Not Found');
});

t.test('a payer error text is not copied into the error description; the coding display is used instead', async (t) => {
  const coverage = onlyCoverage({ resourceType: 'CoverageEligibilityResponse', outcome: 'error', error: [
    { code: { coding: [{ code: 'P-17', display: 'Policy lookup failed' }], text: 'no policy for SYNTH-SECRET-5' } },
    { code: { coding: [{ code: 'P-18' }], text: 'no policy for SYNTH-SECRET-6' } },
  ] });
  t.same(coverage.payerErrors.map((e) => e.description), ['Policy lookup failed', 'The payer reported an error']);
  t.notMatch(JSON.stringify(coverage), /SYNTH-SECRET/);
});

t.test('a negative dollar amount is left out with a warning', async (t) => {
  const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [{ category: { coding: [{ code: '30' }] }, benefit: [
    { type: { coding: [{ code: 'deductible' }] }, allowedMoney: { value: -5, currency: 'USD' }, usedMoney: { value: 100 } },
    { type: { coding: [{ code: 'copay' }] }, allowedMoney: { value: 0 } },
  ] }] }]));
  const deductibles = coverage.benefits.filter((b) => b.kind === 'deductible');
  t.same(deductibles.map((b) => [b.id, b.amountCents]), [['fhir-0-0-0-used', 10_000]], 'no allowed and no remaining computed from a negative total');
  t.ok(coverage.warnings.some((w) => w.code === 'fhir.negative-money' && w.pointer === '$.insurance[0].item[0].benefit[0].allowed'));
  t.equal(coverage.benefits.find((b) => b.kind === 'copay')?.amountCents, 0, 'zero is a real amount');
});

t.test('an insurer identifier written as a bare string is read as the payer id instead of rejecting the whole answer', async (t) => {
  const coverage = onlyCoverage(response([{ coverage: {}, inforce: true }], { insurer: { identifier: 'SYN77', display: 'Synthetic Mutual' } }));
  t.equal(coverage.payer.id, 'SYN77');
  t.equal(coverage.payer.name, 'Synthetic Mutual');
  t.equal(coverage.eligibility.status, 'active');
});

t.test('benefit types sent only as X12 names in text keep their amounts, and an item named for a service type gets that code', async (t) => {
  const inNetwork = { coding: [{ code: 'in' }], text: 'In Network' };
  const coverage = onlyCoverage(response([{ coverage: {}, item: [
    { name: 'Health Benefit Plan Coverage', network: inNetwork, benefit: [
      { type: { text: 'Deductible' }, allowedMoney: { value: 3100 }, usedMoney: { value: 400 } },
      { type: { text: 'Deductible (Incomplete information)' } },
      { type: { text: 'Out of Pocket (Stop Loss)' }, allowedMoney: { value: 5200 } },
    ] },
    { name: 'Mental Health', network: inNetwork, benefit: [
      { type: { text: 'Co-Payment' }, allowedMoney: { value: 45 } },
      { type: { text: 'Co-Insurance' }, allowedString: '15.0%' },
      { type: { text: 'CoinsurancePercent' }, allowedUnsignedInt: 25 },
    ] },
    { name: 'Synthetic Wellness Perk', benefit: [{ type: { text: 'Perk Points' }, allowedUnsignedInt: 3 }] },
  ] }]));
  const line = (kind: string) => coverage.benefits.filter((b) => b.kind === kind && (b.amountCents !== undefined || b.percentPpm !== undefined));
  t.same(line('deductible').map((b) => [b.serviceTypes, b.network, b.timePeriod, b.amountCents]), [
    [['30'], 'in', 'unknown', 310_000], [['30'], 'in', 'year-to-date', 40_000], [['30'], 'in', 'remaining', 270_000],
  ]);
  t.same(line('out-of-pocket').map((b) => [b.serviceTypes, b.amountCents]), [[['30'], 520_000]]);
  t.same(line('copay').map((b) => [b.serviceTypes, b.amountCents]), [[['MH'], 4_500]]);
  t.same(line('coinsurance').map((b) => [b.serviceTypes, b.percentPpm]), [[['MH'], 150_000], [['MH'], 250_000]]);
  // Text that is not an X12 name stays 'other' with a warning, and an unknown item name maps to no service type.
  const perk = coverage.benefits.find((b) => b.id === 'fhir-0-2-0');
  t.equal(perk?.kind, 'other');
  t.same(perk?.serviceTypes, []);
  t.ok(coverage.warnings.some((w) => w.code === 'fhir.unknown-benefit-type' && w.pointer === '$.insurance[0].item[2].benefit[0].type'));
  t.equal(coverage.eligibility.status, 'active', 'no inforce, but the payer returned amounts');
});

t.test('Stedi X12 codings are read (benefit type, coverage level, remaining vs contract, network), and a time qualifier whose display contradicts its code is left unknown', async (t) => {
  const stedi = (name: string) => `https://www.stedi.com/${name}`;
  const item = (term: { code: string; display?: string }, type: unknown[], value: Record<string, unknown>) => ({
    category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory', code: 'MH' }] },
    network: { coding: [{ system: stedi('in-network-indicator'), code: 'N', display: 'No' }] },
    unit: { coding: [{ system: stedi('coverage-level-code'), code: 'FAM', display: 'Family' }] },
    term: { coding: [{ system: stedi('time-qualifier-code'), ...term }] },
    benefit: [{ type: { coding: type }, ...value }],
  });
  const deductible = [{ system: stedi('benefit-type-code'), code: 'C', display: 'Deductible' }, { system: 'http://terminology.hl7.org/CodeSystem/benefit-type', code: 'deductible' }];
  const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [
    item({ code: '25', display: 'Contract' }, deductible, { allowedMoney: { value: 1800, currency: 'USD' } }),
    item({ code: '29', display: 'Remaining' }, deductible, { allowedMoney: { value: 650, currency: 'USD' } }),
    // EB01 G with the HL7 code 'benefit' next to it: the X12 code says what it is.
    item({ code: '29' }, [{ system: stedi('benefit-type-code'), code: 'G' }, { system: 'http://terminology.hl7.org/CodeSystem/benefit-type', code: 'benefit' }], { allowedMoney: { value: 2400 } }),
    item({ code: '23', display: 'Calendar Year' }, [{ system: stedi('benefit-type-code'), code: 'A', display: 'Co-Insurance' }], { allowedUnsignedInt: 40 }),
    item({ code: '27', display: 'Remaining' }, deductible, { allowedMoney: { value: 999 } }),
  ] }]));
  const lines = coverage.benefits.filter((b) => b.kind !== 'benefit-description');
  t.same(lines.map((b) => [b.kind, b.rawCode, b.network, b.coverageLevel, b.timePeriod, b.amountCents ?? b.percentPpm]), [
    ['deductible', 'C', 'out', 'family', 'contract', 180_000],
    ['deductible', 'C', 'out', 'family', 'remaining', 65_000],
    ['out-of-pocket', 'G', 'out', 'family', 'remaining', 240_000],
    ['coinsurance', 'A', 'out', 'family', 'calendar-year', 400_000],
    ['deductible', 'C', 'out', 'family', 'unknown', 99_900],
  ]);
  t.notOk(coverage.warnings.some((w) => w.code === 'fhir.unknown-network' || w.code === 'fhir.unknown-benefit-type'));
});

t.test('benefit periods sent as timestamps become calendar days, and partial dates are left out with a warning', async (t) => {
  const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, benefitPeriod: { start: '2026-01-01T00:00:00.000Z', end: '2026-12' } }]));
  t.equal(coverage.plan.dates.benefitYearBegin, '2026-01-01');
  t.equal(coverage.plan.dates.benefitYearEnd, undefined);
  t.ok(coverage.warnings.some((w) => w.code === 'fhir.partial-date' && w.pointer === '$.insurance[0].benefitPeriod.end'));
});

t.test('without inforce, an Active Coverage or Inactive benefit line settles eligibility as it does in a 271', async (t) => {
  const line = (text: string) => ({ coverage: {}, item: [{ category: { coding: [{ code: '30' }] }, benefit: [{ type: { text } }] }] });
  t.equal(onlyCoverage(response([line('Active Coverage')])).eligibility.status, 'active');
  t.equal(onlyCoverage(response([line('Inactive')])).eligibility.status, 'inactive');
  const both = onlyCoverage(response([{ coverage: {}, item: [{ benefit: [{ type: { text: 'Active Coverage' } }, { type: { text: 'Inactive' } }] }] }]));
  t.equal(both.eligibility.status, 'undetermined', 'lines that disagree settle nothing');
});

t.test('an STU3 EligibilityResponse is refused by name, not as "not an eligibility response"', async (t) => {
  t.throws(() => fhirEligibilityResponseToCoverages({ resourceType: 'EligibilityResponse', outcome: { text: 'complete' } }), {
    code: 'format.unsupported', message: /STU3 EligibilityResponse is not supported; send an R4 CoverageEligibilityResponse/,
  });
});

t.test('an unsettled answer with no error code to act on still tells the coordinator to verify coverage by hand', async (t) => {
  const failed = fhirEligibilityResponseToCoverages(response([{ coverage: { reference: 'Coverage/x' }, inforce: false }], { outcome: 'error', disposition: 'Not processed' }))[0];
  t.equal(failed?.eligibility.status, 'undetermined');
  t.same(failed?.actions.map((a) => a.kind), ['verify-manually']);
  const empty = fhirEligibilityResponseToCoverages({ resourceType: 'CoverageEligibilityResponse', outcome: 'complete', disposition: 'Nothing found' })[0];
  t.equal(empty?.eligibility.status, 'undetermined');
  t.same(empty?.actions.map((a) => a.kind), ['verify-manually']);
  const settled = fhirEligibilityResponseToCoverages(response([{ coverage: { reference: 'Coverage/x' }, inforce: true }]))[0];
  t.same(settled?.actions, [], 'no extra step when the payer settled it');
});

t.test('a coinsurance over 100%, or sent as money with a currency, is left out with a warning instead of pricing thousands of percent', async (t) => {
  // A public FHIR test-data generator writes copay-percent as allowedMoney / usedMoney in USD.
  const asMoney = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedMoney: { value: 45000, currency: 'USD' }, usedMoney: { value: 20, currency: 'USD' } })] }]));
  t.ok(asMoney.benefits.filter((b) => b.kind === 'coinsurance').every((b) => b.percentPpm === undefined && b.amountCents === undefined), 'neither a percent nor dollars');
  t.same(asMoney.warnings.filter((w) => w.code === 'fhir.percent-as-money').map((w) => w.pointer), [
    '$.insurance[0].item[0].benefit[0].allowed', '$.insurance[0].item[0].benefit[0].used',
  ]);
  for (const benefit of [{ allowedUnsignedInt: 2000 }, { allowedString: '150' }, { allowedString: '250%' }, { allowedMoney: { value: 120 } }]) {
    const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem(benefit)] }]));
    t.equal(coverage.benefits.find((b) => b.kind === 'coinsurance')?.percentPpm, undefined, JSON.stringify(benefit));
    const warning = coverage.warnings.find((w) => w.code === 'fhir.percent-over-100');
    t.match(warning?.message ?? '', /over 100%/, `${JSON.stringify(benefit)}: warned`);
  }
  const whole = onlyCoverage(response([{ coverage: {}, inforce: true, item: [coinsuranceItem({ allowedUnsignedInt: 100 })] }]));
  t.equal(whole.benefits.find((b) => b.kind === 'coinsurance')?.percentPpm, 1_000_000, '100% is still a valid share');
});

t.test('a queued response (received, not processed) is a retryable non-answer, never inactive coverage from its inforce false', async (t) => {
  const queued = onlyCoverage(response([{ coverage: { reference: 'Coverage/c1' }, inforce: false }], { outcome: 'queued', disposition: 'submitted' }));
  t.equal(queued.eligibility.status, 'undetermined');
  t.match(queued.eligibility.reason, /queued/);
  t.same(queued.payerErrors.map((e) => [e.code, e.retryable]), [['queued', true]]);
  t.same(queued.actions.map((a) => a.kind), ['retry-later']);
  t.same(queued.benefits, [], 'the disposition is not kept as a benefit, so the answer reads as a rejection');
  t.ok(queued.warnings.some((w) => w.code === 'fhir.inforce-contradicts-error' && /queued/.test(w.message)));
  const bare = fhirEligibilityResponseToCoverages({ resourceType: 'CoverageEligibilityResponse', outcome: 'queued' })[0];
  t.same(bare?.actions.map((a) => a.kind), ['retry-later']);
  t.match(bare?.eligibility.reason ?? '', /queued/);
});

t.test('a response with status entered-in-error is not read: no benefit from it is priced and it reads as a rejection', async (t) => {
  const item = { category: { coding: [{ code: 'MH' }] }, network: { coding: [{ code: 'in' }] }, benefit: [{ type: { coding: [{ code: 'copay' }] }, allowedMoney: { value: 25, currency: 'USD' } }] };
  const coverage = onlyCoverage(response([{ coverage: {}, inforce: true, item: [item] }], { status: 'entered-in-error' }));
  t.equal(coverage.eligibility.status, 'undetermined', 'inforce true on an erroneous answer settles nothing');
  t.same(coverage.benefits, []);
  t.equal(resolveCostSharingTerms(coverage, 'iop-mental-health', 'in').copay, undefined, 'the $25 copay is not priced');
  t.same(coverage.payerErrors.map((e) => [e.code, e.retryable]), [['entered-in-error', false]]);
  t.ok(coverage.warnings.some((w) => w.code === 'fhir.entered-in-error'));
});

t.test('a cancelled response never reads as active coverage, even with benefit amounts; with inforce false it is inactive', async (t) => {
  // Candid-via-Medplum documents status 'cancelled' as "coverage not active or inactive".
  const item = { category: { coding: [{ code: '30' }] }, benefit: [{ type: { text: 'CoinsurancePercent' }, allowedUnsignedInt: 20 }] };
  const noInforce = onlyCoverage(response([{ coverage: {}, item: [item] }], { status: 'cancelled' }));
  t.equal(noInforce.eligibility.status, 'undetermined');
  t.same(noInforce.warnings.filter((w) => w.code === 'fhir.response-cancelled').map((w) => w.pointer), ['$.status']);
  t.same(noInforce.actions.map((a) => a.kind), ['verify-manually']);
  t.equal(onlyCoverage(response([{ coverage: {}, inforce: true, item: [item] }], { status: 'cancelled' })).eligibility.status, 'undetermined');
  t.equal(onlyCoverage(response([{ coverage: {}, inforce: false }], { status: 'cancelled' })).eligibility.status, 'inactive');
  t.equal(onlyCoverage(response([{ coverage: {}, inforce: true, item: [item] }], { status: 'active' })).eligibility.status, 'active');
});

t.test('a benefit without a type, or an insurance without a coverage, is kept with a warning instead of refusing the whole answer', async (t) => {
  // Shape published for an n8n FHIR node: category only as text, benefits with only allowedMoney / usedMoney.
  const doc = response([{
    inforce: true,
    item: [
      { category: { text: 'Copay' }, benefit: [{ allowedMoney: { value: 25, currency: 'USD' } }] },
      { category: { text: 'Deductible' }, benefit: [{ usedMoney: { value: 500, currency: 'USD' } }] },
    ],
  }]);
  const coverage = onlyCoverage(doc);
  t.equal(coverage.eligibility.status, 'active', 'inforce true is still read');
  const copayLine = coverage.benefits.find((b) => b.id === 'fhir-0-0-0');
  t.match(copayLine, { kind: 'other', amountCents: 2500 }, 'kept, but not priced as a copay it never named');
  t.ok(copayLine?.notes.includes('Benefit category: Copay'), "the category's words label the line");
  t.same(coverage.warnings.filter((w) => w.code === 'fhir.unknown-benefit-type').map((w) => w.pointer), [
    '$.insurance[0].item[0].benefit[0].type', '$.insurance[0].item[1].benefit[0].type',
  ]);
  t.equal(resolveCostSharingTerms(coverage, 'outpatient-therapy', 'in').copay, undefined);
});

t.test('a Coverage whose type is only the text "PPO" or "HMO" gives that plan type; other text stays unknown', async (t) => {
  const withType = (type: unknown) => onlyCoverage({
    resourceType: 'CoverageEligibilityResponse', outcome: 'complete',
    contained: [{ resourceType: 'Coverage', id: 'c', type }],
    insurance: [{ coverage: { reference: '#c' }, inforce: true }],
  }).plan.type;
  t.equal(withType({ text: 'PPO' }), 'PPO');
  t.equal(withType({ text: ' hmo ' }), 'HMO');
  t.equal(withType({ text: 'Gold PPO Plus' }), 'unknown');
  t.equal(withType({ coding: [{ code: 'HMO' }], text: 'PPO' }), 'HMO', 'a code wins over text');
});

t.test("a coded benefit type keeps the payer's own label as a note when it says more than the code's display", async (t) => {
  // Shape of the Nigeria Core IG pre-auth example: a 'room' code labelled "HMO Coverage Amount".
  const coverage = onlyCoverage(response([{ inforce: true, item: [{ benefit: [
    { type: { coding: [{ code: 'room', display: 'Room' }], text: 'HMO Coverage Amount' }, allowedMoney: { value: 135, currency: 'USD' } },
    { type: { coding: [{ code: 'copay', display: 'Copayment per service' }], text: 'Copayment per service' }, allowedMoney: { value: 15, currency: 'USD' } },
  ] }] }]));
  t.ok(coverage.benefits.find((b) => b.id === 'fhir-0-0-0')?.notes.includes('Benefit label: HMO Coverage Amount'));
  t.notOk(coverage.benefits.find((b) => b.id === 'fhir-0-0-1')?.notes.some((n) => n.startsWith('Benefit label')), 'a label that repeats the display is not added');
});

t.test("a category coded by name in an X12 system ('mental-health' / \"Mental Health\") is read as MH, so its copay and authorization price the visit", async (t) => {
  // Shape of a public X12-to-FHIR converter that writes MH, 85, 87 as words in ex-benefitcategory.
  const cat = (code: string, display: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory', code, display }] });
  const copay = (value: number) => ({ type: { coding: [{ code: 'copay' }] }, allowedMoney: { value, currency: 'USD' } });
  const coverage = onlyCoverage(response([{ inforce: true, item: [
    { category: cat('30', 'Health Benefit Plan Coverage'), network: { coding: [{ code: 'in' }] }, benefit: [copay(20)] },
    { category: cat('mental-health', 'Mental Health'), network: { coding: [{ code: 'in' }] }, authorizationRequired: true, benefit: [copay(45)] },
    { category: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory', code: 'mental-health' }] }, benefit: [] },
    { category: cat('vision', 'Vision'), benefit: [copay(10)] },
  ] }]));
  const terms = resolveCostSharingTerms(coverage, 'outpatient-therapy', 'in');
  t.same(terms.copay?.value, { amountCents: 4500, per: 'visit' }, 'the $45 mental health copay, not the $20 plan copay');
  t.equal(terms.authorizationRequired.value, 'yes');
  t.equal(terms.chosen.serviceType, 'MH');
  t.same(coverage.benefits.find((b) => b.id === 'fhir-0-2')?.serviceTypes, ['MH'], 'the code alone is read by name too');
  t.same(coverage.benefits.find((b) => b.id === 'fhir-0-3')?.serviceTypes, [], 'a word that is no X12 name is not kept as a code');
  t.same(coverage.warnings.filter((w) => w.code === 'fhir.unmapped-category').map((w) => w.pointer), ['$.insurance[0].item[3].category']);
});

t.test('a copay, deductible or out-of-pocket sent as a bare number is left out with a warning, not read as a visit count', async (t) => {
  // Medplum's Opkit bot writes a percent copay as { type: copay, allowedUnsignedInt: 20 }.
  const coverage = onlyCoverage(response([{ inforce: true, item: [{ category: { coding: [{ code: 'MH' }] }, benefit: [
    { type: { coding: [{ code: 'copay' }] }, allowedUnsignedInt: 20 },
    { type: { coding: [{ code: 'deductible' }] }, allowedUnsignedInt: 500, usedUnsignedInt: 100 },
    { type: { coding: [{ code: 'visit' }] }, allowedUnsignedInt: 30, usedUnsignedInt: 8 },
  ] }] }]));
  const money = coverage.benefits.filter((b) => b.kind === 'copay' || b.kind === 'deductible');
  t.ok(money.length > 0 && money.every((b) => b.quantity === undefined && b.amountCents === undefined), 'no "20 visits" copay and no invented remaining');
  t.notOk(coverage.benefits.some((b) => b.id.startsWith('fhir-0-0-1-remaining')));
  t.same(coverage.warnings.filter((w) => w.code === 'fhir.count-on-money-benefit').map((w) => w.pointer), [
    '$.insurance[0].item[0].benefit[0].allowed', '$.insurance[0].item[0].benefit[1].allowed', '$.insurance[0].item[0].benefit[1].used',
  ]);
  t.equal(coverage.benefits.find((b) => b.id === 'fhir-0-0-2-remaining')?.quantity?.value, 22, 'a visit limit is still a count');
});

t.test("cost sharing stated only on the Coverage (costToBeneficiary) is read, cited to the Coverage, and prices the program", async (t) => {
  // NPHIES-shaped (synthetic): no benefit items; the policy's copay percent is on the bundled Coverage.
  const bundle = {
    resourceType: 'Bundle',
    entry: [
      { resource: response([{ coverage: { reference: 'Coverage/cov-1' }, inforce: true }]) },
      { resource: {
        resourceType: 'Coverage', id: 'cov-1',
        costToBeneficiary: [
          { type: { coding: [{ system: 'http://nphies.sa/terminology/CodeSystem/coverage-copay-type', code: 'maxcopay' }] }, valueMoney: { value: 100, currency: 'SAR' } },
          { type: { coding: [{ system: 'http://nphies.sa/terminology/CodeSystem/coverage-copay-type', code: 'copaypct' }] }, valueQuantity: { value: 20, system: 'http://unitsofmeasure.org', code: '%' } },
        ],
      } },
    ],
  };
  const [coverage] = fhirEligibilityResponseToCoverages(bundle);
  const coinsurance = coverage!.benefits.find((b) => b.kind === 'coinsurance');
  t.equal(coinsurance?.percentPpm, 200_000);
  t.same(coinsurance?.serviceTypes, ['30']);
  t.equal(coinsurance?.source.pointer, '$.entry[1].resource.costToBeneficiary[1]');
  t.equal(coverage!.benefits.find((b) => b.rawCode === 'maxcopay')?.amountCents, undefined, 'money in another currency is left out');
  t.ok(coverage!.warnings.some((w) => w.pointer === '$.entry[1].resource.costToBeneficiary[0].value'));
  t.equal(resolveCostSharingTerms(coverage!, 'iop-mental-health', 'in').coinsurancePpm?.value, 200_000);
  t.equal(coverage!.eligibility.status, 'active');

  // CARIN insurance-card-shaped (synthetic): level and network are in the code; pharmacy lines and visit copays never price a program.
  const carin = response([{ coverage: { reference: '#cov' }, inforce: true }], {
    contained: [{
      resourceType: 'Coverage', id: 'cov',
      costToBeneficiary: [
        { type: { coding: [{ system: 'http://hl7.org/fhir/us/insurance-card/CodeSystem/C4DICExtendedCopayTypeCS', code: 'IndInDed' }] }, valueMoney: { value: 1500, currency: 'USD' } },
        { type: { coding: [{ system: 'http://hl7.org/fhir/us/insurance-card/CodeSystem/C4DICExtendedCopayTypeCS', code: 'FamOutMax' }] }, valueMoney: { value: 12000, currency: 'USD' } },
        { type: { coding: [{ system: 'http://hl7.org/fhir/us/insurance-card/CodeSystem/C4DICExtendedCopayTypeCS', code: 'IndRxInDed' }] }, valueMoney: { value: 250, currency: 'USD' } },
        { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-copay-type', code: 'spvisit' }] }, valueMoney: { value: 40, currency: 'USD' } },
        { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/coverage-copay-type', code: 'rx' }] }, valueMoney: {
          extension: [{ url: 'http://hl7.org/fhir/us/insurance-card/StructureDefinition/C4DIC-BeneficiaryCostString-extension', valueString: 'DED THEN $10/$40' }],
        } },
      ],
    }],
  });
  const [card] = fhirEligibilityResponseToCoverages(carin);
  const deductible = card!.benefits.find((b) => b.rawCode === 'IndInDed');
  t.match(deductible, { kind: 'deductible', amountCents: 150_000, network: 'in', coverageLevel: 'individual', serviceTypes: ['30'] });
  t.match(card!.benefits.find((b) => b.rawCode === 'FamOutMax'), { kind: 'out-of-pocket', amountCents: 1_200_000, network: 'out', coverageLevel: 'family' });
  t.same(card!.benefits.find((b) => b.rawCode === 'IndRxInDed')?.serviceTypes, ['88']);
  t.same(card!.benefits.find((b) => b.rawCode === 'spvisit')?.serviceTypes, []);
  t.match(card!.benefits.find((b) => b.rawCode === 'rx')?.notes, [/costToBeneficiary/, /DED THEN \$10\/\$40/]);
  const terms = resolveCostSharingTerms(card!, 'iop-mental-health', 'in');
  t.equal(terms.deductible.individual?.totalCents?.value, 150_000);
  t.equal(terms.copay, undefined, 'a specialist-visit copay is not an IOP copay');
});

t.test("the Coverage's costToBeneficiary is not read beside items that state cost sharing, nor on an answer that settled nothing", async (t) => {
  const coverageWith20 = { resourceType: 'Coverage', id: 'cov', costToBeneficiary: [{ type: { coding: [{ code: 'copaypct' }] }, valueQuantity: { value: 20 } }] };
  const items = response([{
    coverage: { reference: '#cov' }, inforce: true,
    item: [{ category: { coding: [{ code: 'MH' }] }, benefit: [{ type: { coding: [{ code: 'coinsurance' }] }, allowedUnsignedInt: 10 }] }],
  }], { contained: [coverageWith20] });
  const [withItems] = fhirEligibilityResponseToCoverages(items);
  t.same(withItems!.benefits.filter((b) => b.kind === 'coinsurance').map((b) => b.percentPpm), [100_000]);
  t.ok(withItems!.warnings.some((w) => w.code === 'fhir.cost-to-beneficiary-not-read'));

  const queued = response([{ coverage: { reference: '#cov' } }], { outcome: 'queued', contained: [coverageWith20] });
  const [notYet] = fhirEligibilityResponseToCoverages(queued);
  t.equal(notYet!.benefits.filter((b) => b.kind === 'coinsurance').length, 0);
});

t.test('every EB01 name with a 271 meaning is read from benefit.type.text, not only the cost-sharing ones', async (t) => {
  // A converter (Canvas-style) writes each EB01 by name: a carve-out's "Contact Following Entity ...",
  // another payer, a limitation on the mental-health item.
  const coverage = onlyCoverage(response([{ coverage: {}, item: [
    { name: 'Mental Health', benefit: [
      { type: { text: 'Contact Following Entity for Eligibility or Benefit Information' } },
      { type: { text: 'Limitations (Incomplete information)' } },
      { type: { text: 'Other or Additional Payor' } },
      { type: { text: 'Active - Pending Investigation' } },
      { type: { text: 'Benefit Disclaimer (Incomplete information)' } },
    ] },
  ] }]));
  t.same(coverage.benefits.filter((b) => b.id.startsWith('fhir-0-0-')).map((b) => [b.kind, b.serviceTypes]), [
    ['contact-entity', ['MH']], ['limitation', ['MH']], ['other-payer', ['MH']], ['active-coverage', ['MH']], ['other', ['MH']],
  ]);
  // Only the disclaimer (EB01 P, no kind in a 271 either) is still unknown.
  t.same(coverage.warnings.filter((w) => w.code === 'fhir.unknown-benefit-type').map((w) => w.pointer), ['$.insurance[0].item[0].benefit[4].type']);
});

t.test("the insurer Organization's telecom and contacts become the payer's contacts; a malformed one loses nothing else", async (t) => {
  const insurer = {
    resourceType: 'Organization', id: 'ins', name: 'Example Health Plan',
    telecom: [{ system: 'phone', value: '800-555-0199' }, { system: 'url', value: 'https://providers.example.org' }, { system: 'phone' }],
    contact: [{ purpose: { coding: [{ code: 'PAYOR', display: 'Payor' }], text: 'Provider services' }, telecom: [{ system: 'fax', value: '800-555-0198' }] }],
  };
  const withContacts = onlyCoverage(response([{ coverage: {}, inforce: true }], { contained: [insurer], insurer: { reference: '#ins' } }));
  t.equal(withContacts.payer.name, 'Example Health Plan');
  t.same(withContacts.payer.contacts, [
    { kind: 'phone', value: '800-555-0199' },
    { kind: 'url', value: 'https://providers.example.org' },
    { kind: 'fax', value: '800-555-0198', name: 'Provider services' },
  ]);
  const malformed = onlyCoverage(response([{ coverage: {}, inforce: true }], { contained: [{ ...insurer, telecom: 'call us', contact: 7 }], insurer: { reference: '#ins' } }));
  t.equal(malformed.payer.name, 'Example Health Plan');
  t.equal(malformed.payer.contacts, undefined);
  t.equal(malformed.eligibility.status, 'active');
});
