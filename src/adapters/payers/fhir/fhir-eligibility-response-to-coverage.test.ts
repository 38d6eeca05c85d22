import t from 'tap';
import { isDomainError } from '../../../core/errors.js';
import { fhirEligibilityResponseToCoverages } from './fhir-eligibility-response-to-coverage.js';
import { fhirMoneyToCents, jsonNumberToDecimalText } from './fhir-decimal.js';

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
