import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { loadPayerDirectoryFile, type PayerEntry } from '../../data-files/payer-directory-file.js';
import { DataFileError } from '../../data-files/read-data-file.js';
import { isDomainError } from '../../../core/errors.js';
import type { EligibilityInquiry } from '../../../core/ports.js';
import { normalizePayerDocument } from '../normalize-payer-document.js';
import { createSandboxGateway, loadSandboxFixtures } from './sandbox-gateway.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const FIXTURES = path.join(ROOT, 'fixtures/sandbox');
const directory = loadPayerDirectoryFile(path.join(ROOT, 'fixtures/payers/payers.json'));
const fixtures = loadSandboxFixtures(FIXTURES);
const stored = (relative: string) => readFileSync(path.join(FIXTURES, relative), 'utf8');

function entry(id: string): PayerEntry {
  const found = directory.find((p) => p.id === id);
  if (!found) throw new Error(`no ${id} in the directory`);
  return found;
}

function sandbox(id: string, timeoutMs = 100) {
  return createSandboxGateway({ entry: entry(id), fixtures, timeoutMs, clock: { now: () => new Date('2026-01-05T14:30:00Z') } });
}

function inquiry(payerId: string, memberId: string, person: Partial<EligibilityInquiry['subscriber']> = {}): EligibilityInquiry {
  return {
    payerId,
    provider: { npi: '1234567893', organizationName: 'SANDBOX BEHAVIORAL HEALTH CLINIC' },
    subscriber: { memberId, ...person },
    dateOfService: '2026-01-05',
    serviceTypes: ['30', 'MH', 'CH'],
  };
}

t.test('every documented member answers with its stored document, byte for byte, in its payer format', async (t) => {
  const answering = fixtures.members.filter((m) => m.behavior === 'respond');
  t.ok(answering.length >= 10, 'the member table covers the documented scenarios');
  for (const member of answering) {
    const response = await sandbox(member.payerId).fetchEligibility(
      inquiry(member.payerId, member.memberId, { ...(member.dateOfBirth ? { dateOfBirth: member.dateOfBirth } : {}), ...(member.lastName ? { lastName: member.lastName } : {}) }),
    );
    t.equal(response.format, entry(member.payerId).format, `${member.memberId} on ${member.payerId} uses the payer's format`);
    t.equal(response.body, stored(member.response ?? ''), `${member.memberId} on ${member.payerId} serves ${member.response}`);
    t.equal(response.receivedAt, '2026-01-05T14:30:00.000Z');
  }
});

t.test('matches member ids ignoring case and whitespace', async (t) => {
  const response = await sandbox('sandbox-ppo').fetchEligibility(inquiry('sandbox-ppo', '  sbx-ppo- 0001 '));
  t.equal(response.body, stored('responses/sandbox-ppo-active.271'));
});

t.test('answers an unknown member with the payer\'s own AAA 75 "subscriber not found", in its format', async (t) => {
  const x12 = await sandbox('sandbox-hmo').fetchEligibility(inquiry('sandbox-hmo', 'NOT-A-MEMBER'));
  t.match(x12.body, /AAA\*N\*\*75\*C~/);
  t.match(x12.body, /NM1\*PR\*2\*SANDBOX HMO HEALTH PLAN\*/);
  const fhir = await sandbox('sandbox-fhir').fetchEligibility(inquiry('sandbox-fhir', 'NOT-A-MEMBER'));
  t.equal(fhir.format, 'fhir-r4');
  t.match(JSON.parse(fhir.body), { resourceType: 'CoverageEligibilityResponse', outcome: 'error', error: [{ code: { coding: [{ code: '75' }] } }] });
  const ch = await sandbox('sandbox-clearinghouse').fetchEligibility(inquiry('sandbox-clearinghouse', 'NOT-A-MEMBER'));
  t.match(JSON.parse(ch.body), { errors: [{ code: '75', description: 'Subscriber/Insured Not Found' }] });
});

t.test('treats a member known to another sandbox payer as unknown', async (t) => {
  const response = await sandbox('sandbox-hdhp').fetchEligibility(inquiry('sandbox-hdhp', 'SBX-PPO-0001'));
  t.equal(response.body, stored('responses/sandbox-hdhp-subscriber-not-found.271'));
});

t.test('answers "not found" when the date of birth or last name does not match the member', async (t) => {
  const gateway = sandbox('sandbox-ppo');
  const wrongDob = await gateway.fetchEligibility(inquiry('sandbox-ppo', 'SBX-PPO-0001', { dateOfBirth: '1999-12-31' }));
  t.match(wrongDob.body, /AAA\*N\*\*75\*C/);
  const wrongName = await gateway.fetchEligibility(inquiry('sandbox-ppo', 'SBX-PPO-0001', { lastName: 'Someone' }));
  t.match(wrongName.body, /AAA\*N\*\*75\*C/);
  const caseOnly = await gateway.fetchEligibility(inquiry('sandbox-ppo', 'SBX-PPO-0001', { lastName: 'sandbox', dateOfBirth: '1985-01-01' }));
  t.equal(caseOnly.body, stored('responses/sandbox-ppo-active.271'));
});

t.test('serves the AAA 72 rejection for the invalid member id', async (t) => {
  const response = await sandbox('sandbox-ppo').fetchEligibility(inquiry('sandbox-ppo', 'SBX-PPO-0000'));
  t.match(response.body, /AAA\*N\*\*72\*C~/);
});

t.test('the timeout member fails with payer.timeout after the configured sandbox timeout', async (t) => {
  const started = performance.now();
  try {
    await sandbox('sandbox-ppo', 80).fetchEligibility(inquiry('sandbox-ppo', 'SBX-PPO-TIMEOUT'));
    t.fail('expected a timeout');
  } catch (error) {
    t.ok(isDomainError(error) && error.code === 'payer.timeout', 'payer.timeout');
    t.match(isDomainError(error) ? error.meta : {}, { payerId: 'sandbox-ppo', reason: 'deadline' });
  }
  const elapsed = performance.now() - started;
  t.ok(elapsed >= 75 && elapsed < 1000, `waited about the configured 80 ms (${Math.round(elapsed)} ms)`);
});

t.test('the timeout member stops waiting as soon as the caller aborts', async (t) => {
  const started = performance.now();
  try {
    await sandbox('sandbox-ppo', 10_000).fetchEligibility(inquiry('sandbox-ppo', 'SBX-PPO-TIMEOUT'), { signal: AbortSignal.timeout(30) });
    t.fail('expected a timeout');
  } catch (error) {
    t.match(isDomainError(error) ? { code: error.code, ...error.meta } : {}, { code: 'payer.timeout', reason: 'cancelled' });
  }
  t.ok(performance.now() - started < 1000, 'did not wait for the 10-second sandbox timeout');
});

t.test('every stored X12 response has a valid 5010 envelope', async (t) => {
  const files = new Set([...fixtures.documents.keys()].filter((f) => f.endsWith('.271')));
  t.ok(files.size >= 9);
  for (const file of files) {
    const text = stored(file);
    const isa = text.slice(0, 106);
    t.equal(isa.length, 106, `${file}: ISA is 106 characters`);
    t.equal(isa.charAt(3), '*', `${file}: element separator`);
    t.equal(isa.charAt(82), '^', `${file}: repetition separator (ISA11)`);
    t.equal(isa.charAt(104), ':', `${file}: component separator (ISA16)`);
    t.equal(isa.charAt(105), '~', `${file}: segment terminator`);
    const isaFields = isa.slice(0, 105).split('*');
    t.equal(isaFields.length, 17, `${file}: ISA has 16 elements`);
    t.same(isaFields.map((f) => f.length), [3, 2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1], `${file}: ISA fields are fixed width`);
    const segments = text.split('~').map((s) => s.trim()).filter(Boolean);
    const el = (segment: string | undefined, index: number) => segment?.split('*')[index];
    const gs = segments.find((s) => s.startsWith('GS*'));
    const ge = segments.find((s) => s.startsWith('GE*'));
    const iea = segments.find((s) => s.startsWith('IEA*'));
    const stIndex = segments.findIndex((s) => s.startsWith('ST*'));
    const seIndex = segments.findIndex((s) => s.startsWith('SE*'));
    t.equal(el(segments[stIndex], 1), '271', `${file}: ST01 is 271`);
    t.equal(el(segments[stIndex], 3), '005010X279A1', `${file}: ST03 is 005010X279A1`);
    t.equal(el(gs, 8), '005010X279A1', `${file}: GS08 is 005010X279A1`);
    t.equal(Number(el(segments[seIndex], 1)), seIndex - stIndex + 1, `${file}: SE01 counts ST through SE`);
    t.equal(el(segments[seIndex], 2), el(segments[stIndex], 2), `${file}: SE02 matches ST02`);
    t.equal(el(ge, 1), '1', `${file}: GE01 counts one transaction`);
    t.equal(el(ge, 2), el(gs, 6), `${file}: GE02 matches GS06`);
    t.equal(el(iea, 1), '1', `${file}: IEA01 counts one group`);
    t.equal(el(iea, 2), isaFields[13], `${file}: IEA02 matches ISA13`);
  }
});

t.test('refuses to start when members.json names a response file that does not exist', async (t) => {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-fixtures-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    path.join(dir, 'members.json'),
    JSON.stringify({
      members: [{ payerId: 'sandbox-ppo', memberId: 'SBX-X', scenario: 'x', description: 'x', response: 'responses/missing.271' }],
      notFound: {},
    }),
  );
  t.throws(() => loadSandboxFixtures(dir), DataFileError);
});

t.test('every stored document reads through the same normalizer as a real payer answer', async (t) => {
  const formatOf = new Map<string, string>();
  for (const member of fixtures.members) if (member.response) formatOf.set(member.response, entry(member.payerId).format);
  for (const [payerId, relative] of Object.entries(fixtures.notFound)) formatOf.set(relative, entry(payerId).format);
  for (const [relative, format] of formatOf) {
    const result = normalizePayerDocument(stored(relative));
    t.equal(result.format, format, `${relative} is detected as ${format}`);
    t.ok(result.coverages.length >= 1, `${relative} yields a coverage`);
  }
});
