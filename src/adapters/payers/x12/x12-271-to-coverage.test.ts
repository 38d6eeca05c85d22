import t from 'tap';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import type { Benefit, Coverage } from '../../../core/coverage/coverage-model.js';
import { DomainError } from '../../../core/errors.js';
import { resolveCostSharingTerms } from '../../../core/coverage/resolve-cost-sharing.js';
import { x12271ToCoverages } from './x12-271-to-coverage.js';

const root = new URL('../../../../fixtures/x12/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const parse = (path: string): Coverage[] => x12271ToCoverages(read(path));
const only = (path: string): Coverage => {
  const coverages = parse(path);
  if (coverages.length !== 1) throw new Error(`${path}: expected one coverage, got ${coverages.length}`);
  return coverages[0]!;
};
const find = (c: Coverage, pred: (b: Benefit) => boolean): Benefit => {
  const found = c.benefits.find(pred);
  if (found === undefined) throw new Error('benefit not found');
  return found;
};

/** Files with a committed normalized output, chosen for their quirks (see fixtures/x12/README.md). */
const GOLDEN = [
  'samples/imsweb_x271.txt',
  'samples/lfh_dependent-health-benefit-check.271',
  'samples/oopfactory_hipaa_4010_Example1_DHHS.txt',
  'samples/oopfactory_5010_ErrorWithoutBenefitInfo.txt',
  'samples/oopfactory_5010_Example_3_1_2.txt',
  'samples/oopfactory_5010_Example_3_1_3_AAA_receiver.txt',
  'samples/oopfactory_5010_From_georgiosd_271_in_270dir.txt',
  'samples/oopfactory_5010_ValidationForSubscriberBenefitInfo.txt',
  'samples/oopfactory_5010_ValidationOnAll.txt',
  'samples/oopfactory_hipaa_5010_Example_3_1_2.txt',
  'samples/stupidedi_X279_271_subscriber.edi',
  'behavioral-health/bh-iop-in-and-out-of-network.271',
  'behavioral-health/bh-carve-out-to-administrator.271',
  'behavioral-health/bh-active-without-mh-cost-sharing.271',
  'behavioral-health/bh-dependent-sud-iop-day-copay-and-visit-limit.271',
  'behavioral-health/bh-two-interchanges-inactive-and-retry.x12',
  'behavioral-health/bh-medicare-advantage-family-filler-and-placeholders.271',
];

t.test('normalized output matches the reviewed golden file for every quirky fixture', async (t) => {
  // Regenerate with X12_GOLDEN_UPDATE=1, then review the diff by hand before committing.
  const update = process.env['X12_GOLDEN_UPDATE'] === '1';
  for (const path of GOLDEN) {
    const golden = new URL(`golden/${path.split('/').pop()}.json`, root);
    const actual = JSON.parse(JSON.stringify(parse(path))) as unknown;
    if (update) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    if (!existsSync(golden)) {
      t.fail(`${path}: no golden file; run with X12_GOLDEN_UPDATE=1 and review it`);
      continue;
    }
    t.same(actual, JSON.parse(readFileSync(golden, 'utf8')), path);
  }
});

t.test('reads every public sample 271 without any error but DomainError', async (t) => {
  const dir = new URL('samples/', root);
  const files = readdirSync(dir);
  t.equal(files.length, 23);
  for (const file of files) {
    const coverages = x12271ToCoverages(readFileSync(new URL(file, dir), 'utf8'));
    t.ok(coverages.length >= 1, `${file}: at least one coverage`);
    for (const c of coverages) t.ok(['active', 'inactive', 'undetermined'].includes(c.eligibility.status), `${file}: status set`);
  }
});

t.test('rejects every public 270 inquiry with a typed "not a 271" error', async (t) => {
  const dir = new URL('samples-270/', root);
  const samples = readdirSync(dir);
  t.equal(samples.length, 10);
  for (const file of samples) {
    try {
      x12271ToCoverages(readFileSync(new URL(file, dir), 'utf8'));
      t.fail(`${file}: a 270 was accepted as a 271`);
    } catch (error) {
      t.ok(error instanceof DomainError, file);
      t.equal((error as DomainError).code, 'format.unsupported', file);
      t.match((error as DomainError).message, /270 is an eligibility inquiry/, file);
    }
  }
});

t.test('an IOP patient sees different MH and SUD cost sharing in and out of network', async (t) => {
  const c = only('behavioral-health/bh-iop-in-and-out-of-network.271');
  t.equal(c.eligibility.status, 'active');
  t.equal(c.plan.type, 'PPO');
  t.equal(c.plan.name, 'SYNTHETIC PPO GOLD');
  t.equal(c.plan.groupNumber, 'GRP-SYNTH-01');
  t.same(c.plan.dates, { planBegin: '2025-01-01', planEnd: '2025-12-31', eligibilityBegin: '2025-01-01' });
  t.equal(c.provider?.npi, '1234567893');
  const inCoins = find(c, (b) => b.kind === 'coinsurance' && b.serviceTypes.includes('MH') && b.network === 'in');
  const outCoins = find(c, (b) => b.kind === 'coinsurance' && b.serviceTypes.includes('MH') && b.network === 'out');
  t.equal(inCoins.percentPpm, 200_000, 'EB08 .2 is the patient share, 20%');
  t.equal(outCoins.percentPpm, 400_000, 'EB08 0.40 is 40%');
  t.same(inCoins.serviceTypes, ['MH', 'AI']);
  const deductibles = c.benefits.filter((b) => b.kind === 'deductible' && b.serviceTypes.includes('30') && b.network === 'in');
  t.same(
    deductibles.map((b) => [b.coverageLevel, b.timePeriod, b.amountCents]),
    [['individual', 'calendar-year', 150_000], ['individual', 'remaining', 60_000], ['family', 'calendar-year', 300_000], ['family', 'remaining', 210_000]],
  );
  t.equal(find(c, (b) => b.kind === 'out-of-pocket' && b.timePeriod === 'remaining' && b.coverageLevel === 'individual').amountCents, 410_050, '4100.50 exactly');
  const a8 = find(c, (b) => b.serviceTypes.includes('A8') && b.kind === 'coinsurance' && b.network === 'in');
  t.equal(a8.authorizationRequired, 'yes', 'EB11=Y on A8 psychiatric outpatient');
  t.equal(a8.referralRequired, 'no', 'MSG says no referral required');
  t.ok(c.actions.some((a) => a.kind === 'obtain-authorization' && a.serviceTypes?.includes('A8')));
  t.equal(a8.source.pointer, 'ST 0001 / 2110C / segment 34 EB');
  t.equal(a8.source.segmentIndex, 34);
});

t.test('a behavioral-health carve-out becomes an administrator to call, with its phone number', async (t) => {
  const c = only('behavioral-health/bh-carve-out-to-administrator.271');
  const u = find(c, (b) => b.kind === 'contact-entity');
  t.same(u.serviceTypes, ['MH', 'AI', 'A8', 'CF', 'CJ', 'BB']);
  const admin = u.relatedEntities[0];
  t.equal(admin?.role, 'carve-out administrator');
  t.equal(admin?.entityCode, 'VN');
  t.equal(admin?.name, 'SYNTHETIC BEHAVIORAL HEALTH ADMINISTRATOR');
  t.same(admin?.contacts?.[0], { kind: 'phone', value: '8005550100', name: 'UTILIZATION MANAGEMENT' });
  const action = c.actions.find((a) => a.kind === 'check-carve-out');
  t.ok(action);
  t.match(action?.message, /SYNTHETIC BEHAVIORAL HEALTH ADMINISTRATOR/);
  t.match(action?.message, /800-555-0100/);
  t.same(action?.serviceTypes, u.serviceTypes);
  t.equal(find(c, (b) => b.kind === 'primary-care-provider').relatedEntities[0]?.role, 'primary care provider', 'the PCP is not a carve-out');
  t.equal(c.plan.type, 'HMO');
});

t.test('active coverage without any MH cost sharing keeps MH financials absent, not zero', async (t) => {
  const c = only('behavioral-health/bh-active-without-mh-cost-sharing.271');
  t.equal(c.eligibility.status, 'active');
  t.same(c.benefits[0]?.serviceTypes, ['30', 'MH', 'AI', 'A6', 'A7', 'A8'], "EB03 repeats split by ISA11 '{'");
  const mhMoney = c.benefits.filter((b) => b.serviceTypes.includes('MH') && (b.amountCents !== undefined || b.percentPpm !== undefined));
  t.same(mhMoney, [], 'no MH line carries money');
  t.equal(find(c, (b) => b.kind === 'deductible' && b.timePeriod === 'remaining').amountCents, 125_075);
  t.equal(find(c, (b) => b.kind === 'deductible' && b.timePeriod === 'remaining').network, 'both', 'EB12=W applies to both');
  t.equal(find(c, (b) => b.kind === 'copay').network, 'unknown', 'EB12 absent is unknown, never in network');
  t.equal(c.plan.type, 'commercial');
});

t.test('a dependent in SUD IOP gets a per-day copay, a visit limit with remaining visits, and a referral flag', async (t) => {
  const c = only('behavioral-health/bh-dependent-sud-iop-day-copay-and-visit-limit.271');
  t.equal(c.patient?.relationship, 'child');
  t.equal(c.patient?.phi.lastName, 'TESTDEPENDENT');
  t.equal(c.subscriber?.phi.memberId, 'ZZZ000000004');
  t.equal(c.plan.groupName, 'SYNTHETIC UNION LOCAL', 'group comes from the subscriber loop');
  t.same(c.plan.dates, { planBegin: '2025-07-01', planEnd: '2026-06-30' });
  const copay = find(c, (b) => b.kind === 'copay');
  t.equal(copay.timePeriod, 'day', 'EB06=7 is per day');
  t.equal(copay.amountCents, 4500);
  t.same(copay.procedureCodes, ['HC:H0015']);
  t.equal(copay.referralRequired, 'yes');
  const limits = c.benefits.filter((b) => b.kind === 'limitation');
  t.same(limits.map((b) => [b.timePeriod, b.quantity]), [
    ['service-year', { value: 20, unit: 'visit', qualifier: 'VS' }],
    ['remaining', { value: 12, unit: 'visit', qualifier: 'VS' }],
  ]);
  t.equal(limits[0]?.delivery?.text, '5 visits per week');
  t.same(limits[0]?.dates, { begin: '2025-07-01', end: '2026-06-30' });
  t.equal(limits[1]?.dates?.latestVisit, '2025-10-15');
  t.equal(find(c, (b) => b.kind === 'non-covered').serviceTypes[0], 'RT');
  t.equal(c.benefits[0]?.source.pointer, 'ST 0001 / 2110D / segment 17 EB');
});

t.test('two interchanges with different separators give one coverage each: inactive, then retry later', async (t) => {
  const [inactive, retry] = parse('behavioral-health/bh-two-interchanges-inactive-and-retry.x12');
  t.equal(inactive?.eligibility.status, 'inactive');
  t.equal(inactive?.plan.dates.eligibilityEnd, '2024-12-31');
  t.equal(retry?.eligibility.status, 'undetermined');
  t.equal(retry?.payerErrors[0]?.code, '42');
  t.equal(retry?.payerErrors[0]?.retryable, true);
  t.equal(retry?.actions[0]?.kind, 'retry-later');
  t.match(retry?.eligibility.reason, /Unable to Respond at Current Time/);
});

t.test('the TR3 3.1.2 example gives copays for MH in and out of network as HMO', async (t) => {
  for (const file of ['samples/oopfactory_5010_Example_3_1_2.txt', 'samples/lfh_subscriber-health-benefit-check.271', 'samples/stupidedi_X279_271_subscriber.edi']) {
    const c = only(file);
    const copays = c.benefits.filter((b) => b.kind === 'copay' && b.serviceTypes.includes('MH'));
    t.same(copays.map((b) => [b.network, b.timePeriod, b.amountCents]), [['in', 'visit', 1000], ['out', 'visit', 3000]], file);
    t.equal(c.plan.type, 'HMO', file);
    t.equal(c.plan.name, 'GOLD 123 PLAN', file);
    t.equal(find(c, (b) => b.kind === 'primary-care-provider').relatedEntities[0]?.name, 'MARCUS JONES', `${file}: PCP attached to EB*L`);
  }
});

t.test('a misplaced 2120 loop after the last EB is attached to the EB*L it belongs to, with a warning', async (t) => {
  const c = only('samples/stupidedi_X279_271_dependent.edi');
  t.equal(c.patient?.phi.firstName, 'MARY');
  t.equal(c.patient?.relationship, 'child');
  t.same(c.benefits.filter((b) => b.kind === 'copay').map((b) => b.relatedEntities.length), [0, 0]);
  t.ok(c.warnings.some((w) => w.code === 'x12.loop.misplaced-2120'));
});

t.test('imsweb: a 2120 loop right after EB*1 stays there, and envelope mismatches are warnings', async (t) => {
  const c = only('samples/imsweb_x271.txt');
  t.equal(c.formatVersion, '005010X279A1', 'ST03 wins over the 4010 GS08');
  t.equal(c.legacy, undefined);
  t.equal(c.benefits[0]?.relatedEntities[0]?.entityCode, 'P3');
  t.same(c.warnings.map((w) => w.code), ['x12.count.se01-mismatch', 'x12.control.iea02-mismatch', 'x12.version.envelope-mismatch']);
});

t.test('a 4010 response is accepted as legacy, with placeholder dates warned about, not thrown', async (t) => {
  const c = only('samples/oopfactory_4010_Example1_DHHS.txt');
  t.equal(c.legacy, true);
  t.equal(c.formatVersion, '004010X092');
  t.ok(c.warnings.some((w) => w.code === 'x12.version.legacy'));
  t.ok(c.warnings.some((w) => w.code === 'x12.value.invalid-date'), "DMG02 'Birth Date' is not a date");
  t.equal(c.patient?.phi.dateOfBirth, undefined);
  t.equal(c.eligibility.status, 'active', 'EB*6 and EB*1 both present: active wins');
  t.same(c.benefits.filter((b) => b.kind === 'other-payer').map((b) => b.insuranceType), ['QM', 'MA', 'MB', 'OT']);
  t.same(c.payerErrors.map((e) => [e.code, e.level]), [['RC', 'source'], ['RC', 'receiver'], ['RC', 'subscriber']]);
  t.equal(c.patient?.phi.otherIds?.['SY'], undefined, 'social security numbers are not kept');
  const policyholder = find(c, (b) => b.insuranceType === 'OT').relatedEntities[0];
  t.same(policyholder, { role: 'other payer', entityCode: 'IL' }, 'a person named in 2120 keeps no name outside phi');
});

t.test('AAA-only responses are undetermined with the right next step at every level', async (t) => {
  const e = only('samples/oopfactory_5010_ErrorWithoutBenefitInfo.txt');
  t.equal(e.eligibility.status, 'undetermined');
  t.same(e.payerErrors.map((p) => `${p.level}:${p.code}:${p.followUpCode}`), [
    'source:80:P', 'source:79:N', 'source:79:N', 'source:80:P', 'receiver:41:C', 'receiver:41:C', 'subscriber:42:Y',
  ]);
  t.same([...new Set(e.actions.map((a) => a.kind))].sort(), ['contact-payer', 'retry-later']);
  t.equal(e.patient?.phi.lastName, 'SMITH');

  const receiver = only('samples/oopfactory_5010_Example_3_1_3_AAA_receiver.txt');
  t.equal(receiver.patient, undefined, 'no subscriber loop: no patient');
  t.equal(receiver.payerErrors[0]?.code, '50');
  t.equal(receiver.payerErrors[0]?.validRequest, true);
  t.equal(receiver.actions[0]?.kind, 'contact-payer');

  const subscriber = only('samples/oopfactory_5010_ValidationForSubscriberName.txt');
  t.same(subscriber.payerErrors.map((p) => p.code), ['72', '75']);
  t.same(subscriber.actions.map((a) => a.kind), ['fix-request', 'fix-request']);

  const source = only('samples/oopfactory_5010_ValidationForSource.txt');
  t.equal(source.payer.name, undefined, 'no NM1*PR at all');
  t.equal(source.actions[0]?.kind, 'retry-later');
});

t.test('benefit-level AAA codes, even invalid ones, are errors on the benefit level with a warning', async (t) => {
  const c = only('samples/oopfactory_5010_ValidationForSubscriberBenefitInfo.txt');
  t.equal(c.eligibility.status, 'active');
  t.same(c.payerErrors.map((p) => [p.code, p.level]), [['CI', 'benefit'], ['70', 'benefit']]);
  t.equal(c.payerErrors[0]?.description, 'Unrecognized reject reason code');
  t.ok(c.warnings.some((w) => w.code === 'x12.code.unknown-aaa03'));
});

t.test('ValidationOnAll: a dependent inherits payer, receiver and subscriber errors', async (t) => {
  const c = only('samples/oopfactory_5010_ValidationOnAll.txt');
  t.equal(c.patient?.phi.firstName, 'mary');
  t.equal(c.patient?.relationship, 'unknown', 'no INS segment: relationship not sent');
  t.same(c.payerErrors.map((p) => p.level), ['source', 'source', 'source', 'source', 'receiver', 'receiver', 'subscriber', 'dependent', 'benefit', 'benefit']);
  t.ok(c.warnings.some((w) => w.code === 'x12.hl.undeclared-child'));
});

t.test('OopFactory mutated 3.1.2: a lifetime limit that needs authorization out of network', async (t) => {
  const c = only('samples/oopfactory_hipaa_5010_Example_3_1_2.txt');
  const f = find(c, (b) => b.kind === 'limitation');
  t.same([f.coverageLevel, f.timePeriod, f.authorizationRequired, f.network, f.serviceTypes], ['individual', 'lifetime', 'yes', 'out', ['12']]);
  const coventry = c.benefits[0]?.relatedEntities[0];
  t.equal(coventry?.name, 'COVENTRY HEALTH AND LIFE INSURANCE');
  t.same(coventry?.contacts, [{ kind: 'phone', value: '8008823822' }]);
  t.ok(c.warnings.some((w) => w.code === 'x12.count.se01-mismatch'));
});

t.test('Medicare Advantage D-SNP: a $0 family out-of-pocket maximum is "no family tier", not a $0 cap on the IOP', async (t) => {
  // Shape of a real UHC Dual Complete answer: EB*G*FAM*30*HN**23*0 / **24*0 / **29*0 beside an
  // $8,300 individual maximum. Read as $0 family remaining, it priced a whole IOP program at $0.
  const c = only('behavioral-health/bh-medicare-advantage-family-filler-and-placeholders.271');
  const terms = resolveCostSharingTerms(c, 'iop-mental-health', 'in');
  t.equal(terms.outOfPocket.family, undefined, 'no family out-of-pocket maximum (it was $0 remaining)');
  t.same([terms.outOfPocket.individual?.totalCents?.value, terms.outOfPocket.individual?.remainingCents?.value], [830_000, 705_000]);
  const familyOop = c.benefits.filter((b) => b.kind === 'out-of-pocket' && b.coverageLevel === 'family');
  t.same(familyOop.map((b) => b.amountCents), [undefined, undefined, undefined]);
  t.match(familyOop[0]?.notes, [/\$0\.00 for the family out-of-pocket maximum beside a \$8,300\.00 individual one/]);
  t.equal(c.warnings.filter((w) => w.code === 'x12.value.family-zero-filler').length, 1);
});

t.test('Medicare Advantage: a family deductible remaining derived from the $99,999.99 placeholder is left out, what was met is kept', async (t) => {
  // UHC Group Medicare Advantage: EB*C*FAM*30***23*99999.99, ***24*290, ***29*99709.99.
  const c = only('behavioral-health/bh-medicare-advantage-family-filler-and-placeholders.271');
  const family = resolveCostSharingTerms(c, 'iop-mental-health', 'in').deductible.family;
  t.equal(family?.remainingCents, undefined, 'not $99,709.99 left to meet');
  t.equal(family?.totalCents, undefined);
  t.equal(family?.metCents?.value, 29_000);
  t.match(find(c, (b) => b.id === 'eb-17').notes, [/\$99,709\.99 remaining, which is its \$99,999\.99 placeholder total less the \$290\.00 met/]);
  const limit = find(c, (b) => b.kind === 'limitation');
  t.same([limit.amountCents, limit.quantity?.value], [undefined, 25], 'an all-nines EB*F dollar limit is a placeholder too; its visit count stays');
});

t.test('warnings and errors never quote member ids, names or birth dates', async (t) => {
  const phi = /TESTPATIENT|TESTDEPENDENT|TESTSUBSCRIBER|ZZZ0000|SMITH|19630519|1963-05-19/i;
  for (const path of GOLDEN) {
    for (const c of parse(path)) {
      for (const w of c.warnings) t.notMatch(w.message, phi, `${path}: ${w.code}`);
      for (const e of c.payerErrors) t.notMatch(`${e.description} ${e.action}`, phi, path);
    }
  }
});
