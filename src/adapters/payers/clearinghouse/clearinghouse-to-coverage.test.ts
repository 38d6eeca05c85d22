import t from 'tap';
import { clearinghouseToCoverages } from './clearinghouse-to-coverage.js';
import { answeredOnlyInNetworkForClosedNetworkPlan, resolveCostSharingTerms } from '../../../core/coverage/resolve-cost-sharing.js';
import { DomainError } from '../../../core/errors.js';

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

t.test('copays that differ only by place of service say which place each is for, as the same answer in X12 does', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    benefitsInformation: [
      { code: 'B', serviceTypeCodes: ['MH'], benefitAmount: '25', inPlanNetworkIndicatorCode: 'Y', eligibilityAdditionalInformationList: [{ codeListQualifierCode: 'ZZ', industryCode: '11', industry: 'Office' }] },
      { code: 'B', serviceTypeCodes: ['MH'], benefitAmount: '60', inPlanNetworkIndicatorCode: 'Y', eligibilityAdditionalInformation: { codeListQualifierCode: 'ZZ', industryCode: '22' } },
      { code: 'B', serviceTypeCodes: ['MH'], benefitAmount: '0', eligibilityAdditionalInformation: 'not an object', eligibilityAdditionalInformationList: [null, 7] },
    ],
  });
  t.same(coverage.benefits.map((b) => b.notes), [['Applies to place of service 11 (Office)'], ['Applies to place of service 22'], []]);
  t.same(coverage.warnings, []);
});

t.test('a visit limit sent only as a service delivery pattern is kept as the limit, not lost', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    benefitsInformation: [
      { code: 'F', serviceTypeCodes: ['MH'], inPlanNetworkIndicatorCode: 'Y', benefitsServiceDelivery: [{ quantityQualifierCode: 'VS', quantity: '20', timePeriodQualifierCode: '23' }] },
      { code: 'F', serviceTypeCodes: ['MH'], inPlanNetworkIndicatorCode: 'Y', timeQualifierCode: '29', benefitsServiceDelivery: [{ quantityQualifierCode: 'VS', quantity: '8', timePeriodQualifierCode: '29' }] },
      // A frequency (3 visits a week) is a delivery pattern, not a yearly limit.
      { code: 'F', serviceTypeCodes: ['MH'], inPlanNetworkIndicatorCode: 'Y', benefitsServiceDelivery: [{ quantityQualifierCode: 'VS', quantity: '3', unitForMeasurementQualifierCode: 'WK' }] },
    ],
  });
  const [total, remaining, frequency] = coverage.benefits;
  t.same([total?.quantity, total?.timePeriod], [{ value: 20, unit: 'visit', qualifier: 'VS' }, 'calendar-year']);
  t.same([remaining?.quantity, remaining?.timePeriod], [{ value: 8, unit: 'visit', qualifier: 'VS' }, 'remaining']);
  t.equal(frequency?.quantity, undefined);
  t.equal(frequency?.delivery?.text, '3 visits per week');
  const terms = resolveCostSharingTerms(coverage, 'iop-mental-health', 'in');
  t.same(terms.limit?.value, { total: 20, remaining: 8, unit: 'visit', period: 'calendar-year' });
});

t.test('an AAA error Stedi repeats in the top-level errors and on the subscriber is shown once, not as two rejections', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan' },
    errors: [{ code: '71', followupAction: 'Please Correct and Resubmit' }],
    subscriber: { ...MEMBER, aaaErrors: [{ code: '71' }] },
  });
  t.same(coverage.payerErrors.map((e) => [e.code, e.level, e.followUpCode, e.source.pointer]), [['71', 'subscriber', 'C', '$.errors[0]']]);
  t.same(coverage.actions.map((a) => a.kind), ['fix-request']);
  t.equal(coverage.eligibility.reason.match(/\(71\)/g)?.length, 1);
  // Two dependents rejected with the same code are still two errors.
  const two = read({
    payer: { name: 'Example Plan' },
    errors: [{ code: '75', location: 'Loop 2100D' }],
    subscriber: MEMBER,
    dependents: [{ firstName: 'Wren', aaaErrors: [{ code: '75' }] }, { firstName: 'Ivo', aaaErrors: [{ code: '75' }] }],
  });
  t.same(two.payerErrors.map((e) => [e.code, e.level, e.source.pointer]), [['75', 'dependent', '$.errors[0]'], ['75', 'dependent', '$.dependents[1].aaaErrors[0]']]);
});

t.test('a deductible sent with only the period name "Remaining" is read as what is left, not as the yearly total', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    benefitsInformation: [
      { code: 'C', serviceTypeCodes: ['30'], coverageLevelCode: 'IND', timeQualifier: 'Calendar Year', benefitAmount: '2000', inPlanNetworkIndicator: 'Yes' },
      { code: 'C', serviceTypeCodes: ['30'], coverageLevelCode: 'IND', timeQualifier: 'Remaining', benefitAmount: '1250', inPlanNetworkIndicator: 'Yes' },
      { code: 'C', serviceTypeCodes: ['30'], coverageLevelCode: 'IND', timeQualifier: 'Some Other Window', benefitAmount: '10', inPlanNetworkIndicator: 'Maybe' },
      { code: 'C', serviceTypeCodes: ['30'], coverageLevelCode: 'IND', timeQualifierCode: 'Remaining', benefitAmount: '10', inPlanNetworkIndicatorCode: 'Y' },
    ],
  });
  t.same(coverage.benefits.map((b) => [b.timePeriod, b.network]), [['calendar-year', 'in'], ['remaining', 'in'], ['unknown', 'unknown'], ['remaining', 'in']]);
  const terms = resolveCostSharingTerms({ ...coverage, benefits: coverage.benefits.slice(0, 2) }, 'iop-mental-health', 'in');
  t.equal(terms.deductible.individual?.totalCents?.value, 200_000);
  t.equal(terms.deductible.individual?.remainingCents?.value, 125_000);
});

t.test('referral wording in additionalInformation is read as the X12 reader reads MSG, and an action says to get one', async (t) => {
  const required = benefit({ code: '1', additionalInformation: [{ description: 'REFERRAL REQUIRED; PRIOR AUTHORIZATION NOT REQUIRED' }] });
  t.equal(required.benefits[0]?.referralRequired, 'yes');
  t.ok(required.actions.some((a) => a.kind === 'obtain-referral'));
  t.equal(benefit({ code: '1', additionalInformation: [{ description: 'No referral needed' }] }).benefits[0]?.referralRequired, 'no');
  const split = benefit({ code: '1', additionalInformation: [{ description: 'NO REFERRAL NEEDED IN NETWORK' }, { description: 'REFERRAL REQUIRED OUT OF NETWORK' }] });
  t.equal(split.benefits[0]?.referralRequired, 'unknown', 'notes that disagree leave it unknown');
  t.ok(split.warnings.some((w) => w.code === 'clearinghouse.conflicting-referral'));
});

t.test('a mental-health "contact us" line naming no organization says to ask the payer, not that behavioral health is carved out', async (t) => {
  const unnamed = benefit({ code: 'U' });
  t.same(unnamed.actions.map((a) => a.kind), ['contact-payer']);
  const named = benefit({ code: 'U', benefitsRelatedEntities: [{ entityIdentifier: 'Vendor', entityName: 'Synthetic Behavioral Health Administrator' }] });
  t.match(named.actions, [{ kind: 'check-carve-out', message: /Synthetic Behavioral Health Administrator/ }]);
});

t.test("a dental HMO line or another payer's Medicare line does not become the medical plan's type", async (t) => {
  // Stedi-shaped: the plan's 1/30 line has no insuranceTypeCode; a dental-only line does (Cigna's "Dental HMO").
  const coverage = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [
      { code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB', benefitsRelatedEntity: { entityIdentifier: 'Payer', entityName: 'Other Synthetic Carrier' } },
      { code: '1', serviceTypeCodes: ['35'], insuranceTypeCode: 'HM', planCoverage: 'Dental HMO' },
      { code: '1', serviceTypeCodes: ['30'], planCoverage: 'Open Access Plus' },
      { code: 'A', serviceTypeCodes: ['MH'], benefitPercent: '0.2', inPlanNetworkIndicatorCode: 'Y' },
    ],
  });
  t.equal(coverage.plan.type, 'unknown');
  t.equal(coverage.plan.name, 'Open Access Plus');
  t.equal(answeredOnlyInNetworkForClosedNetworkPlan(coverage), false, 'out-of-network care is not priced as "no benefits"');
  const typed = read({
    subscriber: MEMBER,
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['35'], insuranceTypeCode: 'HM' },
      { code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'PR' },
    ],
  });
  t.equal(typed.plan.type, 'PPO', "the medical plan's own type is still read");
});

const refusal = (json: unknown): DomainError | undefined => {
  try {
    read(json);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
};

t.test("Stedi's redesigned plans[] response and an items[] list are refused as unsupported, not read as an empty answer", async (t) => {
  const plans = { payerId: '87726', subscriber: MEMBER, payer: { name: 'Example Plan' }, plans: [{ name: 'Gold Plan HMO', benefits: { statuses: [{ status: 'ACTIVE_COVERAGE' }] } }] };
  t.match(refusal(plans), { code: 'format.unsupported', message: /plans\[\]\.benefits/ });
  const items = { discoveryId: 'synthetic', items: [{ subscriber: MEMBER, planStatus: [{ statusCode: '1' }] }], status: 'COMPLETE' };
  t.match(refusal(items), { code: 'format.unsupported', message: /one item at a time/ });
});

t.test('coverage found by insurance discovery with confidence REVIEW_NEEDED says it may not be the patient\'s', async (t) => {
  const found = read({ subscriber: MEMBER, planStatus: [{ statusCode: '1' }], confidence: { level: 'REVIEW_NEEDED', reason: `partial match on ${MEMBER.dateOfBirth}` } });
  t.equal(found.eligibility.status, 'active');
  t.match(found.warnings, [{ code: 'clearinghouse.discovery-low-confidence' }]);
  t.match(found.actions, [{ kind: 'verify-manually', message: /REVIEW_NEEDED/ }]);
  t.notMatch(JSON.stringify({ w: found.warnings, a: found.actions }), MEMBER.dateOfBirth, "the clearinghouse's free-text reason is not repeated");
  const sure = read({ subscriber: MEMBER, planStatus: [{ statusCode: '1' }], confidence: { level: 'HIGH' } });
  t.same(sure.warnings, []);
  t.same(sure.actions, []);
});

t.test('a planStatus sent with only its status name is read as that status', async (t) => {
  const active = read({ subscriber: MEMBER, planStatus: [{ status: 'Active Coverage', serviceTypeCodes: ['30'] }] });
  t.equal(active.eligibility.status, 'active');
  t.same(active.actions, [], 'no "verify by hand" for an answer that says active');
  t.equal(read({ subscriber: MEMBER, planStatus: [{ status: 'Inactive' }] }).eligibility.status, 'inactive');
  const unreadable = read({ subscriber: MEMBER, planStatus: [{ status: 'Covered-ish' }] });
  t.equal(unreadable.eligibility.status, 'undetermined');
  t.match(unreadable.eligibility.reason, /plan status entries, but none/);
});

t.test('active dental or vision alone does not make the coverage active when the medical plan is reported inactive', async (t) => {
  const dentalOnly = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [
      { statusCode: '1', status: 'Active Coverage', serviceTypeCodes: ['35'] },
      { statusCode: '6', status: 'Inactive', serviceTypeCodes: ['30'] },
    ],
    benefitsInformation: [{ code: '1', serviceTypeCodes: ['35'] }, { code: '6', serviceTypeCodes: ['30'] }],
  });
  t.equal(dentalOnly.eligibility.status, 'inactive');
  t.match(dentalOnly.eligibility.reason, /separate dental, vision or pharmacy product/);

  const byLines = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    benefitsInformation: [{ code: '1', serviceTypeCodes: ['AL'] }, { code: '6', serviceTypeCodes: ['30', 'MH'] }],
  });
  t.equal(byLines.eligibility.status, 'inactive', 'the same from benefit lines when there is no planStatus');

  const medicalActive = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '6', status: 'Inactive', serviceTypeCodes: ['35'] }, { statusCode: '1', status: 'Active Coverage', serviceTypeCodes: ['30'] }],
  });
  t.equal(medicalActive.eligibility.status, 'active', 'an inactive dental plan does not end an active medical plan');

  const onlyDental = read({ payer: { name: 'Example Plan' }, subscriber: MEMBER, planStatus: [{ statusCode: '1', status: 'Active Coverage', serviceTypeCodes: ['35'] }] });
  t.equal(onlyDental.eligibility.status, 'active', 'with nothing said about the medical plan, active stays active');
});

t.test('a plan range on a benefit line dates that line, so each year\'s Medicare deductible applies to its own year', async (t) => {
  const coverage = read({
    payer: { name: 'Example Medicare' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [
      { code: 'C', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB', timeQualifierCode: '29', benefitAmount: '0', benefitsDateInformation: { plan: '20250101-20251231' } },
      { code: 'C', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB', timeQualifierCode: '29', benefitAmount: '283', benefitsDateInformation: { plan: '20260101-20261231' } },
    ],
  });
  t.same(coverage.benefits.map((b) => b.dates), [{ begin: '2025-01-01', end: '2025-12-31' }, { begin: '2026-01-01', end: '2026-12-31' }]);
  t.equal(resolveCostSharingTerms(coverage, 'iop-mental-health', 'in', '2026-03-02').deductible.individual?.remainingCents?.value, 28_300, "this year's deductible is left to meet");
});

/** A Stedi-shaped answer: the payer's own plan line, then `extra` benefit entries. Entities carry `entityIdentifier` names, no codes, as Stedi sends them. */
const stedi = (extra: unknown[]) =>
  read({
    payer: { entityIdentifier: 'Payer', entityType: 'Non-Person Entity', name: 'EXAMPLE HEALTH PLAN (SYNTHETIC)', payorIdentification: 'ZZZ01' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    benefitsInformation: [{ code: '1', serviceTypeCodes: ['30'], planCoverage: 'SYNTHETIC PPO' }, { code: 'A', serviceTypeCodes: ['30'], benefitPercent: '0.2', inPlanNetworkIndicatorCode: 'Y' }, ...extra],
  });
const ADMIN = {
  entityIdentifier: 'Payer',
  entityType: 'Non-Person Entity',
  entityName: 'EXAMPLE BH ADMINISTRATOR (SYNTHETIC)',
  entityIdentification: 'PI',
  entityIdentificationValue: 'ZZZBH1',
  contactInformation: { contacts: [{ communicationMode: 'Telephone', communicationNumber: '8005550100' }] },
};

t.test('active coverage on a mental-health code that names its administrator (the Stedi carve-out pattern) is a carve-out to check', async (t) => {
  // Stedi sends the entity twice: in benefitsRelatedEntities and again in the older benefitsRelatedEntity.
  const c = stedi([{ code: '1', serviceTypeCodes: ['MH'], benefitsRelatedEntities: [ADMIN], benefitsRelatedEntity: ADMIN }]);
  const carve = c.actions.filter((a) => a.kind === 'check-carve-out');
  t.equal(carve.length, 1);
  t.same(carve[0]?.serviceTypes, ['MH']);
  t.match(carve[0]?.entity, { entityCode: 'PR', name: 'EXAMPLE BH ADMINISTRATOR (SYNTHETIC)', identifiers: { PI: 'ZZZBH1' }, contacts: [{ kind: 'phone', value: '8005550100' }] });
  t.match(carve[0]?.message, /EXAMPLE BH ADMINISTRATOR \(SYNTHETIC\).*phone 800-555-0100/);
  t.equal(c.benefits[2]?.relatedEntities.length, 1, 'the repeated single entity is one organization, not two');

  const self = stedi([{ code: '1', serviceTypeCodes: ['MH'], benefitsRelatedEntities: [{ ...ADMIN, entityName: 'EXAMPLE HEALTH PLAN (SYNTHETIC)', entityIdentificationValue: 'ZZZ01' }] }]);
  t.same(self.actions, [], 'the payer naming itself on its MH line is not a carve-out');
  const pharmacy = stedi([{ code: 'U', serviceTypeCodes: ['88'], benefitsRelatedEntities: [{ entityIdentifier: 'Vendor', entityName: 'EXAMPLE PBM (SYNTHETIC)' }] }]);
  t.same(pharmacy.actions, [], 'a pharmacy benefit manager is not a behavioral-health carve-out');
  const pcp = stedi([{ code: '1', serviceTypeCodes: ['MH'], benefitsRelatedEntities: [{ entityIdentifier: 'Primary Care Provider', entityType: 'Person', entityName: 'SAMPLEDOC' }] }]);
  t.same(pcp.actions, [], 'nor is a primary care provider');
});

t.test('a carve-out stated only in additionalInformation is an action naming the administrator', async (t) => {
  const note = { description: 'BEHAVIORAL HEALTH ADMINISTERED BY EXAMPLE BH ADMINISTRATOR (SYNTHETIC) 1-800-555-0100' };
  const c = stedi([{ code: '1', serviceTypeCodes: ['MH'], additionalInformation: [note] }, { code: '1', serviceTypeCodes: ['AI'], additionalInformation: [note] }]);
  const carve = c.actions.filter((a) => a.kind === 'check-carve-out');
  t.equal(carve.length, 1, 'once, though two lines repeat the note');
  t.same(carve[0]?.entity, { role: 'carve-out administrator', name: 'EXAMPLE BH ADMINISTRATOR (SYNTHETIC)', contacts: [{ kind: 'phone', value: '8005550100' }] });
  t.same(stedi([{ code: '1', serviceTypeCodes: ['MH'], additionalInformation: [{ description: 'MENTAL HEALTH IS NOT CARVED OUT' }] }]).actions, []);
});

t.test('the member id at a carve-out administrator is kept under memberId (hidden from patient-facing keys); an SSN is not kept', async (t) => {
  const c = stedi([
    { code: 'U', serviceTypeCodes: ['MH'], benefitsRelatedEntities: [{ ...ADMIN, entityIdentification: 'Member Identification Number', entityIdentificationValue: 'ZZZ000000777' }] },
    { code: 'U', serviceTypeCodes: ['AI'], benefitsRelatedEntities: [{ ...ADMIN, entityName: 'EXAMPLE SUD ADMIN (SYNTHETIC)', entityIdentification: '34', entityIdentificationValue: '999999999' }] },
  ]);
  t.same(c.benefits[2]?.relatedEntities[0]?.identifiers, { memberId: 'ZZZ000000777' });
  t.equal(c.benefits[3]?.relatedEntities[0]?.identifiers, undefined);
  t.notMatch(JSON.stringify(c), '999999999');
});

t.test('a coordination-of-benefits period dates its line: a QMB period that ended does not waive cost sharing', async (t) => {
  const answer = (period: string) => read({
    payer: { name: 'Example Medicare' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB' },
      { code: 'A', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB', benefitPercent: '0.2' },
      { code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'QM', benefitsDateInformation: { coordinationOfBenefits: period } },
    ],
  });
  t.equal(resolveCostSharingTerms(answer('20240101-20251231'), 'iop-mental-health', 'in', '2026-03-02').coinsurancePpm?.value, 200_000, 'ended: the 20% stands');
  t.equal(resolveCostSharingTerms(answer('20260101-20261231'), 'iop-mental-health', 'in', '2026-03-02').coinsurancePpm?.value, 0, 'in force: waived');
});

t.test('a Medicaid plan line naming the managed care organization asks to verify with it, and is no carve-out', async (t) => {
  const coverage = read({
    payer: { name: 'Example State Medicaid', payorIdentification: 'ZZZSTATE' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [{
      code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'MC',
      benefitsRelatedEntities: [{ entityIdentifier: 'Managed Care Organization', entityType: 'Non-Person Entity', entityName: 'EXAMPLE MEDICAID MCO (SYNTHETIC)', entityIdentification: 'PI', entityIdentificationValue: 'ZZZMCO1', contactInformation: { contacts: [{ communicationMode: 'Telephone', communicationNumber: '8005550122' }] } }],
    }],
  });
  const action = coverage.actions.find((a) => a.entity?.name === 'EXAMPLE MEDICAID MCO (SYNTHETIC)');
  t.equal(action?.kind, 'contact-payer');
  t.match(action?.message, /enrolled in managed care with EXAMPLE MEDICAID MCO \(SYNTHETIC\)/);
  t.notOk(coverage.actions.some((a) => a.kind === 'check-carve-out'));
});

t.test('all-nines placeholders and $0 family or out-of-network filler keep no amount, as in the X12 reader, so they never cap a program at $0', async (t) => {
  const [c] = clearinghouseToCoverages({
    payer: { name: 'EXAMPLE HEALTH PLAN (SYNTHETIC)', payorIdentification: '00000' },
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'HN' },
      { code: 'G', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '8300', inPlanNetworkIndicatorCode: 'Y' },
      { code: 'G', coverageLevelCode: 'FAM', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '0', inPlanNetworkIndicatorCode: 'Y' },
      { code: 'C', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '500', inPlanNetworkIndicatorCode: 'Y' },
      { code: 'C', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '0', inPlanNetworkIndicatorCode: 'N' },
      { code: 'G', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '99999.99', inPlanNetworkIndicatorCode: 'N' },
      { code: 'G', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], timeQualifierCode: '24', benefitAmount: '290', inPlanNetworkIndicatorCode: 'N' },
      { code: 'G', coverageLevelCode: 'IND', serviceTypeCodes: ['30'], timeQualifierCode: '29', benefitAmount: '99709.99', inPlanNetworkIndicatorCode: 'N' },
      { code: 'A', serviceTypeCodes: ['MH'], benefitPercent: '0.2', inPlanNetworkIndicatorCode: 'Y' },
    ],
  });
  const amount = (i: number): number | undefined => c!.benefits[i]!.amountCents;
  t.equal(amount(1), 830_000);
  t.equal(amount(2), undefined, '$0 family maximum beside an $8,300 individual one');
  t.equal(amount(4), undefined, '$0 out-of-network deductible beside a $500 in-network one');
  t.equal(amount(5), undefined, 'all-nines maximum');
  t.equal(amount(6), 29_000, 'what was met is kept');
  t.equal(amount(7), undefined, 'remaining derived from the placeholder');
  t.same(c!.warnings.map((w) => w.code).sort(), [
    'clearinghouse.family-zero-filler', 'clearinghouse.out-of-network-zero-filler', 'clearinghouse.placeholder-amount', 'clearinghouse.placeholder-remaining',
  ]);
  const terms = resolveCostSharingTerms(c!, 'iop-mental-health', 'in');
  t.equal(terms.outOfPocket.family?.totalCents, undefined);
  t.equal(terms.outOfPocket.individual?.totalCents?.value, 830_000);
  t.equal(resolveCostSharingTerms(c!, 'iop-mental-health', 'out').deductible.individual?.totalCents, undefined);
});

t.test("a QMB line on 30 (a Medicaid answer's Medicare Savings Program) does not make the plan Medicare; the QMB waiver still applies", async (t) => {
  // Change Healthcare sandbox shape (synthetic values): the only active 30 line is the QMB program.
  const [c] = clearinghouseToCoverages({
    payer: { name: 'EXAMPLE STATE MEDICAID (SYNTHETIC)', payorIdentification: '00000' },
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'], planDetails: 'QMB' }],
    benefitsInformation: [
      { code: '1', coverageLevelCode: 'IND', insuranceTypeCode: 'QM', planCoverage: 'QMB', serviceTypeCodes: ['30'], benefitsDateInformation: { benefit: '20250101-20251231' } },
      { code: 'R', coverageLevelCode: 'IND', insuranceTypeCode: 'MB', planCoverage: 'MEDICARE PART B', serviceTypeCodes: ['30'] },
    ],
  });
  t.equal(c!.plan.type, 'unknown');
  t.equal(c!.plan.insuranceTypeCode, undefined);
  t.equal(resolveCostSharingTerms(c!, 'iop-mental-health', 'in', '2025-03-03').qualifiedMedicareBeneficiary?.value, true);
});

t.test('a planBegin sent as the whole range (as the schema allows) dates the plan, begin and end, on the plan and on a line', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    planDateInformation: { planBegin: '20250101-20251231', eligibilityBegin: '2025-01-01' },
    benefitsInformation: [{ code: 'C', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '500', benefitsDateInformation: { planBegin: '20260101-20261231' } }],
  });
  t.same(coverage.plan.dates, { planBegin: '2025-01-01', planEnd: '2025-12-31', eligibilityBegin: '2025-01-01' });
  t.same(coverage.benefits[0]?.dates, { begin: '2026-01-01', end: '2026-12-31' });
  // An explicit planEnd still wins over the end of a planBegin range; a single date is one date.
  t.same(read({ subscriber: MEMBER, planStatus: [{ statusCode: '1' }], planDateInformation: { planBegin: '20250101-20251231', planEnd: '20250630' } }).plan.dates, { planBegin: '2025-01-01', planEnd: '2025-06-30' });
  t.same(read({ subscriber: MEMBER, planStatus: [{ statusCode: '1' }], planDateInformation: { planBegin: '20250101' } }).plan.dates, { planBegin: '2025-01-01' });
});

t.test('a line sent with names where codes belong (name, coverageLevel, quantityQualifier) is read as those codes', async (t) => {
  const deductible = benefit({ code: undefined, name: 'Deductible', coverageLevel: 'Family', serviceTypeCodes: ['30'], timeQualifierCode: '23', benefitAmount: '3000' }).benefits[0];
  t.equal(deductible?.kind, 'deductible');
  t.equal(deductible?.rawCode, 'C');
  t.equal(deductible?.coverageLevel, 'family');
  t.equal(deductible?.coverageLevelCode, 'FAM');
  t.equal(benefit({ code: 'Co-Payment', coverageLevelCode: 'Individual', benefitAmount: '25' }).benefits[0]?.kind, 'copay');
  t.equal(benefit({ code: 'Co-Payment', coverageLevelCode: 'Individual', benefitAmount: '25' }).benefits[0]?.coverageLevel, 'individual');
  t.same(benefit({ code: 'F', quantityQualifier: 'Visits', benefitQuantity: '20' }).benefits[0]?.quantity, { value: 20, unit: 'visit', qualifier: 'VS' });
  // A code wins over a name beside it, and an unknown name stays unknown.
  t.equal(benefit({ code: 'A', name: 'Deductible', benefitPercent: '0.2' }).benefits[0]?.kind, 'coinsurance');
  t.equal(benefit({ code: undefined, name: 'Something Else' }).benefits[0]?.kind, 'other');
  t.equal(benefit({ authOrCertIndicator: 'Yes' }).benefits[0]?.authorizationRequired, 'yes');
});

t.test('amounts written with a dollar sign or thousands separators are read; a misplaced separator is left out with a warning', async (t) => {
  t.equal(benefit({ code: 'C', benefitAmount: '1,500.00' }).benefits[0]?.amountCents, 150_000);
  t.equal(benefit({ code: 'C', benefitAmount: '$12,000' }).benefits[0]?.amountCents, 1_200_000);
  t.equal(benefit({ code: 'C', benefitAmount: '$35.50' }).benefits[0]?.amountCents, 3_550);
  for (const amount of ['1,50', '15,00.00', '1,5000', '$-25', '1.500,00']) {
    const coverage = benefit({ code: 'C', benefitAmount: amount });
    t.equal(coverage.benefits[0]?.amountCents, undefined, amount);
    t.equal(coverage.warnings[0]?.code, 'clearinghouse.invalid-amount', amount);
  }
});

t.test("Stedi's follow-up names for waiting (\"Please Wait 30 Days and Resubmit\") keep their AAA04 code", async (t) => {
  const coverage = read({ subscriber: { ...MEMBER, aaaErrors: [{ code: '42', followupAction: 'Please Wait 30 Days and Resubmit' }, { code: '42', followupAction: 'Please Wait 10 Days and Resubmit' }] } });
  t.same(coverage.payerErrors.map((e) => e.followUpCode), ['W', 'X']);
});

t.test('a dependent sent with only the relationship name is that relationship, and code 21 is unknown', async (t) => {
  const dependent = { firstName: 'Wren', lastName: 'Brackenridge' };
  t.equal(read({ subscriber: MEMBER, dependents: [{ ...dependent, relationToSubscriber: 'Child' }], planStatus: [{ statusCode: '1' }] }).patient?.relationship, 'child');
  t.equal(read({ subscriber: MEMBER, dependents: [{ ...dependent, relationToSubscriberCode: '21', relationToSubscriber: 'Unknown' }], planStatus: [{ statusCode: '1' }] }).patient?.relationship, 'unknown');
  t.equal(read({ subscriber: MEMBER, dependents: [{ ...dependent, relationToSubscriberCode: '01', relationToSubscriber: 'Child' }], planStatus: [{ statusCode: '1' }] }).patient?.relationship, 'spouse', 'the code wins');
});

t.test("a carve-out administrator's \"Work Phone Number\" is its phone", async (t) => {
  const coverage = benefit({
    code: '1',
    serviceTypeCodes: ['MH'],
    benefitsRelatedEntities: [{ entityIdentifier: 'Vendor', entityName: 'EXAMPLE BH VENDOR (SYNTHETIC)', contactInformation: { contacts: [{ communicationMode: 'Work Phone Number', communicationNumber: '8005550123' }] } }],
  });
  t.same(coverage.benefits[0]?.relatedEntities[0]?.contacts, [{ kind: 'phone', value: '8005550123' }]);
  t.match(coverage.actions.find((a) => a.kind === 'check-carve-out')?.message ?? '', '(phone 800-555-0123)');
});

t.test('a service delivery period count sent as a JSON number is read as its text would be', async (t) => {
  const asText = benefit({ code: 'F', benefitsServiceDelivery: [{ quantityQualifierCode: 'VS', quantity: '4', timePeriodQualifierCode: '34', numOfPeriods: '2' }] }).benefits[0];
  const asNumber = benefit({ code: 'F', benefitsServiceDelivery: [{ quantityQualifierCode: 'VS', quantity: 4, timePeriodQualifierCode: '34', numOfPeriods: 2 }] }).benefits[0];
  t.same(asNumber?.delivery, asText?.delivery);
  t.same(asNumber?.quantity, asText?.quantity);
});

t.test('a line sent with service type names but no codes is read by the X12 names; an unknown name never makes it plan-wide', async (t) => {
  const coverage = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'] },
      { code: 'B', serviceTypes: ['Mental Health Facility - Outpatient'], benefitAmount: '40', timeQualifierCode: '7', inPlanNetworkIndicatorCode: 'Y' },
      { code: 'B', serviceTypes: ['Vendor Wellness Program'], benefitAmount: '500', inPlanNetworkIndicatorCode: 'Y' },
    ],
  });
  t.same(coverage.benefits.map((b) => b.serviceTypes), [['30'], ['CH'], ['Vendor Wellness Program']]);
  t.ok(coverage.warnings.some((w) => w.code === 'clearinghouse.unknown-service-type-name' && w.pointer === '$.benefitsInformation[2].serviceTypes'));
  t.equal(resolveCostSharingTerms(coverage, 'iop-mental-health', 'in').copay?.value.amountCents, 4000, 'the IOP copay, not the unnamed $500 line');
  const withCodes = benefit({ serviceTypes: ['Something Else'], benefitAmount: '25' });
  t.same(withCodes.benefits[0]?.serviceTypes, ['MH'], 'codes win over names');
  // Every 5010 name is known, not only the behavioral-health ones: a dental product's $0 out-of-pocket
  // line sent by name is a separate product's, and never caps the medical plan.
  const dental = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'] },
      { code: 'G', serviceTypes: ['Dental Care'], benefitAmount: '0', timeQualifierCode: '29', coverageLevelCode: 'IND', inPlanNetworkIndicatorCode: 'Y' },
      { code: 'B', serviceTypes: ['Professional (Physician)', 'Chemotherapy'], benefitAmount: '25', inPlanNetworkIndicatorCode: 'Y' },
    ],
  });
  t.same(dental.benefits.map((b) => b.serviceTypes), [['30'], ['35'], ['96', '78']]);
  t.notOk(dental.warnings.some((w) => w.code === 'clearinghouse.unknown-service-type-name'));
  t.equal(resolveCostSharingTerms(dental, 'iop-mental-health', 'in').outOfPocket.individual, undefined, "the dental product's $0 is not the plan's out-of-pocket maximum");
});

t.test('a pending status (EB01 5, 7, 8: "Active - Pending Investigation") keeps its reading but is flagged for a check with the payer', async (t) => {
  // An ACA grace-period member: active coverage plus an "Active - Pending Investigation" line on the plan.
  const lines = read({
    payer: { name: 'Example Plan' },
    subscriber: MEMBER,
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'] },
      { code: '5', name: 'Active - Pending Investigation', serviceTypeCodes: ['30'] },
    ],
  });
  t.equal(lines.eligibility.status, 'active');
  t.ok(lines.warnings.some((w) => w.code === 'clearinghouse.status-pending' && w.pointer === '$.benefitsInformation[1]' && w.message.includes('Active - Pending Investigation')));
  t.ok(lines.actions.some((a) => a.kind === 'verify-manually' && a.source?.pointer === '$.benefitsInformation[1]'));
  const status = read({ payer: { name: 'Example Plan' }, subscriber: MEMBER, planStatus: [{ statusCode: '8', serviceTypeCodes: ['30'] }] });
  t.equal(status.eligibility.status, 'inactive');
  t.ok(status.warnings.some((w) => w.code === 'clearinghouse.status-pending' && w.pointer === '$.planStatus[0]'));
  const settled = read({ payer: { name: 'Example Plan' }, subscriber: MEMBER, planStatus: [{ statusCode: '1' }], benefitsInformation: [{ code: '1', serviceTypeCodes: ['30'] }] });
  t.notOk(settled.warnings.some((w) => w.code === 'clearinghouse.status-pending'), 'a settled status says nothing');
  const dentalOnly = read({ payer: { name: 'Example Plan' }, subscriber: MEMBER, planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }, { statusCode: '5', serviceTypeCodes: ['35'] }] });
  t.notOk(dentalOnly.warnings.some((w) => w.code === 'clearinghouse.status-pending'), "a separate dental product's pending status is not the medical plan's");
  for (const c of [lines, status]) t.notMatch(JSON.stringify([c.warnings, c.actions]), /Ottoline|Brackenridge|ZQX00417/);
});

t.test("the payer's contactInformation is kept on the payer, with who answers there", async (t) => {
  const coverage = read({
    payer: {
      name: 'Example Plan',
      contactInformation: { name: 'PROVIDER SERVICES', contacts: [{ communicationMode: 'Telephone', communicationNumber: '8005550199' }, { communicationMode: 'Uniform Resource Locator (URL)', communicationNumber: 'www.example.com/providers' }] },
    },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1' }],
  });
  t.same(coverage.payer.contacts, [
    { kind: 'phone', value: '8005550199', name: 'PROVIDER SERVICES' },
    { kind: 'url', value: 'www.example.com/providers', name: 'PROVIDER SERVICES' },
  ]);
  t.equal(read({ payer: { name: 'Example Plan', contactInformation: null }, subscriber: MEMBER, planStatus: [{ statusCode: '1' }] }).payer.contacts, undefined);
});

/** A state Medicaid answer (plan line insuranceTypeCode MC), then `extra` benefit entries, entities named as Stedi names them. */
const medicaid = (extra: unknown[]) =>
  read({
    payer: { name: 'EXAMPLE STATE MEDICAID (SYNTHETIC)', payorIdentification: 'ZZZSTATE' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [{ code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'MC', planCoverage: 'SYNTHETIC MEDICAID' }, ...extra],
  });
const org = (entityIdentifier: string, entityName: string, phone?: string) => ({
  entityIdentifier, entityType: 'Non-Person Entity', entityName,
  ...(phone === undefined ? {} : { contactInformation: { contacts: [{ communicationMode: 'Telephone', communicationNumber: phone }] } }),
});
/** The subscriber named on another payer's line, as Stedi sends it: PHI, never in a message. */
const SUBSCRIBER_ENTITY = { entityIdentifier: 'Insured or Subscriber', entityType: 'Person', entityFirstname: MEMBER.firstName, entityName: MEMBER.lastName, entityIdentification: 'MI', entityIdentificationValue: MEMBER.memberId };
const NO_MEMBER_DATA = /Ottoline|Brackenridge|ZQX00417|1979/;

t.test('a Medicaid managed care coordinator line (code MC) names the MCO to verify with, as the X12 reader does', async (t) => {
  // State guides name the MCO on the MC line with whatever entity identifier (Payer, Plan Sponsor, Provider).
  for (const identifier of ['Payer', 'Plan Sponsor', 'Provider']) {
    const c = medicaid([{ code: 'MC', serviceTypeCodes: ['30'], insuranceTypeCode: 'MC', benefitsRelatedEntities: [org(identifier, 'EXAMPLE MCO (SYNTHETIC)', '8005550123')] }]);
    const action = c.actions.find((a) => a.entity?.name === 'EXAMPLE MCO (SYNTHETIC)');
    t.equal(action?.kind, 'contact-payer', `${identifier}: a next action names the MCO`);
    t.match(action?.message, /enrolled in managed care with EXAMPLE MCO \(SYNTHETIC\).*800-555-0123/);
    t.notOk(c.actions.some((a) => a.kind === 'check-carve-out'), `${identifier}: not a behavioral-health carve-out`);
  }

  // The plan line and the MC line naming one MCO: named once; a mental-health line naming it again is no carve-out.
  const mco = { ...org('Managed Care Organization', 'EXAMPLE MCO (SYNTHETIC)'), entityIdentification: 'PI', entityIdentificationValue: 'ZZZMCO1' };
  const both = read({
    payer: { name: 'EXAMPLE STATE MEDICAID (SYNTHETIC)', payorIdentification: 'ZZZSTATE' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'MC', benefitsRelatedEntities: [mco] },
      { code: 'MC', serviceTypeCodes: ['30'], insuranceTypeCode: 'MC', benefitsRelatedEntities: [mco] },
      { code: '1', serviceTypeCodes: ['MH'], insuranceTypeCode: 'MC', benefitsRelatedEntities: [{ ...mco, entityIdentifier: 'Payer' }] },
    ],
  });
  t.equal(both.actions.filter((a) => a.entity?.name === 'EXAMPLE MCO (SYNTHETIC)').length, 1, 'one action for the MCO');
  t.notOk(both.actions.some((a) => a.kind === 'check-carve-out'));

  // An MC line about mental health / SUD only names the organization that manages those: a carve-out.
  const bho = medicaid([{ code: 'MC', serviceTypeCodes: ['MH', 'AI'], insuranceTypeCode: 'MC', benefitsRelatedEntities: [org('Provider', 'EXAMPLE BH ORGANIZATION (SYNTHETIC)')] }]);
  t.same(bho.actions.filter((a) => a.kind === 'check-carve-out').map((a) => [a.entity?.name, a.serviceTypes]), [['EXAMPLE BH ORGANIZATION (SYNTHETIC)', ['MH', 'AI']]]);
  t.match(resolveCostSharingTerms(bho, 'iop-mental-health', 'in').unknowns.join(' '), /EXAMPLE BH ORGANIZATION/);

  // A PCP as coordinator (primary care case management) is not an MCO.
  const pccm = medicaid([{ code: 'MC', serviceTypeCodes: ['30'], benefitsRelatedEntities: [{ entityIdentifier: 'Primary Care Provider', entityType: 'Person', entityFirstname: 'TEST', entityName: 'DOCTOR' }] }]);
  t.same(pccm.actions, []);
});

t.test('services restricted to one provider (code N, a Medicaid lock-in) ask to verify before relying on the coverage; a pharmacy lock-in does not', async (t) => {
  const c = medicaid([
    {
      code: 'N', serviceTypeCodes: ['30'], insuranceTypeCode: 'MC', additionalInformation: [{ description: 'RECIPIENT RESTRICTED TO PROVIDER' }],
      benefitsRelatedEntities: [SUBSCRIBER_ENTITY, { entityIdentifier: 'Provider', entityType: 'Person', entityFirstname: 'TEST', entityName: 'DOCTOR', entityIdentification: 'XX', entityIdentificationValue: '1234567893', contactInformation: { contacts: [{ communicationMode: 'Telephone', communicationNumber: '8005550125' }] } }],
    },
    { code: 'N', serviceTypeCodes: ['88'], insuranceTypeCode: 'MC', benefitsRelatedEntities: [org('Provider', 'EXAMPLE PHARMACY (SYNTHETIC)')] },
  ]);
  t.same(c.actions.map((a) => [a.kind, a.serviceTypes, a.entity?.name]), [['verify-manually', ['30'], 'TEST DOCTOR']]);
  t.match(c.actions[0]?.message, /restricts service type\(s\) 30 to TEST DOCTOR \(EB01 N.*800-555-0125/);
  t.notMatch(JSON.stringify(c.actions), NO_MEMBER_DATA);
  t.equal(c.eligibility.status, 'active', 'the restriction does not change the status');
});

t.test('a Medicaid answer listing other coverage without a primary payer (code R, no Primary Payer) says that coverage pays first', async (t) => {
  // Medicaid is the payer of last resort (42 U.S.C. 1396a(a)(25), 42 CFR 433.139).
  const c = medicaid([
    { code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'MA', planCoverage: 'MEDICARE PART A' },
    { code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB', planCoverage: 'MEDICARE PART B' },
    { code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'C1', benefitsRelatedEntities: [SUBSCRIBER_ENTITY, org('Payer', 'EXAMPLE COMMERCIAL INSURER (SYNTHETIC)', '8005550126')] },
    { code: 'R', serviceTypeCodes: ['88'], insuranceTypeCode: 'OT', benefitsRelatedEntities: [org('Payer', 'EXAMPLE PART D PLAN (SYNTHETIC)')] },
    { code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'QM', planCoverage: 'QMB' },
  ]);
  const verify = c.actions.filter((a) => a.kind === 'verify-manually');
  t.equal(verify.length, 1, 'one action for all of them');
  t.match(verify[0]?.message, /other coverage for this member \(MEDICARE PART A, insurance type MA; MEDICARE PART B, insurance type MB; EXAMPLE COMMERCIAL INSURER \(SYNTHETIC\), insurance type C1\); Medicaid pays only after other coverage.*800-555-0126/);
  t.notMatch(verify[0]?.message, /PART D|QMB/, 'a pharmacy plan and a Medicare savings program are not other medical coverage');
  t.notMatch(JSON.stringify(c.actions), NO_MEMBER_DATA, "the other policy's subscriber is not named");
  t.equal(c.plan.type, 'Medicaid', 'the other payers do not change the plan');

  t.same(medicaid([{ code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'C1', benefitsRelatedEntities: [org('Secondary Payer', 'EXAMPLE SECONDARY (SYNTHETIC)')] }]).actions, [], 'a payer named as secondary does not pay first');
  t.same(stedi([{ code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'C1', benefitsRelatedEntities: [org('Payer', 'EXAMPLE OTHER INSURER (SYNTHETIC)')] }]).actions, [], 'on a commercial answer, other coverage does not say which plan pays first');
});

t.test('another payer named as the primary payer (code R, entity Primary Payer) asks to confirm which plan pays first', async (t) => {
  const c = read({
    payer: { name: 'EXAMPLE MEDICARE (SYNTHETIC)' },
    subscriber: MEMBER,
    planStatus: [{ statusCode: '1', serviceTypeCodes: ['30'] }],
    benefitsInformation: [
      { code: '1', serviceTypeCodes: ['30'], insuranceTypeCode: 'MB', planCoverage: 'MEDICARE PART B' },
      {
        code: 'R', serviceTypeCodes: ['30'], insuranceTypeCode: 'HN', benefitsDateInformation: { coordinationOfBenefits: '20250101' },
        benefitsRelatedEntities: [SUBSCRIBER_ENTITY, { ...org('Primary Payer', 'EXAMPLE ADVANTAGE PLAN (SYNTHETIC)', '8005550127'), entityIdentification: 'PI', entityIdentificationValue: 'ZZZMA1' }],
      },
    ],
  });
  t.same(c.actions.map((a) => [a.kind, a.serviceTypes, a.entity?.entityCode, a.entity?.name]), [['verify-manually', ['30'], 'PRP', 'EXAMPLE ADVANTAGE PLAN (SYNTHETIC)']]);
  t.match(c.actions[0]?.message, /names EXAMPLE ADVANTAGE PLAN \(SYNTHETIC\) as the primary payer \(coordination of benefits from 2025-01-01\).*confirm which plan pays first.*800-555-0127/);
  t.notMatch(JSON.stringify(c.actions), NO_MEMBER_DATA);
});
