/**
 * The built-in sandbox payers: a PayerGateway that answers from stored response files
 * (fixtures/sandbox/responses/) for the synthetic members in fixtures/sandbox/members.json.
 * It returns the raw document only, so a sandbox answer goes through exactly the same parse path
 * as a real payer's. Unknown members get the payer's own "subscriber not found" (AAA 75) answer,
 * never an exception; the "timeout" member waits like a dead payer and ends in payer.timeout.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Clock, EligibilityInquiry, PayerGateway, RawPayerResponse } from '../../../core/ports.js';
import { DomainError, payerDeadlineMessage } from '../../../core/errors.js';
import { DataFileError, readDataFile } from '../../data-files/read-data-file.js';
import type { PayerEntry } from '../../data-files/payer-directory-file.js';
import { abortableSleep } from '../transport/payer-call.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const responsePath = z.string().regex(/^responses\/[a-z0-9-]+\.(271|json)$/, 'must be responses/<kebab-name>.271 or .json');

/** One synthetic member of a sandbox payer. */
export const sandboxMemberSchema = z
  .object({
    payerId: z.string().min(1),
    memberId: z.string().min(1).max(80),
    dateOfBirth: isoDate.optional(),
    lastName: z.string().min(1).max(60).optional(),
    scenario: z.string().regex(/^[a-z0-9-]+$/),
    description: z.string().min(1),
    /** 'respond' serves `response`; 'timeout' never answers (payer.timeout after the sandbox timeout). */
    behavior: z.enum(['respond', 'timeout']).default('respond'),
    response: responsePath.optional(),
    /**
     * Served instead of `response` when the date of service is after the day of the check, as a
     * payer that refuses future dates does (AAA 62/63); the check then asks again about today.
     */
    futureDateResponse: responsePath.optional(),
  })
  .strict()
  .refine((m) => m.behavior === 'timeout' || m.response !== undefined, { message: 'response is required unless behavior is "timeout"', path: ['response'] });
export type SandboxMember = z.output<typeof sandboxMemberSchema>;

/** The members file: members plus each sandbox payer's "subscriber not found" answer. */
export const sandboxMembersFileSchema = z
  .object({
    $comment: z.string().optional(),
    members: z.array(sandboxMemberSchema).min(1),
    notFound: z.record(z.string(), responsePath),
  })
  .strict();

/** Members and the stored documents they point to, loaded once at start-up. */
export interface SandboxFixtures {
  members: SandboxMember[];
  notFound: Record<string, string>;
  /** Document text by relative path ("responses/....271"), exactly as stored. */
  documents: Map<string, string>;
}

/** Member ids match ignoring case and any whitespace (cards are read aloud and typed by hand). */
export function normalizeMemberId(memberId: string): string {
  return memberId.replace(/\s+/g, '').toUpperCase();
}

/** Loads members.json and every response file it names; throws DataFileError naming what is missing. */
export function loadSandboxFixtures(fixturesDir: string): SandboxFixtures {
  const file = path.join(fixturesDir, 'members.json');
  const parsed = readDataFile(file, sandboxMembersFileSchema);
  const documents = new Map<string, string>();
  const problems: string[] = [];
  const seen = new Set<string>();
  parsed.members.forEach((member, index) => {
    const key = `${member.payerId}/${normalizeMemberId(member.memberId)}`;
    if (seen.has(key)) problems.push(`members.${index}.memberId: duplicates another member of ${member.payerId}`);
    seen.add(key);
  });
  const relativePaths = [
    ...parsed.members.flatMap((m) => [m.response, m.futureDateResponse].filter((r): r is string => r !== undefined)),
    ...Object.values(parsed.notFound),
  ];
  for (const relative of new Set(relativePaths)) {
    try {
      documents.set(relative, readFileSync(path.join(fixturesDir, relative), 'utf8'));
    } catch (error) {
      problems.push(`${relative}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  if (problems.length > 0) throw new DataFileError(file, problems);
  return { members: parsed.members, notFound: parsed.notFound, documents };
}

/** Options for createSandboxGateway. */
export interface SandboxGatewayOptions {
  /** The sandbox payer this gateway answers as. */
  entry: PayerEntry;
  /** Preloaded fixtures (shared by every sandbox payer), or the folder to load them from. */
  fixtures?: SandboxFixtures;
  fixturesDir?: string;
  /** How long the "timeout" member keeps the caller waiting before payer.timeout. */
  timeoutMs: number;
  clock?: Clock;
}

/** Creates the gateway for one sandbox payer; throws at start-up when the payer has no not-found answer. */
export function createSandboxGateway(options: SandboxGatewayOptions): PayerGateway {
  const { entry } = options;
  if (!entry.sandbox) throw new Error(`payer ${entry.id} is not a sandbox payer`);
  const fixtures = options.fixtures ?? loadSandboxFixtures(options.fixturesDir ?? 'fixtures/sandbox');
  const clock = options.clock ?? { now: () => new Date() };
  const notFoundPath = fixtures.notFound[entry.id];
  if (notFoundPath === undefined) throw new Error(`sandbox payer ${entry.id} has no "notFound" response in members.json`);
  const members = new Map(
    fixtures.members.filter((m) => m.payerId === entry.id).map((m) => [normalizeMemberId(m.memberId), m] as const),
  );
  const documentAt = (relative: string): string => {
    const text = fixtures.documents.get(relative);
    if (text === undefined) throw new Error(`sandbox response ${relative} was not loaded`);
    return text;
  };

  /** Optional demographics must agree when both sides give them; a mismatch reads as "not found", as payers do. */
  const demographicsMatch = (member: SandboxMember, inquiry: EligibilityInquiry): boolean => {
    const person = inquiry.dependent ?? inquiry.subscriber;
    if (member.dateOfBirth && person.dateOfBirth && member.dateOfBirth !== person.dateOfBirth.trim()) return false;
    if (member.lastName && person.lastName && member.lastName.toUpperCase() !== person.lastName.trim().toUpperCase()) return false;
    return true;
  };

  return {
    async fetchEligibility(inquiry, callOptions) {
      const member = members.get(normalizeMemberId(inquiry.subscriber.memberId));
      if (member?.behavior === 'timeout') {
        const signal = callOptions?.signal;
        // Resolves after timeoutMs, or early when the caller aborts; either way the payer "never answered".
        await abortableSleep(options.timeoutMs, signal ?? new AbortController().signal).catch(() => undefined);
        const cancelled = signal?.aborted === true;
        throw new DomainError(
          'payer.timeout',
          cancelled ? 'The inquiry was cancelled before the payer answered' : payerDeadlineMessage(options.timeoutMs),
          { meta: { payerId: entry.id, attempts: 1, reason: cancelled ? 'cancelled' : 'deadline', deadlineMs: options.timeoutMs, retryable: !cancelled } },
        );
      }
      const known = member && member.response && demographicsMatch(member, inquiry) ? member : undefined;
      const today = clock.now().toISOString().slice(0, 10);
      const relative = known === undefined ? notFoundPath : known.futureDateResponse && inquiry.dateOfService > today ? known.futureDateResponse : known.response!;
      const response: RawPayerResponse = { format: entry.format, body: documentAt(relative), receivedAt: clock.now().toISOString() };
      return response;
    },
  };
}
