/**
 * Interfaces the core and use cases need from the outside world. Adapters implement them;
 * the composition root (src/server.ts) wires real ones, tests wire fakes or real local servers.
 */
import type { CoverageFormat } from './coverage/coverage-model.js';

/** The current time, injectable so tests and estimates are deterministic. */
export interface Clock {
  now(): Date;
  /** The clinic's calendar date (YYYY-MM-DD) in its own time zone; the UTC date when absent. */
  today?(): string;
}

/** A person named in an inquiry. PHI: never log, never put in a cache key unhashed. */
export interface InquiryPerson {
  memberId?: string;
  firstName?: string;
  lastName?: string;
  /** ISO date YYYY-MM-DD. */
  dateOfBirth?: string;
  gender?: 'M' | 'F' | 'U';
}

/** What we ask a payer: who, for what service types, on which date. */
export interface EligibilityInquiry {
  /** Our payer directory id. */
  payerId: string;
  provider: { npi: string; organizationName?: string; firstName?: string; lastName?: string; taxId?: string };
  subscriber: InquiryPerson & { memberId: string };
  /** Present when the patient is a dependent without their own member id. */
  dependent?: InquiryPerson & { relationship?: 'spouse' | 'child' | 'other' };
  /** ISO date YYYY-MM-DD. */
  dateOfService: string;
  /** X12 service type codes to ask about (e.g. ['30', 'MH', 'CH']). */
  serviceTypes: string[];
}

/** A payer's answer exactly as received, before parsing. PHI inside: never log the body. */
export interface RawPayerResponse {
  format: CoverageFormat;
  body: string;
  /** ISO timestamp when it was received from the payer. */
  receivedAt: string;
  /**
   * The date of service the payer answered for, when it is not the one the inquiry asked about:
   * a payer that refuses future dates (AAA 62/63) is asked again about the day of the check.
   */
  dateOfServiceAsked?: string;
}

/** Sends an inquiry to one payer and returns its raw answer, or throws a DomainError (payer.*). */
export interface PayerGateway {
  fetchEligibility(inquiry: EligibilityInquiry, options?: { signal?: AbortSignal }): Promise<RawPayerResponse>;
}

/**
 * The normalized identity a cached payer answer belongs to. It holds PHI, so the cache only
 * ever stores an HMAC of it; build one with the same fields the inquiry sent.
 */
export interface CacheIdentity {
  payerId: string;
  providerNpi: string;
  subscriber: { memberId: string; firstName?: string; lastName?: string; dateOfBirth?: string };
  dependent?: { memberId?: string; firstName?: string; lastName?: string; dateOfBirth?: string; relationship?: string };
  /** X12 service type codes; order and duplicates do not matter. */
  serviceTypes: string[];
  /** YYYY-MM-DD, or YYYY-MM when answers may be shared across a month of service. */
  serviceDate: string;
}

/** What a payer fetch yields for the cache: the raw answer, and whether it is a definitive rejection (AAA). */
export interface CacheableResponse {
  response: RawPayerResponse;
  kind: 'benefits' | 'rejection';
  /**
   * ISO instant after which the answer is no longer fresh, whatever the fresh window (an answer for
   * an earlier date of service than asked speaks only for its day); it may still serve stale.
   */
  freshUntil?: string;
}

/** What the caller needs from an answer; accumulators (deductible left) go stale sooner than status. */
export type CacheDataKind = 'eligibility' | 'accumulators';

/** Per-call cache behaviour. `bypass` (Cache-Control: no-cache) skips the read but still writes. */
export interface CacheCallOptions {
  bypass?: boolean;
  /** Chooses the configured fresh window; defaults to 'accumulators', the shorter one. */
  dataKind?: CacheDataKind;
  freshSeconds?: number;
  staleIfErrorSeconds?: number;
}

/** A payer answer served through the cache, with where it came from and how old it is. */
export interface CachedPayerResponse {
  response: RawPayerResponse;
  kind: 'benefits' | 'rejection';
  cache: 'hit' | 'miss' | 'bypass' | 'stale';
  /** ISO timestamp when the answer was stored (fetched). */
  asOf: string;
  stale: boolean;
  ageSeconds: number;
}

/** How the cache backend is doing; 'degraded' means answers come straight from payers. */
export interface CacheHealth {
  backend: 'redis' | 'redis-cluster' | 'memory';
  status: 'ok' | 'degraded';
  detail?: string;
}

/** A PHI-safe cache of payer answers that coalesces identical concurrent fetches. Never throws for its own failures. */
export interface CoverageCache {
  getOrFetch(identity: CacheIdentity, fetch: () => Promise<CacheableResponse>, options?: CacheCallOptions): Promise<CachedPayerResponse>;
  health(): Promise<CacheHealth>;
  close(): Promise<void>;
}
