import t from 'tap';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { buildFhirEligibilityRequest } from './fhir-eligibility-request-builder.js';
import { buildClearinghouseEligibilityRequest } from '../clearinghouse/clearinghouse-request-builder.js';

const inquiry: EligibilityInquiry = {
  payerId: 'SYN01',
  provider: { npi: '1999999984', organizationName: 'Example IOP Clinic' },
  subscriber: { memberId: 'SYNTH000001', firstName: 'Testy', lastName: 'Exampleperson', dateOfBirth: '1985-05-05', gender: 'F' },
  dateOfService: '2026-02-02',
  serviceTypes: ['30', 'MH', 'CH'],
};

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
