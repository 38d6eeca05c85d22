import t from 'tap';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { SYNTHETIC_INQUIRY } from '../../../../test/support/synthetic-inquiry.js';
import { DomainError } from '../../../core/errors.js';
import { buildClearinghouseEligibilityRequest } from './clearinghouse-request-builder.js';

// Rules cited below are from Optum's "Medical Network Eligibility v3" OpenAPI (schemas
// MedicalEligibility, Provider, RequestSubscriber, RequestDependent, Encounter), the
// Change Healthcare-compatible request that Stedi's /change/medicalnetwork/eligibility/v3 also takes.
const inquiry: EligibilityInquiry = SYNTHETIC_INQUIRY;
const options = { controlNumber: '123456789', tradingPartnerServiceId: 'SYNTH' };
const build = (i: EligibilityInquiry, o = options): Record<string, any> => buildClearinghouseEligibilityRequest(i, o) as Record<string, any>;

/** The sorted field pointers of the request.invalid error `fn` throws ([] when it does not throw). */
function invalidPointers(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'request.invalid') return error.errors.map((e) => e.pointer).sort();
    throw error;
  }
  return [];
}

t.test('a dependent relationship uses only the INS02 codes the schema allows (01, 19, 34)', async (t) => {
  // RequestDependent.individualRelationshipCode enum: '01' Spouse, '19' Child, '34' Other Adult.
  const code = (relationship?: 'spouse' | 'child' | 'other'): unknown =>
    build({ ...inquiry, dependent: { firstName: 'Kiddo', lastName: 'Exampleperson', dateOfBirth: '2012-03-04', ...(relationship ? { relationship } : {}) } }).dependents[0]
      .individualRelationshipCode;
  t.equal(code('spouse'), '01');
  t.equal(code('child'), '19');
  t.equal(code('other'), '34', 'G8 is a claim code, not allowed here');
  t.equal(code(undefined), undefined, 'unknown relationship is left out rather than guessed');
});

t.test("gender is sent only as M or F (DMG03 enum ['M', 'F'])", async (t) => {
  const body = build({ ...inquiry, subscriber: { ...inquiry.subscriber, gender: 'U' }, dependent: { firstName: 'Kiddo', lastName: 'Exampleperson', gender: 'U', relationship: 'child' } });
  t.notOk('gender' in body.subscriber);
  t.notOk('gender' in body.dependents[0]);
  t.equal(build(inquiry).subscriber.gender, 'F');
});

t.test('the provider carries one name form: the organization, or a person last/first name', async (t) => {
  // Provider: organizationName (NM102=2) or firstName + lastName (NM102=1), with the npi.
  const both = build({ ...inquiry, provider: { npi: '1999999984', organizationName: 'Example IOP Clinic', firstName: 'Pat', lastName: 'Clinician' } });
  t.same(both.provider, { npi: '1999999984', organizationName: 'Example IOP Clinic' });
  const person = build({ ...inquiry, provider: { npi: '1999999984', firstName: 'Pat', lastName: 'Clinician' } });
  t.same(person.provider, { npi: '1999999984', firstName: 'Pat', lastName: 'Clinician' });
  t.same(invalidPointers(() => build({ ...inquiry, provider: { npi: '1999999984' } })), ['/provider']);
});

t.test('service type codes: 30 when none, each once, at most 99 (Encounter.serviceTypeCodes maxItems 99)', async (t) => {
  t.same(build({ ...inquiry, serviceTypes: [] }).encounter, { dateOfService: '20260202', serviceTypeCodes: ['30'] });
  t.same(build({ ...inquiry, serviceTypes: ['MH', 'CH', 'MH'] }).encounter.serviceTypeCodes, ['MH', 'CH']);
  const many = Array.from({ length: 100 }, (_, i) => `${'ABCDEFGHIJ'[Math.floor(i / 10)]}${i % 10}`); // 100 distinct codes
  t.same(invalidPointers(() => build({ ...inquiry, serviceTypes: many })), ['/serviceTypes']);
  t.same(invalidPointers(() => build({ ...inquiry, serviceTypes: ['MH', 'mental'] })), ['/serviceTypes/1']);
});

t.test('values the receiver schema refuses are reported with pointers and no PHI', async (t) => {
  // controlNumber: exactly 9 digits (ISA13); memberId: ^[A-Za-z0-9-]+$, 2-80; firstName 1-35;
  // lastName 1-60; organizationName 1-60; dates YYYYMMDD.
  const pointers = invalidPointers(() =>
    build(
      {
        ...inquiry,
        provider: { npi: '12345', organizationName: 'X'.repeat(61) },
        subscriber: { memberId: 'ZZ 0000 01', firstName: 'F'.repeat(36), lastName: 'L'.repeat(61), dateOfBirth: '1985-02-30' },
        dateOfService: '2026/02/02',
      },
      { controlNumber: '42', tradingPartnerServiceId: 'SYNTH' },
    ),
  );
  t.same(pointers, [
    '/dateOfService', '/options/controlNumber', '/provider/npi', '/provider/organizationName',
    '/subscriber/dateOfBirth', '/subscriber/firstName', '/subscriber/lastName', '/subscriber/memberId',
  ]);
  try {
    build({ ...inquiry, subscriber: { ...inquiry.subscriber, memberId: 'ZZ 0000 01', dateOfBirth: '1985-02-30' } });
  } catch (error) {
    const e = error as DomainError;
    t.notMatch(JSON.stringify(e.errors) + e.message, /ZZ 0000 01|1985-02-30/);
  }
});

t.test('a valid inquiry gives the documented request shape', async (t) => {
  t.same(build(inquiry), {
    controlNumber: '123456789',
    tradingPartnerServiceId: 'SYNTH',
    provider: { npi: '1999999984', organizationName: 'Example IOP Clinic' },
    subscriber: { memberId: 'SYNTH000001', firstName: 'Testy', lastName: 'Exampleperson', dateOfBirth: '19850505', gender: 'F' },
    encounter: { dateOfService: '20260202', serviceTypeCodes: ['30', 'MH', 'CH'] },
  });
});
