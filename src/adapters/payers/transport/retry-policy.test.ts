import t from 'tap';
import fc from 'fast-check';
import { findRetryableAaaCode, fullJitterDelayMs, parseRetryAfterSeconds } from './retry-policy.js';

const envelope = (body: string, element = '*', segment = '~') =>
  `ISA${element}00${element}          ${element}00${element}          ${element}ZZ${element}PAYER          ${element}ZZ${element}CLINIC         ${element}260105${element}0930${element}^${element}00501${element}000000001${element}0${element}T${element}:${segment}${body}`;

t.test('reads Retry-After as seconds or as an HTTP date', async (t) => {
  const now = Date.parse('2026-01-05T14:30:00Z');
  t.equal(parseRetryAfterSeconds('7', now), 7);
  t.equal(parseRetryAfterSeconds('Mon, 05 Jan 2026 14:30:12 GMT', now), 12);
  t.equal(parseRetryAfterSeconds('Mon, 05 Jan 2026 14:00:00 GMT', now), 0, 'a past date means now');
  t.equal(parseRetryAfterSeconds('soon', now), undefined);
  t.equal(parseRetryAfterSeconds(null, now), undefined);
});

t.test('keeps every full-jitter delay between zero and the capped exponential ceiling', async (t) => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (retry, r) => {
      const delay = fullJitterDelayMs(retry, 100, 2_000, () => r);
      return delay >= 0 && delay < Math.min(2_000, 100 * 2 ** retry) + 1;
    }),
  );
  t.equal(fullJitterDelayMs(3, 100, 2_000, () => 0.5), 400);
  t.equal(fullJitterDelayMs(10, 100, 2_000, () => 0.5), 1_000, 'capped at maxDelay');
});

t.test('spots AAA 42 and 80 in X12 using the separators the ISA declares', async (t) => {
  t.equal(findRetryableAaaCode(envelope('HL*1**20*1~AAA*Y**42*Y~'), 'x12-271'), '42');
  t.equal(findRetryableAaaCode(envelope('HL|1||20|1\nAAA|N||80|P\n', '|', '\n'), 'x12-271'), '80');
  t.equal(findRetryableAaaCode(envelope('AAA*N**72*C~'), 'x12-271'), undefined, 'AAA 72 is definitive');
  t.equal(findRetryableAaaCode(envelope('AAA*N**75*C~MSG*CALL 42~'), 'x12-271'), undefined, 'a 42 outside AAA03 does not count');
});

t.test('spots AAA 42 in clearinghouse and FHIR JSON errors', async (t) => {
  t.equal(findRetryableAaaCode(JSON.stringify({ errors: [{ code: '42' }] }), 'clearinghouse-json'), '42');
  t.equal(findRetryableAaaCode(JSON.stringify({ errors: [{ code: '75' }] }), 'clearinghouse-json'), undefined);
  t.equal(findRetryableAaaCode(JSON.stringify({ resourceType: 'CoverageEligibilityResponse', error: [{ code: { coding: [{ code: '42' }] } }] }), 'fhir-r4'), '42');
  t.equal(findRetryableAaaCode('not json', 'clearinghouse-json'), undefined);
});
