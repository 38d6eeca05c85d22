/**
 * Verify coverage: ask a payer (through the cache) whether a member is covered, read the answer
 * into the coverage model, and resolve the cost-sharing terms for a level of care. Orchestrates
 * ports only; the composition root supplies the gateway, cache and normalizer.
 */
import type { Coverage, CostSharingTerms } from '../core/coverage/coverage-model.js';
import type { LevelOfCare } from '../core/coverage/level-of-care.js';
import { serviceTypesForLevelOfCare } from '../core/coverage/level-of-care-service-types.js';
import { aboutSamePatient, mergeServiceTypeAnswers } from '../core/coverage/merge-answers.js';
import { resolveCostSharingTerms } from '../core/coverage/resolve-cost-sharing.js';
import { DomainError, isDomainError } from '../core/errors.js';
import type {
  CacheIdentity,
  CacheableResponse,
  CachedPayerResponse,
  CoverageCache,
  EligibilityInquiry,
  PayerGateway,
  RawPayerResponse,
} from '../core/ports.js';

/** What the use case needs from the outside world. */
export interface VerifyCoverageDeps {
  /** Finds a payer by id or alias, with its cache freshness overrides; undefined when unknown. */
  findPayer(idOrAlias: string):
    | {
        id: string;
        cache?: { freshSeconds?: number; staleIfErrorSeconds?: number };
        /** How many service types one inquiry may carry; absent means all in one. */
        serviceTypesPerInquiry?: number;
      }
    | undefined;
  gatewayFor(payerId: string): PayerGateway;
  cache: CoverageCache;
  /** Reads a raw payer answer into coverages; throws DomainError('format.*') when unreadable. */
  normalize: (raw: RawPayerResponse) => Coverage[];
  /** Today's date (YYYY-MM-DD) where the service runs; a payer refusing a future date is asked about it. */
  today?: () => string;
}

/** One eligibility check as the caller asked for it. */
export interface VerifyCoverageRequest {
  inquiry: Omit<EligibilityInquiry, 'serviceTypes'> & { serviceTypes?: string[] };
  levelOfCare?: LevelOfCare;
  /** Cache-Control: no-cache from the caller: ask the payer even when a fresh answer is cached. */
  bypassCache?: boolean;
  /** Resolve the level of care's terms (default true); estimates resolve their own. */
  resolveTerms?: boolean;
  signal?: AbortSignal;
}

/** The answer: the coverage, the terms for the level of care, and how it was obtained. */
export interface VerifyCoverageResult {
  coverage: Coverage;
  levelOfCare?: { id: LevelOfCare; inNetwork: CostSharingTerms; outOfNetwork: CostSharingTerms };
  source: {
    payerId: string;
    format: Coverage['format'];
    cache: CachedPayerResponse['cache'];
    asOf: string;
    stale: boolean;
    ageSeconds: number;
    /** The date of service the payer answered for, when it refused the one asked (AAA 62/63, a future date). */
    dateOfServiceAsked?: string;
  };
}

/**
 * The service types asked about: the caller's, or the level of care's, always with plan level (30)
 * first, so the first part of a split inquiry is the one that carries the plan and eligibility.
 */
export function inquiryServiceTypes(serviceTypes: string[] | undefined, levelOfCare: LevelOfCare | undefined): string[] {
  const chosen = serviceTypes && serviceTypes.length > 0 ? serviceTypes : levelOfCare ? serviceTypesForLevelOfCare(levelOfCare) : ['30'];
  return [...new Set(['30', ...chosen.map((code) => code.trim().toUpperCase())])];
}

function cacheIdentity(inquiry: EligibilityInquiry): CacheIdentity {
  return {
    payerId: inquiry.payerId,
    providerNpi: inquiry.provider.npi,
    subscriber: { ...inquiry.subscriber },
    ...(inquiry.dependent ? { dependent: { ...inquiry.dependent } } : {}),
    serviceTypes: inquiry.serviceTypes,
    serviceDate: inquiry.dateOfService,
  };
}

/**
 * The date to ask a payer that refuses future dates about: the calendar date in Hawaii (UTC-10), the
 * earliest in any US time zone, so it is never "tomorrow" to a payer whose day has not turned yet
 * (the UTC date is already tomorrow on the mainland every evening).
 */
export function latestDateEveryUsPayerHasReached(now: Date): string {
  return new Date(now.getTime() - 10 * 3_600_000).toISOString().slice(0, 10);
}

/** When the day `date` ends everywhere in the US (midnight in Hawaii, UTC-10), as an ISO instant. */
function endOfUsDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + (24 + 10) * 3_600_000).toISOString();
}

// AAA 62 (outside the inquiry window) and 63 (in the future): payers need answer only from 12 months
// back to the end of the current month (CAQH CORE), and intake asks about a program that starts later.
const DATE_OUT_OF_WINDOW = new Set(['62', '63']);

/** A payer answer that rejects the inquiry (AAA) without any benefit information. */
function rejectionOf(coverage: Coverage | undefined) {
  if (!coverage || coverage.benefits.length > 0 || coverage.payerErrors.length === 0) return undefined;
  return coverage.payerErrors[0];
}

// What each payer answer read into, per normalizer. The cache hands back the same answer object for
// repeat reads of one entry, so a member checked, estimated and compared is read once. Weak keys:
// an answer the cache has let go of takes its coverages with it.
const readAnswers = new WeakMap<VerifyCoverageDeps['normalize'], WeakMap<RawPayerResponse, Coverage[]>>();

function readAnswer(deps: VerifyCoverageDeps, raw: RawPayerResponse, payerId: string): Coverage[] {
  let known = readAnswers.get(deps.normalize);
  if (known === undefined) {
    known = new WeakMap();
    readAnswers.set(deps.normalize, known);
  }
  const already = known.get(raw);
  if (already !== undefined) return already;
  try {
    const coverages = deps.normalize(raw);
    if (coverages.length === 0) throw new DomainError('format.parse-error', 'the answer names no patient');
    known.set(raw, coverages);
    return coverages;
  } catch (error) {
    // An acknowledgement that rejects the inquiry (TA1, 999) is the payer's answer, not a bad one.
    if (isDomainError(error) && error.code === 'payer.rejected') throw error;
    const reason = isDomainError(error) ? error.message : 'the answer could not be read';
    throw new DomainError('payer.malformed-response', `The payer's answer could not be read: ${reason}`, {
      meta: { payerId },
      cause: error,
    });
  }
}

/**
 * The coverage for the patient asked about: for a dependent, the first answer that is not the
 * subscriber's own (a 271 may carry the subscriber's 2000C lines before the dependent's 2000D).
 */
function coverageAskedAbout(inquiry: EligibilityInquiry, coverages: Coverage[]): Coverage {
  return coverages.find((c) => (inquiry.dependent ? c.patient?.relationship !== 'self' : true)) ?? coverages[0]!;
}

/** The inquiry split into the parts a payer answers: all service types at once, or a few per inquiry. */
export function splitServiceTypes(serviceTypes: string[], perInquiry: number | undefined): string[][] {
  if (perInquiry === undefined || perInquiry >= serviceTypes.length) return [serviceTypes];
  const parts: string[][] = [];
  for (let i = 0; i < serviceTypes.length; i += perInquiry) parts.push(serviceTypes.slice(i, i + perInquiry));
  return parts;
}

/** One part of a check as the cache served it, with the coverage read for the patient asked about. */
interface AnsweredPart {
  cached: CachedPayerResponse;
  coverage: Coverage;
  serviceTypes: string[];
}

// Split inquiries merge their parts on every read; the merge is kept per primary coverage while the
// parts are the same objects (the same cached answers), so repeat estimates do not redo it.
const mergedAnswers = new WeakMap<Coverage, { parts: Coverage[]; merged: Coverage }>();

function mergeParts(primary: AnsweredPart, others: AnsweredPart[]): Coverage {
  if (others.length === 0) return primary.coverage;
  const known = mergedAnswers.get(primary.coverage);
  if (known && known.parts.length === others.length && known.parts.every((coverage, i) => coverage === others[i]!.coverage)) return known.merged;
  const merged = mergeServiceTypeAnswers(primary.coverage, others.map(({ coverage, serviceTypes }) => ({ coverage, serviceTypes })));
  mergedAnswers.set(primary.coverage, { parts: others.map((part) => part.coverage), merged });
  return merged;
}

// How a check that took several answers was served: the least fresh part speaks for the whole.
const CACHE_OUTCOME_ORDER: CachedPayerResponse['cache'][] = ['hit', 'bypass', 'miss', 'stale'];

function combinedSource(parts: AnsweredPart[]): Pick<CachedPayerResponse, 'cache' | 'asOf' | 'stale' | 'ageSeconds'> {
  const oldest = parts.reduce((a, b) => (b.cached.ageSeconds > a.cached.ageSeconds ? b : a));
  const cache = parts.reduce<CachedPayerResponse['cache']>(
    (worst, part) => (CACHE_OUTCOME_ORDER.indexOf(part.cached.cache) > CACHE_OUTCOME_ORDER.indexOf(worst) ? part.cached.cache : worst),
    'hit',
  );
  return { cache, asOf: oldest.cached.asOf, stale: parts.some((part) => part.cached.stale), ageSeconds: oldest.cached.ageSeconds };
}

/** Runs one eligibility check. Throws DomainError (payer.*) for failures the caller must see. */
export async function verifyCoverage(deps: VerifyCoverageDeps, request: VerifyCoverageRequest): Promise<VerifyCoverageResult> {
  const payer = deps.findPayer(request.inquiry.payerId);
  if (!payer) throw new DomainError('payer.not-found', 'No payer with that id or alias is in the directory');
  const inquiry: EligibilityInquiry = {
    ...request.inquiry,
    payerId: payer.id,
    serviceTypes: inquiryServiceTypes(request.inquiry.serviceTypes, request.levelOfCare),
  };
  const gateway = deps.gatewayFor(payer.id);

  const askPart = async (serviceTypes: string[], options: { pastTheCache?: boolean } = {}): Promise<AnsweredPart> => {
    const part: EligibilityInquiry = { ...inquiry, serviceTypes };
    // The answer is read once to classify it; keep the result so a miss does not read it twice.
    let fetched: { raw: RawPayerResponse; coverages: Coverage[] } | undefined;
    const fetchFromPayer = async (): Promise<CacheableResponse> => {
      const ask = (asked: EligibilityInquiry) => gateway.fetchEligibility(asked, request.signal ? { signal: request.signal } : {});
      let raw = await ask(part);
      let parsed = readAnswer(deps, raw, payer.id);
      const today = deps.today?.();
      // Classify the answer by the patient asked about, not the first person in it: a dependent's
      // AAA sits in 2000D after the subscriber's own lines.
      const refused = rejectionOf(coverageAskedAbout(part, parsed));
      if (refused && DATE_OUT_OF_WINDOW.has(refused.code) && today !== undefined && part.dateOfService > today) {
        // The payer will not answer for a future date of service: today's answer is the best there is.
        raw = { ...(await ask({ ...part, dateOfService: today })), dateOfServiceAsked: today };
        parsed = readAnswer(deps, raw, payer.id);
      }
      fetched = { raw, coverages: parsed };
      const rejection = rejectionOf(coverageAskedAbout(part, parsed));
      if (rejection?.retryable) {
        // AAA 42 and the like: the payer is up but cannot answer now. Not cached; a stale answer may serve.
        throw new DomainError('payer.unavailable', `The payer cannot answer right now: ${rejection.action}`, {
          meta: { payerId: payer.id, aaaCode: rejection.code },
        });
      }
      // A re-asked answer speaks only for the day it was asked about: once that day has passed (the
      // coordinator checks again on the first day, as the notice says) the payer answers for a later
      // date, so it is asked again; in an outage the earlier answer still serves, marked stale.
      const answeredFor = raw.dateOfServiceAsked;
      return { response: raw, kind: rejection ? 'rejection' : 'benefits', ...(answeredFor !== undefined ? { freshUntil: endOfUsDay(answeredFor) } : {}) };
    };

    const cacheOptions = {
      bypass: request.bypassCache === true || options.pastTheCache === true,
      dataKind: request.levelOfCare ? ('accumulators' as const) : ('eligibility' as const),
      // A payer's own freshness (from the directory) wins over the service-wide defaults.
      ...(payer.cache?.freshSeconds !== undefined ? { freshSeconds: payer.cache.freshSeconds } : {}),
      ...(payer.cache?.staleIfErrorSeconds !== undefined ? { staleIfErrorSeconds: payer.cache.staleIfErrorSeconds } : {}),
    };
    const cached = await deps.cache.getOrFetch(cacheIdentity(part), fetchFromPayer, cacheOptions);
    const coverages = fetched && fetched.raw === cached.response ? fetched.coverages : readAnswer(deps, cached.response, payer.id);
    return { cached, coverage: coverageAskedAbout(part, coverages), serviceTypes };
  };

  // Every part is asked at once (the payer's concurrency limit still applies); any part failing
  // fails the check, so an estimate is never priced from half an answer without saying so.
  const asked = await Promise.all(splitServiceTypes(inquiry.serviceTypes, payer.serviceTypesPerInquiry).map((types) => askPart(types)));
  const [firstPrimary, ...firstOthers] = asked as [AnsweredPart, ...AnsweredPart[]];
  let primary = firstPrimary;
  // A part about another member (misrouted on the way back) may have been cached: ask for it once
  // more past the cache, which also replaces the entry, before the merge refuses the check.
  const others = await Promise.all(
    firstOthers.map(async (part) => (aboutSamePatient(primary.coverage, part.coverage) ? part : askPart(part.serviceTypes, { pastTheCache: true }))),
  );
  // Parts that still disagree may be right: the plan-level answer may be the misrouted one. Ask it
  // once more past the cache too; whatever still disagrees after that fails the merge.
  if (others.some((part) => !aboutSamePatient(primary.coverage, part.coverage))) {
    primary = await askPart(primary.serviceTypes, { pastTheCache: true });
  }
  const parts = [primary, ...others];

  const rejection = rejectionOf(primary.coverage);
  if (rejection) {
    throw new DomainError('payer.rejected', `${rejection.description}. ${rejection.action}`, {
      meta: { payerId: payer.id, aaaCode: rejection.code, retryable: rejection.retryable, cache: primary.cached.cache },
    });
  }
  const coverage = mergeParts(primary, others);

  const result: VerifyCoverageResult = {
    coverage,
    source: { payerId: payer.id, format: coverage.format, ...combinedSource(parts) },
  };
  const dateOfServiceAsked = parts.find((part) => part.cached.response.dateOfServiceAsked)?.cached.response.dateOfServiceAsked;
  if (dateOfServiceAsked !== undefined) result.source.dateOfServiceAsked = dateOfServiceAsked;
  if (request.levelOfCare && request.resolveTerms !== false) {
    result.levelOfCare = {
      id: request.levelOfCare,
      inNetwork: resolveCostSharingTerms(coverage, request.levelOfCare, 'in', request.inquiry.dateOfService),
      outOfNetwork: resolveCostSharingTerms(coverage, request.levelOfCare, 'out', request.inquiry.dateOfService),
    };
  }
  return result;
}
