import t from 'tap';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDomainError } from '../../core/errors.js';
import { detectPayerFormat, normalizePayerDocument } from './normalize-payer-document.js';
import { resolveCostSharingTerms } from '../../core/coverage/resolve-cost-sharing.js';

const root = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const read = (path: string): string => readFileSync(`${root}${path}`, 'utf8');
// Regenerate with UPDATE_GOLDEN=1 after reviewing the diff by hand.
const update = process.env.UPDATE_GOLDEN === '1';

const GOLDEN: [string, string][] = [
  ['fhir/samples/r4core_coverageeligibilityresponse-example.json', 'fhir/golden/r4core_coverageeligibilityresponse-example.coverage.json'],
  ['fhir/samples/r4core_coverageeligibilityresponse-example-benefits.json', 'fhir/golden/r4core_coverageeligibilityresponse-example-benefits.coverage.json'],
  ['fhir/samples/r4core_coverageeligibilityresponse-example-error.json', 'fhir/golden/r4core_coverageeligibilityresponse-example-error.coverage.json'],
  ['fhir/bh-mental-health-in-and-out-of-network.json', 'fhir/golden/bh-mental-health-in-and-out-of-network.coverage.json'],
  ['clearinghouse/samples/stedi-rs_guardian_dental_response_extracted.json', 'clearinghouse/golden/stedi-rs_guardian_dental_response_extracted.coverage.json'],
  ['clearinghouse/bh-iop-patient.json', 'clearinghouse/golden/bh-iop-patient.coverage.json'],
  ['clearinghouse/aaa-72-invalid-member.json', 'clearinghouse/golden/aaa-72-invalid-member.coverage.json'],
];

t.test('normalized output of each reviewed fixture matches its committed golden file', async (t) => {
  for (const [input, golden] of GOLDEN) {
    const actual = `${JSON.stringify(normalizePayerDocument(read(input)), null, 2)}\n`;
    if (update) writeFileSync(`${root}${golden}`, actual);
    t.equal(actual, read(golden), input);
  }
});

t.test('every public FHIR and clearinghouse sample either normalizes or fails with a typed DomainError', async (t) => {
  const outcomes: Record<string, string> = {};
  for (const dir of ['fhir/samples', 'clearinghouse/samples']) {
    for (const file of readdirSync(`${root}${dir}`)) {
      try {
        const result = normalizePayerDocument(read(`${dir}/${file}`));
        outcomes[file] = `ok:${result.format}`;
      } catch (error) {
        t.ok(isDomainError(error), `${file} throws only DomainError`);
        outcomes[file] = isDomainError(error) ? error.code : 'crash';
      }
    }
  }
  t.same(outcomes, {
    'davinci-pas_conformant_pas_bundle_v110.json': 'format.unsupported',
    'davinci-pas_valid_pa_inquire_response_bundle.json': 'format.unsupported',
    'davinci-pas_valid_pa_response_bundle.json': 'format.unsupported',
    'davinci-pas_valid_pa_response_bundle_denial.json': 'format.unsupported',
    'r4core_claimresponse-example-2.json': 'format.unsupported',
    'r4core_claimresponse-example-unsolicited-preauth.json': 'format.unsupported',
    'r4core_claimresponse-example.json': 'format.unsupported',
    'r4core_coverage-example-2.json': 'format.unsupported',
    'r4core_coverage-example-ehic.json': 'format.unsupported',
    'r4core_coverage-example-selfpay.json': 'format.unsupported',
    'r4core_coverage-example.json': 'format.unsupported',
    'r4core_coverageeligibilityrequest-example-2.json': 'format.unsupported',
    'r4core_coverageeligibilityrequest-example.json': 'format.unsupported',
    'r4core_coverageeligibilityresponse-example-benefits.json': 'ok:fhir-r4',
    'r4core_coverageeligibilityresponse-example-error.json': 'ok:fhir-r4',
    'r4core_coverageeligibilityresponse-example.json': 'ok:fhir-r4',
    'eligible_expected_CoverageDependent.json': 'format.unsupported',
    'eligible_mock_CostEstimate.json': 'format.parse-error',
    'eligible_mock_CostEstimateMedicare.json': 'format.unsupported',
    'eligible_mock_Coverage.json': 'format.unsupported',
    'eligible_mock_Medicare.json': 'format.unsupported',
    'eligible_mock_MedicareError.json': 'format.unsupported',
    'eligible_mock_PreCertification.json': 'format.unsupported',
    'stedi-rs_guardian_dental_response_extracted.json': 'ok:clearinghouse-json',
  });
});

t.test('a ClaimResponse is refused as unsupported, naming the resource type', async (t) => {
  t.throws(() => normalizePayerDocument(read('fhir/samples/r4core_claimresponse-example.json')), { code: 'format.unsupported', message: /ClaimResponse/ });
});

t.test('detects X12 after a byte-order mark and whitespace, FHIR by resourceType, clearinghouse JSON by its fields', async (t) => {
  t.equal(detectPayerFormat('\uFEFF  \nISA*00*          *00*'), 'x12-271');
  t.equal(detectPayerFormat('{"resourceType":"CoverageEligibilityResponse"}'), 'fhir-r4');
  t.equal(detectPayerFormat('{"benefitsInformation":[]}'), 'clearinghouse-json');
  t.equal(detectPayerFormat('{"planStatus":[]}'), 'clearinghouse-json');
  t.equal(detectPayerFormat('{"subscriber":{},"payer":{}}'), 'clearinghouse-json');
  t.equal(detectPayerFormat('{"reporting_entity_name":"x"}'), undefined);
  t.equal(detectPayerFormat('hello'), undefined);
  t.equal(detectPayerFormat('{"broken":'), undefined);
});

t.test('an unknown document is refused as unrecognized', async (t) => {
  t.throws(() => normalizePayerDocument('name,member id\nA,B'), { code: 'format.unrecognized' });
  t.throws(() => normalizePayerDocument('{"reporting_entity_name":"x"}'), { code: 'format.unrecognized' });
});

t.test('invalid JSON is a parse error whose message never quotes the document', async (t) => {
  const body = '{"subscriber": {"memberId": "SYNTH-SECRET-1", "lastName": EXAMPLEPERSON}}';
  try {
    normalizePayerDocument(body);
    t.fail('should throw');
  } catch (error) {
    t.ok(isDomainError(error));
    if (!isDomainError(error)) return;
    t.equal(error.code, 'format.parse-error');
    t.notMatch(error.message, /EXAMPLEPERSON|SYNTH-SECRET/);
    t.notMatch(JSON.stringify(error.meta), /EXAMPLEPERSON|SYNTH-SECRET/);
  }
  t.throws(() => normalizePayerDocument('{"a":', 'fhir-r4'), { code: 'format.parse-error' });
});

t.test('an X12 271 body is dispatched to the X12 reader', async (t) => {
  const x12 = readdirSync(`${root}x12/samples`).find((f) => f.includes('271'));
  t.ok(x12, 'an X12 271 sample exists');
  if (!x12) return;
  const result = normalizePayerDocument(read(`x12/samples/${x12}`));
  t.equal(result.format, 'x12-271');
  t.ok(result.coverages.length > 0);
  t.throws(() => normalizePayerDocument('ISA*garbage'), { code: 'format.parse-error' });
});

t.test('manual format is not parsed from a document', async (t) => {
  t.throws(() => normalizePayerDocument('{}', 'manual'), { code: 'format.unsupported' });
});

t.test('the FHIR mental-health fixture resolves to exact in- and out-of-network IOP terms', async (t) => {
  const [coverage] = normalizePayerDocument(read('fhir/bh-mental-health-in-and-out-of-network.json')).coverages;
  t.ok(coverage);
  if (!coverage) return;
  t.equal(coverage.payer.name, 'Example Synthetic Health Plan');
  t.equal(coverage.plan.type, 'PPO');
  t.equal(coverage.plan.groupNumber, 'GRP-TEST-42');
  t.equal(coverage.plan.name, 'Synthetic Gold PPO');
  t.equal(coverage.plan.dates.benefitYearBegin, '2026-01-01');
  t.equal(coverage.eligibility.status, 'active');
  t.equal(coverage.subscriber?.phi.memberId, 'SYNTH000001');
  const inNet = resolveCostSharingTerms(coverage, 'iop-mental-health', 'in');
  t.equal(inNet.deductible.individual?.totalCents?.value, 150_000);
  t.equal(inNet.deductible.individual?.metCents?.value, 90_010, '900.10 dollars, exactly');
  t.equal(inNet.deductible.individual?.remainingCents?.value, 59_990);
  t.equal(inNet.outOfPocket.individual?.remainingCents?.value, 476_544);
  t.same(inNet.copay?.value, { amountCents: 4_550, per: 'day' });
  // CH (the IOP facility) states a per-day copay; MH's 20% is the broader category's answer and is
  // not added on top, but it is named.
  t.equal(inNet.coinsurancePpm, undefined);
  t.ok(inNet.unknowns.some((u) => u.startsWith('The coinsurance (20%) sent for MH') && u.includes("CH is the program's own code")));
  t.equal(resolveCostSharingTerms(coverage, 'outpatient-therapy', 'in').coinsurancePpm?.sources[0]?.pointer, '$.insurance[0].item[1].benefit[0].allowed', 'therapy, with no CH line, takes MH\'s 20%');
  t.equal(inNet.authorizationRequired.value, 'yes');
  const outNet = resolveCostSharingTerms(coverage, 'iop-mental-health', 'out');
  t.equal(outNet.coinsurancePpm?.value, 400_000);
  t.equal(outNet.deductible.individual?.totalCents?.value, 300_000);
  t.equal(resolveCostSharingTerms(coverage, 'residential', 'out').notCovered?.value, true);
});

t.test('the clearinghouse IOP fixture gives remaining vs total deductible, prior auth and the carve-out', async (t) => {
  const [coverage] = normalizePayerDocument(read('clearinghouse/bh-iop-patient.json')).coverages;
  t.ok(coverage);
  if (!coverage) return;
  t.equal(coverage.plan.type, 'POS');
  t.equal(coverage.plan.dates.planBegin, '2026-01-01');
  t.equal(coverage.plan.dates.planEnd, '2026-12-31');
  t.equal(coverage.eligibility.status, 'active');
  t.ok(coverage.actions.some((a) => a.kind === 'check-carve-out' && a.entity?.name === 'EXAMPLE BEHAVIORAL CARVE-OUT LLC'));
  const terms = resolveCostSharingTerms(coverage, 'iop-mental-health', 'in');
  t.equal(terms.deductible.individual?.totalCents?.value, 200_000);
  t.equal(terms.deductible.individual?.remainingCents?.value, 125_075);
  t.equal(terms.deductible.individual?.metCents?.value, 74_925);
  t.equal(terms.deductible.family?.remainingCents?.value, 310_000);
  t.equal(terms.outOfPocket.individual?.remainingCents?.value, 610_025);
  t.equal(terms.coinsurancePpm?.value, 200_000);
  t.equal(terms.chosen.serviceType, 'CH');
  t.equal(terms.authorizationRequired.value, 'yes');
  t.ok(terms.unknowns.some((u) => u.includes('EXAMPLE BEHAVIORAL CARVE-OUT LLC')));
  t.ok(terms.unknowns.some((u) => u.includes('POS plan')));
  const oon = resolveCostSharingTerms(coverage, 'iop-mental-health', 'out');
  t.equal(oon.coinsurancePpm?.value, 500_000);
  t.equal(oon.deductible.individual?.totalCents?.value, 500_000);
  const therapy = resolveCostSharingTerms(coverage, 'outpatient-therapy', 'in');
  t.same(therapy.copay?.value, { amountCents: 3_500, per: 'visit' });
  t.same(therapy.limit?.value, { total: 30, remaining: 22, unit: 'visit', period: 'calendar-year' });
});

t.test('an AAA 72 rejection in clearinghouse JSON becomes a fix-the-request payer error', async (t) => {
  const [coverage] = normalizePayerDocument(read('clearinghouse/aaa-72-invalid-member.json')).coverages;
  t.equal(coverage?.eligibility.status, 'undetermined');
  t.same(coverage?.payerErrors.map((e) => [e.code, e.level, e.followUpCode, e.retryable]), [['72', 'subscriber', 'C', false]]);
  t.equal(coverage?.actions[0]?.kind, 'fix-request');
});
