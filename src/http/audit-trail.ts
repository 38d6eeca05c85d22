/**
 * The audit trail at the HTTP edge: routes that touch a member's coverage say what they did
 * (`request.audit`), and one onResponse hook writes exactly one audit event per access, with the
 * outcome, to the audit stream (never the application log). HIPAA 45 CFR 164.312(b); substance-use
 * accesses are flagged for 42 CFR Part 2 disclosure accounting.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { memberAuditHash, type AuditEventInput, type AuditLog } from '../adapters/audit/audit-log.js';

/** What a route tells the audit trail about one access. No PHI is written: the member is hashed. */
export interface AuditContext {
  event: AuditEventInput['event'];
  payerId?: string;
  member?: { payerId: string; memberId: string; dateOfBirth?: string };
  purpose?: AuditEventInput['purpose'];
  cache?: AuditEventInput['cache'];
  serviceTypes?: readonly string[];
  levelsOfCare?: readonly string[];
  procedureCodes?: readonly string[];
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by routes that access coverage; written to the audit stream when the response is sent. */
    audit: AuditContext | null;
    /** The problem code of a failed request, for the audit event. */
    problemCode: string | null;
  }
}

const PAYER_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;
const KEY_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Registers the audit hook. */
export function registerAuditTrail(app: FastifyInstance, audit: { log: AuditLog; hashSecret: Buffer }): void {
  app.decorateRequest('audit', null);
  app.decorateRequest('problemCode', null);
  app.addHook('onResponse', async (request, reply) => {
    const status = reply.statusCode;
    const secured = (request.routeOptions.config?.scopes ?? []).length > 0;
    const context = request.audit ?? (secured && (status === 401 || status === 403) ? { event: 'auth.rejected' as const } : null);
    if (!context) return;
    recordAccess(audit, request, context, status, request.problemCode);
  });
}

/** Writes one audit event for one access; `status` is the HTTP status (or the per-item status in a batch). */
export function recordAccess(
  audit: { log: AuditLog; hashSecret: Buffer },
  request: FastifyRequest,
  context: AuditContext,
  status: number,
  problemCode: string | null,
): void {
  const apiKey = request.apiKey?.name;
  const payerId = context.payerId ?? context.member?.payerId;
  const event: AuditEventInput = {
    event: context.event,
    apiKey: apiKey && KEY_NAME.test(apiKey) ? apiKey : 'anonymous',
    purpose: context.purpose ?? 'treatment',
    outcome: status < 400 ? 'success' : status < 500 ? 'rejected' : 'error',
    requestId: request.id,
    ...(payerId && PAYER_ID.test(payerId) ? { payerId } : {}),
    ...(context.member ? { memberHash: memberAuditHash(audit.hashSecret, context.member) } : {}),
    ...(context.cache ? { cache: context.cache } : {}),
    ...(problemCode && status >= 400 ? { code: problemCode } : {}),
    ...(context.serviceTypes ? { serviceTypes: context.serviceTypes } : {}),
    ...(context.levelsOfCare ? { levelsOfCare: context.levelsOfCare } : {}),
    ...(context.procedureCodes ? { procedureCodes: context.procedureCodes } : {}),
  };
  try {
    audit.log.record(event);
  } catch (error) {
    // A malformed event is our bug; say which field, never the value, and keep serving.
    request.log.error({ err: error, event: context.event }, 'audit event rejected');
  }
}
