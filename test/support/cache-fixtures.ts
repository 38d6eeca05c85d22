/**
 * Shared inputs for coverage-cache tests: a recognisable (fake) member whose PHI strings can be
 * searched for in stored keys and values, keys, a movable clock and a counting payer stub.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CacheableResponse, CacheIdentity, Clock } from '../../src/core/ports.js';

/** PHI strings of the test member; none may appear in any stored key or value. */
export const MEMBER_PHI = { memberId: 'ZXQ987654321', firstName: 'Philomena', lastName: 'Quackenbush', dateOfBirth: '1983-07-19' } as const;

/** The test member's identity, optionally for another service date or member id. */
export function identity(overrides: { memberId?: string; serviceDate?: string } = {}): CacheIdentity {
  return {
    payerId: 'aetna',
    providerNpi: '1234567893',
    subscriber: { ...MEMBER_PHI, memberId: overrides.memberId ?? MEMBER_PHI.memberId },
    serviceTypes: ['MH', '30'],
    serviceDate: overrides.serviceDate ?? '2026-03-02',
  };
}

/** A 32-byte key, random per test run. */
export const newKey = (): Buffer => randomBytes(32);

/** A clock tests can move by hand. */
export function movableClock(start = Date.parse('2026-03-02T15:00:00.000Z')): Clock & { advance(seconds: number): void } {
  let now = start;
  return { now: () => new Date(now), advance: (seconds) => (now += seconds * 1000) };
}

/** A payer stub that counts calls, waits `latencyMs`, and answers benefits (with PHI in the body) or a rejection. */
export function countingPayer(options: { latencyMs?: number; kind?: 'benefits' | 'rejection'; body?: string } = {}) {
  const payer = {
    calls: 0,
    fetch: async (): Promise<CacheableResponse> => {
      payer.calls += 1;
      const call = payer.calls;
      if (options.latencyMs !== undefined) await sleep(options.latencyMs);
      return {
        kind: options.kind ?? 'benefits',
        response: {
          format: 'x12-271',
          body: options.body ?? `ISA*00*~NM1*IL*1*${MEMBER_PHI.lastName}*${MEMBER_PHI.firstName}****MI*${MEMBER_PHI.memberId}~DMG*D8*19830719~EB*1~call-${call}~`,
          receivedAt: new Date().toISOString(),
        },
      };
    },
  };
  return payer;
}

/** A fetch that fails with the given error and counts its calls. */
export function failingPayer(error: Error) {
  const payer = {
    calls: 0,
    fetch: async (): Promise<CacheableResponse> => {
      payer.calls += 1;
      throw error;
    },
  };
  return payer;
}
