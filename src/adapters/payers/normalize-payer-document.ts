/**
 * Format detection and dispatch: one entry point that turns any payer document body (X12 271,
 * FHIR R4 CoverageEligibilityResponse, clearinghouse JSON) into normalized coverages. Failures are
 * DomainErrors with stable codes and PHI-free reasons (JSON.parse messages quote the input, so
 * they are never passed through).
 *
 * An X12 answer wrapped in a CAQH CORE Connectivity envelope (SOAP or HTTP MIME multipart, as
 * payers reached directly send it) is unwrapped first (./core-envelope.ts); its coverages carry a
 * `core-envelope.unwrapped` warning, and an envelope ErrorCode other than Success is payer.rejected.
 */
import { DomainError } from '../../core/errors.js';
import type { Coverage, CoverageFormat } from '../../core/coverage/coverage-model.js';
import { x12271ToCoverages } from './x12/x12-271-to-coverage.js';
import { fhirEligibilityResponseToCoverages } from './fhir/fhir-eligibility-response-to-coverage.js';
import { clearinghouseToCoverages, isEligibleDialect } from './clearinghouse/clearinghouse-to-coverage.js';
import { coreEnvelopeError, coreEnvelopeWarning, isCoreEnvelope, readCoreEnvelope } from './core-envelope.js';

/** Strip a UTF-8 byte-order mark and surrounding whitespace (several public samples start with a BOM). */
function clean(body: string): string {
  return body.replace(/^\uFEFF/, '').trim();
}

type Parsed = { ok: true; value: unknown } | { ok: false; position?: number };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const match = /position (\d+)/.exec(error instanceof Error ? error.message : '');
    return match ? { ok: false, position: Number(match[1]) } : { ok: false };
  }
}

function detectJson(value: unknown): CoverageFormat | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  if (typeof (value as { resourceType?: unknown }).resourceType === 'string') return 'fhir-r4';
  if ('benefitsInformation' in value || 'planStatus' in value || ('subscriber' in value && 'payer' in value)) return 'clearinghouse-json';
  // The Eligible.com dialect is a clearinghouse JSON too; its reader rejects it as unsupported.
  if (isEligibleDialect(value)) return 'clearinghouse-json';
  return undefined;
}

/** Guess the wire format of a payer document body; undefined when nothing matches. */
export function detectPayerFormat(body: string, contentType?: string): CoverageFormat | undefined {
  const text = clean(body);
  if (text.startsWith('ISA')) return 'x12-271';
  if (isCoreEnvelope(text, contentType)) {
    const read = readCoreEnvelope(text, contentType);
    return read.ok && clean(read.envelope.payload).startsWith('ISA') ? 'x12-271' : undefined;
  }
  if (!text.startsWith('{')) return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? detectJson(parsed.value) : undefined;
}

/**
 * Normalize a payer document, detecting its format unless one is given. `contentType` (the media
 * type the document came with) supplies a multipart boundary for CORE MIME envelopes.
 */
export function normalizePayerDocument(
  body: string,
  format?: CoverageFormat,
  options: { contentType?: string } = {},
): { format: CoverageFormat; coverages: Coverage[] } {
  const text = clean(body);
  if ((format === undefined || format === 'x12-271') && isCoreEnvelope(text, options.contentType)) {
    return { format: 'x12-271', coverages: unwrapCoreEnvelope(text, options.contentType) };
  }
  const chosen = format ?? detectFormatOrThrow(text);
  switch (chosen) {
    case 'x12-271':
      return { format: chosen, coverages: x12271ToCoverages(text) };
    case 'fhir-r4':
      return { format: chosen, coverages: fhirEligibilityResponseToCoverages(parseJsonOrThrow(text, chosen)) };
    case 'clearinghouse-json':
      return { format: chosen, coverages: clearinghouseToCoverages(parseJsonOrThrow(text, chosen)) };
    case 'manual':
      throw new DomainError('format.unsupported', 'Manual coverage is entered directly, not parsed from a payer document', { meta: { format: chosen } });
  }
}

/** Reads the X12 payload of a CAQH CORE envelope; 999/TA1 rejections surface as payer.rejected from the X12 reader. */
function unwrapCoreEnvelope(text: string, contentType: string | undefined): Coverage[] {
  const read = readCoreEnvelope(text, contentType);
  if (!read.ok) throw coreEnvelopeError(read.failure, 'document');
  const payload = clean(read.envelope.payload);
  if (!payload.startsWith('ISA')) {
    throw coreEnvelopeError({ kind: 'malformed', reason: 'the Payload is not an X12 interchange (no ISA header)' }, 'document');
  }
  const coverages = x12271ToCoverages(payload);
  // The coverages of one transaction set may share one warnings array: note each array once.
  const warning = coreEnvelopeWarning(read.envelope);
  const noted = new Set<unknown>();
  for (const coverage of coverages) {
    if (noted.has(coverage.warnings)) continue;
    noted.add(coverage.warnings);
    coverage.warnings.unshift(warning);
  }
  return coverages;
}

function detectFormatOrThrow(text: string): CoverageFormat {
  if (text.startsWith('{') || text.startsWith('[')) {
    const parsed = parseJson(text);
    if (!parsed.ok) throw invalidJson(parsed.position, undefined);
    const detected = detectJson(parsed.value);
    if (detected) return detected;
  } else if (text.startsWith('ISA')) {
    return 'x12-271';
  }
  throw new DomainError(
    'format.unrecognized',
    'The document is not an X12 271 (ISA header, bare or in a CAQH CORE envelope), a FHIR resource (resourceType) or clearinghouse eligibility JSON (benefitsInformation, planStatus, subscriber and payer)',
  );
}

function parseJsonOrThrow(text: string, format: CoverageFormat): unknown {
  const parsed = parseJson(text);
  if (!parsed.ok) throw invalidJson(parsed.position, format);
  return parsed.value;
}

function invalidJson(position: number | undefined, format: CoverageFormat | undefined): DomainError {
  const where = position === undefined ? '' : ` (at character ${position})`;
  const meta: Record<string, string | number> = {};
  if (format) meta.format = format;
  if (position !== undefined) meta.position = position;
  return new DomainError('format.parse-error', `The document is not valid JSON${where}`, { meta });
}
