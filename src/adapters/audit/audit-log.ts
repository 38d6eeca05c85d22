/**
 * The audit trail: one JSON line per PHI-touching operation, on its own stream (a file or a
 * DestinationStream), separate from the application log, as HIPAA audit controls ask
 * (45 CFR 164.312(b)). Events are validated with a strict schema, so a member id, name or date of
 * birth cannot be added by accident; the member appears only as a keyed HMAC.
 */
import { createHmac } from 'node:crypto';
import { pino, type DestinationStream } from 'pino';
import { z } from 'zod';

/** What happened, one code per audited operation. */
export const AUDIT_EVENTS = [
  'eligibility.check',
  'eligibility.batch',
  'estimate.create',
  'gfe.create',
  'coverage.normalize',
  'rules.evaluate',
  'auth.rejected',
] as const;

/** HIPAA treatment, payment or health care operations: why the PHI was used (45 CFR 164.506). */
export const AUDIT_PURPOSES = ['treatment', 'payment', 'operations'] as const;

/**
 * X12 service types that are substance use disorder care: records about them fall under
 * 42 CFR Part 2, which restricts redisclosure more than HIPAA does.
 */
export const PART2_SERVICE_TYPES: ReadonlySet<string> = new Set(['AI', 'AJ', 'AK', 'CI', 'CJ']);
/** Levels of care and HCPCS codes that are SUD treatment (H0015: alcohol and/or drug IOP). */
export const PART2_LEVELS_OF_CARE: ReadonlySet<string> = new Set(['iop-substance-use']);
/** HCPCS codes that are SUD treatment. */
export const PART2_PROCEDURE_CODES: ReadonlySet<string> = new Set(['H0015']);

/** True when any service type, level of care or procedure code is SUD care (42 CFR Part 2). */
export function isPart2(facts: { serviceTypes?: readonly string[]; levelsOfCare?: readonly string[]; procedureCodes?: readonly string[] }): boolean {
  return (
    (facts.serviceTypes ?? []).some((code) => PART2_SERVICE_TYPES.has(code.trim().toUpperCase())) ||
    (facts.levelsOfCare ?? []).some((level) => PART2_LEVELS_OF_CARE.has(level)) ||
    (facts.procedureCodes ?? []).some((code) => PART2_PROCEDURE_CODES.has(code.trim().toUpperCase()))
  );
}

/**
 * A keyed HMAC-SHA256 of a member's identity: the same member hashes the same across events (so
 * an auditor can follow one person's accesses), but without the secret it cannot be reversed or
 * confirmed by guessing member ids. Use a secret of its own, not the cache key secret.
 */
export function memberAuditHash(secret: string | Buffer, member: { payerId: string; memberId: string; dateOfBirth?: string }): string {
  const canonical = JSON.stringify([
    member.payerId.trim().toLowerCase(),
    member.memberId.replace(/\s+/g, '').toUpperCase(),
    member.dateOfBirth?.trim() ?? '',
  ]);
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

/** One audit line. Strict: unknown fields are refused, so PHI cannot slip in. */
export const auditEventSchema = z
  .object({
    at: z.iso.datetime({ offset: true }),
    event: z.enum(AUDIT_EVENTS),
    /** The API key's name (never the key). */
    apiKey: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    payerId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/).optional(),
    memberHash: z.string().regex(/^[0-9a-f]{64}$/, 'must come from memberAuditHash').optional(),
    purpose: z.enum(AUDIT_PURPOSES),
    outcome: z.enum(['success', 'rejected', 'error']),
    cache: z.enum(['hit', 'miss', 'stale', 'bypass']).optional(),
    part2: z.boolean(),
    requestId: z.string().regex(/^[A-Za-z0-9._:-]{1,128}$/),
    /** A stable error code when the outcome is not success (e.g. payer.timeout); never a message. */
    code: z.string().regex(/^[a-z0-9.-]{1,64}$/).optional(),
  })
  .strict();

/** One audit line as written. */
export type AuditEvent = z.output<typeof auditEventSchema>;

/**
 * What callers record: the event without `at` (the clock adds it) and with the SUD facts that
 * decide `part2`. The facts themselves are not written; only the flag is.
 */
export type AuditEventInput = Omit<AuditEvent, 'at' | 'part2'> & {
  part2?: boolean;
  serviceTypes?: readonly string[];
  levelsOfCare?: readonly string[];
  procedureCodes?: readonly string[];
};

/** Raised when an event does not fit the schema: a bug in the caller, named by field, never by value. */
export class AuditEventError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid audit event: ${issues.join('; ')}`);
    this.name = 'AuditEventError';
  }
}

/** The audit trail writer. */
export interface AuditLog {
  record(event: AuditEventInput): void;
  /** Flushes buffered lines (call at shutdown). */
  flush(): void;
}

/**
 * Creates the audit trail on `destination`: a stream, or a file path opened for appending. Files are
 * written synchronously: an audit line must not be lost when the process dies right after the
 * response, and one small append per audited request is cheap.
 */
export function createAuditLog(destination: DestinationStream | string, options: { now?: () => Date } = {}): AuditLog {
  const now = options.now ?? (() => new Date());
  const stream: DestinationStream = typeof destination === 'string' ? pino.destination({ dest: destination, sync: true, mkdir: true, append: true }) : destination;
  return {
    record(input) {
      const { serviceTypes, levelsOfCare, procedureCodes, part2, ...rest } = input;
      const candidate = { at: now().toISOString(), ...rest, part2: part2 === true || isPart2({ serviceTypes, levelsOfCare, procedureCodes }) };
      const parsed = auditEventSchema.safeParse(candidate);
      if (!parsed.success) {
        // Field names and issue codes only: the rejected value may be the very PHI we keep out.
        throw new AuditEventError(parsed.error.issues.map((i) => `${i.path.join('.') || '(event)'} ${i.code}${i.code === 'unrecognized_keys' ? ` ${i.keys.join(',')}` : ''}`));
      }
      stream.write(`${JSON.stringify(parsed.data)}\n`);
    },
    flush() {
      const maybe = stream as DestinationStream & { flushSync?: () => void };
      maybe.flushSync?.();
    },
  };
}
