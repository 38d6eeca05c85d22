/**
 * Builds an ASC X12 005010X279A1 270 eligibility inquiry from an EligibilityInquiry. Layout per
 * the TR3: ISA/GS envelope, ST/BHT, 2000A information source (HL 20, NM1*PR), 2000B information
 * receiver (HL 21, NM1*1P with the XX NPI), 2000C subscriber (HL 22, NM1*IL with the MI member id,
 * DMG, DTP*291, EQ), and 2000D dependent (HL 23, NM1*03) when the patient is a dependent without
 * an own member id, in which case DMG/DTP/EQ go in the dependent loops (TR3 1.4.7).
 * The patient's HL loop (2000C, or 2000D for a dependent) carries a TRN*1 trace number that the
 * payer echoes back as TRN*2 in the 271, so a response can be tied to its inquiry.
 * Separators: '*' element, '^' repetition, ':' component, '~' terminator.
 */
import type { EligibilityInquiry } from '../../../core/ports.js';
import { DomainError } from '../../../core/errors.js';
import type { FieldError } from '../../../core/errors.js';

/** Envelope and routing values for a 270 that the inquiry itself does not carry. */
export interface X12270Options {
  /** ISA06 (and GS02 unless applicationSenderCode is set). */
  senderId: string;
  /** ISA08 (and GS03 unless applicationReceiverCode is set). */
  receiverId: string;
  /**
   * ISA05/ISA07 interchange id qualifiers (5010 I05: 01 DUNS, 14 DUNS+suffix, 20 HIN, 27 carrier,
   * 28 fiscal intermediary, 29 Medicare, 30 federal tax id, 33 NAIC, ZZ mutually defined).
   * Default 'ZZ'; some receivers publish another, e.g. Availity's receiver id is a DUNS (01).
   */
  senderIdQualifier?: string;
  receiverIdQualifier?: string;
  /** GS02/GS03 application codes (2-15) when the receiver wants them to differ from ISA06/ISA08. */
  applicationSenderCode?: string;
  applicationReceiverCode?: string;
  /** ISA13/GS06, 1..999999999. */
  interchangeControlNumber: number;
  now: Date;
  /** ISA15: P production, T test. Defaults to 'P'. */
  usageIndicator?: 'P' | 'T';
  /** NM103 of the 2100A payer; defaults to the inquiry payer id. */
  payerName?: string;
  /** NM109 (PI) of the 2100A payer; defaults to the inquiry payer id. */
  payerId?: string;
  /**
   * TRN03 of the 2000C/2000D trace (the company that assigned the trace number): exactly 10
   * characters, '1' + EIN, '3' + DUNS or '9' + a user-assigned id. Defaults to '9' followed by the
   * first 9 letters/digits of senderId (zero-padded).
   */
  traceOriginatorId?: string;
}

const SEPARATOR_CHARS = /[*~^:\r\n]/;
/** ISA05/ISA07 Interchange ID Qualifier codes allowed in the 005010 ISA. */
const ISA_ID_QUALIFIERS: ReadonlySet<string> = new Set(['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Collects invalid fields as JSON pointers (never values: they can be PHI). */
class FieldCheck {
  readonly errors: FieldError[] = [];

  text(pointer: string, value: string | undefined, options: { required?: boolean; max?: number } = {}): string {
    if (value === undefined || value.trim() === '') {
      if (options.required === true) this.errors.push({ pointer, message: 'is required' });
      return '';
    }
    if (SEPARATOR_CHARS.test(value)) this.errors.push({ pointer, message: 'contains an X12 separator character (* ~ ^ :) or a line break' });
    if (options.max !== undefined && value.length > options.max) this.errors.push({ pointer, message: `is longer than ${options.max} characters` });
    return value.trim();
  }

  date(pointer: string, value: string | undefined, required = false): string {
    if (value === undefined) {
      if (required) this.errors.push({ pointer, message: 'is required' });
      return '';
    }
    const match = ISO_DATE.exec(value);
    const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
    if (!match || date === undefined || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
      this.errors.push({ pointer, message: 'must be a date YYYY-MM-DD' });
      return '';
    }
    return value.replaceAll('-', '');
  }
}

/** Drop trailing empty elements, which the 5010 syntax forbids, and join. */
function segment(...elements: string[]): string {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') end--;
  return `${elements.slice(0, end).join('*')}~`;
}

/** TRN03 when none is configured: '9' (user-assigned) and the sender id, 10 characters. */
export function defaultTraceOriginatorId(senderId: string): string {
  return `9${senderId.replace(/[^A-Za-z0-9]/g, '').toUpperCase().slice(0, 9).padEnd(9, '0')}`;
}

/** Build a 005010X279A1 270 inquiry; throws DomainError('request.invalid') for values X12 cannot carry. */
export function buildX12270(inquiry: EligibilityInquiry, options: X12270Options): string {
  const check = new FieldCheck();
  const senderId = check.text('/options/senderId', options.senderId, { required: true, max: 15 });
  const receiverId = check.text('/options/receiverId', options.receiverId, { required: true, max: 15 });
  const senderQualifier = options.senderIdQualifier ?? 'ZZ';
  const receiverQualifier = options.receiverIdQualifier ?? 'ZZ';
  if (!ISA_ID_QUALIFIERS.has(senderQualifier)) check.errors.push({ pointer: '/options/senderIdQualifier', message: 'must be an ISA05 qualifier (01, 14, 20, 27, 28, 29, 30, 33, ZZ)' });
  if (!ISA_ID_QUALIFIERS.has(receiverQualifier)) check.errors.push({ pointer: '/options/receiverIdQualifier', message: 'must be an ISA07 qualifier (01, 14, 20, 27, 28, 29, 30, 33, ZZ)' });
  // GS02/GS03 are AN 2/15; they default to the ISA ids.
  const gsCode = (pointer: string, explicit: string | undefined, isaId: string, isaPointer: string): string => {
    const value = explicit === undefined ? isaId : check.text(pointer, explicit, { required: true, max: 15 });
    if (value.length === 1) check.errors.push({ pointer: explicit === undefined ? isaPointer : pointer, message: 'must be 2 to 15 characters (GS02/GS03)' });
    return value;
  };
  const gsSender = gsCode('/options/applicationSenderCode', options.applicationSenderCode, senderId, '/options/senderId');
  const gsReceiver = gsCode('/options/applicationReceiverCode', options.applicationReceiverCode, receiverId, '/options/receiverId');
  const payerName = check.text('/options/payerName', options.payerName ?? inquiry.payerId, { required: true, max: 60 });
  const payerId = check.text('/options/payerId', options.payerId ?? inquiry.payerId, { required: true, max: 80 });
  const icn = options.interchangeControlNumber;
  if (!Number.isInteger(icn) || icn < 1 || icn > 999_999_999) {
    check.errors.push({ pointer: '/options/interchangeControlNumber', message: 'must be an integer from 1 to 999999999' });
  }
  const npi = check.text('/provider/npi', inquiry.provider.npi, { required: true });
  if (npi !== '' && !/^\d{10}$/.test(npi)) check.errors.push({ pointer: '/provider/npi', message: 'must be 10 digits' });
  const org = check.text('/provider/organizationName', inquiry.provider.organizationName, { max: 60 });
  const providerLast = check.text('/provider/lastName', inquiry.provider.lastName, { max: 60 });
  const providerFirst = check.text('/provider/firstName', inquiry.provider.firstName, { max: 35 });
  if (org === '' && providerLast === '') check.errors.push({ pointer: '/provider', message: 'needs an organizationName or a lastName' });
  const sub = inquiry.subscriber;
  const memberId = check.text('/subscriber/memberId', sub.memberId, { required: true, max: 80 });
  const subLast = check.text('/subscriber/lastName', sub.lastName, { max: 60 });
  const subFirst = check.text('/subscriber/firstName', sub.firstName, { max: 35 });
  const subDob = check.date('/subscriber/dateOfBirth', sub.dateOfBirth);
  const dos = check.date('/dateOfService', inquiry.dateOfService, true);
  const dep = inquiry.dependent;
  const depLast = dep === undefined ? '' : check.text('/dependent/lastName', dep.lastName, { required: true, max: 60 });
  const depFirst = dep === undefined ? '' : check.text('/dependent/firstName', dep.firstName, { max: 35 });
  const depDob = dep === undefined ? '' : check.date('/dependent/dateOfBirth', dep.dateOfBirth);
  // EQ01 repeats each code once: duplicates add nothing and only count against the 99 limit.
  const serviceTypes = inquiry.serviceTypes.length === 0 ? ['30'] : [...new Set(inquiry.serviceTypes)];
  serviceTypes.forEach((code, i) => {
    if (!/^[A-Z0-9]{1,2}$/.test(code)) check.errors.push({ pointer: `/serviceTypes/${i}`, message: 'must be an X12 service type code' });
  });
  if (serviceTypes.length > 99) check.errors.push({ pointer: '/serviceTypes', message: 'at most 99 service types (EQ01 repeats 99 times)' });
  // TRN03 is AN 10/10; the 271 TR3 still wants it to start with 1 (EIN), 3 (DUNS) or 9 (user-assigned)
  // when it is echoed back, so only those are sent (X12 RFI 1272).
  const traceOriginator = options.traceOriginatorId ?? defaultTraceOriginatorId(senderId);
  if (!/^[139][A-Za-z0-9]{9}$/.test(traceOriginator)) {
    check.errors.push({ pointer: '/options/traceOriginatorId', message: 'must be 10 letters or digits starting with 1, 3 or 9' });
  }
  if (check.errors.length > 0) {
    throw new DomainError('request.invalid', 'The inquiry cannot be written as an X12 270', { errors: check.errors });
  }

  const iso = options.now.toISOString();
  const ccyymmdd = iso.slice(0, 10).replaceAll('-', '');
  const hhmm = iso.slice(11, 13) + iso.slice(14, 16);
  const control = String(icn).padStart(9, '0');
  const st = '0001';
  const usage = options.usageIndicator ?? 'P';
  // 2000C/2000D TRN*1: trace number (our control number) and its originator; it sits right after
  // the patient's HL segment, before the NM1 (TR3 2000C/2000D TRN, position 0200).
  const trace = segment('TRN', '1', control, traceOriginator);

  const isa = [
    'ISA', '00', ' '.repeat(10), '00', ' '.repeat(10), senderQualifier, senderId.padEnd(15), receiverQualifier, receiverId.padEnd(15),
    ccyymmdd.slice(2), hhmm, '^', '00501', control, '0', usage, ':',
  ].join('*') + '~';
  const body: string[] = [
    segment('ST', '270', st, '005010X279A1'),
    // BHT02 13 = request; BHT03 reference ties the 271 back to this inquiry.
    segment('BHT', '0022', '13', `${control}0001`, ccyymmdd, hhmm),
    segment('HL', '1', '', '20', '1'),
    segment('NM1', 'PR', '2', payerName, '', '', '', '', 'PI', payerId),
    segment('HL', '2', '1', '21', '1'),
    org !== ''
      ? segment('NM1', '1P', '2', org, '', '', '', '', 'XX', npi)
      : segment('NM1', '1P', '1', providerLast, providerFirst, '', '', '', 'XX', npi),
    segment('HL', '3', '2', '22', dep === undefined ? '0' : '1'),
    ...(dep === undefined ? [trace] : []),
    segment('NM1', 'IL', '1', subLast, subFirst, '', '', '', 'MI', memberId),
  ];
  const gender = (g: string | undefined): string => (g === 'M' || g === 'F' ? g : '');
  // 2100C/D DMG and 2110C/D DTP*291 + EQ: on the patient's own loop (subscriber, or dependent).
  const patientLoop = (dob: string, g: string | undefined): void => {
    if (dob !== '') body.push(segment('DMG', 'D8', dob, gender(g)));
    body.push(segment('DTP', '291', 'D8', dos));
    body.push(segment('EQ', serviceTypes.join('^')));
  };
  if (dep === undefined) {
    patientLoop(subDob, sub.gender);
  } else {
    if (subDob !== '') body.push(segment('DMG', 'D8', subDob, gender(sub.gender)));
    body.push(segment('HL', '4', '3', '23', '0'));
    body.push(trace);
    body.push(segment('NM1', '03', '1', depLast, depFirst));
    patientLoop(depDob, dep.gender);
  }
  body.push(segment('SE', String(body.length + 1), st));
  return [
    isa,
    segment('GS', 'HS', gsSender, gsReceiver, ccyymmdd, hhmm, String(icn), 'X', '005010X279A1'),
    ...body,
    segment('GE', '1', String(icn)),
    segment('IEA', '1', control),
  ].join('\n') + '\n';
}
