/**
 * Interfaces the core and use cases need from the outside world. Adapters implement them;
 * the composition root (src/server.ts) wires real ones, tests wire fakes or real local servers.
 */
import type { CoverageFormat } from './coverage/coverage-model.js';

/** The current time, injectable so tests and estimates are deterministic. */
export interface Clock {
  now(): Date;
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
}

/** Sends an inquiry to one payer and returns its raw answer, or throws a DomainError (payer.*). */
export interface PayerGateway {
  fetchEligibility(inquiry: EligibilityInquiry, options?: { signal?: AbortSignal }): Promise<RawPayerResponse>;
}
