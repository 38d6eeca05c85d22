import t from 'tap';
import { clearinghouseToCoverages } from './clearinghouse-to-coverage.js';

// Synthetic member data only: these strings must never reach descriptions, reasons or warnings.
const MEMBER = { memberId: 'ZQX00417', firstName: 'Ottoline', lastName: 'Brackenridge', dateOfBirth: '19790214' };

const read = (json: unknown) => {
  const [coverage] = clearinghouseToCoverages(json);
  if (!coverage) throw new Error('no coverage');
  return coverage;
};

const benefit = (fields: Record<string, unknown>) =>
  read({ payer: { name: 'Example Plan' }, subscriber: MEMBER, planStatus: [{ statusCode: '1' }], benefitsInformation: [{ code: 'B', serviceTypeCodes: ['MH'], ...fields }] });

t.test('an AAA error on the subscriber object (where Stedi puts most of them) is a payer error with its action', async (t) => {
  const coverage = read({ payer: { name: 'Example Plan' }, subscriber: { ...MEMBER, aaaErrors: [{ code: '75', followupAction: 'Please Correct and Resubmit', location: 'Loop 2100C' }] } });
  t.equal(coverage.eligibility.status, 'undetermined');
  t.same(coverage.payerErrors.map((e) => [e.code, e.level, e.followUpCode, e.retryable, e.source.pointer]), [['75', 'subscriber', 'C', false, '$.subscriber.aaaErrors[0]']]);
  t.equal(coverage.actions[0]?.kind, 'fix-request');
  t.match(coverage.eligibility.reason, 'Subscriber/Insured Not Found');
});

t.test('AAA errors on the payer, provider and dependent objects are read too, each at its level', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan', aaaErrors: [{ code: '42' }] },
    provider: { npi: '1234567893', aaaErrors: [{ code: '43' }] },
    subscriber: MEMBER,
    dependents: [{ firstName: 'Wren', lastName: 'Brackenridge', aaaErrors: [{ code: '75' }] }],
  });
  t.same(coverage.payerErrors.map((e) => [e.code, e.level]), [['42', 'source'], ['43', 'receiver'], ['75', 'dependent']]);
  t.equal(coverage.payerErrors[0]?.retryable, true, '42 (unable to respond now) can be retried');
  t.same(coverage.actions.map((a) => a.kind), ['retry-later', 'fix-request', 'fix-request']);
});

t.test("the payer's free text never becomes a description or reason, since it can quote the member", async (t) => {
  const coverage = read({
    subscriber: MEMBER,
    errors: [{ code: 'ZZ', description: `Member ${MEMBER.memberId} ${MEMBER.lastName} not on file` }],
    planStatus: [],
  });
  t.equal(coverage.payerErrors[0]?.description, 'Unrecognized reject reason code');
  const visible = JSON.stringify({ errors: coverage.payerErrors, eligibility: coverage.eligibility, actions: coverage.actions, warnings: coverage.warnings });
  t.notMatch(visible, MEMBER.memberId);
  t.notMatch(visible, MEMBER.lastName);
});

t.test('a blank or non-decimal quantity is left out with a warning, never read as 0', async (t) => {
  for (const quantity of ['', ' ', '0x1F', '-3', '1e2']) {
    const coverage = benefit({ code: 'F', quantityQualifierCode: 'VS', benefitQuantity: quantity });
    t.equal(coverage.benefits[0]?.quantity, undefined, JSON.stringify(quantity));
    t.equal(coverage.warnings[0]?.code, 'clearinghouse.invalid-quantity');
  }
  t.same(benefit({ code: 'F', quantityQualifierCode: 'VS', benefitQuantity: '30' }).benefits[0]?.quantity, { value: 30, unit: 'visit', qualifier: 'VS' });
});

t.test('amounts, percents and quantities sent as JSON numbers are read exactly, as their text would be', async (t) => {
  t.equal(benefit({ benefitAmount: 30 }).benefits[0]?.amountCents, 3_000);
  t.equal(benefit({ benefitAmount: 1234.56 }).benefits[0]?.amountCents, 123_456);
  t.equal(benefit({ code: 'A', benefitPercent: 0.2 }).benefits[0]?.percentPpm, 200_000);
  t.equal(benefit({ code: 'F', quantityQualifierCode: 'DY', benefitQuantity: 20 }).benefits[0]?.quantity?.value, 20);
});

t.test('a lone service type string and null lists are accepted rather than failing the whole answer', async (t) => {
  t.same(benefit({ serviceTypeCodes: 'MH' }).benefits[0]?.serviceTypes, ['MH']);
  const coverage = read({ payer: { name: 'Example Plan' }, subscriber: MEMBER, planStatus: [{ statusCode: '1' }], benefitsInformation: null, errors: null, dependents: null });
  t.equal(coverage.eligibility.status, 'active');
  t.same(coverage.benefits, []);
});

t.test('a negative amount is left out with a warning instead of lowering what the patient owes', async (t) => {
  const coverage = benefit({ benefitAmount: '-25' });
  t.equal(coverage.benefits[0]?.amountCents, undefined);
  t.equal(coverage.warnings[0]?.code, 'clearinghouse.invalid-amount');
});

t.test('codes that are names of built-in properties are unknown codes, not functions', async (t) => {
  const coverage = benefit({ code: 'constructor', coverageLevelCode: 'toString', timeQualifierCode: 'valueOf', insuranceTypeCode: 'hasOwnProperty' });
  const [line] = coverage.benefits;
  t.equal(line?.kind, 'other');
  t.equal(line?.coverageLevel, 'unknown');
  t.equal(line?.timePeriod, 'unknown');
  t.doesNotThrow(() => JSON.stringify(coverage));
  t.notMatch(JSON.stringify(coverage), 'native code');
});

t.test('an answer with no status, no lines and no errors asks the coordinator to verify by hand', async (t) => {
  const coverage = read({ payer: { name: 'Example Plan' }, subscriber: MEMBER });
  t.equal(coverage.eligibility.status, 'undetermined');
  t.same(coverage.actions.map((a) => a.kind), ['verify-manually']);
});
