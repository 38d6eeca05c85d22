import t from 'tap';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { DomainError } from '../../../core/errors.js';
import { buildX12270 } from './x12-270-builder.js';
import { readX12 } from './x12-reader.js';
import type { X12Segment } from './x12-reader.js';

const inquiry: EligibilityInquiry = {
  payerId: 'SYNTHPAYER01',
  provider: { npi: '1234567893', organizationName: 'SAMPLE BEHAVIORAL CLINIC (SYNTHETIC)' },
  subscriber: { memberId: 'ZZZ000000001', firstName: 'ALEX', lastName: 'TESTPATIENT', dateOfBirth: '1990-01-01', gender: 'F' },
  dateOfService: '2025-03-04',
  serviceTypes: ['30', 'MH', 'CH', 'AI'],
};
const options = { senderId: 'SYNTHCLINIC', receiverId: 'SYNTHPAYER', interchangeControlNumber: 42, now: new Date('2025-03-04T15:07:09Z'), payerName: 'EXAMPLE HEALTH PLAN' };
const byId = (segments: readonly X12Segment[], id: string): X12Segment[] => segments.filter((s) => s.id === id);

t.test('a subscriber inquiry round-trips through the reader with every element in place', async (t) => {
  const text = buildX12270(inquiry, { ...options, usageIndicator: 'T' });
  const doc = readX12(text);
  t.same(doc.warnings, [], 'control numbers and SE01 count are right');
  const tx = doc.transactions[0]!;
  t.equal(tx.setId, '270');
  t.equal(tx.version, '005010X279A1');
  t.equal(text.slice(0, 106).length, 106);
  t.match(text, /^ISA\*00\*          \*00\*          \*ZZ\*SYNTHCLINIC    \*ZZ\*SYNTHPAYER     \*250304\*1507\*\^\*00501\*000000042\*0\*T\*:~/);
  const seg = tx.segments;
  t.same(byId(seg, 'HL').map((h) => h.elements.slice(1)), [['1', '', '20', '1'], ['2', '1', '21', '1'], ['3', '2', '22', '0']]);
  const [payer, provider, subscriber] = byId(seg, 'NM1');
  t.same([payer?.get('NM101'), payer?.get('NM103'), payer?.get('NM108'), payer?.get('NM109')], ['PR', 'EXAMPLE HEALTH PLAN', 'PI', 'SYNTHPAYER01']);
  t.same([provider?.get('NM101'), provider?.get('NM102'), provider?.get('NM108'), provider?.get('NM109')], ['1P', '2', 'XX', '1234567893']);
  t.same([subscriber?.get('NM101'), subscriber?.get('NM103'), subscriber?.get('NM104'), subscriber?.get('NM108'), subscriber?.get('NM109')], ['IL', 'TESTPATIENT', 'ALEX', 'MI', 'ZZZ000000001']);
  t.same(byId(seg, 'DMG')[0]?.elements.slice(1), ['D8', '19900101', 'F']);
  t.same(byId(seg, 'DTP')[0]?.elements.slice(1), ['291', 'D8', '20250304']);
  t.same(byId(seg, 'EQ')[0]?.repeats(1), ['30', 'MH', 'CH', 'AI'], 'service types repeat with ^');
  t.equal(byId(seg, 'BHT')[0]?.get('BHT02'), '13');
  t.equal(byId(seg, 'SE')[0]?.get('SE01'), String(seg.length));
});

t.test('a dependent inquiry puts the patient in a 2000D loop with the dates and service types', async (t) => {
  const text = buildX12270({ ...inquiry, dependent: { firstName: 'EMERY', lastName: 'TESTDEPENDENT', dateOfBirth: '2008-08-08', relationship: 'child' } }, options);
  const seg = readX12(text).transactions[0]!.segments;
  t.same(byId(seg, 'HL').map((h) => h.elements.slice(1)), [['1', '', '20', '1'], ['2', '1', '21', '1'], ['3', '2', '22', '1'], ['4', '3', '23', '0']]);
  const hl4 = seg.findIndex((s) => s.id === 'HL' && s.el(1) === '4');
  const after = seg.slice(hl4);
  t.same(byId(after, 'NM1')[0]?.elements.slice(1), ['03', '1', 'TESTDEPENDENT', 'EMERY']);
  t.equal(byId(after, 'DMG')[0]?.get('DMG02'), '20080808');
  t.equal(byId(after, 'EQ').length, 1);
  t.equal(byId(seg, 'EQ').length, 1, 'no EQ on the subscriber');
  t.equal(byId(seg, 'DMG')[0]?.get('DMG02'), '19900101', 'subscriber DMG stays in 2100C');
  t.match(text, /\nIEA\*1\*000000042~\n$/);
});

t.test('values that would break the X12 syntax are refused with field pointers and no PHI', async (t) => {
  const bad: EligibilityInquiry = {
    ...inquiry,
    provider: { npi: '12345' },
    subscriber: { ...inquiry.subscriber, lastName: 'TEST*PATIENT', dateOfBirth: '1990-02-30' },
    serviceTypes: ['MH', 'mental'],
  };
  try {
    buildX12270(bad, { ...options, interchangeControlNumber: 0 });
    t.fail('expected request.invalid');
  } catch (error) {
    t.ok(error instanceof DomainError);
    const e = error as DomainError;
    t.equal(e.code, 'request.invalid');
    t.same(e.errors.map((f) => f.pointer).sort(), [
      '/options/interchangeControlNumber', '/provider', '/provider/npi', '/serviceTypes/1', '/subscriber/dateOfBirth', '/subscriber/lastName',
    ]);
    t.notMatch(JSON.stringify(e.errors) + e.message, /TEST\*PATIENT|1990-02-30/);
  }
});

t.test('the patient HL loop carries a TRN*1 trace with a 10-character originator (TR3 2000C/2000D TRN)', async (t) => {
  // TR3 2000C/2000D TRN (position 0200, right after HL): TRN01 '1' current transaction, TRN02 the
  // trace number (1-50), TRN03 the assigning company, AN 10/10; the payer echoes it as TRN*2 in the
  // 271. The 271 TR3 still requires TRN03 to start with 1 (EIN), 3 (DUNS) or 9 (user-assigned).
  const seg = readX12(buildX12270(inquiry, options)).transactions[0]!.segments;
  const hl3 = seg.findIndex((s) => s.id === 'HL' && s.el(3) === '22');
  t.equal(seg[hl3 + 1]?.id, 'TRN', 'TRN follows the 2000C HL');
  t.same(seg[hl3 + 1]?.elements.slice(1), ['1', '000000042', '9SYNTHCLIN']);
  t.equal(seg[hl3 + 2]?.get('NM101'), 'IL');

  const dependent = readX12(buildX12270({ ...inquiry, dependent: { firstName: 'EMERY', lastName: 'TESTDEPENDENT', relationship: 'child' } }, options)).transactions[0]!.segments;
  const traces = byId(dependent, 'TRN');
  t.equal(traces.length, 1, 'only the patient loop (2000D) is traced');
  const hl4 = dependent.findIndex((s) => s.id === 'HL' && s.el(3) === '23');
  t.equal(dependent[hl4 + 1]?.id, 'TRN', 'TRN follows the 2000D HL');

  const own = readX12(buildX12270(inquiry, { ...options, traceOriginatorId: '1123456789' })).transactions[0]!.segments;
  t.equal(byId(own, 'TRN')[0]?.el(3), '1123456789');
  t.throws(() => buildX12270(inquiry, { ...options, traceOriginatorId: '12345' }), { code: 'request.invalid' });
  t.throws(() => buildX12270(inquiry, { ...options, traceOriginatorId: '5123456789' }), { code: 'request.invalid' });
});

t.test('a repeated service type is sent once in EQ01', async (t) => {
  const seg = readX12(buildX12270({ ...inquiry, serviceTypes: ['MH', 'CH', 'MH', '30', 'CH'] }, options)).transactions[0]!.segments;
  t.same(byId(seg, 'EQ')[0]?.repeats(1), ['MH', 'CH', '30']);
});

t.test('ISA id qualifiers and GS application codes can be set for receivers that publish them', async (t) => {
  // ISA05/ISA07 (I05) and GS02/GS03 are agreed per receiver: e.g. Availity's companion guide has the
  // receiver as ISA07 '01' (DUNS) '030240928', and CMS HETS has GS03 'CMS'. A fixed ZZ/ZZ envelope
  // would be refused at the interchange level by such a receiver.
  const text = buildX12270(inquiry, {
    ...options, senderIdQualifier: 'ZZ', receiverIdQualifier: '01', receiverId: '030240928', applicationReceiverCode: '030240928', applicationSenderCode: 'SYNTHAPP',
  });
  t.match(text, /^ISA\*00\*          \*00\*          \*ZZ\*SYNTHCLINIC    \*01\*030240928      \*/);
  t.equal(text.slice(0, 106).length, 106);
  const doc = readX12(text);
  t.same(doc.warnings, []);
  const gs = text.split('\n')[1]!;
  t.match(gs, /^GS\*HS\*SYNTHAPP\*030240928\*20250304\*1507\*42\*X\*005010X279A1~$/);
  // Defaults: ZZ qualifiers, GS02/GS03 = ISA06/ISA08.
  t.match(buildX12270(inquiry, options).split('\n')[1]!, /^GS\*HS\*SYNTHCLINIC\*SYNTHPAYER\*/);
  t.throws(() => buildX12270(inquiry, { ...options, receiverIdQualifier: 'XX' }), { code: 'request.invalid' });
  t.throws(() => buildX12270(inquiry, { ...options, applicationReceiverCode: 'C' }), { code: 'request.invalid' });
});
