import t from 'tap';
import { buildTestApp } from '../../../test/support/build-test-app.js';

t.test('POST /v1/sliding-scale/evaluate places households on the schedule and refuses bad inputs', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const evaluate = (payload: object) => app.inject({ method: 'POST', url: '/v1/sliding-scale/evaluate', payload });

  const atPoverty = await evaluate({ householdSize: 4, annualIncomeCents: 3_300_000, region: 'contiguous', dateOfService: '2026-06-01' });
  t.equal(atPoverty.statusCode, 200);
  t.equal(atPoverty.json().percentOfPovertyText, '100%', 'exactly the 2026 guideline for 4 ($33,000)');
  t.equal(atPoverty.json().charge.kind, 'nominal');

  const monthly = await evaluate({ householdSize: 1, monthlyIncomeCents: 133_000, region: 'contiguous', dateOfService: '2026-06-01' });
  t.equal(monthly.json().incomeBasis, 'monthly-times-12');
  t.equal(monthly.json().annualIncomeCents, 1_596_000);

  const above = await evaluate({ householdSize: 1, annualIncomeCents: 5_000_000, region: 'hawaii', dateOfService: '2026-06-01' });
  t.equal(above.json().charge.kind, 'none', 'above 200% there is no discount');

  const sizeZero = await evaluate({ householdSize: 0, annualIncomeCents: 100, region: 'contiguous', dateOfService: '2026-06-01' });
  t.equal(sizeZero.statusCode, 400);
  t.equal(sizeZero.json().errors[0].pointer, '/householdSize');
  const negative = await evaluate({ householdSize: 2, annualIncomeCents: -1, region: 'contiguous', dateOfService: '2026-06-01' });
  t.equal(negative.statusCode, 400);
  t.equal(negative.json().errors[0].pointer, '/annualIncomeCents');
  const region = await evaluate({ householdSize: 2, annualIncomeCents: 1, region: 'guam', dateOfService: '2026-06-01' });
  t.equal(region.statusCode, 400);
  t.equal(region.json().errors[0].pointer, '/region');
  const both = await evaluate({ householdSize: 2, annualIncomeCents: 1, monthlyIncomeCents: 1, region: 'contiguous', dateOfService: '2026-06-01' });
  t.equal(both.statusCode, 400);
  t.match(both.json(), { code: 'sliding-scale.invalid', errors: [{ pointer: '/monthlyIncomeCents' }] });
  const tooEarly = await evaluate({ householdSize: 2, annualIncomeCents: 1, region: 'contiguous', dateOfService: '2019-06-01' });
  t.equal(tooEarly.statusCode, 422);
  t.match(tooEarly.json(), { code: 'sliding-scale.no-guideline' });
});

t.test('POST /v1/prior-auth/evaluate combines payer answers with configured rules', async (t) => {
  const { app } = await buildTestApp();
  t.teardown(() => app.close());
  const evaluate = (payload: object) => app.inject({ method: 'POST', url: '/v1/prior-auth/evaluate', payload });

  const conflict = await evaluate({
    payerId: 'sandbox-hdhp',
    planType: 'HDHP',
    levelOfCare: 'iop-mental-health',
    payerSaid: { authorizationRequired: 'yes', referralRequired: 'unknown' },
  });
  t.equal(conflict.statusCode, 200);
  t.equal(conflict.json().authorization.required, 'required', 'the payer saying yes wins over a notification-only rule');

  const hmo = await evaluate({ payerId: 'sandbox-hmo', planType: 'HMO', levelOfCare: 'iop-mental-health' });
  t.equal(hmo.json().referral.required, 'required', 'an HMO needs a referral');

  const timeline = await evaluate({
    payerId: 'sandbox-ppo',
    planType: 'PPO',
    levelOfCare: 'iop-mental-health',
    programDates: ['2026-12-07', '2026-12-09', '2026-12-11', '2026-12-14'],
    requestDate: '2026-12-06',
  });
  t.ok(timeline.json().timeline.submitBy < '2026-12-07', 'submit before day 1');
  t.ok(timeline.json().timeline.daysAtRiskWithoutApproval.length > 0, 'a late request puts program days at risk');

  const unsorted = await evaluate({ payerId: 'sandbox-ppo', planType: 'PPO', levelOfCare: 'iop-mental-health', programDates: ['2026-12-09', '2026-12-07'] });
  t.equal(unsorted.statusCode, 400);
  t.match(unsorted.json(), { code: 'prior-auth.invalid', errors: [{ pointer: '/programDates/1' }] });
});
