import t from 'tap';
import fc from 'fast-check';
import { type DomainError } from '../errors.js';
import { buildPaymentPlans } from './payment-plans.js';

t.test('$2,040 over 3, 6 and 12 months: equal payments with the odd cents on the first', async (t) => {
  const plans = buildPaymentPlans(204_000);
  t.same(plans.map((p) => [p.months, p.monthlyCents, p.firstPaymentCents]), [[3, 68_000, 68_000], [6, 34_000, 34_000], [12, 17_000, 17_000]]);
  // $1,000.00 / 3 = 333.33 x 3 = 999.99, so the first payment carries the extra cent.
  const [three] = buildPaymentPlans(100_000, { termsMonths: [3] });
  t.same(three?.payments, [33_334, 33_333, 33_333]);
  const [last] = buildPaymentPlans(100_000, { termsMonths: [3], remainderOn: 'last' });
  t.same(last?.payments, [33_333, 33_333, 33_334]);
});

t.test('terms whose monthly payment falls below the minimum are dropped', async (t) => {
  // $600 over 12 months is $50, below a $75 minimum; 6 months is $100.
  t.same(buildPaymentPlans(60_000, { minimumMonthlyCents: 7_500 }).map((p) => p.months), [3, 6]);
  t.same(buildPaymentPlans(10_000, { minimumMonthlyCents: 7_500 }), [], 'no term works');
  t.same(buildPaymentPlans(0), [], 'nothing to pay');
});

t.test('bad inputs are rejected with field pointers', async (t) => {
  const err = t.throws(() => buildPaymentPlans(10.5, { termsMonths: [0] })) as DomainError;
  t.equal(err.code, 'estimate.invalid');
  t.same(err.errors.map((e) => e.pointer), ['/totalCents', '/termsMonths/0']);
});

t.test('payments always add up to the total and differ by less than the number of months', async (t) => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 1, max: 36 }), (total, months) => {
    for (const plan of buildPaymentPlans(total, { termsMonths: [months] })) {
      if (plan.payments.reduce((a, b) => a + b, 0) !== total) return false;
      if (plan.firstPaymentCents - plan.monthlyCents >= months) return false;
      if (plan.payments.length !== months) return false;
    }
    return true;
  }), { numRuns: 300 });
});
