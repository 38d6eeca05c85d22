import t from 'tap';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { SYNTHETIC_INQUIRY } from '../../../../test/support/synthetic-inquiry.js';
import { buildFhirEligibilityRequest } from './fhir-eligibility-request-builder.js';
import { buildClearinghouseEligibilityRequest } from '../clearinghouse/clearinghouse-request-builder.js';

const inquiry: EligibilityInquiry = SYNTHETIC_INQUIRY;

t.test('the FHIR request asks for benefits and validation with one item per service type', async (t) => {
  const body = buildFhirEligibilityRequest(inquiry, { id: 'req-1', now: new Date('2026-02-02T10:00:00Z'), insurerReference: 'Organization/syn' }) as Record<string, any>;
  t.equal(body.resourceType, 'CoverageEligibilityRequest');
  t.same(body.purpose, ['benefits', 'validation']);
  t.equal(body.created, '2026-02-02T10:00:00.000Z');
  t.same(body.item.map((i: any) => i.category.coding[0].code), ['30', 'MH', 'CH']);
  t.equal(body.contained[0].birthDate, '1985-05-05');
  t.equal(body.contained[1].subscriberId, 'SYNTH000001');
  t.equal(body.contained[1].relationship.coding[0].code, 'self');
  t.same(body.insurer, { reference: 'Organization/syn' });
});

t.test('a dependent is the FHIR patient and the clearinghouse dependent, with X12 dates', async (t) => {
  const withDependent: EligibilityInquiry = { ...inquiry, dependent: { firstName: 'Kiddo', lastName: 'Exampleperson', dateOfBirth: '2012-03-04', relationship: 'child' } };
  const fhir = buildFhirEligibilityRequest(withDependent, { id: 'req-2', now: new Date(0) }) as Record<string, any>;
  t.equal(fhir.contained[0].name[0].given[0], 'Kiddo');
  t.equal(fhir.contained[1].relationship.coding[0].code, 'child');
  t.same(fhir.insurer, { identifier: { value: 'SYN01' } });
  const ch = buildClearinghouseEligibilityRequest(withDependent, { controlNumber: '123456789', tradingPartnerServiceId: 'SYNTH' }) as Record<string, any>;
  t.equal(ch.controlNumber, '123456789');
  t.same(ch.encounter, { dateOfService: '20260202', serviceTypeCodes: ['30', 'MH', 'CH'] });
  t.equal(ch.subscriber.dateOfBirth, '19850505');
  t.same(ch.dependents, [{ firstName: 'Kiddo', lastName: 'Exampleperson', dateOfBirth: '20120304', individualRelationshipCode: '19' }]);
});

t.test('item.category is coded in the X12 service type system; ex-benefitcategory only for codes it defines', async (t) => {
  // http://terminology.hl7.org/CodeSystem/ex-benefitcategory (content complete) defines 28 codes
  // (1, 2, 3, 4, 5, 14, 23-28, 30, 35-37, 49, 55, 56, 61-63, 69, 76, F1, F3, F4, F6): a coding
  // MH or CH in that system names a code that does not exist, which a validating server rejects.
  const body = buildFhirEligibilityRequest({ ...inquiry, serviceTypes: ['30', 'MH', 'CH', 'MH'] }, { id: 'req-3', now: new Date(0) }) as Record<string, any>;
  t.same(body.item, [
    { category: { coding: [{ system: 'https://x12.org/codes/service-type-codes', code: '30' }, { system: 'http://terminology.hl7.org/CodeSystem/ex-benefitcategory', code: '30' }] } },
    { category: { coding: [{ system: 'https://x12.org/codes/service-type-codes', code: 'MH' }] } },
    { category: { coding: [{ system: 'https://x12.org/codes/service-type-codes', code: 'CH' }] } },
  ]);
});

t.test('with no service types the FHIR request still has one item (JSON arrays must not be empty)', async (t) => {
  // FHIR JSON: "arrays must not be empty"; an absent list is left out, never sent as [].
  const body = buildFhirEligibilityRequest({ ...inquiry, serviceTypes: [] }, { id: 'req-4', now: new Date(0) }) as Record<string, any>;
  t.equal(body.item.length, 1);
  t.equal(body.item[0].category.coding[0].code, '30');
});

t.test('Coverage names its subscriber and the provider carries its NPI and name (what a 270 needs)', async (t) => {
  // R4 Coverage.subscriber (Reference(Patient|RelatedPerson)) is the policy holder; a receiver that
  // turns the request into a 270 needs the subscriber (2100C NM1*IL) and, for a dependent, the
  // patient (2100D NM1*03) by name, and the provider's name with its NPI (2100B NM1*1P, NM103
  // required). Every contained resource must be referenced from the request (dom-3).
  const self = buildFhirEligibilityRequest(inquiry, { id: 'req-5', now: new Date(0) }) as Record<string, any>;
  const byId = (body: Record<string, any>, id: string): Record<string, any> => body.contained.find((r: any) => r.id === id);
  t.same(byId(self, 'coverage').subscriber, { reference: '#patient' });
  t.same(byId(self, 'provider'), { resourceType: 'Organization', id: 'provider', identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1999999984' }], name: 'Example IOP Clinic' });
  t.equal(self.provider.reference, '#provider');

  const withDependent: EligibilityInquiry = { ...inquiry, provider: { npi: '1999999984', firstName: 'Pat', lastName: 'Clinician' }, dependent: { firstName: 'Kiddo', lastName: 'Exampleperson', dateOfBirth: '2012-03-04', relationship: 'child' } };
  const dep = buildFhirEligibilityRequest(withDependent, { id: 'req-6', now: new Date(0) }) as Record<string, any>;
  t.same(byId(dep, 'coverage').subscriber, { reference: '#subscriber' });
  t.same(byId(dep, 'subscriber'), { resourceType: 'Patient', id: 'subscriber', name: [{ family: 'Exampleperson', given: ['Testy'] }], birthDate: '1985-05-05', gender: 'female' });
  t.equal(byId(dep, 'patient').birthDate, '2012-03-04');
  t.same(byId(dep, 'provider').name, [{ family: 'Clinician', given: ['Pat'] }]);
  t.equal(byId(dep, 'provider').resourceType, 'Practitioner');

  for (const body of [self, dep]) {
    const { contained, ...rest } = body;
    const referenced = new Set([...JSON.stringify([rest, contained]).matchAll(/"reference":"#([^"]+)"/g)].map((m) => m[1]));
    t.same(contained.map((r: any) => r.id).filter((id: string) => !referenced.has(id)), [], 'dom-3: every contained resource is referenced');
  }
});
