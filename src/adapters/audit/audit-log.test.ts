import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import t from 'tap';
import { createLogCapture } from '../../../test/support/log-capture.js';
import { AuditEventError, createAuditLog, isPart2, memberAuditHash, type AuditEventInput } from './audit-log.js';

const SECRET = 'audit-secret-that-is-long-enough-0123456789';
const member = { payerId: 'acme-health', memberId: 'W123456789', dateOfBirth: '1984-02-29' };
const NOW = () => new Date('2026-03-01T12:00:00.000Z');

const base: AuditEventInput = {
  event: 'eligibility.check',
  apiKey: 'clinic-a',
  payerId: 'acme-health',
  memberHash: memberAuditHash(SECRET, member),
  purpose: 'payment',
  outcome: 'success',
  cache: 'miss',
  requestId: 'req-1',
  serviceTypes: ['30', 'MH'],
};

t.test('each event is one JSON line with the documented fields and no member id, name or date of birth', async (t) => {
  const capture = createLogCapture();
  const audit = createAuditLog(capture.stream, { now: NOW });
  audit.record(base);
  audit.record({ ...base, event: 'estimate.create', outcome: 'error', code: 'payer.timeout', cache: 'stale', requestId: 'req-2' });
  t.equal(capture.lines.length, 2);
  t.same(capture.records()[0], {
    at: '2026-03-01T12:00:00.000Z',
    event: 'eligibility.check',
    apiKey: 'clinic-a',
    payerId: 'acme-health',
    memberHash: memberAuditHash(SECRET, member),
    purpose: 'payment',
    outcome: 'success',
    cache: 'miss',
    part2: false,
    requestId: 'req-1',
  });
  t.notMatch(capture.text(), /W123456789|1984-02-29|serviceTypes/);
});

t.test('events about substance use care are marked part2', async (t) => {
  const capture = createLogCapture();
  const audit = createAuditLog(capture.stream, { now: NOW });
  audit.record({ ...base, serviceTypes: ['30', 'AI'] });
  audit.record({ ...base, serviceTypes: [], levelsOfCare: ['iop-substance-use'] });
  audit.record({ ...base, serviceTypes: undefined, procedureCodes: ['h0015'] });
  audit.record({ ...base, serviceTypes: ['MH', 'CF'], levelsOfCare: ['iop-mental-health'], procedureCodes: ['S9480'] });
  t.same(capture.records().map((r) => r.part2), [true, true, true, false]);
  for (const code of ['AI', 'AJ', 'AK', 'CI', 'CJ']) t.equal(isPart2({ serviceTypes: [code] }), true, `${code} is Part 2`);
});

t.test('an event carrying an extra field or a raw member id is refused without echoing the value', async (t) => {
  const capture = createLogCapture();
  const audit = createAuditLog(capture.stream, { now: NOW });
  const withName = { ...base, lastName: 'Lovelace' } as unknown as AuditEventInput;
  const error = t.throws(() => audit.record(withName)) as AuditEventError;
  t.type(error, AuditEventError);
  t.match(error.message, 'lastName');
  t.notMatch(error.message, 'Lovelace');
  const rawMember = t.throws(() => audit.record({ ...base, memberHash: 'W123456789' })) as Error;
  t.match(rawMember.message, 'memberHash');
  t.notMatch(rawMember.message, 'W123456789');
  t.equal(capture.lines.length, 0, 'nothing is written for a refused event');
});

t.test('the member hash is keyed, stable across formatting, and differs per member and secret', async (t) => {
  const hash = memberAuditHash(SECRET, member);
  t.match(hash, /^[0-9a-f]{64}$/);
  t.equal(memberAuditHash(SECRET, { ...member, memberId: ' w1234 56789 ', payerId: 'ACME-HEALTH' }), hash);
  t.not(memberAuditHash(SECRET, { ...member, memberId: 'W123456780' }), hash);
  t.not(memberAuditHash(`${SECRET}x`, member), hash);
});

t.test('a file destination gets the lines appended, apart from the application log', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ce-audit-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'sub', 'audit.jsonl');
  createAuditLog(file, { now: NOW }).record(base);
  const second = createAuditLog(file, { now: NOW });
  second.record({ ...base, requestId: 'req-9' });
  second.flush();
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  t.equal(lines.length, 2);
  t.same(lines.map((l) => (JSON.parse(l) as { requestId: string }).requestId), ['req-1', 'req-9']);
});
