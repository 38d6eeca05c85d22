/**
 * The payer directory data file (fixtures/payers/payers.json by default): which payers this
 * deployment can check, in which wire format, and how to reach them.
 */
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { readDataFile } from './read-data-file.js';

const payerId = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'must be lower-case letters, digits and dashes');

/** An environment variable NAME (never a value): secrets live only in the environment. */
const envVarName = z.string().regex(/^[A-Z_][A-Z0-9_]{0,127}$/, 'must be an environment variable name like PAYER_ACME_CLIENT_SECRET');

/** True for hosts where plain http is acceptable (tests and local sidecars); everything else needs TLS. */
function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** Payer endpoints: https only (HIPAA transmission security, 45 CFR 164.312(e)), http only on loopback. */
const endpointUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}, 'must be an https:// URL (http:// is allowed only for localhost / 127.0.0.1)');

/** How we authenticate to a payer. Every secret is named by the environment variable that holds it. */
export const payerAuthSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('oauth2-client-credentials'),
      tokenUrl: endpointUrl,
      clientIdEnv: envVarName,
      clientSecretEnv: envVarName,
      scope: z.string().min(1).max(500).optional(),
    })
    .strict(),
  z.object({ type: z.literal('api-key'), header: z.string().regex(/^[A-Za-z0-9-]{1,64}$/), keyEnv: envVarName }).strict(),
  z.object({ type: z.literal('basic'), usernameEnv: envVarName, passwordEnv: envVarName }).strict(),
  z.object({ type: z.literal('none') }).strict(),
]);
export type PayerAuth = z.output<typeof payerAuthSchema>;

const ms = (min: number, max: number) => z.number().int().min(min).max(max);

/**
 * How to reach a payer over HTTP. Defaults follow CAQH CORE 156 (a 271 within 20 seconds): the
 * overall deadline defaults to 15 s and may not exceed 20 s, so a slow payer cannot hold a request
 * longer than the operating rules allow.
 */
export const payerConnectionSchema = z
  .object({
    endpoint: endpointUrl,
    auth: payerAuthSchema.default({ type: 'none' }),
    /** Content type of the outbound 270 (X12 payers only); some payers want text/plain. */
    contentType: z.string().min(1).max(100).optional(),
    timeouts: z
      .object({
        connectMs: ms(50, 20_000).default(3_000),
        headersMs: ms(50, 20_000).default(15_000),
        bodyMs: ms(50, 20_000).default(15_000),
        /** Whole-call deadline including retries; absent means the service default (PAYER_DEADLINE_MS). */
        overallMs: ms(50, 20_000).optional(),
      })
      .strict()
      .default({ connectMs: 3_000, headersMs: 15_000, bodyMs: 15_000 }),
    maxConcurrent: z.number().int().min(1).max(256).default(8),
    /**
     * How many service types one inquiry may carry (X12 EQ01 repeats, serviceTypeCodes, FHIR items).
     * Many payers answer only the first, and Stedi advises one per request unless the payer is known
     * to take several: set 1 for those, and each service type is asked on its own and the answers
     * merged. Absent: every service type in one inquiry.
     */
    serviceTypesPerInquiry: z.number().int().min(1).max(99).optional(),
    retry: z
      .object({
        /** Total attempts including the first; 1 disables retries. */
        attempts: z.number().int().min(1).max(5).default(3),
        baseDelayMs: ms(0, 10_000).default(200),
        maxDelayMs: ms(0, 20_000).default(2_000),
      })
      .strict()
      .default({ attempts: 3, baseDelayMs: 200, maxDelayMs: 2_000 }),
    circuitBreaker: z
      .object({ failureThreshold: z.number().int().min(1).max(100).default(5), openMs: ms(10, 600_000).default(30_000) })
      .strict()
      .default({ failureThreshold: 5, openMs: 30_000 }),
    /** Per-payer overrides of CACHE_FRESH_SECONDS / CACHE_STALE_IF_ERROR_SECONDS. */
    cache: z
      .object({
        freshSeconds: z.number().int().min(0).max(7 * 86_400).optional(),
        staleIfErrorSeconds: z.number().int().min(0).max(30 * 86_400).optional(),
      })
      .strict()
      .default({}),
    /** X12 interchange envelope ids (ISA06/ISA08, GS02/GS03) agreed with the payer or clearinghouse. */
    x12: z
      .object({
        senderId: z.string().regex(/^[A-Za-z0-9 ]{1,15}$/),
        receiverId: z.string().regex(/^[A-Za-z0-9 ]{1,15}$/),
        usageIndicator: z.enum(['T', 'P']).default('P'),
        payerName: z.string().min(1).max(60).optional(),
        payerId: z.string().min(1).max(80).optional(),
        /** ISA05/ISA07 id qualifiers (5010 I05); ZZ (mutually defined) when absent. Availity publishes 01. */
        senderIdQualifier: z.enum(['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ']).optional(),
        receiverIdQualifier: z.enum(['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ']).optional(),
        /** GS02/GS03 when they differ from the ISA ids (CMS HETS: GS03 'CMS'). */
        applicationSenderCode: z.string().regex(/^[A-Za-z0-9 ]{2,15}$/).optional(),
        applicationReceiverCode: z.string().regex(/^[A-Za-z0-9 ]{2,15}$/).optional(),
        /** TRN03 of the trace: 10 characters, the id of whoever assigns the trace numbers. */
        traceOriginatorId: z.string().regex(/^[A-Za-z0-9]{10}$/).optional(),
        /**
         * 'json': the endpoint takes and answers the X12 inside JSON, { "x12": "ISA*..." }, as the
         * Stedi and Optum raw-X12 eligibility endpoints do; 'none' (default): bare EDI.
         */
        wrapper: z.enum(['none', 'json']).default('none'),
      })
      .strict()
      .optional(),
    /** FHIR Reference to the insurer Organization sent in CoverageEligibilityRequest.insurer. */
    fhirInsurerReference: z.string().min(1).max(200).optional(),
  })
  .strict()
  .superRefine((connection, ctx) => {
    const t = connection.timeouts;
    for (const key of ['connectMs', 'headersMs', 'bodyMs'] as const) {
      if (t.overallMs !== undefined && t[key] > t.overallMs) {
        ctx.addIssue({ code: 'custom', path: ['timeouts', key], message: `must not exceed timeouts.overallMs (${t.overallMs})` });
      }
    }
    if (connection.retry.baseDelayMs > connection.retry.maxDelayMs) {
      ctx.addIssue({ code: 'custom', path: ['retry', 'baseDelayMs'], message: 'must not exceed retry.maxDelayMs' });
    }
  });
export type PayerConnection = z.output<typeof payerConnectionSchema>;

/** Another id the same payer is known by, e.g. a clearinghouse trading partner id or a NAIC code. */
export const payerCrosswalkSchema = z
  .object({
    /** Whose id this is: 'clearinghouse' (trading partner service id), 'x12' (NM1*PR PI), 'naic', ... */
    system: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
    id: z.string().min(1).max(80),
  })
  .strict();
export type PayerCrosswalkId = z.output<typeof payerCrosswalkSchema>;

/** One payer in the directory. Connection details are optional for sandbox payers. */
export const payerEntrySchema = z
  .object({
    id: payerId,
    name: z.string().min(1).max(200),
    aliases: z.array(z.string().min(1).max(80)).default([]),
    format: z.enum(['x12-271', 'fhir-r4', 'clearinghouse-json']),
    transactions: z.array(z.string().min(1)).min(1),
    sandbox: z.boolean().default(false),
    crosswalk: z.array(payerCrosswalkSchema).default([]),
    connection: payerConnectionSchema.optional(),
  })
  .loose()
  .superRefine((payer, ctx) => {
    if (!payer.sandbox && !payer.connection) {
      ctx.addIssue({ code: 'custom', path: ['connection'], message: 'is required for a payer that is not a sandbox payer' });
    }
    if (payer.connection && payer.format === 'x12-271' && !payer.connection.x12) {
      ctx.addIssue({ code: 'custom', path: ['connection', 'x12'], message: 'is required for an X12 payer (senderId, receiverId)' });
    }
    if (payer.connection && payer.format === 'clearinghouse-json' && !payer.crosswalk.some((c) => c.system === 'clearinghouse')) {
      ctx.addIssue({
        code: 'custom',
        path: ['crosswalk'],
        message: 'needs a { "system": "clearinghouse", "id": <trading partner service id> } entry for a clearinghouse payer',
      });
    }
  });

/** The whole directory file. Ids and aliases must be unique across payers. */
export const payerDirectorySchema = z
  .object({ $comment: z.string().optional(), payers: z.array(payerEntrySchema).min(1) })
  .strict()
  .superRefine((directory, ctx) => {
    const seen = new Map<string, number>();
    directory.payers.forEach((payer, index) => {
      for (const name of payerNames(payer)) {
        const first = seen.get(name);
        if (first !== undefined && first !== index) {
          ctx.addIssue({ code: 'custom', path: ['payers', index, 'id'], message: `"${name}" is already used by payers.${first}` });
        }
        seen.set(name, index);
      }
    });
  });

export type PayerEntry = z.output<typeof payerEntrySchema>;

/** Every name a payer answers to, lower-cased: id, aliases and crosswalk ids. */
function payerNames(payer: { id: string; aliases: string[]; crosswalk: PayerCrosswalkId[] }): string[] {
  return [...new Set([payer.id, ...payer.aliases, ...payer.crosswalk.map((c) => c.id)].map((n) => n.trim().toLowerCase()))];
}

/**
 * Finds a payer by id, alias or crosswalk id (case-insensitive, surrounding spaces ignored), or
 * throws DomainError('payer.not-found'). The detail never echoes the caller's input.
 */
export function resolvePayer(directory: readonly PayerEntry[], idOrAlias: string): PayerEntry {
  const wanted = idOrAlias.trim().toLowerCase();
  const payer = wanted === '' ? undefined : directory.find((p) => payerNames(p).includes(wanted));
  if (!payer) throw new DomainError('payer.not-found', 'No payer with that id or alias is in the directory');
  return payer;
}

/** Loads and validates the payer directory file; throws DataFileError naming the file and field. */
export function loadPayerDirectoryFile(file: string): PayerEntry[] {
  return readDataFile(file, payerDirectorySchema).payers;
}
