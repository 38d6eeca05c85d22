import t from 'tap';
import fc from 'fast-check';
import { applyRate, formatCents, formatPpm, parseDollarsToCents, parseFractionToPpm, parsePercentToPpm } from './money.js';

t.test('dollar strings become exact cents', async (t) => {
  t.equal(parseDollarsToCents('1500'), 150_000);
  t.equal(parseDollarsToCents('10.00'), 1_000);
  t.equal(parseDollarsToCents('0.1'), 10);
  t.equal(parseDollarsToCents('.5'), 50);
  t.equal(parseDollarsToCents(' 1234.567 '), 123_457, 'fractions of a cent round half up');
  t.equal(parseDollarsToCents('1234.564'), 123_456);
  t.equal(parseDollarsToCents('-20'), -2_000);
  t.equal(parseDollarsToCents('0.10'), 10, 'no float error: 0.1 + 0.2 style inputs stay exact');
  t.equal(parseDollarsToCents('1e3'), undefined, 'exponent notation is not a dollar amount');
  t.equal(parseDollarsToCents('12,000'), undefined);
  t.equal(parseDollarsToCents(''), undefined);
});

t.test('X12 fractions, FHIR percents and display formats are exact', async (t) => {
  t.equal(parseFractionToPpm('0.2'), 200_000);
  t.equal(parseFractionToPpm('.125'), 125_000);
  t.equal(parseFractionToPpm('1'), 1_000_000);
  t.equal(parseFractionToPpm('0.3333335'), 333_334);
  t.equal(parseFractionToPpm('-0.2'), undefined);
  t.equal(parsePercentToPpm('20'), 200_000);
  t.equal(parsePercentToPpm('12.5'), 125_000);
  t.equal(formatCents(124_000), '$1,240.00');
  t.equal(formatCents(-5), '-$0.05');
  t.equal(formatPpm(200_000), '20%');
  t.equal(formatPpm(125_000), '12.5%');
});

t.test('applying a rate rounds half up to the cent', async (t) => {
  t.equal(applyRate(30_000, 200_000), 6_000, '20% of $300.00 is $60.00');
  t.equal(applyRate(1_005, 500_000), 503, '50% of $10.05 is $5.025, rounded up to $5.03');
  t.equal(applyRate(1_003, 500_000), 502, '50% of $10.03 is $5.015, rounded up');
  t.equal(applyRate(999, 333_333), 333);
  t.equal(applyRate(-1_005, 500_000), -503, 'half rounds away from zero for refunds too');
});

t.test('very large amounts are still shared exactly, not refused', async (t) => {
  // $1,000,000,000,000.05 at 50%: the product passes 2^53, the share is $500,000,000,000.025 -> .03.
  t.equal(applyRate(100_000_000_000_005, 500_000), 50_000_000_000_003);
  t.equal(applyRate(Number.MAX_SAFE_INTEGER, 1_000_000), Number.MAX_SAFE_INTEGER, '100% of the largest amount is itself');
  t.equal(applyRate(-100_000_000_000_005, 500_000), -50_000_000_000_003);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (amount, rate) =>
      // Scaling the amount by 10^6 scales the exact share by 10^6 (no rounding left at that scale).
      applyRate(amount * 1_000_000, rate) === amount * rate),
    { numRuns: 300 },
  );
});

t.test('a rate share and its complement always add back to the amount within a cent', async (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (amount, rate) => {
      const patient = applyRate(amount, rate);
      const plan = applyRate(amount, 1_000_000 - rate);
      return patient >= 0 && patient <= amount && Math.abs(patient + plan - amount) <= 1;
    }),
    { numRuns: 500 },
  );
});

t.test('dollar strings round-trip through cents', async (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      return parseDollarsToCents(text) === cents;
    }),
    { numRuns: 500 },
  );
});
