/** One eligibility inquiry for request-builder tests: an invented person, a test NPI, three service types. */
import type { EligibilityInquiry } from '../../src/core/ports.js';

export const SYNTHETIC_INQUIRY: EligibilityInquiry = {
  payerId: 'SYN01',
  provider: { npi: '1999999984', organizationName: 'Example IOP Clinic' },
  subscriber: { memberId: 'SYNTH000001', firstName: 'Testy', lastName: 'Exampleperson', dateOfBirth: '1985-05-05', gender: 'F' },
  dateOfService: '2026-02-02',
  serviceTypes: ['30', 'MH', 'CH'],
};
