/** The clinic's data files as the composition root loads them, for estimate tests outside the HTTP app. */
import path from 'node:path';
import { loadFeeScheduleFile } from '../../src/adapters/data-files/fee-schedule-file.js';
import { loadPovertyGuidelineFiles } from '../../src/adapters/data-files/poverty-guidelines-file.js';
import { loadSlidingFeeScheduleFile } from '../../src/adapters/data-files/sliding-fee-schedule-file.js';
import { loadPriorAuthRulesFile } from '../../src/adapters/data-files/prior-auth-rules-file.js';
import { normalizePayerDocument } from '../../src/adapters/payers/normalize-payer-document.js';
import type { CacheableResponse, EligibilityInquiry } from '../../src/core/ports.js';

const root = path.resolve(import.meta.dirname, '../..');
export const fixture = (file: string) => path.join(root, 'fixtures', file);

/** The clinic's data files and a fixed clock (2026-11-26 noon UTC). */
export function clinicData() {
  return {
    feeSchedule: loadFeeScheduleFile(fixture('pricing/fee-schedule.json')),
    rules: {
      povertyGuidelines: loadPovertyGuidelineFiles([fixture('rules/poverty-guidelines-2026.json')]),
      slidingFeeSchedule: loadSlidingFeeScheduleFile(fixture('rules/sliding-fee-schedule.json')),
      priorAuthRules: loadPriorAuthRulesFile(fixture('rules/prior-auth-rules.json')),
    },
    clock: { now: () => new Date('2026-11-26T12:00:00Z') },
  };
}

/** The clinic's data and a payer port that fails if called: for estimates from a coverage given in the request. */
export function offlineDeps() {
  return {
    ...clinicData(),
    verify: {
      findPayer: () => undefined,
      gatewayFor: () => {
        throw new Error('no payer call expected');
      },
      cache: { getOrFetch: async () => { throw new Error('no cache expected'); }, health: async () => ({ backend: 'memory' as const, status: 'ok' as const }), close: async () => undefined },
      normalize: () => [],
    },
  };
}

/**
 * The clinic's data and one X12 payer that answers every inquiry with `body`, through a cache that
 * always asks (a miss). `findPayer` is the directory (default: every id is its own payer);
 * `asked` collects the inquiries sent.
 */
export function livePayerDeps(body: string, options: { findPayer?: (id: string) => { id: string } | undefined; asked?: EligibilityInquiry[] } = {}) {
  return {
    ...clinicData(),
    verify: {
      findPayer: options.findPayer ?? ((id: string) => ({ id })),
      gatewayFor: () => ({
        fetchEligibility: async (inquiry: EligibilityInquiry) => {
          options.asked?.push(inquiry);
          return { format: 'x12-271' as const, body, receivedAt: '2026-11-26T12:00:00.000Z' };
        },
      }),
      cache: {
        getOrFetch: async (_identity: unknown, fetch: () => Promise<CacheableResponse>) => {
          const answer = await fetch();
          return { ...answer, cache: 'miss' as const, asOf: answer.response.receivedAt, stale: false, ageSeconds: 0 };
        },
        health: async () => ({ backend: 'memory' as const, status: 'ok' as const }),
        close: async () => undefined,
      },
      normalize: (raw: { body: string; format: 'x12-271' | 'fhir-r4' | 'clearinghouse-json' | 'manual' }) => normalizePayerDocument(raw.body, raw.format).coverages,
    },
  };
}
