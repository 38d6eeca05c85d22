/**
 * A synthetic uninsured patient for Good Faith Estimate tests: 10 weeks of mental-health IOP,
 * three days a week, with a 40% sliding-fee discount. Shared by the core and presenter tests.
 * Every person and organization here is invented.
 */
import type { GoodFaithEstimateInput } from './good-faith-estimate.js';
import type { PovertyGuideline } from './poverty-guidelines.js';
import { evaluateSlidingScale } from './sliding-scale.js';
import type { SlidingFeeSchedule } from './sliding-fee-schedule.js';

const guideline2026: PovertyGuideline = {
  year: 2026,
  effectiveFrom: '2026-01-13',
  source: { document: 'FR Doc 2026-00755', url: 'https://www.govinfo.gov/content/pkg/FR-2026-01-15/html/2026-00755.htm' },
  regions: {
    contiguous: { baseCents: 1_596_000, perAdditionalPersonCents: 568_000, verified: true },
    alaska: { baseCents: 1_995_000, perAdditionalPersonCents: 710_000, verified: true },
    hawaii: { baseCents: 1_836_000, perAdditionalPersonCents: 653_000, verified: true },
  },
};

const schedule: SlidingFeeSchedule = {
  id: 'test-sfds',
  name: 'Test schedule',
  effectiveFrom: '2026-01-13',
  applyToInsuredPatientResponsibility: false,
  tiers: [
    { id: 'A', label: 'At or below 100%', abovePercent: 0, upToPercent: 100, charge: { kind: 'nominal', amountCents: 1500, per: 'day' }, documents: [] },
    { id: 'D', label: '101% to 175% of the poverty guideline', abovePercent: 100, upToPercent: 175, charge: { kind: 'discount', discountPpm: 400_000 }, documents: [] },
    { id: 'F', label: 'Above 175%', abovePercent: 175, upToPercent: null, charge: { kind: 'none' }, documents: [] },
  ],
};

/** Mon/Wed/Fri for 10 weeks from Monday 2026-03-02: 30 program days. */
export const IOP_DAYS: string[] = Array.from({ length: 30 }, (_, i) => {
  const week = Math.floor(i / 3);
  const offset = week * 7 + [0, 2, 4][i % 3]!;
  return new Date(Date.parse('2026-03-02T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);
});

/** The GFE input for the synthetic patient; `firstName` may be overridden to test escaping. */
export function tenWeekIopInput(firstName = 'Testy'): GoodFaithEstimateInput {
  // $27,930 a year for a household of one = exactly 175% of the 2026 guideline -> 40% off.
  const slidingScale = evaluateSlidingScale(
    { householdSize: 1, annualIncomeCents: 2_793_000, region: 'contiguous', dateOfService: '2026-03-02' },
    [guideline2026],
    schedule,
  );
  return {
    issuedOn: '2026-02-17',
    patient: { phi: { firstName, lastName: 'Synthetic-Patient', dateOfBirth: '1990-01-01' } },
    primaryService: { description: 'Intensive outpatient program, mental health (3 days a week for 10 weeks)', scheduledDate: '2026-03-02' },
    providers: [
      {
        key: 'clinic',
        role: 'convening-facility',
        name: 'Example Behavioral Health Clinic',
        npi: '1234567893',
        tin: '12-3456789',
        location: { line1: '1 Example Way', city: 'Springfield', state: 'IL', postalCode: '62701' },
      },
    ],
    items: [
      { providerKey: 'clinic', date: '2026-03-02', code: '90791', codeSystem: 'CPT', description: 'Psychiatric diagnostic evaluation (intake)', quantity: 1, unitChargeCents: 25_000 },
      ...IOP_DAYS.map((date) => ({
        providerKey: 'clinic',
        date,
        code: 'S9480',
        codeSystem: 'HCPCS' as const,
        description: 'Intensive outpatient psychiatric services, per diem',
        quantity: 1,
        unitChargeCents: 65_000,
      })),
    ],
    diagnosisCodes: ['F33.1'],
    separatelyScheduled: [{ description: 'Psychiatric medication management visits, if prescribed', code: '99214', codeSystem: 'CPT' }],
    slidingScale,
    scheduling: { scheduledOn: '2026-02-16', serviceDate: '2026-03-02', requested: false, holidays: ['2026-02-16'] },
    contact: 'Billing office, 555-0199 (synthetic)',
  };
}
