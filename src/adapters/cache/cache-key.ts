/**
 * Cache keys for payer answers. The identity (member id, names, date of birth) is PHI, so a key
 * is only ever an HMAC-SHA256 of its canonical form under a server secret: without the secret a
 * key cannot be tested against a guessed member (a plain hash could be, DOBs and ids are small
 * spaces). See facts.md 8.2, "keyed by a salted hash".
 */
import { createHmac } from 'node:crypto';
import type { CacheIdentity } from '../../core/ports.js';

/** Versioned prefix: bump it when the canonical form changes so old entries are simply missed. */
export const CACHE_KEY_PREFIX = 'ce:v1:elig:';

/** The value key and its lock key; they share a `{hash tag}` so Redis Cluster puts them on one slot. */
export interface CacheKeys {
  valueKey: string;
  lockKey: string;
}

// Names and ids are compared the way payers do: case and spacing do not make a different person.
function text(value: string | undefined): string | null {
  if (value === undefined) return null;
  const normalized = value.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase();
  return normalized === '' ? null : normalized;
}

/** The identity as canonical JSON: fixed field order, normalized text, sorted unique service types. */
export function canonicalIdentity(identity: CacheIdentity): string {
  const dependent = identity.dependent;
  // Arrays, not objects, so field order can never depend on how the caller built the identity.
  return JSON.stringify([
    text(identity.payerId),
    text(identity.providerNpi),
    [
      text(identity.subscriber.memberId),
      text(identity.subscriber.firstName),
      text(identity.subscriber.lastName),
      text(identity.subscriber.dateOfBirth),
    ],
    dependent === undefined
      ? null
      : [text(dependent.memberId), text(dependent.firstName), text(dependent.lastName), text(dependent.dateOfBirth), text(dependent.relationship)],
    [...new Set(identity.serviceTypes.map((code) => text(code)).filter((code): code is string => code !== null))].sort(),
    text(identity.serviceDate),
  ]);
}

/** Derives the PHI-free Redis keys for an identity: `ce:v1:elig:{<base64url HMAC>}` and its lock. */
export function cacheKeysFor(identity: CacheIdentity, secret: Buffer): CacheKeys {
  const digest = createHmac('sha256', secret).update(canonicalIdentity(identity)).digest('base64url');
  return { valueKey: `${CACHE_KEY_PREFIX}{${digest}}`, lockKey: `${CACHE_KEY_PREFIX}{${digest}}:lock` };
}

/** Builds a cache identity from inquiry fields; `dateGranularity: 'month'` shares answers across a month. */
export function cacheIdentityFromInquiry(
  inquiry: {
    payerId: string;
    provider: { npi: string };
    subscriber: { memberId: string; firstName?: string; lastName?: string; dateOfBirth?: string };
    dependent?: { memberId?: string; firstName?: string; lastName?: string; dateOfBirth?: string; relationship?: string };
    dateOfService: string;
    serviceTypes: string[];
  },
  dateGranularity: 'day' | 'month' = 'day',
): CacheIdentity {
  const { subscriber, dependent } = inquiry;
  return {
    payerId: inquiry.payerId,
    providerNpi: inquiry.provider.npi,
    subscriber: { memberId: subscriber.memberId, firstName: subscriber.firstName, lastName: subscriber.lastName, dateOfBirth: subscriber.dateOfBirth },
    ...(dependent === undefined
      ? {}
      : {
          dependent: {
            memberId: dependent.memberId,
            firstName: dependent.firstName,
            lastName: dependent.lastName,
            dateOfBirth: dependent.dateOfBirth,
            relationship: dependent.relationship,
          },
        }),
    serviceTypes: [...inquiry.serviceTypes],
    serviceDate: dateGranularity === 'month' ? inquiry.dateOfService.slice(0, 7) : inquiry.dateOfService,
  };
}
